// Two vintages of one layer, as a planner compares last quarter's and this quarter's files: two
// village 5G sheets imported through the UI give exactly the villages that switched (both ways)
// in the counts, the export and the change map; two station lists, over the sample's villages,
// sites and scenic areas, give the places the coverage model newly reaches (computed here in Node).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { csvLines, download } from './downloads';
import { poll, useApp, waitTimeoutMs } from './harness';
import { XIFENG } from './places';
import { seededSample } from './seededSample';
import { computeCoverage } from '../../src/core/coverage/model';
import { stationRadiiMeters } from '../../src/core/coverage/radius';
import { seatColumns } from '../../src/core/coverage/seats';
import { haversineMeters } from '../../src/core/coverage/stationGrid';
import { layersFromSample } from '../../src/core/layers/fromSample';
import { isGradedScenicArea } from '../../src/core/layers/types';

const OLDER = 'villages-5g-2025q1',
  NEWER = 'villages-5g-2025q2';

const app = useApp({ engine: true });
let page: Page;

beforeAll(() => {
  page = app.page;
});

async function importCsv(path: string, rows: number, layer: string): Promise<void> {
  await page.getByTestId('import-input').setInputFiles(path);
  await page.getByTestId('import-dialog').waitFor();
  expect(await page.getByLabel('数据类型').inputValue()).toBe(layer);
  if (layer === 'stations') await page.getByLabel('坐标系').selectOption('wgs84');
  await page.getByRole('button', { name: '检查数据' }).click();
  await page.getByTestId('import-counts').waitFor();
  expect(await page.getByTestId('import-counts').textContent()).toBe(
    `可导入 ${rows} 行；有问题被拒绝 0 行。`,
  );
  await page.getByRole('button', { name: `导入 ${rows} 行有效数据` }).click();
  await page.getByTestId('import-saved').waitFor();
  await page.getByRole('button', { name: '关闭' }).click();
}

const section = () => page.getByTestId('compare-vintages');
const chosen = (which: 'older' | 'newer') =>
  section().locator(`#vintage-${which} option:checked`).textContent();
const counts = async () => (await page.getByTestId('vintage-counts').textContent()) ?? '';

/** The village sheets: code → 通5G, read back from the fixtures. */
function sheet(name: string): Map<string, string> {
  const [, ...lines] = readFileSync(`test/fixtures/e2e/${name}.csv`, 'utf8').trim().split('\n');
  return new Map(lines.map((line) => line.split(',')).map((cells) => [cells[0], cells[2]]));
}

test('two village sheets: 3 newly covered, 1 newly uncovered, 1 dropped; the export lists exactly those 4', async () => {
  const [older, newer] = [sheet(OLDER), sheet(NEWER)];
  const expected = new Map(
    [...newer]
      .filter(([code, now]) => older.has(code) && older.get(code) !== now)
      .map(([code, now]) => [code, now === '是' ? '新增覆盖' : '新增未覆盖']),
  );
  expect([...expected.values()].sort()).toEqual(['新增未覆盖', '新增覆盖', '新增覆盖', '新增覆盖']);

  await importCsv(`test/fixtures/e2e/${OLDER}.csv`, 10, 'villages');
  await importCsv(`test/fixtures/e2e/${NEWER}.csv`, 9, 'villages');
  // Each import took over the village layer; this test reads the two vintages alone.
  await page.getByTestId('source-villages').selectOption('none');
  await page.getByRole('tab', { name: '规划', exact: true }).click();
  await page.getByLabel('两个数据版本').check();
  // The two most recent datasets of one kind, the older first.
  expect(await chosen('older')).toContain(OLDER);
  expect(await chosen('newer')).toContain(NEWER);
  await section().getByRole('button', { name: '对比', exact: true }).click();
  await poll(counts).toContain('村：新增覆盖 3 · 新增未覆盖 1');
  expect(await counts()).toContain('新版本增加 0 个，删去 1 个');

  const { text } = await download(page, () => section().getByRole('button', { name: '导出 CSV' }).click());
  const lines = csvLines(text);
  const notes = lines.find((line) => line.includes('数据版本对比'))!;
  expect(notes).toContain(`旧版本“${OLDER}”（导入于 `);
  expect(notes).toContain(`新版本“${NEWER}”（导入于 `);
  expect(text).not.toContain('示例数据');
  const listed = lines
    .map((line) => line.split(','))
    .filter((cells) => cells[0] === '村')
    .map((cells) => [cells[1], cells[4]] as const);
  expect(new Map(listed)).toEqual(expected);
  expect(listed).toHaveLength(4);

  // The change map: 息烽县's reported 5G share goes from 4 of 10 to 6 of 9.
  await section().getByTestId('vintage-map').check();
  await page.getByRole('tab', { name: '图层' }).click();
  await poll(() => page.getByTestId('choropleth-legend').locator('caption').textContent()).toBe(
    `变化：${OLDER}→${NEWER} · 村通 5G 比例（上报）（%）`,
  );
  await page.getByTestId('ranking-section').locator('summary').click();
  const xifeng = page.getByTestId('ranking-table').locator(`tr[data-adcode="${XIFENG.adcode}"]`);
  await poll(() => xifeng.locator('td.number').last().textContent()).toBe(((100 * 6) / 9 - 40).toFixed(1));
  await page.screenshot({ path: 'test/e2e/screenshots/vintages-villages-1440.png' });
  await page.getByTestId('ranking-section').locator('summary').click();
  await page.getByRole('tab', { name: '规划', exact: true }).click();
  await section().getByTestId('vintage-map').uncheck();
  await page.getByRole('tab', { name: '图层' }).click();
  await poll(() => page.getByTestId('choropleth-legend').count()).toBe(0);
});

test("two station lists over the sample: the places the newer list's two new stations reach are newly covered", async () => {
  const { areas, sample } = seededSample();
  const layers = layersFromSample(
    sample,
    areas.counties.map((c) => c.adcode),
  );
  const villages = layers.villages!;
  const xifeng = areas.counties.findIndex((c) => c.adcode === XIFENG.adcode);
  // Two sample villages of 息烽县 far from the seat and from each other; the older list stands around the seat.
  const far = (lon: number, lat: number, from: readonly (readonly [number, number])[], meters: number) =>
    from.every(([x, y]) => haversineMeters(lon, lat, x, y) > meters);
  const picked: Array<[number, number]> = [];
  for (let i = 0; i < villages.code.length && picked.length < 2; i++) {
    if (
      villages.county[i] === xifeng &&
      far(villages.lon[i], villages.lat[i], [XIFENG.seat, ...picked], 8_000)
    )
      picked.push([villages.lon[i], villages.lat[i]]);
  }
  const round = (x: number) => Number(x.toFixed(6));
  const olderStations: Array<[number, number]> = [
    [106.7339, 27.0961],
    [106.7412, 27.1003],
    [106.728, 27.09],
  ];
  const newerStations = [
    ...olderStations,
    ...picked.map(([lon, lat]) => [round(lon), round(lat)] as [number, number]),
  ];
  const directory = mkdtempSync(join(tmpdir(), 'atlas-vintages-'));
  const write = (name: string, stations: Array<[number, number]>) => {
    const path = join(directory, `${name}.csv`);
    writeFileSync(
      path,
      [
        '站号,运营商,制式,频段,建成年份,经度,纬度',
        ...stations.map(([lon, lat], k) => `XF-${k + 1},中国移动,5G,n78,2023,${lon},${lat}`),
      ].join('\n'),
    );
    return path;
  };

  // Expected: the coverage model over the sample's targets, each list with its own radii.
  const targets = [
    ...villages.code.map((_, i) => ({ kind: '村', lon: villages.lon[i], lat: villages.lat[i] })),
    ...layers.relocationSites!.name.map((_, i) => ({
      kind: '安置点',
      lon: layers.relocationSites!.lon[i],
      lat: layers.relocationSites!.lat[i],
    })),
    ...layers.scenicAreas!.name.map((_, i) => ({
      kind: '4A/5A 景区',
      lon: layers.scenicAreas!.lon[i],
      lat: layers.scenicAreas!.lat[i],
      graded: isGradedScenicArea(layers.scenicAreas!.level[i]),
    })),
  ].filter((target) => !('graded' in target) || target.graded);
  const covered = (stations: Array<[number, number]>) => {
    const columns = {
      lon: Float64Array.from(stations, (s) => s[0]),
      lat: Float64Array.from(stations, (s) => s[1]),
      bandClass: new Uint8Array(stations.length),
      buildYear: new Int16Array(stations.length).fill(2023),
    };
    return computeCoverage(
      columns,
      stationRadiiMeters(columns, seatColumns(areas)),
      { lon: Float64Array.from(targets, (t) => t.lon), lat: Float64Array.from(targets, (t) => t.lat) },
      { asOfYear: 2025 },
    ).covered5g;
  };
  const [was, is] = [covered(olderStations), covered(newerStations)];
  const newly = (kind: string) => targets.filter((t, i) => t.kind === kind && !was[i] && is[i]).length;
  expect(newly('村')).toBeGreaterThanOrEqual(2);

  await page.getByRole('button', { name: '加载示例数据' }).click();
  await page.getByTestId('sample-badge').waitFor({ timeout: waitTimeoutMs() });
  // The village sheets imported above each took over the village layer: the sample's villages again.
  await page.getByTestId('source-villages').selectOption('sample');
  await importCsv(write('stations-xifeng-older', olderStations), 3, 'stations');
  await importCsv(write('stations-xifeng-newer', newerStations), 5, 'stations');
  await page.getByRole('tab', { name: '规划', exact: true }).click();
  await poll(() => chosen('newer')).toContain('stations-xifeng-newer');
  expect(await chosen('older')).toContain('stations-xifeng-older');
  await section().getByRole('button', { name: '对比', exact: true }).click();
  await poll(counts).toContain(`村：新增覆盖 ${newly('村')} · 新增未覆盖 0`);
  expect(await counts()).toContain(`安置点：新增覆盖 ${newly('安置点')} · 新增未覆盖 0`);
  expect(await counts()).toContain(`4A/5A 景区：新增覆盖 ${newly('4A/5A 景区')} · 新增未覆盖 0`);
  expect(await section().locator('tbody tr').count()).toBe(
    newly('村') + newly('安置点') + newly('4A/5A 景区'),
  );
  expect(new Set(await section().locator('tbody tr td:last-child').allTextContents())).toEqual(
    new Set(['新增覆盖']),
  );
  expect(await section().locator('h4').textContent()).toContain('示例数据');
  await page.screenshot({ path: 'test/e2e/screenshots/vintages-stations-1440.png' });
});
