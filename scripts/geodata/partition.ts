// Makes the county polygons tile Guizhou. DataV's county rings were digitised one by one, so
// neighbours do not share vertices: along most borders they overlap a little or leave slivers
// between them (about 10 km² of overlaps and 1,200 gaps of 10 km² in all, most under 20 m wide).
// Rules, deterministic and moving no DataV vertex:
// - an overlap goes to the county with the lower adcode;
// - a gap goes to the county that shares the longest stretch of its outline (then the most
//   vertices), provided the gap joins it into one valid shape; gaps that join no neighbour so
//   are left as they are and counted in the report.
import * as polyclip from 'polyclip-ts';
import type { Position } from 'geojson';
import { cleanRing, geodesicAreaKm2, isValidMultiPolygon, roundPositions, type MultiPolygonCoords } from './geometry.ts';

export interface PartitionReport { overlapKm2: number; gapCount: number; gapKm2: number; gapsLeft: number; gapsLeftKm2: number }

type Bounds = [number, number, number, number];
const boundsOf = (polygons: MultiPolygonCoords): Bounds => {
  const b: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) for (const [x, y] of polygon[0]) {
    b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
  }
  return b;
};
const touches = (a: Bounds, b: Bounds) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const vertexKey = (p: Position) => `${p[0]},${p[1]}`;
const edgeKey = (a: Position, b: Position) => (a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? `${vertexKey(a)}|${vertexKey(b)}` : `${vertexKey(b)}|${vertexKey(a)}`);
const partCount = (polygons: MultiPolygonCoords) => polygons.length;

// Every clipping result is rounded back to the data's 6 decimals: an intersection point computed in
// two operations can differ in the 12th decimal, which would leave micro-crossings between them.
const snap = (polygons: MultiPolygonCoords): MultiPolygonCoords =>
  roundPositions(polygons).map((polygon) => polygon.map(cleanRing))
    .filter(([outer]) => outer.length >= 4) // a part that rounds away is dropped …
    .map(([outer, ...holes]) => [outer, ...holes.filter((hole) => hole.length >= 4)]); // … and so is a hole

/** Counties in ascending adcode order in; non-overlapping counties with the gaps filled out. */
export function partitionCounties(counties: MultiPolygonCoords[]): { counties: MultiPolygonCoords[]; report: PartitionReport } {
  const bounds = counties.map(boundsOf);
  let overlapKm2 = 0;
  const pieces = counties.map((county, k) => {
    const earlier = counties.filter((_, j) => j < k && touches(bounds[j], bounds[k]));
    if (earlier.length === 0) return county;
    const piece = snap(polyclip.difference(county as polyclip.Geom, ...(earlier as polyclip.Geom[])) as MultiPolygonCoords);
    if (!isValidMultiPolygon(piece)) throw new Error(`county #${k} is invalid once its overlaps are removed`);
    overlapKm2 += geodesicAreaKm2(county) - geodesicAreaKm2(piece);
    return piece;
  });

  // Who owns which vertex and which edge, to find each gap's neighbours.
  const edgeOwners = new Map<string, number[]>();
  const vertexOwners = new Map<string, Set<number>>();
  pieces.forEach((piece, k) => {
    for (const polygon of piece) for (const ring of polygon) for (let i = 0; i + 1 < ring.length; i++) {
      const key = edgeKey(ring[i], ring[i + 1]);
      edgeOwners.set(key, [...(edgeOwners.get(key) ?? []), k]);
      const at = vertexOwners.get(vertexKey(ring[i])) ?? new Set<number>();
      vertexOwners.set(vertexKey(ring[i]), at.add(k));
    }
  });

  // Gaps are the holes of the union of all counties.
  const [first, ...rest] = pieces as polyclip.Geom[];
  const gaps = snap(polyclip.union(first, ...rest) as MultiPolygonCoords).flatMap((polygon) => polygon.slice(1));
  let gapKm2 = 0, gapsLeft = 0, gapsLeftKm2 = 0;
  for (const gap of gaps) {
    const sharedLength = new Map<number, number>(), sharedVertices = new Map<number, number>();
    for (let i = 0; i + 1 < gap.length; i++) {
      const length = Math.hypot(gap[i + 1][0] - gap[i][0], gap[i + 1][1] - gap[i][1]);
      for (const k of edgeOwners.get(edgeKey(gap[i], gap[i + 1])) ?? []) sharedLength.set(k, (sharedLength.get(k) ?? 0) + length);
      for (const k of vertexOwners.get(vertexKey(gap[i])) ?? []) sharedVertices.set(k, (sharedVertices.get(k) ?? 0) + 1);
    }
    const candidates = [...sharedVertices.keys()].sort((a, b) =>
      (sharedLength.get(b) ?? 0) - (sharedLength.get(a) ?? 0) || sharedVertices.get(b)! - sharedVertices.get(a)! || a - b);
    const areaKm2 = geodesicAreaKm2([[gap]]);
    gapKm2 += areaKm2;
    const owner = candidates.find((k) => {
      const merged = snap(polyclip.union(pieces[k] as polyclip.Geom, [gap] as polyclip.Geom) as MultiPolygonCoords);
      if (partCount(merged) > partCount(pieces[k]) || !isValidMultiPolygon(merged)) return false;
      pieces[k] = merged;
      return true;
    });
    if (owner === undefined) { gapsLeft++; gapsLeftKm2 += areaKm2; }
  }
  return { counties: pieces, report: { overlapKm2, gapCount: gaps.length, gapKm2, gapsLeft, gapsLeftKm2 } };
}

export function unionAll(parts: MultiPolygonCoords[]): MultiPolygonCoords {
  const [first, ...rest] = parts as polyclip.Geom[];
  return snap(polyclip.union(first, ...rest) as MultiPolygonCoords);
}
