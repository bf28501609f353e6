// Draws the live map's view again in a hidden MapLibre map at an export's full resolution — not an
// upscaled screenshot: the container has the map box's CSS size and the map renders at the page's
// pixel ratio, so its canvas has the target pixels and its lines and labels are drawn at that size.
// Rules: same style (exportStyle.ts: exact stations out unless asked for) and choropleth
// feature-states as the live map; the snapshot's box is fitted whole into the map box, less the
// `padding` strips the page's legend and north arrow cover (MapLibre's fitBounds), so a region
// exported is never cut; the picture is taken once the hidden map is `idle` (every source loaded
// and drawn); the hidden map and its WebGL context are always released.
import type { ExportSnapshot } from './snapshot';
import * as maplibregl from 'maplibre-gl';
import type { Bounds } from '../core/areas';
import type { Box, MapCanvasPlan } from '../core/export/pageLayout';
import { LABEL_FONT_FAMILY } from './layers';
import { exportStyle } from './exportStyle';

export type MapSnapshot = ExportSnapshot;

export interface MapImage {
  /** The hidden map's pixels, top row first. */
  pixels: ImageData;
  /** Canvas pixels per CSS pixel actually drawn (MapLibre may lower it further than planned). */
  pixelRatio: number;
  centerLatitude: number;
  zoom: number;
  bearing: number;
  /** [west, south, east, north] the picture shows. */
  shows: Bounds;
  /** Where the snapshot's box landed, in the hidden map's CSS pixels. */
  boxCss: Box;
}

const IDLE_TIMEOUT_MS = 90_000;
const LOADING_PIXEL_RATIO = 0.25;

/** Records a step of the render as the performance measure export-map-<step>; returns its end. */
function measure(step: string, start: number): number {
  const end = performance.now();
  performance.measure(`export-map-${step}`, { start, end });
  return end;
}

export interface RenderOptions {
  exactStations: boolean;
  /** CSS pixels per side of the map box the snapshot's box is kept out of. */
  padding?: { top: number; right: number; bottom: number; left: number };
}

export async function renderMapImage(
  snapshot: MapSnapshot,
  plan: MapCanvasPlan,
  options: RenderOptions,
): Promise<MapImage> {
  const container = document.createElement('div');
  Object.assign(container.style, {
    position: 'fixed',
    left: '-100000px',
    top: '0',
    width: `${plan.cssWidth}px`,
    height: `${plan.cssHeight}px`,
    visibility: 'hidden',
    pointerEvents: 'none',
  });
  container.setAttribute('aria-hidden', 'true');
  document.body.append(container);
  let map: maplibregl.Map | undefined;
  let at = performance.now();
  try {
    map = new maplibregl.Map({
      container,
      style: exportStyle(snapshot.style, options),
      bounds: snapshot.bounds,
      fitBoundsOptions: { padding: options.padding ?? 0, bearing: snapshot.bearing },
      // Software WebGL pays per pixel for every frame drawn while tiles arrive: load at a fraction of
      // the size, then draw once at full size (tiles and label placement follow CSS pixels, not the ratio).
      pixelRatio: Math.min(plan.pixelRatio, LOADING_PIXEL_RATIO),
      maxCanvasSize: [snapshot.maxCanvasSidePx, snapshot.maxCanvasSidePx],
      interactive: false,
      trackResize: false,
      attributionControl: false,
      renderWorldCopies: false,
      fadeDuration: 0,
      localIdeographFontFamily: LABEL_FONT_FAMILY,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    at = measure('create', at);
    await loaded(map, snapshot.featureStates);
    at = measure('load', at);
    map.setPixelRatio(plan.pixelRatio);
    await idle(map);
    at = measure('draw', at);
    const pixels = readPixels(map);
    measure('read', at);
    const [west, south, east, north] = snapshot.bounds;
    const northWest = map.project([west, north]),
      southEast = map.project([east, south]);
    return {
      pixels,
      pixelRatio: map.getCanvas().width / plan.cssWidth,
      centerLatitude: map.getCenter().lat,
      zoom: map.getZoom(),
      bearing: map.getBearing(),
      shows: map.getBounds().toArray().flat() as Bounds,
      boxCss: {
        x: northWest.x,
        y: northWest.y,
        width: southEast.x - northWest.x,
        height: southEast.y - northWest.y,
      },
    };
  } finally {
    map?.remove();
    container.remove();
  }
}

/**
 * The drawing buffer read straight from WebGL (kept by preserveDrawingBuffer), rows turned top-down:
 * pixel for pixel, and in software-rendered Chromium faster than drawing the WebGL canvas onto a 2D
 * canvas (an A3-sized canvas: 0.5 s against 1.7 s). This is also where the caller waits for the
 * renderer to finish the full-size frame. The map is opaque, so its alpha needs no care.
 */
function readPixels(map: maplibregl.Map): ImageData {
  const gl = map.painter.context.gl;
  const { drawingBufferWidth: width, drawingBufferHeight: height } = gl;
  const pixels = new Uint8ClampedArray(width * height * 4);
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
  const stride = width * 4,
    row = new Uint8ClampedArray(stride);
  for (let top = 0, bottom = height - 1; top < bottom; top++, bottom--) {
    row.set(pixels.subarray(top * stride, (top + 1) * stride));
    pixels.copyWithin(top * stride, bottom * stride, (bottom + 1) * stride);
    pixels.set(row, bottom * stride);
  }
  return new ImageData(pixels, width, height);
}

/**
 * Resolves once the map has loaded its style and every source and taken the feature-states. The
 * first `idle` comes only after `load`; the full-size frame drawn next shows the states in any case.
 */
async function loaded(map: maplibregl.Map, featureStates: MapSnapshot['featureStates']): Promise<void> {
  const styled = new Promise<void>((resolve) =>
    map.once('load', () => {
      for (const { source, id, state } of featureStates) map.setFeatureState({ source, id }, state);
      resolve();
    }),
  );
  await Promise.all([styled, idle(map)]);
}

/** The next `idle` (nothing loading, nothing moving, the last frame drawn); rejects on a map error or a timeout. */
function idle(map: maplibregl.Map): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      map.off('error', fail);
      map.off('idle', ok);
      if (error) reject(error);
      else resolve();
    };
    const fail = (e: maplibregl.ErrorEvent) => done(new Error(e.error.message));
    const ok = () => done();
    const timer = setTimeout(
      () => done(new Error(`the map was not drawn within ${IDLE_TIMEOUT_MS / 1000} s`)),
      IDLE_TIMEOUT_MS,
    );
    map.on('error', fail);
    map.once('idle', ok);
    map.triggerRepaint();
  });
}
