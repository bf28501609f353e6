// Geometry steps of the geodata build: datum conversion, repair of invalid rings, simplification
// that keeps shared borders shared, and ellipsoidal area.
//
// Rules relied on:
// - The GCJ-02 → WGS84 conversion is a pure function of the coordinate, so a vertex shared by two
//   counties stays shared after conversion, and the topology built afterwards finds the same arcs.
// - Simplification runs on topology arcs (each shared border once), never per polygon, so
//   neighbouring counties keep identical borders: no slivers, no overlaps.
import gcoord from 'gcoord';
import * as polyclip from 'polyclip-ts';
import geographiclib from 'geographiclib-geodesic';
import booleanValid from '@turf/boolean-valid';
import kinks from '@turf/kinks';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type PolygonCoords = Position[][];
export type MultiPolygonCoords = Position[][][];

export function gcj02ToWgs84(position: Position): Position {
  return gcoord.transform([position[0], position[1]] as [number, number], gcoord.GCJ02, gcoord.WGS84) as Position;
}

export function asMultiPolygon(geometry: Polygon | MultiPolygon): MultiPolygonCoords {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function mapPositions(polygons: MultiPolygonCoords, fn: (p: Position) => Position): MultiPolygonCoords {
  return polygons.map((polygon) => polygon.map((ring) => ring.map(fn)));
}

const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Drops repeated vertices and spikes (A→B→A), the two defects of the DataV rings. */
export function cleanRing(ring: Position[]): Position[] {
  const open = ring.slice(0, samePosition(ring[0], ring[ring.length - 1]) ? -1 : undefined);
  let changed = true;
  let vertices = open;
  while (changed && vertices.length > 3) {
    changed = false;
    const next: Position[] = [];
    for (let i = 0; i < vertices.length; i++) {
      const before = next.length ? next[next.length - 1] : vertices[vertices.length - 1];
      const after = vertices[(i + 1) % vertices.length];
      if (samePosition(vertices[i], before) || samePosition(before, after)) {
        changed = true;
        continue;
      }
      next.push(vertices[i]);
    }
    vertices = next;
  }
  return vertices.length === 0 ? [] : [...vertices, vertices[0]];
}

/** OGC validity as far as Turf checks it, plus crossings: boolean-valid alone misses a bow-tie ring. */
export function isValidMultiPolygon(coordinates: MultiPolygonCoords): boolean {
  const geometry = { type: 'MultiPolygon' as const, coordinates };
  return booleanValid(geometry) && coordinates.every((polygon) => kinks({ type: 'Polygon', coordinates: polygon }).features.length === 0);
}

/**
 * Returns valid multipolygon coordinates. Rings are cleaned first; if the shape is still invalid
 * (parts overlapping or rings crossing) the parts are unioned, which resolves crossings by the
 * non-zero rule and keeps every input vertex where it was.
 */
export function repairMultiPolygon(polygons: MultiPolygonCoords): { coordinates: MultiPolygonCoords; repaired: boolean } {
  const cleaned = polygons.map((polygon) => polygon.map(cleanRing)).filter((polygon) => polygon[0].length >= 4);
  const changed = cleaned.length !== polygons.length || cleaned.some((p, i) => p.some((r, j) => r.length !== polygons[i][j].length));
  if (isValidMultiPolygon(cleaned)) return { coordinates: cleaned, repaired: changed };
  const [first, ...rest] = cleaned as polyclip.Geom[];
  const unioned = polyclip.union(first, ...rest) as MultiPolygonCoords;
  if (!isValidMultiPolygon(unioned)) throw new Error('polygon still invalid after repair');
  return { coordinates: unioned, repaired: true };
}

// Local equirectangular metres around Guizhou's mid-latitude: error < 0.5 % over a county's extent,
// which is ample for a simplification tolerance of tens of metres.
const METRES_PER_DEGREE_LAT = 110_574;
const METRES_PER_DEGREE_LON = 111_320 * Math.cos((26.8 * Math.PI) / 180);

function distanceToSegmentMeters(p: Position, a: Position, b: Position): number {
  const px = (p[0] - a[0]) * METRES_PER_DEGREE_LON, py = (p[1] - a[1]) * METRES_PER_DEGREE_LAT;
  const bx = (b[0] - a[0]) * METRES_PER_DEGREE_LON, by = (b[1] - a[1]) * METRES_PER_DEGREE_LAT;
  const lengthSquared = bx * bx + by * by;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, (px * bx + py * by) / lengthSquared));
  return Math.hypot(px - t * bx, py - t * by);
}

/**
 * Douglas–Peucker on one arc with a tolerance in metres. Endpoints are kept, so arcs still meet.
 * Returns the kept line and the largest distance of a dropped vertex from it (the displacement).
 */
export function simplifyArc(arc: Position[], toleranceMeters: number): { line: Position[]; maxDisplacementMeters: number } {
  const keep = new Uint8Array(arc.length);
  keep[0] = keep[arc.length - 1] = 1;
  let maxDisplacementMeters = 0;
  const stack: Array<[number, number]> = [[0, arc.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let farthest = -1, farthestDistance = 0;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegmentMeters(arc[i], arc[first], arc[last]);
      if (d > farthestDistance) { farthestDistance = d; farthest = i; }
    }
    if (farthest === -1) continue;
    if (farthestDistance > toleranceMeters) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    } else {
      maxDisplacementMeters = Math.max(maxDisplacementMeters, farthestDistance);
    }
  }
  // A closed arc (an island ring) needs at least four positions to stay a ring.
  const closed = samePosition(arc[0], arc[arc.length - 1]);
  const line = arc.filter((_, i) => keep[i]);
  if (closed && line.length < 4) return { line: arc, maxDisplacementMeters: 0 };
  return { line, maxDisplacementMeters };
}

/** Area on the WGS84 ellipsoid (Karney's geodesic polygon area), outer rings minus holes. */
export function geodesicAreaKm2(polygons: MultiPolygonCoords): number {
  const geod = geographiclib.Geodesic.WGS84;
  let squareMetres = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, index) => {
      const area = geod.Polygon(false);
      for (const [lon, lat] of ring.slice(0, -1)) area.AddPoint(lat, lon);
      const ringArea = Math.abs(area.Compute(false, true).area ?? 0);
      squareMetres += index === 0 ? ringArea : -ringArea;
    });
  }
  return squareMetres / 1e6;
}

export function roundPositions(polygons: MultiPolygonCoords, decimals = 6): MultiPolygonCoords {
  const factor = 10 ** decimals;
  return mapPositions(polygons, ([lon, lat]) => [Math.round(lon * factor) / factor, Math.round(lat * factor) / factor]);
}
