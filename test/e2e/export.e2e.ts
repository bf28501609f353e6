// Exporting the map as a presenter does, with the sample loaded: a 1920 × 1080 PNG carrying the
// typed title, the legend and the sample notice; an A4 PDF of one landscape page; an A3 PNG at its
// full 300-dpi size; the province fitted whole (遵义's and 铜仁's north included) whatever the
// screen shows; and how long each takes. The images are saved under screenshots/ to look at.
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { jumpTo, mapView, renderedCount, settled } from './atlas';
import { download } from './downloads';
import { poll, useApp } from './harness';
import { parseHex } from '../../src/core/colourVision';
import { OPERATOR_COLOURS } from '../../src/core/palette';

const app = useApp({ sample: true });
const TITLE = '贵州省 5G 基站密度 · 测试导出';
const SAMPLE_NOTICE = '示例数据（合成，非真实）· Sample data';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Composed {
  width: number;
  height: number;
  title: string;
  subtitle: string;
  footer: string;
  notice: string | null;
  noticeBox: Box | null;
  legendBox: Box | null;
  legendRows: string[];
  mapBox: Box;
  /** [west, south, east, north] the exported map shows. */
  mapShows: [number, number, number, number];
  /** Where the fitted region's box landed on the page. */
  regionBox: Box;
  scaleBar: string;
  mapPixelRatio: number;
}

/** Opens the dialog, types the title, picks a size, an extent and a format, and returns the downloaded file with timings. */
async function exportMap(
  page: Page,
  sizeLabel: RegExp,
  format: 'PNG' | 'PDF',
  exactStations = false,
  extent: 'region' | 'view' = 'region',
) {
  await page.getByRole('button', { name: '导出地图' }).click();
  const dialog = page.getByRole('dialog', { name: '导出地图' });
  await dialog.getByLabel('标题', { exact: true }).fill(TITLE);
  await dialog.getByLabel(sizeLabel).check();
  await dialog.getByLabel(extent === 'region' ? /^所选区域/ : '当前视图').check();
  await dialog.getByLabel('显示精确基站位置').setChecked(exactStations);
  const started = Date.now();
  const { bytes } = await download(page, () =>
    dialog.getByRole('button', { name: `导出 ${format}` }).click(),
  );
  const totalMs = Date.now() - started;
  await poll(() => dialog.getByRole('status').textContent()).toContain('已导出');
  const steps = await page.evaluate(() =>
    Object.fromEntries(
      [
        'export-render',
        'export-snapshot',
        'export-map-create',
        'export-map-load',
        'export-map-draw',
        'export-map-read',
        'export-compose',
        'export-encode',
      ].map((name) => [name.slice(7), Math.round(performance.getEntriesByName(name).at(-1)!.duration)]),
    ),
  );
  const composed = (await page.evaluate(
    () => (performance.getEntriesByName('export-composed').at(-1) as PerformanceMark).detail,
  )) as Composed;
  await dialog.getByRole('button', { name: '关闭' }).click();
  console.log(
    `export ${composed.width}×${composed.height} ${format}: ${totalMs} ms click to file (render ${steps.render}: snapshot ${steps.snapshot}, new map ${steps['map-create']}, load at low resolution ${steps['map-load']} + full-size frame ${steps['map-draw']}, read back ${steps['map-read']}, compose ${steps.compose}, encode ${steps.encode} ms), ${(bytes.length / 1e6).toFixed(2)} MB, map at ${composed.mapPixelRatio.toFixed(3)} px/CSS px`,
  );
  return { bytes, composed };
}

/** The province's northernmost point (遵义) and its west and east ends, from geodata/province.geojson. */
const NORTH_TIP = [107.554094, 29.224014] as const;
const PROVINCE_WEST = 103.599576,
  PROVINCE_EAST = 109.592728;

/** Pixels of a PNG region darker than the map's fills (the province outline is #24313d). */
function darkPixels(page: Page, png: Buffer, b: Box): Promise<number> {
  return page.evaluate(
    async ({ base64, b }) => {
      const bitmap = await createImageBitmap(
        new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }),
      );
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const data = context.getImageData(Math.round(b.x), Math.round(b.y), b.width, b.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4)
        if (data[i] < 70 && data[i + 1] < 80 && data[i + 2] < 90) dark++;
      return dark;
    },
    { base64: png.toString('base64'), b },
  );
}

const pngSize = (bytes: Buffer) => {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};

/** Decodes the PNG in the page and measures regions: colour variance, the share near a colour, distinct colours. */
function regionStats(page: Page, png: Buffer, boxes: Record<string, Box>, near: [number, number, number]) {
  return page.evaluate(
    async ({ base64, boxes, near }) => {
      // Decoded from bytes: the page's Content-Security-Policy allows no fetch of data: URLs.
      const bitmap = await createImageBitmap(
        new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }),
      );
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return Object.fromEntries(
        Object.entries(boxes).map(([name, b]) => {
          const data = context.getImageData(
            Math.round(b.x),
            Math.round(b.y),
            Math.round(b.width),
            Math.round(b.height),
          ).data;
          let sum = 0,
            sumSquares = 0,
            nearCount = 0;
          const colours = new Set<number>();
          for (let i = 0; i < data.length; i += 4) {
            const grey = (data[i] + data[i + 1] + data[i + 2]) / 3;
            sum += grey;
            sumSquares += grey * grey;
            if (
              Math.abs(data[i] - near[0]) < 10 &&
              Math.abs(data[i + 1] - near[1]) < 10 &&
              Math.abs(data[i + 2] - near[2]) < 10
            )
              nearCount++;
            colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
          }
          const n = data.length / 4;
          return [
            name,
            { variance: sumSquares / n - (sum / n) ** 2, nearShare: nearCount / n, colours: colours.size },
          ];
        }),
      );
    },
    { base64: png.toString('base64'), boxes, near },
  );
}

test('a 1920 × 1080 PNG: exact size, the typed title, the legend of the side panel, the sample notice, a drawn map', async () => {
  const { page } = app;
  await page.getByRole('button', { name: '导出地图' }).click();
  const dialog = page.getByRole('dialog', { name: '导出地图' });
  // Defaults: metric and area in the title, year and data source below, exact stations off.
  expect(await dialog.getByLabel('标题', { exact: true }).inputValue()).toBe('贵州省 · 每万人 5G 基站数');
  expect(await dialog.getByLabel('副标题').inputValue()).toContain('数据：示例数据（合成）');
  expect(await dialog.getByLabel('显示精确基站位置').isChecked()).toBe(false);
  expect(await dialog.getByLabel(/^所选区域/).isChecked()).toBe(true);
  await dialog.getByRole('button', { name: '关闭' }).click();

  const { bytes, composed } = await exportMap(page, /幻灯片/, 'PNG');
  writeFileSync('test/e2e/screenshots/export-slide.png', bytes);
  expect(pngSize(bytes)).toEqual({ width: 1920, height: 1080 });
  expect(composed.title).toBe(TITLE);
  expect(composed.notice).toBe(SAMPLE_NOTICE);
  expect(composed.footer).toMatch(/数据：示例数据（合成）.*\d{4}年\d{1,2}月\d{1,2}日/);
  expect(composed.scaleBar).toMatch(/^\d+ k?m$/);
  // The legend drawn is the side panel's, plus the row of areas meeting the target.
  const panelRows = await page
    .getByTestId('choropleth-legend')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => `${row.children[1].textContent} ${row.children[2].textContent}`),
    );
  expect(composed.legendRows.slice(0, panelRows.length)).toEqual(panelRows);
  expect(composed.legendRows.at(-1)).toMatch(/^达到规划目标（≥ 33\.0） \d+ 个$/);

  const stats = await regionStats(
    page,
    bytes,
    { legend: composed.legendBox!, notice: composed.noticeBox!, map: composed.mapBox },
    [253, 230, 138],
  );
  expect(stats.legend.variance, 'legend not blank').toBeGreaterThan(500);
  expect(stats.notice.nearShare, 'notice drawn in its amber panel').toBeGreaterThan(0.5);
  expect(stats.map.colours, 'map drawn in many colours').toBeGreaterThan(200);
}, 240_000);

test('an A4 PDF: one landscape page of 841.89 × 595.28 pt holding a 3508 × 2480 image', async () => {
  const { bytes, composed } = await exportMap(app.page, /^A4/, 'PDF');
  writeFileSync('test/e2e/screenshots/export-a4.pdf', bytes);
  const text = bytes.toString('latin1');
  expect(text.startsWith('%PDF-')).toBe(true);
  expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
  expect(text).toContain('/MediaBox [0 0 841.89 595.28]');
  expect(text).toContain('/Width 3508 /Height 2480');
  expect(composed).toMatchObject({ width: 3508, height: 2480, title: TITLE, notice: SAMPLE_NOTICE });
  expect(composed.mapPixelRatio).toBeCloseTo(3.125, 2);
}, 240_000);

test('an A3 PNG at full 300 dpi: 4961 × 3508 pixels, the map not scaled up', async () => {
  const { bytes, composed } = await exportMap(app.page, /^A3/, 'PNG');
  writeFileSync('test/e2e/screenshots/export-a3.png', bytes);
  expect(pngSize(bytes)).toEqual({ width: 4961, height: 3508 });
  expect(composed.mapPixelRatio).toBeCloseTo(3.90625, 2);
}, 240_000);

test('a 1920 × 1080 PNG of the province made while the screen shows only its south holds all of 遵义 and 铜仁', async () => {
  const { page } = app;
  // The screen at zoom 8 over 黔南: the north of the province is far off screen.
  await jumpTo(page, 107.2, 25.6, 8);
  await settled(page);
  expect((await mapView(page)).zoom).toBeCloseTo(8, 1);
  const { bytes, composed } = await exportMap(page, /幻灯片/, 'PNG');
  writeFileSync('test/e2e/screenshots/export-province-1920x1080.png', bytes);
  expect(pngSize(bytes)).toEqual({ width: 1920, height: 1080 });
  // The picture's own map: it reaches past the northernmost point (遵义, 29.224° N) and 铜仁's east.
  const [west, south, east, north] = composed.mapShows;
  expect(north).toBeGreaterThan(NORTH_TIP[1]);
  expect(south).toBeLessThan(24.621);
  expect(west).toBeLessThan(103.6);
  expect(east).toBeGreaterThan(109.59);
  // The province's box lies in the map box, clear of the legend, with a margin above.
  const region = composed.regionBox,
    map = composed.mapBox,
    legend = composed.legendBox!;
  expect(region.y).toBeGreaterThan(map.y + 10);
  expect(region.y + region.height).toBeLessThan(map.y + map.height);
  expect(region.x).toBeGreaterThan(legend.x + legend.width);
  expect(region.x + region.width).toBeLessThan(map.x + map.width);
  expect(region.height / map.height, 'as large as fits').toBeGreaterThan(0.85);
  // and the province's dark outline is drawn at the northern tip.
  const tip = {
    x: region.x + ((NORTH_TIP[0] - PROVINCE_WEST) / (PROVINCE_EAST - PROVINCE_WEST)) * region.width,
    y: region.y,
  };
  const dark = await darkPixels(page, bytes, { x: tip.x - 12, y: tip.y - 8, width: 24, height: 20 });
  console.log(
    `province export: map shows ${composed.mapShows.map((v) => v.toFixed(3)).join(', ')}; northern tip at (${tip.x.toFixed(0)}, ${tip.y.toFixed(0)}) with ${dark} dark outline pixels around it`,
  );
  expect(dark, 'the outline at the northern tip').toBeGreaterThan(10);
}, 240_000);

test('single stations stay out of an export unless asked for: zoomed into 息烽县, the cells stand in for them', async () => {
  const { page } = app;
  // Only stations over the choropleth: 中国移动's blue then counts station points. Zoom 11 on screen:
  // the slide's map, fitted to the same view at 1.95 device pixels per CSS pixel, lands near zoom 10,
  // past the zoom (9) where single stations replace the cells.
  for (const layer of ['relocationSites', 'scenicAreas']) await page.getByTestId(`toggle-${layer}`).uncheck();
  await jumpTo(page, 106.73, 27.1, 11);
  await poll(() => renderedCount(page, 'station-points')).toBeGreaterThan(50);
  await settled(page);
  const mobileBlue = parseHex(OPERATOR_COLOURS['中国移动']).map((c) => Math.round(c * 255)) as [
    number,
    number,
    number,
  ];
  const shares: Record<string, number> = {};
  for (const exact of [false, true]) {
    const { bytes, composed } = await exportMap(page, /幻灯片/, 'PNG', exact, 'view');
    writeFileSync(`test/e2e/screenshots/export-stations-${exact ? 'exact' : 'cells'}.png`, bytes);
    const stats = await regionStats(page, bytes, { map: composed.mapBox }, mobileBlue);
    shares[String(exact)] = stats.map.nearShare;
  }
  expect(shares.false, 'no station points by default').toBeLessThan(0.0005);
  expect(shares.true, 'station points when asked for').toBeGreaterThan(0.002);
}, 240_000);
