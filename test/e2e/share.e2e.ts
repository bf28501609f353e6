// Sharing and presenting, as a presenter does it with the sample loaded: set up a view, copy its
// link and open it in another tab (same metric, year, selection and zoom); open links naming data
// this browser lacks (a banner names it); save slides with captions, find them after a reload,
// reorder them; present them with the keys a clicker sends; export them and import them back.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { inject } from 'vitest';
import {
  launchBrowser,
  openApp,
  openWithSample,
  screenPoint,
  waitForMapToSettle,
  type OpenedApp,
} from './browser';

const XIFENG = { adcode: '520122', seat: [106.733857, 27.096099] as const };
const CAPTIONS = ['息烽县：2023 年底村级 5G 通达情况', '全省：每万人 5G 基站，2025 年目标 33 个'];

let browser: Browser;
let app: OpenedApp;
let page: Page;
/** Foreign requests and console errors of every page opened here, not only the first. */
const foreignRequests: string[] = [];
const consoleErrors: string[] = [];
let sharedLink = '';

type View = { center: [number, number]; zoom: number; moving: boolean };
const view = (p: Page) => p.evaluate(() => (window as unknown as { atlas: { view(): View } }).atlas.view());
const jumpTo = (p: Page, lon: number, lat: number, zoom: number) =>
  p.evaluate(
    ([x, y, z]) =>
      (window as unknown as { atlas: { jumpTo(a: number, b: number, c: number): void } }).atlas.jumpTo(
        x,
        y,
        z,
      ),
    [lon, lat, zoom],
  );

/** Records what every page must not do: ask another host for anything, log an error. */
function watch(p: Page): void {
  const origin = new URL(inject('baseUrl')).origin;
  p.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))
      foreignRequests.push(url);
  });
  p.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  p.on('pageerror', (error) => consoleErrors.push(String(error)));
}

async function openInContext(context: BrowserContext, url: string): Promise<Page> {
  const opened = await context.newPage();
  watch(opened);
  await opened.goto(url);
  await opened.waitForSelector('[data-engine-ready="true"]', { state: 'attached', timeout: 30_000 });
  return opened;
}

const slideNames = (p: Page) =>
  p
    .getByTestId('slide-name')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
const slideCaptions = (p: Page) =>
  p
    .getByTestId('slide-caption')
    .evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value));

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openWithSample(browser);
  page = app.page;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
}, 120_000);

afterAll(async () => {
  expect([...app.foreignRequests, ...foreignRequests]).toEqual([]);
  expect([...app.consoleErrors, ...consoleErrors]).toEqual([]);
  await browser?.close();
});

test('a copied link opens the same metric, year, selection and zoom in a new page', async () => {
  await page.getByLabel('指标', { exact: true }).selectOption('villages.fiveG');
  await page.getByTestId('year-slider').fill('2023');
  await waitForMapToSettle(page);
  const seat = await screenPoint(page, ...XIFENG.seat);
  await page.mouse.click(seat.x, seat.y);
  await expect.poll(() => page.getByTestId('area-code').textContent()).toBe(XIFENG.adcode);
  await jumpTo(page, 106.75, 27.1, 8.37);
  await waitForMapToSettle(page);
  // The address follows the view (debounced).
  await expect.poll(() => page.url()).toMatch(/[?&]z=8\.37(&|$)/);
  expect(page.url()).toMatch(/[?&]sel=520122(&|$)/);
  expect(page.url()).not.toMatch(/27\.0960|106\.7338/); // a station's or a seat's exact position is not in it

  await page.getByTestId('copy-link').click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: '已复制' }).count()).toBe(1);
  sharedLink = await page.evaluate(() => navigator.clipboard.readText());
  expect(sharedLink).toBe(page.url());
  const query = new URL(sharedLink).searchParams;
  expect([query.get('v'), query.get('m'), query.get('y'), query.get('sel'), query.get('st')]).toEqual([
    '1',
    'villages.fiveG',
    '2023',
    '520122',
    'sample',
  ]);

  // Same browser profile, so the sample is loaded there too: nothing is missing.
  const second = await openInContext(page.context(), sharedLink);
  await second.getByTestId('choropleth-legend').waitFor({ timeout: 60_000 });
  await expect
    .poll(() => second.getByTestId('area-code').textContent(), { timeout: 30_000 })
    .toBe(XIFENG.adcode);
  expect(await second.getByRole('heading', { name: '息烽县' }).count()).toBe(1);
  expect(await second.getByLabel('指标', { exact: true }).inputValue()).toBe('villages.fiveG');
  expect(await second.getByTestId('year-slider').inputValue()).toBe('2023');
  await waitForMapToSettle(second);
  const opened = await view(second);
  expect(Math.abs(opened.zoom - 8.37)).toBeLessThanOrEqual(0.1);
  expect(Math.abs(opened.center[0] - 106.75)).toBeLessThan(0.001);
  expect(await second.getByTestId('link-notice').count()).toBe(0);
  await second.close();
});

test('a link naming a dataset this browser lacks says so by name; one based on the sample offers to load it', async () => {
  const missing = await openApp(browser, {
    query:
      '?v=1&m=stations.count&st=ds:3f1c2d4e-0000-4000-8000-000000000000&stn=%E5%9F%BA%E7%AB%992024Q4&vi=sample',
  });
  const { page: receiver } = missing;
  const notice = receiver.getByTestId('link-notice');
  await notice.waitFor({ timeout: 30_000 });
  expect(await notice.textContent()).toContain(
    '此链接使用了数据集「基站2024Q4」（5G 基站），本机没有该数据集',
  );
  expect(await notice.textContent()).toContain('此链接基于示例数据');
  expect(await receiver.getByLabel('指标', { exact: true }).inputValue()).toBe('stations.count');
  await receiver.screenshot({ path: 'test/e2e/screenshots/share-missing-dataset.png' });
  // Loading the sample from the banner: the villages draw it, the stations stay empty (their dataset is missing).
  await notice.getByRole('button', { name: '加载示例数据' }).click();
  await expect.poll(() => receiver.getByTestId('sample-badge').count(), { timeout: 60_000 }).toBe(1);
  expect(await notice.textContent()).not.toContain('此链接基于示例数据');
  expect(await receiver.getByTestId('source-stations').inputValue()).toBe('none');
  await notice.getByRole('button', { name: '关闭提示' }).click();
  expect(await notice.count()).toBe(0);
  // A browser that refuses the clipboard gets the link in a selected field to copy by hand.
  await receiver.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await receiver.getByTestId('copy-link').click();
  const field = receiver.getByTestId('share-link');
  await field.waitFor();
  expect(await field.inputValue()).toBe(receiver.url());
  expect(receiver.url()).toContain('st=none');
  expect(await field.evaluate((input: HTMLInputElement) => input.selectionEnd! - input.selectionStart!)).toBe(
    receiver.url().length,
  );
  foreignRequests.push(...missing.foreignRequests);
  consoleErrors.push(...missing.consoleErrors);
  await receiver.context().close();
});

test('two slides with captions survive a reload and can be reordered by button and by keyboard', async () => {
  await page.getByRole('tab', { name: '幻灯片' }).click();
  await page.getByTestId('add-slide').click();
  await expect.poll(() => page.getByTestId('slide').count()).toBe(1);
  await page.getByTestId('slide-caption').nth(0).fill(CAPTIONS[0]);
  await page.getByTestId('slide-name').nth(0).fill('息烽县');
  await page.getByTestId('slide-name').nth(0).press('Enter');

  await page.getByRole('tab', { name: '图层' }).click();
  await page.getByLabel('指标', { exact: true }).selectOption('stations.per10k');
  await page.getByTestId('year-slider').fill('2025');
  await page.getByRole('button', { name: '取消选择' }).click();
  await jumpTo(page, 106.8, 26.8, 6.6);
  await waitForMapToSettle(page);
  await page.getByRole('tab', { name: '幻灯片' }).click();
  await page.getByTestId('add-slide').click();
  await expect.poll(() => page.getByTestId('slide').count()).toBe(2);
  await page.getByTestId('slide-caption').nth(1).fill(CAPTIONS[1]);
  await page.getByTestId('slide-name').nth(1).fill('全省');
  await page.getByTestId('slide-name').nth(1).press('Tab');
  await page.waitForTimeout(300);

  await page.reload();
  await page.waitForSelector('[data-engine-ready="true"]', { state: 'attached' });
  await page.getByTestId('choropleth-legend').waitFor({ timeout: 60_000, state: 'attached' });
  await page.getByRole('tab', { name: '幻灯片' }).click();
  await expect.poll(() => slideNames(page)).toEqual(['息烽县', '全省']);
  expect(await slideCaptions(page)).toEqual(CAPTIONS);

  await page.getByTestId('slide-down').nth(0).click();
  await expect.poll(() => slideNames(page)).toEqual(['全省', '息烽县']);
  // Alt+↑ inside the second slide moves it back up; the focus stays in it.
  await page.getByTestId('slide-caption').nth(1).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => slideNames(page)).toEqual(['息烽县', '全省']);
  expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).value)).toBe(CAPTIONS[0]);
  await page.reload();
  await page.waitForSelector('[data-engine-ready="true"]', { state: 'attached' });
  await page.getByRole('tab', { name: '幻灯片' }).click();
  await expect.poll(() => slideNames(page)).toEqual(['息烽县', '全省']);
});

test('presentation mode: full window, caption band, → flies to the next slide, Esc restores the view', async () => {
  await page.getByTestId('choropleth-legend').waitFor({ timeout: 60_000, state: 'attached' });
  await jumpTo(page, 105.5, 26.0, 7.2);
  await waitForMapToSettle(page);
  const before = await view(page);

  await page.getByTestId('start-presentation').click();
  const presentation = page.getByTestId('presentation');
  await presentation.waitFor();
  expect(await page.locator('.side-panel').isVisible()).toBe(false);
  expect(await page.getByTestId('presentation-caption').textContent()).toBe(CAPTIONS[0]);
  expect(await page.getByTestId('presentation-count').textContent()).toBe('1 / 2');
  await expect.poll(async () => (await view(page)).zoom, { timeout: 10_000 }).toBeCloseTo(8.37, 1);
  await waitForMapToSettle(page);
  const first = await view(page);
  const fontSize = await page
    .getByTestId('presentation-caption')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(32);
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test/e2e/screenshots/presentation-slide-1.png' });

  // Every frame's zoom from here on: a flight shows zooms between the two slides', a jump does not.
  await page.evaluate(() => {
    const frames: number[] = [];
    (window as unknown as { zoomFrames: number[] }).zoomFrames = frames;
    const record = () => {
      frames.push((window as unknown as { atlas: { view(): View } }).atlas.view().zoom);
      if (frames.length < 600) requestAnimationFrame(record);
    };
    requestAnimationFrame(record);
  });
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.getByTestId('presentation-caption').textContent()).toBe(CAPTIONS[1]);
  expect(await page.getByTestId('presentation-count').textContent()).toBe('2 / 2');
  await expect.poll(async () => (await view(page)).zoom, { timeout: 10_000 }).toBeCloseTo(6.6, 1);
  await waitForMapToSettle(page);
  const frames = await page.evaluate(() => (window as unknown as { zoomFrames: number[] }).zoomFrames);
  const between = frames.filter((zoom) => zoom < first.zoom - 0.05 && zoom > 6.65);
  console.log(`slide change: ${frames.length} frames recorded, ${between.length} of them mid-flight`);
  expect(between.length).toBeGreaterThanOrEqual(1);
  const second = await view(page);
  expect(Math.abs(second.zoom - 6.6)).toBeLessThanOrEqual(0.1);
  expect(Math.hypot(second.center[0] - first.center[0], second.center[1] - first.center[1])).toBeGreaterThan(
    0.1,
  );
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test/e2e/screenshots/presentation-slide-2.png' });
  // Space at the last slide stays there; ← goes back.
  await page.keyboard.press('Space');
  expect(await page.getByTestId('presentation-count').textContent()).toBe('2 / 2');
  await page.keyboard.press('PageUp');
  await expect.poll(() => page.getByTestId('presentation-count').textContent()).toBe('1 / 2');

  await page.keyboard.press('Escape');
  await expect.poll(() => presentation.count()).toBe(0);
  expect(await page.locator('.side-panel').isVisible()).toBe(true);
  await waitForMapToSettle(page);
  const after = await view(page);
  expect(Math.abs(after.zoom - before.zoom)).toBeLessThan(0.01);
  expect(Math.abs(after.center[0] - before.center[0])).toBeLessThan(0.001);
});

test('slides export to a JSON file and import back; a bad file changes nothing', async () => {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-slides').click();
  const path = await (await download).path();
  const exported = JSON.parse(readFileSync(path!, 'utf8'));
  expect(exported.format).toBe('guizhou-coverage-atlas/slides');
  expect(exported.slides.map((s: { name: string; caption: string }) => [s.name, s.caption])).toEqual([
    ['息烽县', CAPTIONS[0]],
    ['全省', CAPTIONS[1]],
  ]);
  expect(JSON.stringify(exported)).not.toMatch(/106\.7338|27\.0960/);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('slide').nth(1).getByRole('button', { name: '删除' }).click();
  await expect.poll(() => slideNames(page)).toEqual(['息烽县']);

  await page.getByTestId('import-slides').setInputFiles({
    name: 'not-slides.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"type":"FeatureCollection","features":[]}'),
  });
  await expect
    .poll(() => page.getByTestId('slides-message').textContent())
    .toContain('不是本应用导出的幻灯片文件');
  const broken = {
    ...exported,
    slides: [exported.slides[0], { ...exported.slides[1], view: 'm=stations.count' }],
  };
  await page.getByTestId('import-slides').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await expect
    .poll(() => page.getByTestId('slides-message').textContent())
    .toContain('第 2 张幻灯片的字段“view”无效');
  expect(await slideNames(page)).toEqual(['息烽县']);

  await page.getByTestId('import-slides').setInputFiles(path!);
  await expect.poll(() => page.getByTestId('slides-message').textContent()).toContain('已导入 2 张幻灯片');
  expect(await slideNames(page)).toEqual(['息烽县', '全省']);
  expect(await slideCaptions(page)).toEqual(CAPTIONS);
});
