// A link or a stored value cannot keep the app from starting: hostile language values in a link,
// unreadable stored settings (with a notice and a reset), and the server's security headers.
import { expect, test } from 'vitest';
import { appUrl, useApp, whenReady } from './harness';

const app = useApp();

for (const value of ['__proto__', 'constructor', 'toString']) {
  test(`a link with l=${value} opens the app in Chinese, and the next plain visit still starts`, async () => {
    const page = await app.open({ query: `?v=1&l=${value}` });
    expect(await page.locator('h1').textContent()).toBe('贵州通信覆盖图');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('gca.settings') ?? '{}'));
    // Nothing changed, so nothing may have been written; what is written is a language, not `{}`.
    expect([undefined, 'zh-CN']).toContain(stored.locale);
    await page.goto(appUrl());
    await whenReady(page);
    expect(await page.locator('h1').textContent()).toBe('贵州通信覆盖图');
    await page.context().close();
  });
}

test('unreadable stored settings are set back to their defaults with a notice, and reset clears them', async () => {
  const page = await app.open();
  await page.evaluate(() =>
    localStorage.setItem(
      'gca.settings',
      JSON.stringify({ locale: {}, theme: 'highContrast', sampleWanted: 7 }),
    ),
  );
  await page.reload();
  await whenReady(page);
  const notice = page.getByTestId('settings-notice');
  await notice.waitFor();
  expect(await notice.textContent()).toContain('语言');
  expect(await notice.textContent()).toContain('示例数据');
  // The readable one is kept.
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('gca.settings')!).theme)).toBe(
    'highContrast',
  );
  await notice.getByRole('button', { name: '恢复默认设置' }).click();
  await page.waitForURL(appUrl());
  await whenReady(page);
  expect(await page.getByTestId('settings-notice').count()).toBe(0);
  const after = await page.evaluate(() => JSON.parse(localStorage.getItem('gca.settings') ?? '{}'));
  expect(after.theme ?? 'light').toBe('light');
  expect(after.sampleWanted ?? false).toBe(false);
  await page.context().close();
});

test('our server sends the policy as a header: no framing, and no other host without a basemap', async () => {
  const response = await app.page.request.get(appUrl());
  const headers = response.headers();
  const policy = headers['content-security-policy'];
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("connect-src 'self' blob:;");
  expect(policy).not.toContain('https:');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
});

test('with a basemap configured, the policy allows that origin only', async () => {
  const context = app.page.context();
  await context.addCookies([
    { name: 'gca-basemap-origin', value: encodeURIComponent('https://tiles.example'), url: appUrl() },
  ]);
  const policy = (await app.page.request.get(appUrl())).headers()['content-security-policy'];
  expect(policy).toContain("connect-src 'self' blob: https://tiles.example;");
  expect(policy).toContain("img-src 'self' data: blob: https://tiles.example;");
  await context.clearCookies();
});
