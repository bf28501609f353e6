// The gap list as a planner uses it, with the sample loaded: select 息烽县, open the planning tab,
// and the county's gap list is what the CLI's `coverage` says on the same seeded sample written to
// CSV (every village it leaves uncovered by 5G in 2025, at the same distance to the nearest 5G
// station), plus the villages whose reported status disagrees with it; the export holds exactly
// those rows; a row flies the map to the village and rings it; the current-view scope then lists it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { atlas, mapView, renderedCount, screenPoint, settled } from './atlas';
import { csvFields as fields, download as downloadFile } from './downloads';
import { poll, SLOW_TEST_MS, useApp } from './harness';
import { XIFENG } from './places';
import { seededSample } from './seededSample';
import { statusAt } from '../../src/core/layers/types';
import { stationsCsv, villagesCsv } from '../../src/core/sample/csv';
import { runCoverage } from '../../src/cli/coverage';

const app = useApp({ sample: true });
const YEAR = 2025;

/** The table of an exported CSV: its header row (starting with 类型) and the rows under it. */
function exported(text: string): { notes: string[]; rows: Array<Record<string, string>> } {
  const lines = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/);
  const start = lines.findIndex((line) => line.startsWith('类型,'));
  const header = fields(lines[start]);
  return {
    notes: lines.slice(0, start),
    rows: lines
      .slice(start + 1)
      .map((line) => Object.fromEntries(fields(line).map((value, c) => [header[c], value]))),
  };
}

async function download(page: Page, container: string, button: string): Promise<string> {
  const file = await downloadFile(page, () =>
    page.getByTestId(container).getByRole('button', { name: button }).click(),
  );
  return file.text;
}

test(
  'the gap list of 息烽县 equals the CLI coverage on the same sample; the export holds those rows; a row flies the map there',
  { timeout: SLOW_TEST_MS },
  async () => {
    const { page } = app;
    // The CLI on the same seeded sample, written to CSV as `npm run sample` writes it.
    const { areas, sample } = seededSample();
    const directory = mkdtempSync(join(tmpdir(), 'atlas-gaps-'));
    writeFileSync(join(directory, 'stations.csv'), stationsCsv(sample.stations, areas.counties));
    writeFileSync(join(directory, 'villages.csv'), villagesCsv(sample.villages));
    const [cliHeader, ...cliLines] = runCoverage(
      join(directory, 'stations.csv'),
      join(directory, 'villages.csv'),
      { format: 'csv', datum: 'wgs84', asOfYear: YEAR },
      () => {},
    )
      .trim()
      .split('\n')
      .map(fields);
    const cli = cliLines
      .map((cells) => Object.fromEntries(cells.map((value, c) => [cliHeader[c], value])))
      .filter((row) => row.id.startsWith(XIFENG.adcode));
    const uncovered = new Map(
      cli.filter((row) => row.covered5G === 'false').map((row) => [row.id, Number(row.nearest5GMeters)]),
    );
    // The reported side from the same village file (its 5G year column), as of the year.
    const fiveGYear = new Map(
      sample.villages.villages.code.map((code, i) => [code, sample.villages.fiveGYear[i]]),
    );
    const reported = (code: string) => statusAt(fiveGYear.get(code)!, YEAR);
    const reportedCovered = (code: string) => reported(code) === 1;
    const expected = new Map(
      cli
        .filter((row) => row.covered5G === 'false' || !reportedCovered(row.id))
        .map((row) => [row.id, Number(row.nearest5GMeters)]),
    );
    expect(uncovered.size).toBeGreaterThan(0);

    await page.getByRole('tab', { name: '规划', exact: true }).click();
    await poll(() => page.getByTestId('gap-select-hint').isVisible()).toBe(true);
    const seat = await screenPoint(page, ...XIFENG.seat);
    await page.mouse.click(seat.x, seat.y);
    // The list is computed while it is on screen: the county's summary pushes it down the panel.
    await page.getByTestId('gap-list').scrollIntoViewIfNeeded();
    const summary = page.getByTestId('gap-summary');
    await poll(() => summary.textContent()).toMatch(
      new RegExp(`息烽县 · ${YEAR} 年底 · 共 ${expected.size} 处`),
    );
    console.log(
      `gap list, 息烽县 (first, with the station grids): ${(await summary.textContent())!.match(/用时 (\d+) ms/)![1]} ms in the worker`,
    );

    // The whole list, exported: the villages the CLI leaves uncovered plus those reported without 5G.
    const all = exported(await download(page, 'gap-table', '导出 CSV'));
    expect(all.notes).toContain('示例数据 / sample data');
    expect(all.notes.some((note) => note.startsWith('模型估计'))).toBe(true);
    const villages = all.rows.filter((row) => row['类型'] === '村级单位');
    expect(villages.map((row) => row['村级代码']).sort()).toEqual([...expected.keys()].sort());
    for (const row of villages) {
      expect(
        Math.abs(Number(row['距最近 5G 基站（米）']) - expected.get(row['村级代码'])!),
        row['村级代码'],
      ).toBeLessThanOrEqual(1);
      expect(row['原因'].includes('模型半径内无 5G 基站'), row['村级代码']).toBe(
        uncovered.has(row['村级代码']),
      );
    }
    // Filtered to "no station within the radius": exactly the CLI's uncovered villages, in table and export.
    await page.getByLabel('原因', { exact: true }).selectOption('noStationInRadius');
    const table = page.getByTestId('gap-table');
    await poll(() => table.locator('tbody tr[aria-rowindex]').count()).toBe(uncovered.size);
    const filtered = exported(await download(page, 'gap-table', '导出 CSV')).rows;
    expect(
      new Map(filtered.map((row) => [row['村级代码'], Math.round(Number(row['距最近 5G 基站（米）']))])),
    ).toEqual(new Map([...uncovered].map(([code, meters]) => [code, Math.round(meters)])));
    await page.getByLabel('原因', { exact: true }).selectOption('');
    const xlsx = await downloadFile(page, () => table.getByRole('button', { name: '导出 XLSX' }).click());
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');

    // Disagreements come first and say both sides.
    const disagreements = page.getByTestId('disagreement-list');
    const disagreeing = cli.filter(
      (row) => reported(row.id) !== 255 && (row.covered5G === 'true') !== reportedCovered(row.id),
    ).length;
    expect(Number(await page.getByTestId('disagreement-count').textContent())).toBe(disagreeing);
    if (disagreeing > 0)
      expect(await disagreements.locator('tbody').textContent()).toMatch(/(未通|已通) \/ (覆盖|未覆盖)/);
    await page.getByTestId('gap-list').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: 'test/e2e/screenshots/gaps-1440.png' });

    // A row flies the map to its village; the current-view scope then lists it.
    const before = await mapView(page);
    const row = table.locator('tbody tr[aria-rowindex]').first();
    const code = await row.getAttribute('data-code');
    // The click starts the flight; the map settles at its end.
    await row.click();
    await settled(page);
    const after = await mapView(page);
    expect(after.zoom).toBeGreaterThan(before.zoom + 2);
    expect(
      Math.hypot(after.center[0] - before.center[0], after.center[1] - before.center[1]),
    ).toBeGreaterThan(0.001);
    await poll(() => renderedCount(page, 'gap-highlight-ring')).toBe(1);
    await page.getByRole('radio', { name: '当前视图' }).check();
    await poll(() => page.getByTestId('gap-table').locator(`tr[data-code="${code}"]`).count()).toBe(1);
    await page.screenshot({ path: 'test/e2e/screenshots/gaps-view-1440.png' });

    // The engine's own time for the whole province (grids for the year already built).
    const province = await atlas(
      page,
      (a, asOfYear) =>
        a
          .engine()
          .gapList({ scope: { adcode: '520000' }, asOfYear })
          .then((r) => ({ rows: r.rows.length, ms: r.timings.totalMs })),
      YEAR,
    );
    console.log(
      `gap list, province ${YEAR}: ${province.rows} rows in ${province.ms.toFixed(0)} ms in the worker`,
    );
    const earlier = await atlas(page, (a) =>
      a
        .engine()
        .gapList({ scope: { adcode: '520000' }, asOfYear: 2022 })
        .then((r) => ({ rows: r.rows.length, ms: r.timings.totalMs, gridsMs: r.timings.gridsMs })),
    );
    console.log(
      `gap list, province 2022 (new station grids): ${earlier.rows} rows in ${earlier.ms.toFixed(0)} ms in the worker, of which grids ${earlier.gridsMs.toFixed(0)} ms`,
    );
    await page.getByRole('radio', { name: '所选区域' }).check();
  },
);
