// Turf's own answer for one point, the reference the county index agrees with: used where the
// index's own tests meet an exact zero (a point on a border, a segment through a vertex).
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Position } from 'geojson';

/** Every county containing (x, y), boundary included, ascending; all counties unless candidates are given. */
export function exactCounties(
  counties: ReadonlyArray<MultiPolygon>,
  countyBounds: Float64Array,
  x: number,
  y: number,
  candidates: Iterable<number> = counties.keys(),
): number[] {
  const found: number[] = [];
  for (const k of candidates) {
    const b = k * 4;
    if (x < countyBounds[b] || y < countyBounds[b + 1] || x > countyBounds[b + 2] || y > countyBounds[b + 3])
      continue;
    if (booleanPointInPolygon([x, y] as Position, counties[k])) found.push(k);
  }
  return found.sort((p, q) => p - q);
}
