// The four layers as a planner uses them, with the sample loaded: toggling each changes what is
// drawn, legends match what is drawn, a county's panel agrees with the CLI, the ranking table
// sorts, zooms and exports, and how long the page stays busy while the user works the map.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, openApp, screenPoint, waitForMapToSettle, type OpenedApp } from './browser';
import { seededSample } from './seededSample';
import type { AreaIndex } from '../../src/core/areas';
import { placesCsv, stationsCsv, villagesCsv } from '../../src/core/sample/csv';
import { runSummarize } from '../../src/cli/summarize';

let browser: Browser;
let app: OpenedApp;
const XIFENG = { adcode: '520122', seat: [106.733857, 27.096099] as const };

const atlas = <T>(page: Page, call: string) => page.evaluate(`window.atlas.${call}`) as Promise<T>;
const rendered = (page: Page, layer: string) =>
  atlas<number>(page, `renderedCount(${JSON.stringify(layer)})`);

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser);
  const { page } = app;
  // Long tasks on the main thread, recorded from here on (Chromium reports tasks over 50 ms).
  await page.evaluate(`(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.longTasks.push({ start: entry.startTime, ms: entry.duration }); }).observe({ type: 'longtask' });
  })()`);
  await page.waitForSelector('[data-engine-ready="true"]', { state: 'attached' });
  await page.getByRole('button', { name: '加载示例数据' }).click();
  await page.getByTestId('choropleth-legend').waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    () =>
      (window as unknown as { atlas: { renderedCount(layer: string): number } }).atlas.renderedCount(
        'station-cells',
      ) > 0,
    null,
    { timeout: 30_000 },
  );
  await waitForMapToSettle(page);
}, 120_000);

afterAll(async () => {
  expect(app.foreignRequests).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
  await browser?.close();
});

const snapshot = (page: Page) => page.locator('.maplibregl-canvas').screenshot();

test('switching each layer off and on changes what the map draws', async () => {
  const { page } = app;
  await page.getByTestId('toggle-villages').check();
  await expect.poll(() => rendered(page, 'village-points'), { timeout: 30_000 }).toBeGreaterThan(1000);
  await page.screenshot({ path: 'test/e2e/screenshots/layers-all-1440.png' });
  const switches: Array<[string, string]> = [
    ['toggle-stations', 'station-cells'],
    ['toggle-villages', 'village-points'],
    ['toggle-relocationSites', 'relocation-points'],
    ['toggle-scenicAreas', 'scenic-points'],
  ];
  for (const [toggle, layer] of switches) {
    await waitForMapToSettle(page);
    const before = await snapshot(page);
    expect(await rendered(page, layer), layer).toBeGreaterThan(0);
    await page.getByTestId(toggle).uncheck();
    await expect.poll(() => rendered(page, layer)).toBe(0);
    await waitForMapToSettle(page);
    expect((await snapshot(page)).equals(before), `${toggle} changes the pixels`).toBe(false);
    await page.getByTestId(toggle).check();
    await expect.poll(() => rendered(page, layer)).toBeGreaterThan(0);
  }
  const choropleth = page.getByRole('checkbox', { name: '专题图（分级设色）' });
  const before = await snapshot(page);
  await choropleth.uncheck();
  await waitForMapToSettle(page);
  expect((await snapshot(page)).equals(before)).toBe(false);
  await choropleth.check();
  await page.getByTestId('toggle-villages').uncheck();
});

test('the legend counts exactly the areas drawn in each colour, for every metric and level', async () => {
  const { page } = app;
  const adcodes = JSON.parse(readFileSync('geodata/areas.json', 'utf8')) as AreaIndex;
  for (const [metric, level] of [
    ['stations.per10k', 'county'],
    ['villages.fiveG', 'county'],
    ['relocation.modelled', 'prefecture'],
    ['scenic.reported', 'county'],
  ] as const) {
    await page.getByLabel('指标', { exact: true }).selectOption(metric);
    await page.getByLabel('层级', { exact: true }).selectOption(level);
    await page.getByLabel('分级', { exact: true }).selectOption('quantile');
    await page.waitForTimeout(200);
    const legend = await page
      .getByTestId('choropleth-legend')
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => ({
          colour: getComputedStyle(row.querySelector('.swatch')!).backgroundColor,
          count: Number(row.lastElementChild!.textContent!.replace(/\D/g, '')),
        })),
      );
    const areas = level === 'county' ? adcodes.counties : adcodes.prefectures;
    expect(
      legend.reduce((sum, row) => sum + row.count, 0),
      metric,
    ).toBe(areas.length);
    const drawn = new Map<string, number>();
    for (const area of areas) {
      const fill = await atlas<string | null>(page, `areaFill('${level}', '${area.adcode}')`);
      const rgb = await page.evaluate((colour) => {
        const el = document.createElement('span');
        el.style.color = colour;
        document.body.append(el);
        const value = getComputedStyle(el).color;
        el.remove();
        return value;
      }, fill ?? 'transparent');
      drawn.set(rgb, (drawn.get(rgb) ?? 0) + 1);
    }
    for (const row of legend) expect(drawn.get(row.colour) ?? 0, `${metric} ${row.colour}`).toBe(row.count);
  }
  await page.getByLabel('指标', { exact: true }).selectOption('stations.per10k');
  await page.getByLabel('层级', { exact: true }).selectOption('county');
  await page.getByLabel('分级', { exact: true }).selectOption('target');
  expect(await page.getByTestId('layer-panel').textContent()).toContain('规划目标（2025 年）：33.0 站/万人');
});

test('a county shows the same station and village counts as the CLI on the same sample', async () => {
  const { page } = app;
  // The same seeded sample written out as the CSV files `npm run sample` writes, then summarised by the CLI.
  const { areas, sample } = seededSample();
  const directory = mkdtempSync(join(tmpdir(), 'atlas-sample-'));
  const files = {
    stations: stationsCsv(sample.stations, areas.counties),
    villages: villagesCsv(sample.villages),
    relocation: placesCsv(sample.relocationSites),
  };
  const cli = (name: keyof typeof files) => {
    const path = join(directory, `${name}.csv`);
    writeFileSync(path, files[name]);
    const [header, ...rows] = runSummarize(path, { level: 'county', format: 'csv', datum: 'wgs84' }, () => {})
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    const row = rows.find((r) => r[0] === XIFENG.adcode)!;
    return (column: string) => Number(row[header.indexOf(column)]);
  };
  const stations = cli('stations'),
    villages = cli('villages'),
    relocation = cli('relocation');

  const point = await screenPoint(page, ...XIFENG.seat);
  await page.mouse.click(point.x, point.y);
  await page.getByTestId('area-metrics').waitFor();
  const number = async (testId: string) =>
    Number((await page.getByTestId(testId).textContent())!.replace(/\D/g, ''));
  expect(await number('area-5g-count')).toBe(stations('制式:5G'));
  expect(await number('area-4g-count')).toBe(stations('制式:4G'));
  // Fiber is known for every village: its basis "(fiber/known)" ends with the village count.
  const fiber = (await page.getByTestId('metric-villages.fiber').textContent())!;
  expect(Number(fiber.match(/\/([\d,]+)）/)![1].replace(/,/g, ''))).toBe(villages('count'));
  const relocationBasis = (await page.getByTestId('metric-relocation.reported').textContent()) ?? '';
  if (relocation('count') > 0) expect(relocationBasis).toContain(`/${relocation('count')}）`);
  else expect(relocationBasis).toContain('—');
  const townships = page.getByTestId('township-table');
  await townships.locator('summary').click();
  const townshipVillages = await townships.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(townshipVillages.reduce((sum, text) => sum + Number(text.replace(/\D/g, '')), 0)).toBe(
    villages('count'),
  );
  await page.screenshot({ path: 'test/e2e/screenshots/county-panel-1440.png' });
  await page.getByRole('button', { name: '取消选择' }).click();
});

test('the ranking table sorts, zooms to a row and exports the rows it shows', async () => {
  const { page } = app;
  const section = page.getByTestId('ranking-section');
  await section.locator('summary').click();
  const table = page.getByTestId('ranking-table');
  await table.waitFor();
  const firstName = () => table.locator('tbody tr[data-adcode]').first().getAttribute('data-adcode');
  const best = await firstName();
  await table.getByRole('button', { name: /每万人 5G 基站数/ }).click();
  const afterSort = await firstName();
  await table.getByRole('button', { name: /每万人 5G 基站数/ }).click();
  expect([afterSort, await firstName()]).toContain(best);
  expect(afterSort).not.toBe(await firstName());

  const zoomBefore = (await atlas<{ zoom: number }>(page, 'view()')).zoom;
  const row = table.locator('tbody tr[data-adcode]').first();
  const adcode = await row.getAttribute('data-adcode');
  await row.click();
  await expect.poll(() => page.getByTestId('area-code').textContent()).toBe(adcode);
  await page.waitForTimeout(1000);
  await waitForMapToSettle(page);
  expect((await atlas<{ zoom: number }>(page, 'view()')).zoom).toBeGreaterThan(zoomBefore);

  const download = page.waitForEvent('download');
  await table.getByRole('button', { name: '导出 CSV' }).click();
  const path = await (await download).path();
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  expect(text).toContain('示例数据 / sample data');
  const lines = text.trim().split(/\r?\n/);
  const dataRows = lines.filter((line) => /^\d+,52\d{4},/.test(line));
  expect(dataRows).toHaveLength(88);
  expect(dataRows[0].split(',')[1]).toBe(await firstName());
  await page.getByRole('button', { name: '取消选择' }).click();
  await section.locator('summary').click();
});

test('working the map: metric and filter redraw times, and main-thread long tasks while interacting', async () => {
  const { page } = app;
  await page.evaluate(() => {
    (window as unknown as { longTasks: unknown[] }).longTasks = [];
  });
  const timed = async (label: string, act: () => Promise<unknown>, done: () => Promise<unknown>) => {
    const started = await page.evaluate(() => performance.now());
    await act();
    await done();
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    const ms = (await page.evaluate(() => performance.now())) - started;
    console.log(`${label}: ${ms.toFixed(0)} ms`);
    return ms;
  };
  const caption = page.getByTestId('choropleth-legend').locator('caption');
  await timed(
    'metric change → legend and map redrawn',
    () => page.getByLabel('指标', { exact: true }).selectOption('stations.perKm2'),
    () => expect.poll(() => caption.textContent()).toContain('每平方公里'),
  );
  await timed(
    'classification change',
    () => page.getByLabel('分级', { exact: true }).selectOption('naturalBreaks'),
    () => page.waitForTimeout(0),
  );
  const refreshes = () => page.evaluate(() => performance.getEntriesByName('layers-refresh').length);
  let count = await refreshes();
  await timed(
    'operator filter (China Mobile off) → figures, cells and points redrawn',
    () => page.getByLabel('中国移动').uncheck(),
    () => expect.poll(refreshes).toBeGreaterThan(count),
  );
  count = await refreshes();
  await timed(
    'operator filter back on',
    () => page.getByLabel('中国移动').check(),
    () => expect.poll(refreshes).toBeGreaterThan(count),
  );
  await page.getByLabel('指标', { exact: true }).selectOption('stations.per10k');
  await page.getByLabel('分级', { exact: true }).selectOption('target');

  // The same pan and zoom twice: with every data layer off (the boundaries alone), then all on. The
  // difference is what the layers cost; the rest is the renderer (software WebGL when headless).
  const map = (await page.getByTestId('map').boundingBox())!;
  const panAndZoom = async () => {
    await page.evaluate(() => {
      (window as unknown as { longTasks: unknown[] }).longTasks = [];
    });
    await page.mouse.move(map.x + map.width * 0.6, map.y + map.height * 0.5);
    for (let step = 0; step < 6; step++) {
      await page.mouse.wheel(0, -240);
      await page.waitForTimeout(120);
    }
    await page.mouse.down();
    for (let step = 0; step < 10; step++)
      await page.mouse.move(map.x + map.width * 0.6 - step * 30, map.y + map.height * 0.5 - step * 10, {
        steps: 3,
      });
    await page.mouse.up();
    for (let step = 0; step < 6; step++) {
      await page.mouse.wheel(0, 240);
      await page.waitForTimeout(120);
    }
    await waitForMapToSettle(page);
    const tasks = await page.evaluate(() =>
      (window as unknown as { longTasks: Array<{ ms: number }> }).longTasks.map((t) => Math.round(t.ms)),
    );
    const sorted = [...tasks].sort((a, b) => a - b);
    return `${tasks.length} tasks, median ${sorted[Math.floor(sorted.length / 2)] ?? 0} ms, longest ${sorted[sorted.length - 1] ?? 0} ms, total ${tasks.reduce((a, b) => a + b, 0)} ms`;
  };
  const switches = ['toggle-stations', 'toggle-relocationSites', 'toggle-scenicAreas'];
  const choropleth = page.getByRole('checkbox', { name: '专题图（分级设色）' });
  for (const id of switches) await page.getByTestId(id).uncheck();
  await choropleth.uncheck();
  console.log(`pan and zoom, boundaries only: ${await panAndZoom()}`);
  for (const id of [...switches, 'toggle-villages']) await page.getByTestId(id).check();
  await choropleth.check();
  console.log(`pan and zoom, all four layers and the choropleth: ${await panAndZoom()}`);
  await page.getByTestId('toggle-villages').uncheck();
  const timings = await page.evaluate(() =>
    performance
      .getEntriesByName('layers-refresh')
      .map((m) => (m as PerformanceMeasure & { detail: { totalMs: number } }).detail.totalMs),
  );
  console.log(`engine view per refresh (worker): ${timings.map((ms) => ms.toFixed(0)).join(', ')} ms`);
}, 150_000); // two rounds of pan and zoom drawn in software take 30–60 s on a loaded machine

test('at 1024×768 the panel and the map do not overlap and the layers still read', async () => {
  const small = await openApp(browser, { width: 1024, height: 768 });
  const { page } = small;
  await page.waitForSelector('[data-engine-ready="true"]', { state: 'attached' });
  await page.getByRole('button', { name: '加载示例数据' }).click();
  await page.getByTestId('choropleth-legend').waitFor({ timeout: 60_000 });
  await expect.poll(() => rendered(page, 'station-cells'), { timeout: 30_000 }).toBeGreaterThan(0);
  await waitForMapToSettle(page);
  await page.screenshot({ path: 'test/e2e/screenshots/layers-1024.png' });
  const panel = (await page.locator('.side-panel').boundingBox())!;
  const zoomControl = (await page.locator('.maplibregl-ctrl-zoom-in').boundingBox())!;
  expect(panel.x + panel.width).toBeLessThan(zoomControl.x);
  expect(small.consoleErrors).toEqual([]);
  await page.context().close();
});
