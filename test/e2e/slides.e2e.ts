// Presenting on a projector, as a presenter does it with the sample loaded at 1280 × 720: a slide of
// the whole province and one of a county, played full screen. Each region must show whole above the
// caption band and clear of the legend (read from the map itself through the automation hook), the
// band must stay compact, the legend readable, the chrome in the language chosen now, and the map
// must not end in a grey band with a dashed edge. The same slides played at 1920 × 1080 and
// 1440 × 900, and an old slide (a centre and a zoom, no box) imported from a file, fit as well.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { AreaIndex, Bounds } from '../../src/core/areas';
import { fitCamera } from '../../src/core/cameraFit';
import { atlas, mapView, settled } from './atlas';
import { poll, SLOW_TEST_MS, useApp } from './harness';
import { XIFENG } from './places';

const app = useApp({ sample: true, viewport: { width: 1280, height: 720 } });

const areas: AreaIndex = JSON.parse(readFileSync('geodata/areas.json', 'utf8'));
const union = (boxes: Bounds[]): Bounds => [
  Math.min(...boxes.map((b) => b[0])),
  Math.min(...boxes.map((b) => b[1])),
  Math.max(...boxes.map((b) => b[2])),
  Math.max(...boxes.map((b) => b[3])),
];
const PROVINCE = union(areas.prefectures.map((p) => p.bounds));
const XIFENG_BOUNDS = areas.counties.find((c) => c.adcode === XIFENG.adcode)!.bounds;
const CAPTIONS = ['全省：2025 年底每万人 5G 基站数，半数县达到规划目标', '息烽县：县城以外仍有缺口'];

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Waits until the camera has come to rest and stays there through another settle. */
async function cameraAtRest(page: Page): Promise<void> {
  await poll(async () => {
    await settled(page);
    const first = await mapView(page);
    await settled(page);
    const second = await mapView(page);
    return (
      !second.moving &&
      Math.abs(first.zoom - second.zoom) < 1e-6 &&
      Math.abs(first.center[0] - second.center[0]) < 1e-9 &&
      Math.abs(first.center[1] - second.center[1]) < 1e-9
    );
  }, 'the camera comes to rest').toBe(true);
}

/** Where a box of longitude and latitude lies on screen now, by the map's own projection. */
async function onScreen(page: Page, [west, south, east, north]: Bounds): Promise<Box> {
  const [northWest, southEast] = await atlas(page, (a, [w, s, e, n]) => [a.project(w, n), a.project(e, s)], [
    west,
    south,
    east,
    north,
  ] as const);
  return {
    x: northWest.x,
    y: northWest.y,
    width: southEast.x - northWest.x,
    height: southEast.y - northWest.y,
  };
}

const box = async (page: Page, testId: string): Promise<Box> =>
  (await page.getByTestId(testId).boundingBox())!;

/** The region lies within the screen above the band and right of the legend; returns how it sits there. */
async function expectRegionClear(page: Page, region: Bounds, label: string) {
  const viewport = page.viewportSize()!;
  const band = await box(page, 'presentation-band');
  const legend = await box(page, 'presentation-legend');
  const shown = await onScreen(page, region);
  const report = `${label} at ${viewport.width}×${viewport.height}: region x ${shown.x.toFixed(0)}–${(shown.x + shown.width).toFixed(0)}, y ${shown.y.toFixed(0)}–${(shown.y + shown.height).toFixed(0)}; legend right ${(legend.x + legend.width).toFixed(0)}, band top ${band.y.toFixed(0)} (${((band.height / viewport.height) * 100).toFixed(1)} % of the height)`;
  console.log(report);
  expect(shown.y, `${label}: north edge on screen`).toBeGreaterThanOrEqual(0);
  expect(shown.x + shown.width, `${label}: east edge on screen`).toBeLessThanOrEqual(viewport.width);
  expect(shown.y + shown.height, `${label}: south edge above the caption band`).toBeLessThanOrEqual(band.y);
  expect(shown.x, `${label}: west edge right of the legend`).toBeGreaterThanOrEqual(legend.x + legend.width);
  expect(legend.y + legend.height, 'the legend ends above the band').toBeLessThanOrEqual(band.y);
  expect(band.y + band.height).toBeCloseTo(viewport.height, 0);
  return { shown, band, legend };
}

/** The share of the strip left of the legend and above the band showing the bare map background. */
function backgroundShare(png: Buffer, page: Page, strip: Box): Promise<number> {
  return page.evaluate(
    async ({ base64, strip }) => {
      const bitmap = await createImageBitmap(
        new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }),
      );
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const data = context.getImageData(strip.x, strip.y, strip.width, strip.height).data;
      let grey = 0;
      // main's background grey, #e9edf0, which showed past the neighbours' window.
      for (let i = 0; i < data.length; i += 4)
        if (
          Math.abs(data[i] - 0xe9) < 3 &&
          Math.abs(data[i + 1] - 0xed) < 3 &&
          Math.abs(data[i + 2] - 0xf0) < 3
        )
          grey++;
      return grey / (data.length / 4);
    },
    { base64: png.toString('base64'), strip },
  );
}

async function addSlide(page: Page, name: string, caption: string, count: number) {
  await page.getByTestId('add-slide').click();
  await poll(() => page.getByTestId('slide').count()).toBe(count);
  await page
    .getByTestId('slide-caption')
    .nth(count - 1)
    .fill(caption);
  await page
    .getByTestId('slide-name')
    .nth(count - 1)
    .fill(name);
  await page
    .getByTestId('slide-name')
    .nth(count - 1)
    .press('Tab');
  await poll(() =>
    page
      .getByTestId('slide')
      .nth(count - 1)
      .getAttribute('aria-label'),
  ).toContain(name);
}

test(
  'at 1280 × 720 the province and a county play whole above a compact caption band, beside a readable legend',
  { timeout: SLOW_TEST_MS },
  async () => {
    const { page } = app;
    await settled(page);
    await page.getByRole('tab', { name: '幻灯片' }).click();
    await addSlide(page, '全省', CAPTIONS[0], 1);
    await page.getByRole('combobox', { name: '搜索地点' }).fill('息烽');
    await page.getByRole('listbox').getByRole('option').filter({ hasText: '息烽县' }).click();
    await poll(() => page.getByTestId('area-panel').locator('h2').textContent()).toBe('息烽县');
    await cameraAtRest(page);
    await page.getByRole('tab', { name: '幻灯片' }).click();
    await addSlide(page, '息烽县', CAPTIONS[1], 2);

    await page.getByTestId('start-presentation').click();
    await page.getByTestId('presentation').waitFor();
    expect(await page.getByTestId('presentation-caption').textContent()).toBe(CAPTIONS[0]);
    await cameraAtRest(page);
    const province = await expectRegionClear(page, PROVINCE, 'province');
    // Fitted, not merely zoomed out: the province fills most of the free height.
    expect(province.shown.height / (province.band.y - 18)).toBeGreaterThan(0.75);
    expect(province.band.height / 720, 'caption band at most 15 % of the height').toBeLessThanOrEqual(0.15);
    // The legend: the choropleth's classes and the layers' keys, in type for the back of the room.
    const legend = page.getByTestId('presentation-legend');
    expect(await legend.isVisible()).toBe(true);
    expect(await legend.locator('h2').first().textContent()).toBe('每万人 5G 基站数（站/万人）');
    expect(await legend.locator('[data-key="choropleth"] li').count()).toBeGreaterThanOrEqual(4);
    expect(await legend.locator('[data-key="scenicAreas"] li').count()).toBe(5);
    expect(await legend.locator('[data-key="stations"]').textContent()).toContain('10 km');
    const legendFontPx = await legend.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(legendFontPx).toBeGreaterThanOrEqual(16);
    expect(await page.getByTestId('presentation-year').textContent()).toBe('2025 年底');
    expect(await page.getByTestId('presentation-exit').textContent()).toBe('退出放映（Esc）');
    const shot = await page.screenshot({ path: 'test/e2e/screenshots/slides-province-1280x720.png' });
    // No grey band past the neighbouring provinces on the left (main showed one there): the strip
    // left of the province and above the legend is land.
    const leftStrip = {
      x: 0,
      y: 0,
      width: Math.floor(province.shown.x),
      height: Math.floor(province.legend.y),
    };
    expect(leftStrip.width * leftStrip.height).toBeGreaterThan(10_000);
    expect(await backgroundShare(shot, page, leftStrip), 'grey band on the left').toBeLessThan(0.01);

    await page.keyboard.press('ArrowRight');
    await poll(() => page.getByTestId('presentation-caption').textContent()).toBe(CAPTIONS[1]);
    await cameraAtRest(page);
    const county = await expectRegionClear(page, XIFENG_BOUNDS, 'county');
    expect((await mapView(page)).zoom).toBeGreaterThan(8);
    expect(county.shown.height).toBeGreaterThan(150);
    await page.screenshot({ path: 'test/e2e/screenshots/slides-county-1280x720.png' });

    await page.keyboard.press('Escape');
    await poll(() => page.getByTestId('presentation').count()).toBe(0);
  },
);

test(
  'played on 1920 × 1080 and 1440 × 900 screens, the province slide is fitted to each again',
  { timeout: SLOW_TEST_MS },
  async () => {
    const { page } = app;
    await page.getByTestId('start-presentation').click();
    await page.getByTestId('presentation').waitFor();
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 1440, height: 900 },
    ]) {
      // A screen changed while presenting (a projector plugged in, full screen) refits the slide.
      await page.setViewportSize(viewport);
      await cameraAtRest(page);
      const played = await expectRegionClear(page, PROVINCE, 'province');
      expect(played.band.height / viewport.height).toBeLessThanOrEqual(0.15);
      expect(played.shown.height / (played.band.y - viewport.height * 0.025)).toBeGreaterThan(0.75);
      await page.screenshot({
        path: `test/e2e/screenshots/slides-province-${viewport.width}x${viewport.height}.png`,
      });
    }
    await page.keyboard.press('Escape');
    await poll(() => page.getByTestId('presentation').count()).toBe(0);
    await page.setViewportSize({ width: 1280, height: 720 });
  },
);

test(
  'slides made in Chinese play their chrome in English once English is chosen, and leave it English',
  { timeout: SLOW_TEST_MS },
  async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'English' }).click();
    await poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByTestId('start-presentation').click();
    await page.getByTestId('presentation').waitFor();
    await cameraAtRest(page);
    expect(await page.getByTestId('presentation-exit').textContent()).toBe('Leave (Esc)');
    expect(await page.getByTestId('presentation-year').textContent()).toBe('end 2025');
    expect(await page.getByTestId('presentation-legend').locator('h2').first().textContent()).toMatch(
      /^[\x20-\x7e]+$/,
    );
    expect(await page.getByTestId('presentation-legend').getAttribute('aria-label')).toBe('Legend');
    // The caption is the presenter's own text, shown as written.
    expect(await page.getByTestId('presentation-caption').textContent()).toBe(CAPTIONS[0]);
    await page.keyboard.press('ArrowRight');
    await poll(() => page.getByTestId('presentation-count').textContent()).toBe('2 / 2');
    await cameraAtRest(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('presentation-exit').textContent()).toBe('Leave (Esc)');
    await page.screenshot({ path: 'test/e2e/screenshots/slides-english-1280x720.png' });
    await page.keyboard.press('Escape');
    await poll(() => page.getByTestId('presentation').count()).toBe(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: '中文' }).click();
    await poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
  },
);

test(
  'an old slide (a centre and a zoom made at 1440 × 900, no box) imported from a file plays the whole province at 1280 × 720',
  { timeout: SLOW_TEST_MS },
  async () => {
    const { page } = app;
    // The province as main fitted it at 1440 × 900 beside the side panel: that slide kept only this camera.
    const made = fitCamera(PROVINCE, {
      width: 1440,
      height: 900,
      padding: { left: 352, right: 56, top: 24, bottom: 24 },
    });
    const file = {
      format: 'guizhou-coverage-atlas/slides',
      version: 1,
      exportedAt: '2025-01-10T00:00:00.000Z',
      slides: [
        {
          id: 'old-province',
          name: '旧幻灯片：全省',
          caption: '2024 年导出的幻灯片',
          view: `v=1&c=${made.lon.toFixed(5)},${made.lat.toFixed(5)}&z=${made.zoom.toFixed(2)}&y=2025&l=zh&m=stations.per10k&on=c`,
          createdAt: '2025-01-10T00:00:00.000Z',
        },
      ],
    };
    await page.getByTestId('import-slides').setInputFiles({
      name: 'old-slides.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await poll(() => page.getByTestId('slides-message').textContent()).toContain('已导入 1 张幻灯片');
    await page.getByTestId('start-presentation').click();
    await page.getByTestId('presentation').waitFor();
    await page.keyboard.press('End');
    await poll(() => page.getByTestId('presentation-caption').textContent()).toBe('2024 年导出的幻灯片');
    await cameraAtRest(page);
    // On main this slide kept zoom 6.9 and cut the province's north and south off at 1280 × 720.
    await expectRegionClear(page, PROVINCE, 'old province slide');
    await page.screenshot({ path: 'test/e2e/screenshots/slides-old-1280x720.png' });
    await page.keyboard.press('Escape');
    await poll(() => page.getByTestId('presentation').count()).toBe(0);
  },
);
