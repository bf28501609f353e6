// A camera (centre and zoom) and the geographic box it shows, both ways, in MapLibre's Web Mercator
// (512-pixel world at zoom 0, no bearing or pitch): what a slide's bounds need to be shown whole on
// whatever screen plays it, and what an old slide that kept only a centre and a zoom showed.
//
// Rules relied on:
// - The camera's centre is the middle of the map container; padding only moves where the box goes,
//   as MapLibre's `fitBounds(bounds, { padding })` does: the box is centred in the padded area and as
//   large as fits in it.
// - Boxes are [west, south, east, north] in degrees and never cross the antimeridian (Guizhou).
import type { Bounds } from './areas';
import type { ViewCamera } from './viewState';

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A map container in CSS pixels and the strips along its edges that something else covers. */
export interface ScreenFrame {
  width: number;
  height: number;
  padding: Padding;
}

export const NO_PADDING: Padding = { top: 0, right: 0, bottom: 0, left: 0 };

const TILE_PX = 512;

const worldX = (lon: number) => (lon + 180) / 360;
const worldY = (lat: number) => {
  const sin = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
};
const lonOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/**
 * The camera that shows `bounds` whole and as large as it fits in the frame's padded area, centred
 * there; the zoom is kept between `minZoom` and `maxZoom` (a point, or a tiny area, gets `maxZoom`).
 */
export function fitCamera(
  bounds: Bounds,
  frame: ScreenFrame,
  { minZoom = 0, maxZoom = 22 }: { minZoom?: number; maxZoom?: number } = {},
): ViewCamera {
  const [west, south, east, north] = bounds;
  const { width, height, padding } = frame;
  const x0 = worldX(west),
    x1 = worldX(east),
    y0 = worldY(north),
    y1 = worldY(south);
  const availableWidth = Math.max(1, width - padding.left - padding.right);
  const availableHeight = Math.max(1, height - padding.top - padding.bottom);
  const scaleToFit = Math.min(
    x1 > x0 ? availableWidth / (x1 - x0) : Infinity,
    y1 > y0 ? availableHeight / (y1 - y0) : Infinity,
  );
  const fitted = Number.isFinite(scaleToFit) ? Math.log2(scaleToFit / TILE_PX) : maxZoom;
  const zoom = Math.max(minZoom, Math.min(maxZoom, fitted));
  const scale = TILE_PX * 2 ** zoom;
  // The box's middle goes to the padded area's middle: the map's centre sits half the padding
  // difference the other way.
  const x = (x0 + x1) / 2 + (padding.right - padding.left) / 2 / scale;
  const y = (y0 + y1) / 2 + (padding.bottom - padding.top) / 2 / scale;
  return { lon: lonOf(x), lat: latOf(y), zoom };
}

/** [west, south, east, north] of the frame's padded area seen by `camera`. */
export function cameraBounds(camera: ViewCamera, frame: ScreenFrame): Bounds {
  const { width, height, padding } = frame;
  const scale = TILE_PX * 2 ** camera.zoom;
  const cx = worldX(camera.lon),
    cy = worldY(camera.lat);
  const x = (px: number) => cx + (px - width / 2) / scale;
  const y = (py: number) => cy + (py - height / 2) / scale;
  return [
    lonOf(x(padding.left)),
    latOf(y(height - padding.bottom)),
    lonOf(x(width - padding.right)),
    latOf(y(padding.top)),
  ];
}

/** Whether a box has four finite coordinates in range, west of east and south of north. */
export function isBounds(value: unknown): value is Bounds {
  if (!Array.isArray(value) || value.length !== 4 || !value.every((v) => typeof v === 'number')) return false;
  const [west, south, east, north] = value as number[];
  return (
    [west, south, east, north].every(Number.isFinite) &&
    west >= -180 &&
    east <= 180 &&
    south >= -85.06 &&
    north <= 85.06 &&
    west < east &&
    south < north
  );
}

/** The smallest box holding every box given; null for none. */
export function unionBounds(boxes: readonly Bounds[]): Bounds | null {
  if (boxes.length === 0) return null;
  return boxes.reduce<Bounds>(
    (all, [west, south, east, north]) => [
      Math.min(all[0], west),
      Math.min(all[1], south),
      Math.max(all[2], east),
      Math.max(all[3], north),
    ],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}
