// Exports the current map as a PNG or a one-page PDF at a page size: lays the page out, draws the
// map again offscreen at full resolution, composes the page, encodes and downloads it, timing each
// step as performance measures ('export-snapshot', 'export-render' with its 'export-map-…' steps,
// 'export-compose', 'export-encode').
// Rules: the extent 'region' fits the selected area (the province when none is) whole into the map
// box, clear of the legend and the north arrow, whatever the screen shows; 'view' draws the box the
// reader sees beside the side panel. The PDF holds the same pixels as the PNG, lossless (Flate with
// PNG predictors) on a page of the paper's size in points; the composed canvas is released as soon
// as it is encoded.
import type { Bounds } from '../core/areas';
import { unionBounds } from '../core/cameraFit';
import type { LegendRow } from '../core/export/legend';
import {
  PAGE_SIZES,
  mapCanvasPlan,
  mapFitPadding,
  mapPixelRatio,
  pageLayout,
  type PageSizeId,
} from '../core/export/pageLayout';
import { predictedRgbRows, singleImagePdf } from '../core/export/pdf';
import { renderMapImage } from '../map/exportMap';
import { canvasMeasure, composePage } from '../map/exportCompose';
import { downloadBytes } from '../state/datasets';
import { useAtlas } from '../state/store';
import { mapHandle } from '../map/handle';
import { GUIZHOU_BOUNDS } from '../map/camera';

export type ExportExtent = 'region' | 'view';

export interface ExportContent {
  title: string;
  subtitle: string;
  footer: string;
  notice: string | null;
  legend: { caption: string; rows: Array<LegendRow & { countText: string }> } | null;
}

export interface ExportRequest {
  size: PageSizeId;
  format: 'png' | 'pdf';
  /** The selected area (or the province) fitted whole, or the view as the reader sees it. */
  extent: ExportExtent;
  exactStations: boolean;
  content: ExportContent;
}

export interface ExportResult {
  fileName: string;
  byteLength: number;
  seconds: number;
  /** [west, south, east, north] fitted into the map box. */
  bounds: Bounds;
  lowered: { limitPx: number; share: number } | null;
}

/** The selected area's box, or the province's (every prefecture's) when none is selected. */
function regionBounds(): Bounds {
  const { areas, selectedAdcode } = useAtlas.getState();
  const selected = selectedAdcode ? areas.get(selectedAdcode) : undefined;
  if (selected) return selected.bounds;
  const prefectures = [...areas.values()].filter((a) => a.level === 'prefecture').map((a) => a.bounds);
  return unionBounds(prefectures) ?? GUIZHOU_BOUNDS;
}

export async function exportMapFile({
  size: sizeId,
  format,
  extent,
  exactStations,
  content,
}: ExportRequest): Promise<ExportResult> {
  const controller = mapHandle();
  if (!controller) throw new Error('the map is not ready');
  const started = performance.now();
  const size = PAGE_SIZES[sizeId];
  const areas = [...useAtlas.getState().areas.values()];
  const viewSnapshot = controller.snapshot({
    counties: areas.filter((a) => a.level === 'county').map((a) => a.adcode),
    prefectures: areas.filter((a) => a.level === 'prefecture').map((a) => a.adcode),
  });
  const snapshot = extent === 'region' ? { ...viewSnapshot, bounds: regionBounds() } : viewSnapshot;
  performance.measure('export-snapshot', { start: started, end: performance.now() });

  const canvas = document.createElement('canvas');
  canvas.width = size.widthPx;
  canvas.height = size.heightPx;
  const context = canvas.getContext('2d');
  if (!context) throw new Error(`this browser cannot make a ${size.widthPx} × ${size.heightPx} canvas`);
  const layout = pageLayout({
    size,
    title: content.title,
    subtitle: content.subtitle,
    footer: content.footer,
    notice: content.notice,
    legend: content.legend && {
      caption: content.legend.caption,
      rows: content.legend.rows.map((r) => ({ range: r.range, count: r.countText })),
    },
    measure: canvasMeasure(context),
  });
  const pagePixelRatio = mapPixelRatio(size);
  const plan = mapCanvasPlan(layout.map, pagePixelRatio, snapshot.maxCanvasSidePx);

  const map = await renderMapImage(snapshot, plan, {
    exactStations,
    padding: extent === 'region' ? mapFitPadding(layout, pagePixelRatio) : undefined,
  });
  const rendered = performance.now();
  performance.measure('export-render', { start: started, end: rendered });
  composePage(context, {
    layout,
    map,
    pagePixelRatio,
    legendRows: content.legend?.rows ?? [],
    pointPx: size.pointPx,
  });
  const composed = performance.now();
  performance.measure('export-compose', { start: rendered, end: composed });

  const bytes = format === 'png' ? await pngBytes(canvas) : await pdfBytes(context, size, content.title);
  canvas.width = canvas.height = 0;
  performance.measure('export-encode', { start: composed, end: performance.now() });
  const fileName = `${content.title || 'map'}-${sizeId}.${format}`.replace(/[\\/:*?"<>|\s]+/g, '_');
  downloadBytes(bytes, fileName, format === 'png' ? 'image/png' : 'application/pdf');
  const shortfall = map.pixelRatio / pagePixelRatio;
  return {
    fileName,
    byteLength: bytes.length,
    seconds: (performance.now() - started) / 1000,
    bounds: snapshot.bounds,
    lowered: shortfall < 0.999 ? { limitPx: snapshot.maxCanvasSidePx, share: shortfall } : null,
  };
}

async function pngBytes(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the browser could not encode the PNG');
  return new Uint8Array(await blob.arrayBuffer());
}

async function pdfBytes(
  context: CanvasRenderingContext2D,
  size: (typeof PAGE_SIZES)[PageSizeId],
  title: string,
): Promise<Uint8Array> {
  const { width, height } = context.canvas;
  const rows = predictedRgbRows(context.getImageData(0, 0, width, height).data, width, height);
  // The browser's own zlib: 'deflate' is the zlib-wrapped stream PDF's FlateDecode reads.
  const compressed = new Uint8Array(
    await new Response(
      new Blob([rows as BlobPart]).stream().pipeThrough(new CompressionStream('deflate')),
    ).arrayBuffer(),
  );
  return singleImagePdf({
    widthPt: size.pdfWidthPt,
    heightPt: size.pdfHeightPt,
    image: { width, height, data: compressed, filter: 'FlateDecode' },
    title,
  });
}
