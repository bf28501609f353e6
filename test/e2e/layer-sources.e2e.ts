// A user's own stations on the map: import a station file, choose it as the 5G station layer's
// source, read a county's count from it, find the choice again after a reload, delete the dataset
// and see the layer fall back to none, saying why.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { screenPoint, settled } from './atlas';
import { poll, useApp, waitTimeoutMs, whenReady } from './harness';
import { allCounties, XIFENG } from './places';
import { countyAt, countyIndexOf } from '../../src/core/assign/countyIndex';

const FIXTURE = 'test/fixtures/e2e/stations-two-counties.csv';
const DATASET_NAME = 'stations-two-counties';

const app = useApp({ engine: true });
let page: Page;

/** The fixture's 5G and 4G rows in 息烽县, placed with the app's own county index. */
function xifengCounts(): { fiveG: number; fourG: number } {
  const { index, counties } = countyIndexOf(allCounties());
  const [header, ...rows] = readFileSync(FIXTURE, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  const column = (name: string) => header.indexOf(name);
  const counts = { fiveG: 0, fourG: 0 };
  for (const row of rows) {
    const county = countyAt(index, Number(row[column('经度')]), Number(row[column('纬度')]));
    if (counties[county]?.properties.adcode !== XIFENG.adcode) continue;
    if (row[column('制式')] === '5G') counts.fiveG++;
    else counts.fourG++;
  }
  return counts;
}

const section = () => page.locator('section[data-layer="stations"]');
const sourceSelect = () => page.getByTestId('source-stations');
const sourceLine = () => section().locator('.source-line').first().textContent();

async function selectXifeng(): Promise<void> {
  await settled(page);
  const point = await screenPoint(page, ...XIFENG.seat);
  await page.mouse.click(point.x, point.y);
  await poll(() => page.getByTestId('area-code').textContent()).toBe(XIFENG.adcode);
}

const count = async (testId: string) =>
  Number((await page.getByTestId(testId).textContent())!.replace(/\D/g, ''));

beforeAll(() => {
  page = app.page;
});

test('an imported station file, chosen as the source, gives 息烽县 its 5G count', async () => {
  const expected = xifengCounts();
  expect(expected).toEqual({ fiveG: 8, fourG: 4 });
  expect(await sourceSelect().inputValue()).toBe('none');

  await page.getByTestId('import-input').setInputFiles(FIXTURE);
  await page.getByTestId('import-dialog').waitFor();
  expect(await page.getByLabel('数据类型').inputValue()).toBe('stations');
  await page.getByLabel('坐标系').selectOption('wgs84');
  await page.getByRole('button', { name: '检查数据' }).click();
  await page.getByTestId('import-counts').waitFor();
  expect(await page.getByTestId('import-counts').textContent()).toBe('可导入 20 行；有问题被拒绝 0 行。');
  await page.getByRole('button', { name: '导入 20 行有效数据' }).click();
  await page.getByTestId('import-saved').waitFor();
  await page.getByRole('button', { name: '关闭' }).click();

  // Offered to the station layer only, beside 无 (no sample is loaded).
  await poll(() => sourceSelect().locator('option').allTextContents()).toEqual([DATASET_NAME, '无']);
  expect(await page.getByTestId('source-villages').locator('option').allTextContents()).toEqual(['无']);
  await sourceSelect().selectOption({ label: DATASET_NAME });
  await poll(sourceLine).toBe(`数据：${DATASET_NAME}（20 行）`);

  await selectXifeng();
  await poll(() => count('area-5g-count')).toBe(expected.fiveG);
  expect(await count('area-4g-count')).toBe(expected.fourG);
  expect(await page.getByTestId('area-metrics').textContent()).not.toContain('示例数据');
  await page.getByRole('button', { name: '取消选择' }).click();
});

test('the sample fills the other layers; the chosen dataset stays, also when the sample is cleared', async () => {
  await page.getByRole('button', { name: '加载示例数据' }).click();
  await page.getByTestId('sample-badge').waitFor({ timeout: waitTimeoutMs() });
  await poll(() => page.getByTestId('source-villages').inputValue()).toBe('sample');
  expect(await sourceSelect().locator('option').allTextContents()).toEqual(['示例数据', DATASET_NAME, '无']);
  expect(await sourceLine()).toBe(`数据：${DATASET_NAME}（20 行）`);
  // The 5G density map is drawn from the dataset, so it is not labelled sample data.
  expect(await page.getByTestId('choropleth-legend').locator('caption').textContent()).toBe(
    '每万人 5G 基站数（站/万人）',
  );
  await page.getByRole('button', { name: '清除示例数据' }).click();
  await poll(() => page.getByTestId('source-villages').inputValue()).toBe('none');
  expect(await sourceLine()).toBe(`数据：${DATASET_NAME}（20 行）`);
});

test('the choice survives a reload', async () => {
  const datasetId = await sourceSelect().inputValue();
  expect(datasetId).not.toBe('none');
  await page.reload();
  await whenReady(page, 'engine');
  await poll(sourceLine).toBe(`数据：${DATASET_NAME}（20 行）`);
  expect(await sourceSelect().inputValue()).toBe(datasetId);
  expect(await page.evaluate(() => localStorage.getItem('gca.layerSources'))).toBe(
    JSON.stringify({ stations: { datasetId } }),
  );
  await selectXifeng();
  await poll(() => count('area-5g-count')).toBe(xifengCounts().fiveG);
});

test('deleting the chosen dataset empties the layer and says so; nothing breaks', async () => {
  page.once('dialog', (dialog) => void dialog.accept());
  await page
    .getByTestId('dataset-row')
    .filter({ hasText: DATASET_NAME })
    .getByRole('button', { name: '删除' })
    .click();
  await poll(() => page.getByTestId('source-note-stations').textContent()).toBe(
    '所选数据集已被删除，本图层改为“无”。',
  );
  expect(await sourceSelect().inputValue()).toBe('none');
  expect(await section().textContent()).toContain('未加载');
  // 息烽县 is still selected; its panel no longer lists stations.
  await poll(() => page.getByTestId('area-5g-count').count()).toBe(0);
  expect(await page.getByTestId('area-code').textContent()).toBe(XIFENG.adcode);

  await page.reload();
  await whenReady(page, 'engine');
  expect(await sourceSelect().inputValue()).toBe('none');
  expect(await page.getByTestId('source-note-stations').count()).toBe(0);
});
