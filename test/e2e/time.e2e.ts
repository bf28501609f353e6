// Time as a planner uses it, with the sample loaded: the year slider moves every figure together
// (checked against the CLI for each year), the play button steps through the build-out, and
// comparing two years lists (and exports) exactly the villages newly covered between them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { atlas, screenPoint, settled } from './atlas';
import { csvLines, download } from './downloads';
import { poll, SLOW_TEST_MS, useApp } from './harness';
import { XIFENG } from './places';
import { seededSample } from './seededSample';
import type { Sample } from '../../src/core/sample/generate';
import { stationsCsv } from '../../src/core/sample/csv';
import { runSummarize } from '../../src/cli/summarize';

const app = useApp({ sample: true });
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
let sample: Sample;
/** The CLI's 5G station count of 息烽县 at the end of each year (a few seconds per year, so run once here). */
const cliFiveG = new Map<number, number>();

beforeAll(() => {
  const seeded = seededSample();
  sample = seeded.sample;
  const stationsPath = join(mkdtempSync(join(tmpdir(), 'atlas-time-')), 'stations.csv');
  writeFileSync(stationsPath, stationsCsv(sample.stations, seeded.areas.counties));
  for (const year of YEARS) {
    const [header, ...rows] = runSummarize(
      stationsPath,
      { level: 'county', format: 'csv', datum: 'wgs84', asOfYear: year },
      () => {},
    )
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    cliFiveG.set(year, Number(rows.find((r) => r[0] === XIFENG.adcode)![header.indexOf('制式:5G')]));
  }
}, 300_000);

const refreshCount = (page: Page) => atlas(page, (a) => a.refreshesFinished());

/**
 * Moves the slider and waits until the engine's figures for that year are in the page and drawn.
 * Returns the time in the page from the slider's input to the first frame after the new figures arrived.
 */
async function setYear(page: Page, year: number): Promise<number> {
  const before = await refreshCount(page);
  await page.getByTestId('year-slider').fill(String(year));
  await settled(page);
  expect(await refreshCount(page)).toBeGreaterThan(before);
  const painted = await page.evaluate(() => performance.getEntriesByName('figures-painted').length);
  expect(painted).toBeGreaterThanOrEqual(before + 1);
  return page.evaluate(
    () =>
      performance.getEntriesByName('figures-painted').at(-1)!.startTime -
      performance.getEntriesByName('year-input').at(-1)!.startTime,
  );
}

test(
  "each year of the slider gives the county the CLI's 5G count for that year",
  { timeout: SLOW_TEST_MS },
  async () => {
    // six refreshes, each drawn in software WebGL: 2–8 s apiece on a busy machine
    const { page } = app;
    const point = await screenPoint(page, ...XIFENG.seat);
    await page.mouse.click(point.x, point.y);
    await page.getByTestId('area-metrics').waitFor();
    const steps: string[] = [];
    for (const year of YEARS) {
      const ms = await setYear(page, year);
      steps.push(`${year} ${ms.toFixed(0)} ms`);
      const cli = cliFiveG.get(year)!;
      await poll(
        async () => Number((await page.getByTestId('area-5g-count').textContent())!.replace(/\D/g, '')),
        String(year),
      ).toBe(cli);
      expect(await page.getByTestId('year-value').textContent()).toBe(`${year} 年底`);
    }
    console.log(`year step (slider → figures, map and panel updated): ${steps.join(', ')}`);
    await page.screenshot({ path: 'test/e2e/screenshots/year-2025-1440.png' });
  },
);

test('play steps year by year to 2025 and stops', { timeout: SLOW_TEST_MS }, async () => {
  const { page } = app;
  await setYear(page, 2023);
  await page.getByTestId('year-play').click();
  await poll(() => page.getByTestId('year-value').textContent()).toBe('2024 年底');
  await poll(() => page.getByTestId('year-value').textContent()).toBe('2025 年底');
  // The step after 2025 stops the play (the button offers to play again) instead of going on.
  await poll(() => page.getByTestId('year-play').getAttribute('aria-label')).toBe('播放建设进程');
  await settled(page);
  expect(await page.getByTestId('year-value').textContent()).toBe('2025 年底');
  expect(await page.getByTestId('year-play').getAttribute('aria-label')).toBe('播放建设进程');
});

test(
  'comparing 2021 with 2022 lists and exports exactly the villages reported covered in 2022',
  { timeout: SLOW_TEST_MS },
  async () => {
    const { page } = app;
    await setYear(page, 2022);
    await page.getByRole('tab', { name: '规划', exact: true }).click();
    const section = page.getByTestId('compare-years');
    await section.getByLabel('起始').selectOption('2021');
    const expected = new Set(
      sample.villages.villages.code.filter((_, i) => sample.villages.fiveGYear[i] === 2022),
    );
    await poll(async () => (await page.getByTestId('compare-counts').textContent()) ?? '').toContain(
      `村 ${expected.size.toLocaleString('en')} 上报`,
    );

    const { text } = await download(page, () => section.getByRole('button', { name: '导出 CSV' }).click());
    expect(text).toContain('示例数据 / sample data');
    const reportedVillages = csvLines(text)
      .map((line) => line.split(','))
      .filter((cells) => cells[0] === '村' && cells[4].startsWith('上报'))
      .map((cells) => cells[1]);
    expect(new Set(reportedVillages)).toEqual(expected);

    await section.getByTestId('compare-map').check();
    await page.getByRole('tab', { name: '图层' }).click();
    await poll(() => page.getByTestId('choropleth-legend').locator('caption').textContent()).toContain(
      '变化：2021→2022 年底',
    );
    await page.getByRole('tab', { name: '规划', exact: true }).click();
    await section.getByTestId('compare-map').uncheck();
    await page.screenshot({ path: 'test/e2e/screenshots/compare-1440.png' });
    await page.getByRole('tab', { name: '图层' }).click();
  },
);
