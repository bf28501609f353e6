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
  const stations = page.getByTestId('area-stations');
  await stations.waitFor();
  expect(await stations.textContent()).toMatch(/5G 基站（2025 年底）[\d,]+/);
  expect(await stations.textContent()).toContain('示例数据');
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

test('the 5G density layer classifies all 88 counties, its legend counts them, and toggling it changes the map', async () => {
  const { page } = app;
  await page.getByRole('button', { name: '加载示例数据' }).click();
  const legend = page.getByTestId('density-legend');
  await legend.waitFor({ timeout: 30_000 });
  const counts = async () => (await legend.locator('tbody tr td:last-child').allTextContents()).map((text) => Number(text.replace(/\D/g, '')));
  expect((await counts()).reduce((a, b) => a + b, 0)).toBe(88);
  expect(await page.getByTestId('layer-panel').textContent()).toContain('规划目标：每万人 33 个 5G 基站');
  await page.getByLabel('分级').selectOption('quantile');
  await expect.poll(async () => (await counts()).length).toBe(5);
  expect(Math.max(...(await counts()))).toBeLessThanOrEqual(19); // quantiles: about 88 / 5 each
  await page.getByLabel('层级').selectOption('prefecture');
  await expect.poll(async () => (await counts()).reduce((a, b) => a + b, 0)).toBe(9);

  const snapshot = () => page.locator('.maplibregl-canvas').screenshot();
  await page.waitForTimeout(500);
  const withLayer = await snapshot();
  await page.getByLabel('5G 基站密度').uncheck();
  await page.waitForTimeout(500);
  const withoutLayer = await snapshot();
  expect(withLayer.equals(withoutLayer)).toBe(false);
  await page.screenshot({ path: 'test/e2e/screenshots/density-prefecture.png' });
  await page.getByLabel('5G 基站密度').check();
  await page.getByRole('button', { name: '清除示例数据' }).click();
});
