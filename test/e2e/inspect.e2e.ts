// Inspecting single points as a person does, with the sample loaded: hover a station for its name
// and key status, click a station, a village and a relocation site for everything the data hold of
// it, click a low-zoom station cell to zoom in, search a village code and land on a marked village
// with its status; and the same card on a phone.
//
// Rules relied on: the points clicked are found through the automation hook (rendered features
// with their layer row, projected to the screen) and chosen clear of their neighbours, so the
// click can only mean that point; what the card must say comes from the engine's own answer for
// that row (inspect), so the test checks the page shows it, not a copy of the sample.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { Inspection } from '../../src/core/layers/inspect';
import { atlas, jumpTo, mapView, renderedCount, screenPoint, settled } from './atlas';
import { poll, SLOW_TEST_MS, useApp } from './harness';
import { XIFENG } from './places';

const app = useApp({ sample: true });
const YEAR = 2025;

/** A drawn point of a style layer with no other point of it within `clearPx`, nearest the view's centre. */
async function isolatedPoint(page: Page, layerId: string, clearPx = 24) {
  const points = await atlas(page, (a, id) => a.renderedPoints(id), layerId);
  const size = page.viewportSize()!;
  // Not under the card of an earlier point: a click there is the card's.
  const card = page.getByTestId('inspector');
  const cardBox = (await card.count()) > 0 ? await card.boundingBox() : null;
  const underCard = (p: { x: number; y: number }) =>
    cardBox !== null &&
    p.x > cardBox.x - 20 &&
    p.x < cardBox.x + cardBox.width + 20 &&
    p.y > cardBox.y - 20 &&
    p.y < cardBox.y + cardBox.height + 20;
  const clear = points.filter(
    (p, i) =>
      p.x > 360 &&
      p.x < size.width - 60 &&
      p.y > 60 &&
      p.y < size.height - 90 &&
      !underCard(p) &&
      points.every((q, k) => {
        // The same feature again (a tile's neighbour repeats what crosses its edge) is no neighbour.
        const apart = Math.hypot(q.x - p.x, q.y - p.y);
        return k === i || q.row === p.row || apart < 0.5 || apart > clearPx;
      }),
  );
  expect(clear.length, `an isolated point of ${layerId}`).toBeGreaterThan(0);
  const centre = { x: size.width / 2, y: size.height / 2 };
  return clear.sort(
    (a, b) => Math.hypot(a.x - centre.x, a.y - centre.y) - Math.hypot(b.x - centre.x, b.y - centre.y),
  )[0];
}

const inspect = (page: Page, layer: Inspection['layer'], row: number) =>
  atlas(page, (a, [l, r, y]) => a.engine().inspect(l, r, y), [
    layer,
    row,
    YEAR,
  ] as const) as Promise<Inspection>;

/** Clicks exactly on a row's position (the engine's, not the tile's rounded one); returns the engine's answer. */
async function clickRow(page: Page, layer: Inspection['layer'], row: number): Promise<Inspection> {
  const expected = await inspect(page, layer, row);
  const { x, y } = await screenPoint(page, expected.lon!, expected.lat!);
  await page.mouse.click(x, y);
  return expected;
}

const card = () => app.page.getByTestId('inspector');
const field = (name: string) => card().locator(`[data-field="${name}"] dd`);

async function cardFor(expected: Inspection) {
  await poll(() => card().getAttribute('data-status')).toBe('done');
  await poll(() => card().getAttribute('data-layer')).toBe(expected.layer);
  if (expected.name)
    await poll(() => app.page.getByTestId('inspector-name').textContent()).toBe(expected.name);
  expect(await card().locator('[data-field="source"]').textContent()).toContain('示例数据');
  expect(await field('county').textContent()).toBe(expected.county!.name);
  expect(await field('prefecture').textContent()).toBe(expected.prefecture!.name);
  expect(await field('coordinates').textContent()).toContain(
    `${expected.lon!.toFixed(5)}, ${expected.lat!.toFixed(5)}`,
  );
}

/** The marker sits on the point inspected. */
async function markerAt(lon: number, lat: number) {
  const marker = app.page.getByTestId('inspect-marker');
  await marker.waitFor();
  const box = (await marker.boundingBox())!;
  const at = await screenPoint(app.page, lon, lat);
  expect(Math.abs(box.x + box.width / 2 - at.x)).toBeLessThan(3);
  expect(Math.abs(box.y + box.height / 2 - at.y)).toBeLessThan(3);
}

test(
  'a station: the tooltip names it, a click shows operator, band, technology, build year, id and source',
  { timeout: SLOW_TEST_MS },
  async () => {
    const { page } = app;
    await jumpTo(page, XIFENG.seat[0] + 0.08, XIFENG.seat[1] + 0.05, 11.5);
    await settled(page);
    await poll(() => renderedCount(page, 'station-points')).toBeGreaterThan(0);
    const { row } = await isolatedPoint(page, 'station-points');
    const expected = await inspect(page, 'stations', row);
    const at = await screenPoint(page, expected.lon!, expected.lat!);
    await page.mouse.move(at.x, at.y);
    const tooltip = page.getByTestId('point-tooltip');
    await poll(() => tooltip.textContent()).toContain(expected.station!.operator!);
    expect(await tooltip.textContent()).toContain(`${expected.station!.buildYear} 年`);
    expect(await tooltip.textContent()).toContain(`${expected.county!.name} · ${expected.prefecture!.name}`);
    const selected = () =>
      page.evaluate(() => document.querySelector('[data-testid="area-panel"] h2')?.textContent ?? null);
    await clickRow(page, 'stations', row);
    await cardFor(expected);
    const station = expected.station!;
    expect(await page.getByTestId('inspector-name').textContent()).toBe(
      `${station.operator} ${station.technology} 基站`,
    );
    expect(await field('operator').textContent()).toBe(station.operator);
    expect(await field('technology').textContent()).toBe(station.technology);
    expect(await field('band').textContent()).toBe(station.band);
    expect(await field('buildYear').textContent()).toBe(`${station.buildYear} 年`);
    expect(await field('code').textContent()).toMatch(/^S5G-52\d{4}-\d{5}$/);
    expect(await field('code').textContent()).toBe(expected.code);
    // The click selects the county it falls in too, as any click on the map does.
    await poll(selected).toBe(expected.county!.name);
    await markerAt(expected.lon!, expected.lat!);
    await page.screenshot({ path: 'test/e2e/screenshots/inspect-station-1440x900.png' });
  },
);

test(
  'a village: code, township, county, each reported status with its year, modelled coverage, and the history slot',
  { timeout: SLOW_TEST_MS },
  async () => {
    const { page } = app;
    await page.getByTestId('toggle-villages').check();
    await jumpTo(page, XIFENG.seat[0] - 0.1, XIFENG.seat[1] + 0.08, 12);
    await settled(page);
    await poll(() => renderedCount(page, 'village-points')).toBeGreaterThan(0);
    const { row } = await isolatedPoint(page, 'village-points');
    const expected = await clickRow(page, 'villages', row);
    await cardFor(expected);
    expect(await field('code').textContent()).toBe(expected.code);
    expect(expected.code).toMatch(/^\d{12}$/);
    expect(await field('township').textContent()).toBe(expected.township!.name);
    const words = { yes: '是', no: '否', unknown: '未知' };
    for (const status of expected.statuses) {
      const text = await field(`status-${status.key}`).textContent();
      expect(text!.startsWith(words[status.value]), `${status.key}: ${text}`).toBe(true);
      if (status.sinceYear !== null) expect(text).toContain(String(status.sinceYear));
    }
    expect(await card().getByRole('heading', { name: '上报状态（截至 2025 年）' }).count()).toBe(1);
    const fiveG = expected.modelled.find((m) => m.technology === '5G')!;
    expect(await field('modelled-5G').textContent()).toBe(
      fiveG.firstYear === null
        ? '未覆盖'
        : fiveG.coveredAsOf
          ? `覆盖（${fiveG.firstYear} 年起）`
          : `未覆盖（${fiveG.firstYear} 年起覆盖）`,
    );
    expect(await page.getByTestId('inspector-tracking').textContent()).toContain('示例数据不能编辑');
    await markerAt(expected.lon!, expected.lat!);
    await page.screenshot({ path: 'test/e2e/screenshots/inspect-village-1440x900.png' });
    await page.getByTestId('toggle-villages').uncheck();
  },
);

/**
 * Clicks a row's position until the card shows that row: a point sharing its spot with others
 * (sites placed at their county seat) comes up on a later click on the same spot.
 */
const SEPARATE_CLICKS_MS = 700;

async function clickUntilShown(page: Page, expected: Inspection) {
  const shown = page.getByTestId('inspector');
  const showing = async () =>
    (await shown.count()) === 0 || (await shown.getAttribute('data-status')) !== 'done'
      ? ''
      : `${await shown.getAttribute('data-layer')}|${await page.getByTestId('inspector-name').textContent()}`;
  const wanted = `${expected.layer}|${expected.name}`;
  for (let click = 0; click < 4; click++) {
    const before = await showing();
    // A person's pace between two separate clicks: past the double-click interval, so the map
    // gets a second click rather than a double click (which zooms).
    if (before !== '') await page.waitForTimeout(SEPARATE_CLICKS_MS);
    // The card may have moved the point from under itself: click where it is now.
    await settled(page);
    const { x, y } = await screenPoint(page, expected.lon!, expected.lat!);
    await page.mouse.click(x, y);
    // The card has moved on to what this click picked (or already shows the point wanted).
    await poll(async () => {
      const now = await showing();
      return now !== '' && (now !== before || now === wanted);
    }).toBe(true);
    if ((await showing()) === wanted) return;
  }
  throw new Error(`four clicks did not show ${wanted}`);
}

/** The relocation sites of the sample: which are surveyed and which stand at their county seat. */
async function relocationSites(page: Page): Promise<Inspection[]> {
  const info = await atlas(page, (a) => a.engine().layerInfo());
  const rows = Array.from({ length: info.sources.relocationSites!.rows }, (_, i) => i);
  return Promise.all(rows.map((row) => inspect(page, 'relocationSites', row)));
}

test(
  'a relocation site: relocated residents, reported and modelled 5G and the nearest station; the year changes it',
  { timeout: SLOW_TEST_MS },
  async () => {
    const { page } = app;
    const sites = await relocationSites(page);
    const site = sites.find((s) => s.lon !== null && s.population !== null)!;
    await jumpTo(page, site.lon!, site.lat!, 10);
    await settled(page);
    const expected = await inspect(page, 'relocationSites', site.row);
    await clickUntilShown(page, expected);
    await cardFor(expected);
    expect(await field('population').textContent()).toBe(
      expected.population == null ? '未知' : `${expected.population.toLocaleString('zh-CN')} 人`,
    );
    const covered = expected.statuses[0];
    expect(await field('status-covered').textContent()).toMatch(
      covered.value === 'yes' ? /^是/ : /^否|^未知/,
    );
    expect(await field('nearest5g').textContent()).toMatch(
      expected.nearest5gMeters === null ? /无 5G 基站/ : /\d (米|公里)$/,
    );
    // As of 2020 the card reads the point again, for that year.
    await page.getByTestId('year-slider').fill('2020');
    await poll(() => card().getByRole('heading', { level: 3 }).first().textContent()).toContain('2020');
    const in2020 = await inspect2020(page, site.row);
    await poll(() => field('status-covered').textContent()).toMatch(
      in2020.statuses[0].value === 'yes' ? /^是/ : /^否/,
    );
    await page.getByTestId('year-slider').fill('2025');
    await poll(() => card().getByRole('heading', { level: 3 }).first().textContent()).toContain('2025');
    await page.screenshot({ path: 'test/e2e/screenshots/inspect-relocation-1440x900.png' });
    await page.getByRole('button', { name: '关闭详情' }).click();
    await poll(() => card().count()).toBe(0);
    expect(await page.getByTestId('inspect-marker').count()).toBe(0);
  },
);

const inspect2020 = (page: Page, row: number) =>
  atlas(page, (a, r) => a.engine().inspect('relocationSites', r, 2020), row) as Promise<Inspection>;

test(
  'a site placed at its county seat shares the spot with a scenic area: a second click on the spot shows the other',
  { timeout: SLOW_TEST_MS },
  async () => {
    const { page } = app;
    const sites = await relocationSites(page);
    let shared: Inspection | undefined;
    for (const site of sites.filter((s) => s.approximate && s.lon !== null)) {
      await jumpTo(page, site.lon!, site.lat!, 8);
      await settled(page);
      const at = await atlas(page, (a, [lon, lat]) => a.project(lon, lat), [site.lon!, site.lat!] as const);
      const here = await atlas(page, (a) => a.renderedPoints('scenic-points'));
      if (here.some((p) => Math.hypot(p.x - at.x, p.y - at.y) < 1)) {
        shared = site;
        break;
      }
    }
    expect(shared, 'an approximate relocation site at a scenic area’s spot').toBeDefined();
    const { x, y } = await screenPoint(page, shared!.lon!, shared!.lat!);
    await page.mouse.click(x, y);
    await poll(() => card().getAttribute('data-layer')).toBe('scenicAreas');
    expect(await card().textContent()).toMatch(/此处共有 \d 个点/);
    await clickUntilShown(page, shared!);
    expect(await field('coordinates').textContent()).toContain('位置为近似');
  },
);

test(
  'a station cell at a low zoom tells its count on hover; a click selects its county, as clicks on the map do',
  { timeout: SLOW_TEST_MS },
  async () => {
    const { page } = app;
    if ((await card().count()) > 0) await page.getByRole('button', { name: '关闭详情' }).click();
    await jumpTo(page, XIFENG.seat[0], XIFENG.seat[1], 7.5);
    await settled(page);
    const cell = await isolatedPoint(page, 'station-cells', 12);
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.move(mapBox.x + cell.x, mapBox.y + cell.y);
    // The area's tooltip, with the cell's count.
    const tooltip = page.getByTestId('hover-tooltip');
    await poll(() => tooltip.textContent()).toMatch(/约 10 公里网格：\d+ 个 5G 基站/);
    expect(await tooltip.textContent()).toContain('放大到 9 级以上显示单站');
    await page.mouse.click(mapBox.x + cell.x, mapBox.y + cell.y);
    await poll(() => page.getByTestId('area-panel').count()).toBe(1);
    expect(await card().count()).toBe(0);
  },
);

// A real village from the middle of the NBS list: code, name, township code, township, county adcode.
const [villageCode, villageName, townshipCode, townshipName] = readFileSync('geodata/villages.csv', 'utf8')
  .trim()
  .split('\n')[9_000]
  .split(',');

test(
  'searching a village code flies to the village, marks it and shows its status',
  { timeout: SLOW_TEST_MS },
  async () => {
    const { page } = app;
    const box = page.getByRole('combobox', { name: '搜索地点' });
    await box.fill(villageCode);
    await page.getByRole('listbox', { name: '搜索地点' }).getByRole('option').first().waitFor();
    await box.press('Enter');
    await poll(() => card().getAttribute('data-status')).toBe('done');
    expect(await page.getByTestId('inspector-name').textContent()).toBe(villageName);
    expect(await field('code').textContent()).toBe(villageCode);
    expect(await field('township').textContent()).toBe(townshipName);
    expect(await field('status-fiveG').textContent()).toMatch(/^(是|否|未知)/);
    const found = (await atlas(page, (a, [code, year]) => a.engine().inspectVillage(code, year), [
      villageCode,
      YEAR,
    ] as const))!;
    await settled(page);
    const view = await mapView(page);
    expect(view.zoom).toBeGreaterThanOrEqual(12);
    expect(Math.abs(view.center[0] - found.inspection.lon!)).toBeLessThan(0.001);
    expect(Math.abs(view.center[1] - found.inspection.lat!)).toBeLessThan(0.001);
    await markerAt(found.inspection.lon!, found.inspection.lat!);
    await poll(() => page.getByTestId('area-panel').locator('h2').textContent()).toBe(
      found.inspection.county!.name,
    );
    await page.screenshot({ path: 'test/e2e/screenshots/inspect-search-1440x900.png' });
  },
);

test(
  'searching a township fits the map to its villages and selects its county',
  { timeout: SLOW_TEST_MS },
  async () => {
    const { page } = app;
    const box = page.getByRole('combobox', { name: '搜索地点' });
    await box.fill(townshipName);
    const option = page.locator(`[role="option"][data-code="${townshipCode}"]`);
    await option.click();
    await settled(page);
    const bounds = (await atlas(page, (a, code) => a.engine().villageBounds(code), townshipCode))!;
    expect(bounds).not.toBeNull();
    const view = await atlas(page, (a) => a.view());
    // The villages' box is in view, and the map is zoomed in past the whole county's fit.
    const [west, south, east, north] = bounds;
    for (const [lon, lat] of [
      [west, south],
      [east, north],
    ]) {
      const at = await atlas(page, (a, [x, y]) => a.project(x, y), [lon, lat] as const);
      expect(at.x).toBeGreaterThan(300);
      expect(at.x).toBeLessThan(1440);
      expect(at.y).toBeGreaterThan(0);
      expect(at.y).toBeLessThan(900);
    }
    expect(view.zoom).toBeGreaterThan(10);
    expect(await page.getByTestId('inspector').count()).toBe(0);
  },
);

test(
  'on a phone the card sits over the map above the sheet and shows the whole point',
  { timeout: SLOW_TEST_MS },
  async () => {
    const page = await app.open({ viewport: { width: 390, height: 844 }, sample: true });
    const sites = await relocationSites(page);
    const site = sites.find((s) => s.lon !== null && s.population !== null)!;
    // Below the single-station zoom, so the phone draws no 130,000 stations for this.
    await jumpTo(page, site.lon!, site.lat! - 0.05, 8);
    await settled(page);
    await clickUntilShown(page, site);
    const inspector = page.getByTestId('inspector');
    expect(await inspector.locator('[data-field="population"] dd').textContent()).toMatch(/人$|未知/);
    const cardBox = (await inspector.boundingBox())!;
    const sheetBox = (await page.locator('.side-panel').boundingBox())!;
    expect(cardBox.x).toBeGreaterThanOrEqual(0);
    expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(390);
    expect(cardBox.y + cardBox.height).toBeLessThan(sheetBox.y);
    // Nothing inside the card is wider than the card.
    expect(
      await inspector.locator('.inspector-body').evaluate((e) => e.scrollWidth <= e.clientWidth + 1),
    ).toBe(true);
    await page.screenshot({ path: 'test/e2e/screenshots/inspect-relocation-390x844.png' });
    await page.close();
  },
);
