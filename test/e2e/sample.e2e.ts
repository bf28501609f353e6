// The sample as a user meets it: load it, see it labelled, keep it across a reload, clear it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, openApp, screenPoint, type OpenedApp } from './browser';

let browser: Browser;
let app: OpenedApp;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser);
  await app.page.waitForSelector('[data-engine-ready="true"]', { state: 'attached' });
});
afterAll(async () => {
  expect(app.foreignRequests).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
  await browser?.close();
});

test('loading the sample labels it everywhere it shows and gives calibrated totals', async () => {
  const { page } = app;
  expect(await page.getByTestId('sample-badge').count()).toBe(0);
  const started = Date.now();
  await page.getByRole('button', { name: '加载示例数据' }).click();
  await page.getByTestId('sample-badge').waitFor();
  console.log(`sample generated and summarised in the worker: ${Date.now() - started} ms`);
  const counts = await page.getByTestId('sample-counts').textContent();
  expect(counts).toContain('5G 基站 130,000 个');
  expect(counts).toContain('4G 基站 196,000 个');
  expect(counts).toContain('村级单位 17,964 个');
  expect(await page.getByTestId('data-panel').textContent()).toContain('合成数据，非真实');

  const point = await screenPoint(page, 106.733857, 27.096099); // 息烽县's seat
  await page.mouse.click(point.x, point.y);
  const metrics = page.getByTestId('area-metrics');
  await metrics.waitFor();
  expect(await page.getByTestId('area-5g-count').textContent()).toMatch(/^[\d,]+$/);
  expect(await metrics.textContent()).toContain('示例数据');
});

test('the sample comes back after a reload, and clearing it removes every trace', async () => {
  const { page } = app;
  await page.reload();
  await page.getByTestId('sample-badge').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: '清除示例数据' }).click();
  await expect.poll(() => page.getByTestId('sample-badge').count()).toBe(0);
  await page.reload();
  await page.waitForSelector('[data-engine-ready="true"]', { state: 'attached' });
  expect(await page.getByTestId('sample-badge').count()).toBe(0);
  expect(await page.getByRole('button', { name: '加载示例数据' }).count()).toBe(1);
});
