// Page sizes of an exported map and where everything goes on the page, in output pixels: the title
// band (title, subtitle, sample notice), the map, the legend, north arrow and scale bar over the
// map, and the source line at the foot.
// Rules: text sizes are points times the page's `pointPx` (pixels per point) and `textScale`; the
// map is rendered at 0.75 CSS px per point (a CSS pixel is 1/96 in) times the same scale, so its own
// labels sit at the size of the page's text; text widths come from a `measure` function, so this
// module needs no DOM.

export type PageSizeId = 'slide' | 'a4' | 'a3';

export interface PageSize {
  id: PageSizeId;
  widthPx: number;
  heightPx: number;
  /** Output pixels per typographic point (1/72 in). */
  pointPx: number;
  /** Larger pages get larger text, so the title still reads from across the room or the table. */
  textScale: number;
  /** The PDF page, in points. */
  pdfWidthPt: number;
  pdfHeightPt: number;
}

const DPI = 300;
const mmToPt = (mm: number) => Number(((mm / 25.4) * 72).toFixed(2));
const mmToPx = (mm: number) => Math.round((mm / 25.4) * DPI);
const paper = (id: PageSizeId, longMm: number, shortMm: number, textScale: number): PageSize => ({
  id,
  widthPx: mmToPx(longMm),
  heightPx: mmToPx(shortMm),
  pointPx: DPI / 72,
  textScale,
  pdfWidthPt: mmToPt(longMm),
  pdfHeightPt: mmToPt(shortMm),
});

export const PAGE_SIZES: Record<PageSizeId, PageSize> = {
  // A 16:9 slide as presentation programs lay it out (13.33 × 7.5 in = 960 × 540 pt) at 144 px per inch.
  slide: {
    id: 'slide',
    widthPx: 1920,
    heightPx: 1080,
    pointPx: 2,
    textScale: 1.3,
    pdfWidthPt: 960,
    pdfHeightPt: 540,
  },
  a4: paper('a4', 297, 210, 1),
  a3: paper('a3', 420, 297, 1.25),
};

/** Device pixels per CSS pixel for the offscreen map, so its labels match the page's text. */
export const mapPixelRatio = (size: PageSize): number => size.pointPx * size.textScale * 0.75;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
/** Text drawn from its top-left corner (canvas textBaseline 'top'). */
export interface TextAt {
  text: string;
  x: number;
  y: number;
  fontPx: number;
  bold: boolean;
}
export type Measure = (text: string, fontPx: number, bold: boolean) => number;

export interface LegendContent {
  caption: string;
  rows: ReadonlyArray<{ range: string; count: string }>;
}

export interface LayoutInput {
  size: PageSize;
  title: string;
  subtitle: string;
  footer: string;
  notice: string | null;
  legend: LegendContent | null;
  measure: Measure;
}

export interface LegendLayout {
  box: Box;
  caption: TextAt;
  rows: Array<{ swatch: Box; range: TextAt; count: TextAt }>;
}

export interface PageLayout {
  width: number;
  height: number;
  title: TextAt;
  subtitle: TextAt | null;
  footer: TextAt;
  notice: { box: Box; text: TextAt } | null;
  map: Box;
  legend: LegendLayout | null;
  northArrow: Box;
  /** The scale bar's bottom-right corner, its longest length and its label size. */
  scaleBar: { right: number; bottom: number; maxLengthPx: number; fontPx: number };
}

/** Point sizes at a text scale of 1 (A4). */
const PT = {
  margin: 12,
  title: 20,
  subtitle: 12,
  notice: 12,
  legend: 9,
  footer: 7.5,
  northArrow: 24,
} as const;

/** The text at `fontPx`, or smaller down to `minShare` of it, or cut with an ellipsis, to fit `maxWidth`. */
export function fitText(
  text: string,
  fontPx: number,
  maxWidth: number,
  bold: boolean,
  measure: Measure,
  minShare = 0.7,
): { text: string; fontPx: number } {
  const width = measure(text, fontPx, bold);
  if (width <= maxWidth) return { text, fontPx };
  const smaller = Math.max(fontPx * minShare, (fontPx * maxWidth) / width);
  if (measure(text, smaller, bold) <= maxWidth) return { text, fontPx: smaller };
  let cut = text;
  while (cut.length > 1 && measure(`${cut}…`, smaller, bold) > maxWidth) cut = cut.slice(0, -1);
  return { text: `${cut}…`, fontPx: smaller };
}

export function pageLayout({
  size,
  title,
  subtitle,
  footer,
  notice,
  legend,
  measure,
}: LayoutInput): PageLayout {
  const u = size.pointPx * size.textScale;
  const width = size.widthPx,
    height = size.heightPx;
  const margin = Math.round(PT.margin * u);
  const inset = Math.round(margin * 0.8);

  let noticeLayout: PageLayout['notice'] = null;
  let titleRight = width - margin;
  if (notice) {
    const fontPx = PT.notice * u;
    const padX = fontPx * 0.6,
      boxHeight = fontPx * 1.8;
    const boxWidth = measure(notice, fontPx, true) + 2 * padX;
    const box = { x: width - margin - boxWidth, y: margin, width: boxWidth, height: boxHeight };
    noticeLayout = {
      box,
      text: { text: notice, x: box.x + padX, y: box.y + (boxHeight - fontPx) / 2, fontPx, bold: true },
    };
    titleRight = box.x - margin;
  }
  const titleFit = fitText(title, PT.title * u, titleRight - margin, true, measure);
  const titleAt: TextAt = { ...titleFit, x: margin, y: margin, bold: true };
  let bandBottom = margin + titleFit.fontPx * 1.3;
  let subtitleAt: TextAt | null = null;
  if (subtitle) {
    const fit = fitText(subtitle, PT.subtitle * u, titleRight - margin, false, measure);
    subtitleAt = { ...fit, x: margin, y: bandBottom, bold: false };
    bandBottom += fit.fontPx * 1.35;
  }
  if (noticeLayout) bandBottom = Math.max(bandBottom, noticeLayout.box.y + noticeLayout.box.height);

  const footerFit = fitText(footer, PT.footer * u, width - 2 * margin, false, measure);
  const footerAt: TextAt = {
    ...footerFit,
    x: margin,
    y: height - margin - footerFit.fontPx * 1.2,
    bold: false,
  };
  const mapTop = Math.round(bandBottom + margin * 0.5);
  const mapBottom = Math.round(footerAt.y - margin * 0.4);
  const map: Box = { x: margin, y: mapTop, width: width - 2 * margin, height: mapBottom - mapTop };

  const arrowHeight = PT.northArrow * u;
  const northArrow: Box = {
    x: map.x + map.width - inset - arrowHeight * 0.6,
    y: map.y + inset,
    width: arrowHeight * 0.6,
    height: arrowHeight,
  };
  return {
    width,
    height,
    title: titleAt,
    subtitle: subtitleAt,
    footer: footerAt,
    notice: noticeLayout,
    map,
    legend: legend && legendLayout(legend, map, inset, PT.legend * u, measure),
    northArrow,
    scaleBar: {
      right: map.x + map.width - inset,
      bottom: map.y + map.height - inset,
      maxLengthPx: map.width * 0.2,
      fontPx: PT.legend * u,
    },
  };
}

/** A panel in the map's bottom-left corner: caption, then swatch · range · count per row. */
function legendLayout(
  legend: LegendContent,
  map: Box,
  inset: number,
  fontPx: number,
  measure: Measure,
): LegendLayout {
  const pad = fontPx * 0.8,
    rowHeight = fontPx * 1.6,
    gap = fontPx * 0.6;
  const swatchWidth = fontPx * 1.8,
    swatchHeight = fontPx * 1.1;
  const maxWidth = map.width * 0.45;
  const caption = fitText(legend.caption, fontPx * 1.05, maxWidth - 2 * pad, true, measure);
  const rangeWidth = Math.max(0, ...legend.rows.map((r) => measure(r.range, fontPx, false)));
  const countWidth = Math.max(0, ...legend.rows.map((r) => measure(r.count, fontPx, false)));
  const contentWidth = Math.max(
    measure(caption.text, caption.fontPx, true),
    swatchWidth + gap + rangeWidth + 2 * gap + countWidth,
  );
  const boxHeight = 2 * pad + caption.fontPx * 1.5 + legend.rows.length * rowHeight;
  const box: Box = {
    x: map.x + inset,
    y: map.y + map.height - inset - boxHeight,
    width: contentWidth + 2 * pad,
    height: boxHeight,
  };
  const rowsTop = box.y + pad + caption.fontPx * 1.5;
  return {
    box,
    caption: { ...caption, x: box.x + pad, y: box.y + pad, bold: true },
    rows: legend.rows.map((row, i) => {
      const y = rowsTop + i * rowHeight;
      const textY = y + (rowHeight - fontPx) / 2;
      return {
        swatch: {
          x: box.x + pad,
          y: y + (rowHeight - swatchHeight) / 2,
          width: swatchWidth,
          height: swatchHeight,
        },
        range: { text: row.range, x: box.x + pad + swatchWidth + gap, y: textY, fontPx, bold: false },
        count: {
          text: row.count,
          x: box.x + box.width - pad - measure(row.count, fontPx, false),
          y: textY,
          fontPx,
          bold: false,
        },
      };
    }),
  };
}

export interface MapCanvasPlan {
  /** The hidden map container's size in CSS pixels. */
  cssWidth: number;
  cssHeight: number;
  /** The ratio to render at: the page's, or lower when the canvas would pass the WebGL limit. */
  pixelRatio: number;
  lowered: boolean;
}

/**
 * The hidden map's size for a map box: whole CSS pixels at least as large as the box, so the canvas
 * covers it at the page's ratio (the caller crops the fraction of a CSS pixel left over), and a
 * lower ratio when a side would pass the browser's largest WebGL canvas.
 */
export function mapCanvasPlan(box: Box, pixelRatio: number, maxCanvasSidePx: number): MapCanvasPlan {
  const cssWidth = Math.ceil(box.width / pixelRatio),
    cssHeight = Math.ceil(box.height / pixelRatio);
  const capped = Math.min(pixelRatio, maxCanvasSidePx / cssWidth, maxCanvasSidePx / cssHeight);
  return { cssWidth, cssHeight, pixelRatio: capped, lowered: capped < pixelRatio };
}

/**
 * The strips of the map box, in the hidden map's CSS pixels, that a region fitted to the page keeps
 * clear of: the legend's column on the left, the north arrow's on the right, a margin above and
 * below. Strips, not corners, because a fit takes padding per side (MapLibre's fitBounds); the scale
 * bar's corner is left free, since it is narrow and the region's corners are mostly empty.
 */
export function mapFitPadding(
  layout: PageLayout,
  pixelRatio: number,
): { top: number; right: number; bottom: number; left: number } {
  const { map, northArrow, legend } = layout;
  const inset = northArrow.y - map.y;
  const css = (pagePx: number) => Math.round(pagePx / pixelRatio);
  return {
    top: css(inset),
    right: css(map.x + map.width - northArrow.x + inset),
    bottom: css(inset),
    left: css((legend ? legend.box.x + legend.box.width - map.x : 0) + inset),
  };
}
