// Time as a planner uses it, with the sample loaded: the year slider moves every figure together
// (checked against the CLI for each year), the play button steps through the build-out, and
// comparing two years lists (and exports) exactly the villages newly covered between them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, openWithSample, screenPoint, type OpenedApp } from './browser';
import { seededSample } from './seededSample';
import type { Sample } from '../../src/core/sample/generate';
import { stationsCsv } from '../../src/core/sample/csv';
import { runSummarize } from '../../src/cli/summarize';

let browser: Browser;
let app: OpenedApp;
let sample: Sample;
let stationsPath: string;
const XIFENG = { adcode: '520122', seat: [106.733857, 27.096099] as const };

beforeAll(async () => {
  const seeded = seededSample();
  const { areas } = seeded;
  sample = seeded.sample;
  stationsPath = join(mkdtempSync(join(tmpdir(), 'atlas-time-')), 'stations.csv');
  writeFileSync(stationsPath, stationsCsv(sample.stations, areas.counties));

  browser = await launchBrowser();
  app = await openWithSample(browser);
}, 120_000);

afterAll(async () => {
  expect(app.foreignRequests).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
  await browser?.close();
});

const refreshCount = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('layers-refresh').length);

/**
 * Moves the slider and waits until the engine's figures for that year are in the page. Returns the
 * time in the page from the slider's input to the first frame after the new figures arrived.
 */
async function setYear(page: Page, year: number): Promise<number> {
  const before = await refreshCount(page);
  await page.getByTestId('year-slider').fill(String(year));
  await expect.poll(() => refreshCount(page)).toBeGreaterThan(before);
  const painted = () => page.evaluate(() => performance.getEntriesByName('figures-painted').length);
  await expect.poll(painted).toBeGreaterThanOrEqual(before + 1);
  return page.evaluate(
    () =>
      performance.getEntriesByName('figures-painted').at(-1)!.startTime -
      performance.getEntriesByName('year-input').at(-1)!.startTime,
  );
}

test("each year of the slider gives the county the CLI's 5G count for that year", async () => {
  const { page } = app;
  const point = await screenPoint(page, ...XIFENG.seat);
  await page.mouse.click(point.x, point.y);
  await page.getByTestId('area-metrics').waitFor();
  const steps: string[] = [];
  for (const year of [2020, 2021, 2022, 2023, 2024, 2025]) {
    const ms = await setYear(page, year);
    steps.push(`${year} ${ms.toFixed(0)} ms`);
    const [header, ...rows] = runSummarize(
      stationsPath,
      { level: 'county', format: 'csv', datum: 'wgs84', asOfYear: year },
      () => {},
    )
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    const cli = Number(rows.find((r) => r[0] === XIFENG.adcode)![header.indexOf('制式:5G')]);
    await expect
      .poll(async () => Number((await page.getByTestId('area-5g-count').textContent())!.replace(/\D/g, '')), {
        message: String(year),
      })
      .toBe(cli);
    expect(await page.getByTestId('year-value').textContent()).toBe(`${year} 年底`);
  }
  console.log(`year step (slider → figures, map and panel updated): ${steps.join(', ')}`);
  await page.screenshot({ path: 'test/e2e/screenshots/year-2025-1440.png' });
});

test('play steps year by year to 2025 and stops', async () => {
  const { page } = app;
  await setYear(page, 2023);
  await page.getByTestId('year-play').click();
  await expect
    .poll(() => page.getByTestId('year-value').textContent(), { timeout: 10_000 })
    .toBe('2024 年底');
  await expect
    .poll(() => page.getByTestId('year-value').textContent(), { timeout: 10_000 })
    .toBe('2025 年底');
  await page.waitForTimeout(1500);
  expect(await page.getByTestId('year-value').textContent()).toBe('2025 年底');
  expect(await page.getByTestId('year-play').getAttribute('aria-label')).toBe('播放建设进程');
});

test('comparing 2021 with 2022 lists and exports exactly the villages reported covered in 2022', async () => {
  const { page } = app;
  await setYear(page, 2022);
  await page.getByRole('tab', { name: '规划', exact: true }).click();
  const section = page.getByTestId('compare-years');
  await section.getByLabel('起始').selectOption('2021');
  const expected = new Set(
    sample.villages.villages.code.filter((_, i) => sample.villages.fiveGYear[i] === 2022),
  );
  await expect
    .poll(async () => (await page.getByTestId('compare-counts').textContent()) ?? '')
    .toContain(`村 ${expected.size.toLocaleString('en')} 上报`);

  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: '导出 CSV' }).click();
  const text = readFileSync(await (await download).path(), 'utf8');
  expect(text).toContain('示例数据 / sample data');
  const reportedVillages = text
    .split(/\r?\n/)
    .map((line) => line.split(','))
    .filter((cells) => cells[0] === '村' && cells[4].startsWith('上报'))
    .map((cells) => cells[1]);
  expect(new Set(reportedVillages)).toEqual(expected);

  await section.getByTestId('compare-map').check();
  await page.getByRole('tab', { name: '图层' }).click();
  await expect
    .poll(() => page.getByTestId('choropleth-legend').locator('caption').textContent())
    .toContain('变化：2021→2022 年底');
  await page.getByRole('tab', { name: '规划', exact: true }).click();
  await section.getByTestId('compare-map').uncheck();
  await page.screenshot({ path: 'test/e2e/screenshots/compare-1440.png' });
  await page.getByRole('tab', { name: '图层' }).click();
});
