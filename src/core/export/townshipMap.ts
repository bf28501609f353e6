// The geometry of a township's checklist map, drawn as plain SVG from data (no map library, no
// basemap): the township's villages as numbered dots over the county's outline, a scale bar, and a
// small inset of the whole county with the main map's frame on it.
//
// Rules relied on:
// - A county is small (under ~100 km across), so a local equirectangular projection about the
//   middle latitude (x = Δlon·cos φ₀, y = −Δlat, one scale for both) keeps north up and distances
//   true to well under 1 % across the map, enough for a scale bar.
// - The main map fits the township's positioned villages (with a margin, and at least
//   MIN_SPAN_METERS across, so a one-village township still shows its surroundings); without any
//   positioned village it fits the county. The outline outside the frame is clipped by the SVG box.
// - Dots keep the list's numbers; a village without a position gets no dot and is listed as unplaced.
// - Numbered dots that would overlap are pushed apart (spreadDots) until none do, each keeping a
//   leader to its true position (its anchor): every number stays readable on paper.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { chooseScaleBar, type ScaleBar } from './scaleBar';

/** Metres per degree of latitude on a sphere of the Earth's mean radius (6,371,008.8 m). */
const METERS_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;
const MIN_SPAN_METERS = 3_000;
const MARGIN_SHARE = 0.08;

export interface MapPoint {
  /** The list's number. */
  number: number;
  lon: number;
  lat: number;
}

export interface MapBox {
  widthPx: number;
  heightPx: number;
  /** Kept free on every side of the fitted extent (for the dots' labels). */
  paddingPx: number;
}

interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** A fitted projection: lon/lat to pixels of a box. */
export interface Projection {
  /** Degrees of longitude shrink by this factor relative to latitude. */
  cosLat: number;
  /** Pixels per degree of latitude. */
  pxPerDegree: number;
  /** The lon/lat at pixel (0, 0). */
  west: number;
  north: number;
  metersPerPx: number;
}

export interface TownshipMap {
  widthPx: number;
  heightPx: number;
  /** The county outline as an SVG path (one M…Z per ring; holes drawn even-odd). */
  outline: string;
  /** Where each numbered dot is drawn (x, y) and where the village is (anchorX, anchorY). */
  dots: SpreadDot[];
  /** Numbers of the villages without a position (no dot). */
  unplaced: number[];
  scaleBar: ScaleBar;
  inset: {
    widthPx: number;
    heightPx: number;
    outline: string;
    frame: { x: number; y: number; width: number; height: number };
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

export interface SpreadDot {
  number: number;
  x: number;
  y: number;
  anchorX: number;
  anchorY: number;
}

/** Golden angle: directions for dots that sit exactly on each other, spread evenly and deterministically. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Pushes dots apart until no two centres are closer than `minDistancePx` (or `maxRounds` pass),
 * each pair moving half the shortfall along the line between them, kept `minDistancePx / 2` inside
 * the box. Dots far enough apart do not move.
 */
export function spreadDots(
  dots: ReadonlyArray<{ number: number; x: number; y: number }>,
  minDistancePx: number,
  box: { widthPx: number; heightPx: number },
  maxRounds = 200,
): SpreadDot[] {
  const x = dots.map((d) => d.x),
    y = dots.map((d) => d.y);
  const margin = minDistancePx / 2;
  const clamp = (value: number, max: number) => Math.min(max - margin, Math.max(margin, value));
  for (let pass = 0; pass < maxRounds; pass++) {
    let moved = false;
    for (let i = 0; i < dots.length; i++)
      for (let j = i + 1; j < dots.length; j++) {
        let dx = x[j] - x[i],
          dy = y[j] - y[i];
        let distance = Math.hypot(dx, dy);
        if (distance >= minDistancePx - 1e-6) continue;
        if (distance < 1e-6) {
          const angle = (i + j) * GOLDEN_ANGLE;
          [dx, dy, distance] = [Math.cos(angle), Math.sin(angle), 1];
        }
        // A hair past the shortfall, so a pair pushed apart stays apart under rounding.
        const push = (minDistancePx - distance) / 2 + 1e-3;
        const ux = dx / distance,
          uy = dy / distance;
        x[i] = clamp(x[i] - push * ux, box.widthPx);
        y[i] = clamp(y[i] - push * uy, box.heightPx);
        x[j] = clamp(x[j] + push * ux, box.widthPx);
        y[j] = clamp(y[j] + push * uy, box.heightPx);
        moved = true;
      }
    if (!moved) break;
  }
  return dots.map((d, i) => ({ number: d.number, x: x[i], y: y[i], anchorX: d.x, anchorY: d.y }));
}

function boundsOf(points: Iterable<Position>): Bounds | null {
  let west = Infinity,
    south = Infinity,
    east = -Infinity,
    north = -Infinity;
  for (const [lon, lat] of points) {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return west <= east ? { west, south, east, north } : null;
}

function* ringsOf(geometry: Polygon | MultiPolygon): Generator<Position[]> {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) yield* polygon;
}

/** The projection that fits `bounds` (grown by `marginShare` and to `minSpanMeters`) centred in the box. */
export function fitProjection(bounds: Bounds, box: MapBox, marginShare = 0, minSpanMeters = 0): Projection {
  const cosLat = Math.cos((((bounds.south + bounds.north) / 2) * Math.PI) / 180);
  const minSpanDegrees = minSpanMeters / METERS_PER_DEGREE;
  // Spans in "latitude degrees" on both axes, so one scale serves both.
  const spanX = Math.max((bounds.east - bounds.west) * cosLat * (1 + 2 * marginShare), minSpanDegrees);
  const spanY = Math.max((bounds.north - bounds.south) * (1 + 2 * marginShare), minSpanDegrees);
  const innerWidth = box.widthPx - 2 * box.paddingPx,
    innerHeight = box.heightPx - 2 * box.paddingPx;
  const pxPerDegree = Math.min(innerWidth / spanX, innerHeight / spanY);
  const centreLon = (bounds.west + bounds.east) / 2,
    centreLat = (bounds.south + bounds.north) / 2;
  return {
    cosLat,
    pxPerDegree,
    west: centreLon - box.widthPx / 2 / (pxPerDegree * cosLat),
    north: centreLat + box.heightPx / 2 / pxPerDegree,
    metersPerPx: METERS_PER_DEGREE / pxPerDegree,
  };
}

export function project(projection: Projection, lon: number, lat: number): [x: number, y: number] {
  return [
    (lon - projection.west) * projection.cosLat * projection.pxPerDegree,
    (projection.north - lat) * projection.pxPerDegree,
  ];
}

function outlinePath(geometry: Polygon | MultiPolygon, projection: Projection): string {
  const parts: string[] = [];
  for (const ring of ringsOf(geometry)) {
    const points = ring.map(([lon, lat]) => project(projection, lon, lat).map(round).join(' '));
    if (points.length > 0) parts.push(`M${points.join('L')}Z`);
  }
  return parts.join('');
}

/**
 * The checklist map of a township: `points` in list order (their numbers kept), `county` the
 * county's polygon(s); the inset is `insetPx` square at most, the scale bar at most a quarter of the
 * width; dots of `dotRadiusPx` are spread so none overlaps.
 */
export function townshipMap(
  county: Polygon | MultiPolygon,
  points: readonly MapPoint[],
  box: MapBox,
  insetPx = 120,
  dotRadiusPx = 8,
): TownshipMap {
  const positioned = points.filter((p) => Number.isFinite(p.lon) && Number.isFinite(p.lat));
  const countyBounds = boundsOf([...ringsOf(county)].flat());
  const villageBounds = boundsOf(positioned.map((p) => [p.lon, p.lat]));
  const fitted = villageBounds ?? countyBounds;
  if (!fitted) throw new RangeError('a township map needs a county outline or a positioned village');
  const projection = villageBounds
    ? fitProjection(villageBounds, box, MARGIN_SHARE, MIN_SPAN_METERS)
    : fitProjection(fitted, box);
  const projected = positioned.map((p) => {
    const [x, y] = project(projection, p.lon, p.lat);
    return { number: p.number, x, y };
  });
  const dots = spreadDots(projected, 2 * dotRadiusPx + 1, box).map((d) => ({
    number: d.number,
    x: round(d.x),
    y: round(d.y),
    anchorX: round(d.anchorX),
    anchorY: round(d.anchorY),
  }));

  // The inset: the whole county in a box of its own shape, and where the main map's box falls on it.
  const insetBounds = countyBounds ?? fitted;
  const insetSpanX =
    (insetBounds.east - insetBounds.west) *
    Math.cos((((insetBounds.north + insetBounds.south) / 2) * Math.PI) / 180);
  const insetSpanY = insetBounds.north - insetBounds.south;
  const wide = insetSpanX >= insetSpanY;
  const shortSide = (side: number, other: number) =>
    Math.max(insetPx / 3, Math.round((insetPx * side) / other));
  const insetBox = {
    widthPx: wide ? insetPx : shortSide(insetSpanX, insetSpanY),
    heightPx: wide ? shortSide(insetSpanY, insetSpanX) : insetPx,
    paddingPx: 4,
  };
  const insetProjection = fitProjection(insetBounds, insetBox);
  const [left, top] = project(insetProjection, projection.west, projection.north);
  const scale = insetProjection.pxPerDegree / projection.pxPerDegree;
  return {
    widthPx: box.widthPx,
    heightPx: box.heightPx,
    outline: outlinePath(county, projection),
    dots,
    unplaced: points.filter((p) => !positioned.includes(p)).map((p) => p.number),
    scaleBar: chooseScaleBar(projection.metersPerPx, box.widthPx / 4),
    inset: {
      widthPx: insetBox.widthPx,
      heightPx: insetBox.heightPx,
      outline: outlinePath(county, insetProjection),
      frame: {
        x: round(left),
        y: round(top),
        width: round(box.widthPx * scale),
        height: round(box.heightPx * scale),
      },
    },
  };
}
