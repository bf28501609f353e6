// The site suggester as a planner uses it, with the sample loaded: pick a county, ask for K new
// sites, see them listed and on the map, check in Node that adding them as stations raises the
// modelled coverage by exactly the gains reported, export them, and keep the page responsive; aim
// at the villages reported without 5G as well as the modelled gaps, and see those targets ringed.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { atlas, jumpTo, mapView, renderedCount, settled } from './atlas';
import { csvFields, csvLines, download, xlsxRows } from './downloads';
import { poll, SLOW_TEST_MS, useApp } from './harness';
import { countyNamed, XIFENG } from './places';
import { seededSample } from './seededSample';
import { computeCoverage } from '../../src/core/coverage/model';
import { bandClassCode, stationRadiiMeters } from '../../src/core/coverage/radius';
import { seatColumns } from '../../src/core/coverage/seats';
import { layersFromSample } from '../../src/core/layers/fromSample';
import { isGradedScenicArea, statusAt, type PlaceLayer } from '../../src/core/layers/types';
import { TARGET_LAYER } from '../../src/map/siteMarkers';
import type { SuggestRequest } from '../../src/worker/suggestView';

const app = useApp({ sample: true });
const K = 5;

/** Runs the suggester in the page's engine worker, as the panel does, for the exact picks and timings. */
const suggestInPage = (page: Page, request: SuggestRequest) =>
  atlas(page, (a, r) => a.engine().suggestSites(r), request);

/**
 * Selects a county as a person does from the search box, by its full name and the keyboard (a
 * click on the map may hit a data point instead of the county).
 */
async function selectCounty(page: Page, name: string, adcode: string): Promise<void> {
  const box = page.getByRole('combobox', { name: '搜索地点' });
  await box.fill(name);
  await page.getByRole('listbox').getByRole('option').first().filter({ hasText: name }).waitFor();
  await box.press('Enter');
  await poll(() => page.getByTestId('area-code').textContent()).toBe(adcode);
}

/** Counts animation frames until stopFrames(): the page stays responsive while frames keep coming. */
const startFrames = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { frameTimes: number[]; framesRunning: boolean };
    w.frameTimes = [];
    w.framesRunning = true;
    const tick = (time: number) => {
      w.frameTimes.push(time);
      if (w.framesRunning) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
const stopFrames = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { frameTimes: number[]; framesRunning: boolean };
    w.framesRunning = false;
    const gaps = w.frameTimes.slice(1).map((time, i) => time - w.frameTimes[i]);
    return { frames: w.frameTimes.length, longestGapMs: Math.round(Math.max(0, ...gaps)) };
  });

/**
 * The targets of a county in Node over the same seeded sample: each one's reported 5G status as of
 * the year (0 no, 1 yes, 255 unknown), and the 5G coverage model's covered flags, with extra sites.
 */
function countyTargets(adcode: string, asOfYear: number) {
  const { areas, sample } = seededSample();
  const layers = layersFromSample(
    sample,
    areas.counties.map((c) => c.adcode),
  );
  const county = areas.counties.findIndex((c) => c.adcode === adcode);
  const lon: number[] = [],
    lat: number[] = [],
    reported: number[] = [];
  const take = (
    layer: { lon: Float64Array; lat: Float64Array; county: Int16Array },
    status: Int16Array,
    keep: (i: number) => boolean = () => true,
  ) => {
    for (let i = 0; i < layer.lon.length; i++) {
      if (
        layer.county[i] === county &&
        keep(i) &&
        Number.isFinite(layer.lon[i]) &&
        Number.isFinite(layer.lat[i])
      ) {
        lon.push(layer.lon[i]);
        lat.push(layer.lat[i]);
        reported.push(statusAt(status[i], asOfYear));
      }
    }
  };
  take(layers.villages!, layers.villages!.status.fiveG);
  take(layers.relocationSites!, layers.relocationSites!.reported);
  const scenic: PlaceLayer = layers.scenicAreas!;
  take(scenic, scenic.reported, (i) => isGradedScenicArea(scenic.level[i]));
  const targets = { lon: Float64Array.from(lon), lat: Float64Array.from(lat) };
  const stations = layers.stations!;
  const radii = stationRadiiMeters(stations, seatColumns(areas));
  const covered = (extra: Array<{ lon: number; lat: number }>, radiusMeters: number) => {
    const columns = {
      lon: Float64Array.from([...stations.lon, ...extra.map((s) => s.lon)]),
      lat: Float64Array.from([...stations.lat, ...extra.map((s) => s.lat)]),
      bandClass: Uint8Array.from([...stations.bandClass, ...extra.map(() => bandClassCode('5G-mid'))]),
      // Build year 0 (unknown) always counts: the new sites stand by any year.
      buildYear: Int16Array.from([...stations.buildYear, ...extra.map(() => 0)]),
    };
    const result = computeCoverage(
      columns,
      Float32Array.from([...radii, ...extra.map(() => radiusMeters)]),
      targets,
      { asOfYear },
    );
    return result.covered5g;
  };
  return { reported, covered };
}

/** The 5G coverage model in Node: covered targets of a county, with extra sites. */
function coveredInCounty(
  adcode: string,
  asOfYear: number,
  sites: Array<{ lon: number; lat: number }>,
  radiusMeters: number,
) {
  const { reported, covered } = countyTargets(adcode, asOfYear);
  const count = (flags: Uint8Array) => flags.reduce((sum, flag) => sum + flag, 0);
  return {
    targets: reported.length,
    before: count(covered([], radiusMeters)),
    after: count(covered(sites, radiusMeters)),
  };
}

test(
  '息烽县, K = 5: the picks are listed and drawn, and raise the covered count by exactly their gains',
  { timeout: SLOW_TEST_MS },
  async () => {
    const { page } = app;
    await selectCounty(page, XIFENG.name, XIFENG.adcode);
    // By the end of 2025 the sample's model covers all but one of 息烽县's targets: 2022 leaves dozens.
    await page.getByTestId('year-slider').fill('2022');
    await page.getByRole('tab', { name: '规划', exact: true }).click();
    const panel = page.getByTestId('site-suggester');
    await poll(() => panel.getByTestId('suggest-scope').textContent()).toContain('息烽县 · 2022 年底');
    // Aimed by default at the reported or the modelled gaps; here at what the model leaves
    // uncovered, the count Node checks below.
    expect(await panel.getByLabel('上报未覆盖或模型未覆盖').isChecked()).toBe(true);
    await panel.getByLabel('模型未覆盖', { exact: true }).check();
    const year = Number((await panel.getByTestId('suggest-scope').textContent())!.match(/(\d{4}) 年底/)![1]);
    await panel.getByLabel(/新站数 K/).fill(String(K));
    const radiusMeters = Number(await panel.getByLabel(/新站覆盖半径/).inputValue());
    expect(radiusMeters).toBe(1500);
    await settled(page);

    await startFrames(page);
    await panel.getByRole('button', { name: '计算', exact: true }).click();
    await panel.getByTestId('suggest-result').waitFor();
    const responsiveness = await stopFrames(page);
    console.log(
      `county K = ${K} from the click to the list: ${responsiveness.frames} animation frames, longest gap ${responsiveness.longestGapMs} ms`,
    );
    // The work runs in the worker; what remains on the page is drawing the answer: a gap of about
    // one map frame, ~250 ms here in software WebGL.
    expect(responsiveness.frames).toBeGreaterThan(1);
    expect(responsiveness.longestGapMs).toBeLessThan(1000);

    const rows = panel.getByTestId('suggest-picks').locator('tbody tr');
    expect(await panel.getByTestId('suggest-result-for').textContent()).toBe(
      '结果：息烽县 · 2022 年底 · 新站半径 1,500 米',
    );
    await poll(() => rows.count()).toBe(K);
    const gains = (await panel.getByTestId('suggest-gain').allTextContents()).map((text) =>
      Number(text.replace(/\D/g, '')),
    );
    const number = async (testId: string) =>
      Number((await panel.getByTestId(testId).textContent())!.replace(/\D/g, ''));
    const before = await number('suggest-covered-before'),
      after = await number('suggest-covered-after');
    const totalGain = gains.reduce((a, b) => a + b, 0);
    expect(gains.every((gain) => gain > 0)).toBe(true);
    expect(after).toBe(before + totalGain);
    await poll(() => page.locator('.site-marker').count()).toBe(K);
    expect(await page.locator('.site-marker').allTextContents()).toEqual(['1', '2', '3', '4', '5']);

    // The same run again for the exact positions (the list shows 5 decimals), then the model in Node.
    const exact = await suggestInPage(page, {
      scope: { adcode: XIFENG.adcode },
      asOfYear: year,
      k: K,
      radiusMeters,
      weighted: false,
      targetBasis: 'modelled',
    });
    expect(exact.picks.map((p) => p.gain)).toEqual(gains);
    const listed = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(3).map((td) => td.textContent)),
    );
    expect(listed).toEqual(exact.picks.map((p) => [p.lon.toFixed(5), p.lat.toFixed(5)]));
    const node = coveredInCounty(XIFENG.adcode, year, exact.picks, radiusMeters);
    console.log(
      `息烽县 ${year}: ${node.targets} targets, ${node.before} covered before, ${node.after} after ${K} sites (gains ${gains.join(', ')}); worker ${exact.workerMs.toFixed(0)} ms`,
    );
    expect(await number('suggest-targets')).toBe(node.targets);
    expect(before).toBe(node.before);
    expect(node.after - node.before).toBe(totalGain);

    const { text } = await download(page, () => panel.getByRole('button', { name: '导出 CSV' }).click());
    expect(text.startsWith('\uFEFF示例数据 / sample data')).toBe(true);
    const csvPicks = text
      .split(/\r?\n/)
      .filter((line) => /^\d+,1\d\d\.\d{5},\d\d\.\d{5},/.test(line))
      .map((line) => line.split(','));
    expect(csvPicks.map((cells) => [Number(cells[0]), cells[1], cells[2], Number(cells[3])])).toEqual(
      exact.picks.map((p) => [p.rank, p.lon.toFixed(5), p.lat.toFixed(5), p.gain]),
    );

    const xlsx = await download(page, () => panel.getByRole('button', { name: '导出 XLSX' }).click());
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    // The workbook holds the CSV's table, its header and the K picks; its coordinates are numbers at
    // full precision, the CSV's rounded to 5 decimals.
    const [csvHeader, ...csvRows] = csvLines(text)
      .map(csvFields)
      .slice(-(K + 1));
    const [sheetHeader, ...sheetRows] = (await xlsxRows(xlsx.bytes)).slice(-(K + 1));
    expect(sheetHeader).toEqual(csvHeader);
    const coordinates = [csvHeader.indexOf('经度'), csvHeader.indexOf('纬度')];
    expect(
      sheetRows.map((row) =>
        row.map((cell, c) => (coordinates.includes(c) ? Number(cell).toFixed(5) : cell)),
      ),
    ).toEqual(csvRows);

    // The button fits the county: the flight starts with the click, and settles with the map.
    await page.getByRole('button', { name: /缩放至/ }).click();
    await settled(page);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test/e2e/screenshots/suggest-xifeng-1440.png' });
    // With the villages drawn, a look at the first pick shows what its disc takes in.
    await page.getByRole('tab', { name: '图层', exact: true }).click();
    await page.getByTestId('toggle-villages').check();
    await page.getByRole('tab', { name: '规划', exact: true }).click();
    await rows.first().click();
    await poll(async () => {
      const view = await mapView(page);
      return (
        !view.moving &&
        Math.abs(view.center[0] - exact.picks[0].lon) < 1e-4 &&
        Math.abs(view.center[1] - exact.picks[0].lat) < 1e-4 &&
        view.zoom >= 12
      );
    }).toBe(true);
    await poll(() => renderedCount(page, 'village-points')).toBeGreaterThanOrEqual(exact.picks[0].gain);
    await settled(page);
    await page.screenshot({ path: 'test/e2e/screenshots/suggest-pick-1440.png' });
    await page.getByRole('tab', { name: '图层', exact: true }).click();
    await page.getByTestId('toggle-villages').uncheck();
  },
);

test(
  'the province in 2020, K = 200 (the most the panel allows): 200 markers, and the page keeps drawing frames during the run',
  { timeout: SLOW_TEST_MS },
  async () => {
    // K = 200 over the province, then twelve timed runs in the worker
    const { page } = app;
    await page.getByRole('button', { name: '取消选择' }).click();
    await page.getByTestId('year-slider').fill('2020');
    await page.getByRole('tab', { name: '规划', exact: true }).click();
    const panel = page.getByTestId('site-suggester');
    await panel.getByLabel('上报未覆盖或模型未覆盖').check();
    await poll(() => panel.getByTestId('suggest-scope').textContent()).toContain('全省 · 2020 年底');
    await panel.getByLabel(/新站数 K/).fill('200');
    await settled(page);
    await startFrames(page);
    await panel.getByRole('button', { name: '计算', exact: true }).click();
    await poll(() => panel.getByTestId('suggest-picks').locator('tbody tr').count()).toBe(200);
    const responsiveness = await stopFrames(page);
    console.log(
      `province K = 200 from the click to the list: ${responsiveness.frames} animation frames, longest gap ${responsiveness.longestGapMs} ms`,
    );
    expect(responsiveness.frames).toBeGreaterThan(1);
    expect(responsiveness.longestGapMs).toBeLessThan(1000);
    await poll(() => page.locator('.site-marker').count()).toBe(200);
    await jumpTo(page, 107.0, 26.85, 6.6);
    await settled(page);
    await page.screenshot({ path: 'test/e2e/screenshots/suggest-province-1440.png' });

    // Weighted by population, the gains are people and add up to the running total.
    await panel.getByLabel('按人口加权').check();
    await panel.getByLabel(/新站数 K/).fill('10');
    await panel.getByRole('button', { name: '计算', exact: true }).click();
    await poll(() => panel.getByTestId('suggest-picks').locator('tbody tr').count()).toBe(10);
    expect(await panel.getByTestId('suggest-picks').locator('thead').textContent()).toContain('增益（人）');
    const weightedGains = await panel.getByTestId('suggest-gain').allTextContents();
    expect(weightedGains.map((text) => Number(text.replace(/\D/g, ''))).every((gain) => gain > 100)).toBe(
      true,
    );
    await panel.getByLabel('按人口加权').uncheck();

    for (const asOfYear of [2020, 2025]) {
      for (const scope of [{ adcode: XIFENG.adcode }, 'province'] as const) {
        const times: number[] = [];
        let result: Awaited<ReturnType<typeof suggestInPage>> | undefined;
        for (let run = 0; run < 3; run++) {
          result = await suggestInPage(page, {
            scope,
            asOfYear,
            k: 10,
            radiusMeters: 1500,
            weighted: false,
            targetBasis: 'either',
          });
          times.push(result.workerMs);
        }
        const { totals, candidateCount } = result!;
        console.log(
          `worker time, K = 10, ${scope === 'province' ? 'province' : '息烽县'} ${asOfYear}: ${times.map((ms) => ms.toFixed(0)).join(', ')} ms (${totals.uncoveredBefore} uncovered, ${candidateCount} candidates, +${totals.coveredAfter - totals.coveredBefore} covered)`,
        );
      }
    }
  },
);

test(
  '威宁县, K = 20: aiming at reported or modelled gaps finds more sites than the modelled gaps alone, and rings the targets',
  { timeout: SLOW_TEST_MS },
  async () => {
    const { page } = app;
    const weining = countyNamed('威宁彝族回族苗族自治县');
    const year = 2025;
    // In Node: the targets of each basis (reported "no" as of the year; not reached by the model).
    const { reported, covered } = countyTargets(weining.adcode, year);
    const modelled = covered([], 1500);
    const modelledCount = reported.filter((_, i) => modelled[i] === 0).length;
    const eitherCount = reported.filter((status, i) => status === 0 || modelled[i] === 0).length;
    const reportedOnly = reported.filter((status, i) => status === 0 && modelled[i] === 1).length;
    console.log(
      `威宁县 ${year}: ${reported.length} targets, ${modelledCount} modelled uncovered, ${eitherCount} reported or modelled uncovered (${reportedOnly} reported without 5G but modelled covered)`,
    );
    expect(reportedOnly).toBeGreaterThan(0);

    await page.getByTestId('year-slider').fill(String(year));
    await page.getByRole('tab', { name: '规划', exact: true }).click();
    await selectCounty(page, weining.name, weining.adcode);
    const panel = page.getByTestId('site-suggester');
    await poll(() => panel.getByTestId('suggest-scope').textContent()).toContain(`· ${year} 年底`);
    await panel.getByLabel(/新站数 K/).fill('20');
    const picks = () => panel.getByTestId('suggest-picks').locator('tbody tr').count();

    await panel.getByLabel('模型未覆盖', { exact: true }).check();
    await panel.getByRole('button', { name: '计算', exact: true }).click();
    await poll(() => panel.getByTestId('suggest-target-line').textContent()).toBe(
      `目标：模型未覆盖，共 ${modelledCount} 个`,
    );
    const modelledPicks = await picks();
    expect(await panel.getByTestId('suggest-fewer-hint').count()).toBe(modelledPicks < 20 ? 1 : 0);

    await panel.getByLabel('上报未覆盖或模型未覆盖').check();
    await panel.getByRole('button', { name: '计算', exact: true }).click();
    await poll(() => panel.getByTestId('suggest-target-line').textContent()).toBe(
      `目标：上报未覆盖或模型未覆盖，共 ${eitherCount.toLocaleString('zh-CN')} 个`,
    );
    const eitherPicks = await picks();
    console.log(`威宁县 K = 20: ${modelledPicks} sites aiming at modelled gaps, ${eitherPicks} at either`);
    expect(eitherPicks).toBeGreaterThan(modelledPicks);
    expect(await panel.getByTestId('suggest-uncovered-before').textContent()).toBe(
      eitherCount.toLocaleString('zh-CN'),
    );
    await poll(() => page.locator('.site-marker').count()).toBe(eitherPicks);

    // The same run in the worker: the targets it hands the map are exactly those of the basis.
    const exact = await suggestInPage(page, {
      scope: { adcode: weining.adcode },
      asOfYear: year,
      k: 20,
      radiusMeters: 1500,
      weighted: false,
      targetBasis: 'either',
    });
    expect(exact.targetPoints.lon.length).toBe(eitherCount);
    expect(exact.picks.length).toBe(eitherPicks);

    // Fitted to the county, the targets are ringed on the map.
    await page.getByRole('button', { name: /缩放至/ }).click();
    await settled(page);
    await poll(() => renderedCount(page, TARGET_LAYER)).toBeGreaterThan(0);
    const rings = await renderedCount(page, TARGET_LAYER);
    console.log(`威宁县: ${rings} target rings rendered of ${eitherCount} targets`);
    expect(rings).toBeGreaterThanOrEqual(eitherCount);
    await panel.getByTestId('suggest-target-line').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test/e2e/screenshots/suggest-targets-weining-1440.png' });

    // Cleared with the result.
    await panel.getByRole('button', { name: '清除结果' }).click();
    await settled(page);
    expect(await renderedCount(page, TARGET_LAYER)).toBe(0);
  },
);
