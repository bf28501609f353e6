// Which data point is under the pointer or the finger: the nearest drawn station, village,
// relocation site, scenic area or station cell within a few pixels. The map's click and hover
// handlers ask here (MapController.ts); the inspector and the tooltip take it from there.
//
// Rules relied on:
// - Point features carry their layer row: as the feature id in the point tiles (stations,
//   villages), as property `i` in the GeoJSON ones (src/core/layers/*.ts write them); cells carry
//   none (they stand for many stations).
// - Dots are a few pixels wide, so a click searches a box larger than the dot (a finger is ~40 px);
//   the nearest feature wins, and between equally near ones the one drawn on top. Hovering takes
//   only what is drawn under the pointer (pointUnder), so the areas' own tooltip still shows
//   between the dots.
// - Points can sit on one spot (a relocation site and a scenic area both placed at a county seat):
//   clicking that spot again steps to the next of them (PointPicker).
import type { Map as MaplibreMap, MapGeoJSONFeature, PointLike } from 'maplibre-gl';
import type { LayerName } from '../../core/layers/registry';
import { OVERLAY_LAYER } from './index';

/** What a hit is: a point of a layer, or a low-zoom cell of stations. */
export type PointHitKind = LayerName | 'stationCells';

export interface PointHit {
  kind: PointHitKind;
  /** The layer row (−1 for a cell). */
  row: number;
  lon: number;
  lat: number;
  /** The feature's properties as the layer's module writes them (one-letter names). */
  properties: Record<string, unknown>;
  /** How many points are drawn on this spot (1: this one alone). */
  together: number;
}

/** The style layers a hit can come from, top-drawn first, and what each holds. */
const HIT_LAYERS: ReadonlyArray<readonly [styleLayer: string, kind: PointHitKind]> = [
  [OVERLAY_LAYER.scenic, 'scenicAreas'],
  [OVERLAY_LAYER.relocation, 'relocationSites'],
  [OVERLAY_LAYER.villages, 'villages'],
  [OVERLAY_LAYER.stations, 'stations'],
  [OVERLAY_LAYER.cells, 'stationCells'],
];

/** Pixels around the pointer searched for a point: fine for a mouse, near enough for a finger. */
export const HIT_RADIUS_PX = 10;

/** The point drawn under `point` (a dot's own circle, a pixel's slack), or null: what hovering names. */
export const pointUnder = (map: MaplibreMap, point: { x: number; y: number }): PointHit | null =>
  pointsAt(map, point, 1)[0] ?? null;

/**
 * Every point within reach, nearest first; equally near ones (within a pixel) top-drawn first. A
 * radius of a pixel or two takes the dots drawn there (large circles included), a larger one any
 * dot whose centre is that near.
 */
function pointsAt(map: MaplibreMap, point: { x: number; y: number }, radiusPx: number): PointHit[] {
  const layers = HIT_LAYERS.map(([id]) => id).filter((id) => map.getLayer(id));
  if (layers.length === 0) return [];
  const box: [PointLike, PointLike] = [
    [point.x - radiusPx, point.y - radiusPx],
    [point.x + radiusPx, point.y + radiusPx],
  ];
  const reach = radiusPx <= 2 ? Infinity : radiusPx * Math.SQRT2;
  const found = new Map<string, { hit: PointHit; distance: number; rank: number }>();
  for (const feature of map.queryRenderedFeatures(box, { layers })) {
    const hit = hitOf(feature);
    if (!hit) continue;
    const at = map.project([hit.lon, hit.lat]);
    const distance = Math.hypot(at.x - point.x, at.y - point.y);
    const rank = HIT_LAYERS.findIndex(([id]) => id === feature.layer.id);
    // A feature crossing a tile edge comes once per tile: keep one.
    const key =
      hit.row >= 0 ? `${hit.kind}:${hit.row}` : `${hit.kind}:${Math.round(at.x)},${Math.round(at.y)}`;
    if (distance <= reach && !found.has(key)) found.set(key, { hit, distance, rank });
  }
  const sorted = [...found.values()].sort((a, b) =>
    Math.abs(a.distance - b.distance) <= 1 ? a.rank - b.rank : a.distance - b.distance,
  );
  const together = sorted.filter((s) => s.distance <= (sorted[0]?.distance ?? 0) + 1).length;
  return sorted.map(({ hit }, i) => ({ ...hit, together: i < together ? together : 1 }));
}

/** Picks the point a click means: the nearest, or on a second click on the same spot the next one drawn there. */
export class PointPicker {
  private last: { keys: string; index: number } | null = null;

  pick(map: MaplibreMap, point: { x: number; y: number }): PointHit | null {
    const hits = pointsAt(map, point, HIT_RADIUS_PX);
    const spot = hits.slice(0, hits[0]?.together ?? 0);
    const keys = spot.map((hit) => `${hit.kind}:${hit.row}`).join('|');
    // The same points again (the map may have moved them under the pointer) is the same spot.
    const again = this.last !== null && this.last.keys === keys;
    const index = again && spot.length > 1 ? (this.last!.index + 1) % spot.length : 0;
    this.last = spot.length ? { keys, index } : null;
    return spot[index] ?? null;
  }
}

/** A point feature's layer row (see the rules above). */
export const rowOf = (feature: MapGeoJSONFeature) => Number(feature.properties.i ?? feature.id);

function hitOf(feature: MapGeoJSONFeature): PointHit | null {
  const kind = HIT_LAYERS.find(([id]) => id === feature.layer.id)?.[1];
  if (!kind || feature.geometry.type !== 'Point') return null;
  const [lon, lat] = feature.geometry.coordinates;
  const row = kind === 'stationCells' ? -1 : rowOf(feature);
  if (kind !== 'stationCells' && !Number.isInteger(row)) return null;
  return { kind, row, lon, lat, properties: { ...feature.properties }, together: 1 };
}
