// Composes an exported page on a 2D canvas at its full pixel size: the rendered map, the title band,
// the sample notice, the legend, a north arrow, a scale bar and the source line.
// Rules: every text is drawn by the canvas in the app's font stack at the page's resolution (crisp
// Chinese, never a scaled bitmap); the scale bar is measured at the map's centre latitude, per page
// pixel; what was composed is recorded as the performance mark 'export-composed' (its detail: the
// texts and boxes, the geographic box the map shows and where the fitted region landed on the
// page), for the browser tests and for anyone timing exports.
import type { LegendRow } from '../core/export/legend';
import type { Box, PageLayout, TextAt } from '../core/export/pageLayout';
import { chooseScaleBar, metersPerCssPixel } from '../core/export/scaleBar';
import { LABEL_FONT_FAMILY } from './layers';
import type { MapImage } from './exportMap';

const INK = '#1f2933',
  MUTED = '#52606d',
  FRAME = '#8a96a3';

export const canvasFont = (fontPx: number, bold: boolean) =>
  `${bold ? 'bold ' : ''}${fontPx.toFixed(2)}px ${LABEL_FONT_FAMILY}`;

/** Text widths as this canvas draws them: the page layout's `measure`. */
export const canvasMeasure =
  (context: CanvasRenderingContext2D) => (text: string, fontPx: number, bold: boolean) => {
    context.font = canvasFont(fontPx, bold);
    return context.measureText(text).width;
  };

export interface ComposeInput {
  layout: PageLayout;
  map: MapImage;
  /** The page's planned map pixel ratio: the map image is scaled to it when WebGL forced a lower one. */
  pagePixelRatio: number;
  legendRows: ReadonlyArray<LegendRow & { countText: string }>;
  /** Page pixels per typographic point, for line widths. */
  pointPx: number;
}

export function composePage(
  context: CanvasRenderingContext2D,
  { layout, map, pagePixelRatio, legendRows, pointPx }: ComposeInput,
): void {
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, layout.width, layout.height);
  context.textBaseline = 'top';
  drawMap(context, layout.map, map, pagePixelRatio, pointPx);
  const text = (t: TextAt, colour = INK) => {
    context.font = canvasFont(t.fontPx, t.bold);
    context.fillStyle = colour;
    context.fillText(t.text, t.x, t.y);
  };
  text(layout.title);
  if (layout.subtitle) text(layout.subtitle, MUTED);
  text(layout.footer, MUTED);
  if (layout.notice) {
    panel(context, layout.notice.box, '#fde68a', '#b45309', layout.notice.text.fontPx * 0.12);
    text(layout.notice.text, '#7c2d12');
  }
  if (layout.legend) {
    const { box, caption, rows } = layout.legend;
    panel(context, box, '#ffffff', '#c5ccd3', pointPx * 0.5);
    text(caption);
    rows.forEach((row, i) => {
      const { colour, outline } = legendRows[i];
      if (outline) panel(context, inset(row.swatch, pointPx), 'rgba(255,255,255,0)', colour, pointPx * 1.6);
      else panel(context, row.swatch, colour, 'rgba(31,41,51,0.35)', pointPx * 0.4);
      text(row.range);
      text(row.count, MUTED);
    });
  }
  drawNorthArrow(context, layout.northArrow, map.bearing, pointPx);
  const scaleBar = drawScaleBar(
    context,
    layout,
    metersPerCssPixel(map.centerLatitude, map.zoom) / pagePixelRatio,
    pointPx,
  );
  performance.mark('export-composed', {
    detail: {
      width: layout.width,
      height: layout.height,
      title: layout.title.text,
      subtitle: layout.subtitle?.text ?? '',
      footer: layout.footer.text,
      notice: layout.notice?.text.text ?? null,
      noticeBox: layout.notice?.box ?? null,
      legendBox: layout.legend?.box ?? null,
      legendRows: legendRows.map((r) => `${r.range} ${r.countText}`),
      mapBox: layout.map,
      mapShows: map.shows,
      regionBox: pageBox(layout.map, map, pagePixelRatio),
      scaleBar,
      mapPixelRatio: map.pixelRatio,
    },
  });
}

/** A box in the hidden map's CSS pixels on the page: scaled to the page's ratio, centred as drawMap centres. */
function pageBox(box: Box, map: MapImage, pagePixelRatio: number): Box {
  const left = (map.pixels.width * (pagePixelRatio / map.pixelRatio) - box.width) / 2,
    top = (map.pixels.height * (pagePixelRatio / map.pixelRatio) - box.height) / 2;
  return {
    x: box.x - left + map.boxCss.x * pagePixelRatio,
    y: box.y - top + map.boxCss.y * pagePixelRatio,
    width: map.boxCss.width * pagePixelRatio,
    height: map.boxCss.height * pagePixelRatio,
  };
}

/**
 * The map's pixels in the box: put as they are, centred (the hidden map is a fraction of a CSS pixel
 * larger than the box), or scaled up when WebGL could not draw the page's full resolution. Framed.
 */
function drawMap(
  context: CanvasRenderingContext2D,
  box: Box,
  map: MapImage,
  pagePixelRatio: number,
  pointPx: number,
): void {
  const { pixels } = map;
  const scale = map.pixelRatio / pagePixelRatio;
  if (scale > 0.999) {
    const left = Math.floor((pixels.width - box.width) / 2),
      top = Math.floor((pixels.height - box.height) / 2);
    context.putImageData(pixels, box.x - left, box.y - top, left, top, box.width, box.height);
  } else {
    const copy = document.createElement('canvas');
    copy.width = pixels.width;
    copy.height = pixels.height;
    copy.getContext('2d')!.putImageData(pixels, 0, 0);
    const sourceWidth = box.width * scale,
      sourceHeight = box.height * scale;
    context.imageSmoothingQuality = 'high';
    context.drawImage(
      copy,
      (pixels.width - sourceWidth) / 2,
      (pixels.height - sourceHeight) / 2,
      sourceWidth,
      sourceHeight,
      box.x,
      box.y,
      box.width,
      box.height,
    );
  }
  context.strokeStyle = FRAME;
  context.lineWidth = pointPx * 0.75;
  context.strokeRect(box.x, box.y, box.width, box.height);
}

function panel(
  context: CanvasRenderingContext2D,
  box: Box,
  fill: string,
  stroke: string,
  lineWidth: number,
): void {
  context.fillStyle = fill;
  context.fillRect(box.x, box.y, box.width, box.height);
  context.strokeStyle = stroke;
  context.lineWidth = lineWidth;
  context.strokeRect(box.x, box.y, box.width, box.height);
}

const inset = (box: Box, by: number): Box => ({
  x: box.x + by,
  y: box.y + by,
  width: box.width - 2 * by,
  height: box.height - 2 * by,
});

/** An "N" over a two-tone arrow, turned with the map's bearing. */
function drawNorthArrow(context: CanvasRenderingContext2D, box: Box, bearing: number, pointPx: number): void {
  const cx = box.x + box.width / 2,
    cy = box.y + box.height / 2,
    h = box.height,
    w = box.width;
  context.save();
  context.fillStyle = 'rgba(255,255,255,0.85)';
  context.beginPath();
  context.arc(cx, cy, h * 0.55, 0, 2 * Math.PI);
  context.fill();
  context.translate(cx, cy);
  context.rotate((-bearing * Math.PI) / 180);
  const letterBottom = -h * 0.16,
    tip = -h * 0.12,
    bottom = h * 0.48;
  context.lineWidth = pointPx * 0.6;
  context.strokeStyle = INK;
  for (const [side, fill] of [
    [-1, INK],
    [1, '#ffffff'],
  ] as const) {
    context.beginPath();
    context.moveTo(0, tip);
    context.lineTo((side * w) / 2, bottom);
    context.lineTo(0, bottom - h * 0.14);
    context.closePath();
    context.fillStyle = fill;
    context.fill();
    context.stroke();
  }
  context.font = canvasFont(h * 0.32, true);
  context.fillStyle = INK;
  context.textAlign = 'center';
  context.textBaseline = 'bottom';
  context.fillText('N', 0, letterBottom);
  context.restore();
}

/** A black-and-white bar of a round length with its label, over a light panel; returns its label. */
function drawScaleBar(
  context: CanvasRenderingContext2D,
  layout: PageLayout,
  metersPerPagePixel: number,
  pointPx: number,
): string {
  const { right, bottom, maxLengthPx, fontPx } = layout.scaleBar;
  const bar = chooseScaleBar(metersPerPagePixel, maxLengthPx);
  const barHeight = fontPx * 0.45,
    pad = fontPx * 0.5;
  const left = right - bar.lengthPx;
  panel(
    context,
    {
      x: left - pad,
      y: bottom - barHeight - fontPx * 1.3 - pad * 2,
      width: bar.lengthPx + 2 * pad,
      height: barHeight + fontPx * 1.3 + pad * 2,
    },
    'rgba(255,255,255,0.85)',
    'rgba(0,0,0,0)',
    0,
  );
  const y = bottom - pad - barHeight;
  context.lineWidth = pointPx * 0.5;
  context.strokeStyle = INK;
  for (let i = 0; i < 4; i++) {
    context.fillStyle = i % 2 === 0 ? INK : '#ffffff';
    context.fillRect(left + (bar.lengthPx * i) / 4, y, bar.lengthPx / 4, barHeight);
  }
  context.strokeRect(left, y, bar.lengthPx, barHeight);
  context.font = canvasFont(fontPx, false);
  context.fillStyle = INK;
  context.textBaseline = 'bottom';
  context.textAlign = 'left';
  context.fillText('0', left, y - fontPx * 0.2);
  context.textAlign = 'right';
  context.fillText(bar.label, right, y - fontPx * 0.2);
  context.textAlign = 'left';
  context.textBaseline = 'top';
  return bar.label;
}
