// Metres from each of a few hundred points (the places) to the nearest station of a technology on
// air by any year, worked out once per station set: one grid of the technology's stations, one
// search per point that keeps the nearest of every build year, and the nearest on air by a year is
// the least of those of the build years up to it. A year change then reads a column instead of
// building a grid of the stations on air by that year (10–20 ms for 130,000 stations).
//
// Rules relied on:
// - A station is on air by a year when its build year is 0 (unknown) or not later (model.ts's
//   stationMask), so the build years in ascending order, 0 first, give each year's stations as a prefix.
// - Distances come from stationGrid.ts's one haversine function and its search is exact, so the
//   least over the build years is bit-identical to the nearest over their union.
import { stationMask } from './model';
import { buildPointGrid, nearestPerGroup, type PointGrid } from './stationGrid';
import type { StationColumns, Technology } from './types';

const CELL_METERS = 2_000;

export interface NearestByYear {
  /** The distinct build years, ascending, 0 (on air from the first year) first. */
  years: Int16Array;
  /** Per build year: metres from each point to the nearest station built by then (Infinity: none). */
  meters: Float64Array[];
}

/** The technology's stations in one grid, each in the group of its build year. */
interface StationsByYear {
  years: number[];
  grid: PointGrid;
  groupOf: Uint8Array;
  groupSize: Uint32Array;
}

// One per station set and technology: the relocation sites and the scenic areas share it.
const byYearCache = new WeakMap<StationColumns, Partial<Record<Technology, StationsByYear>>>();

function stationsByYear(stations: StationColumns, technology: Technology): StationsByYear {
  let cached = byYearCache.get(stations);
  if (!cached) byYearCache.set(stations, (cached = {}));
  return (cached[technology] ??= groupByYear(stations, technology));
}

function groupByYear(stations: StationColumns, technology: Technology): StationsByYear {
  const { lon, lat, buildYear } = stations;
  const ofTechnology = stationMask(stations, technology);
  // Per Int16 year (offset by 2^15): 1 + its group, 0 unseen; a table, not a Map, for 326,000 look-ups.
  const groupOfYear = new Uint16Array(1 << 16);
  for (let i = 0; i < ofTechnology.length; i++) if (ofTechnology[i]) groupOfYear[buildYear[i] + 32768] = 1;
  const order = (year: number) => (year === 0 ? -Infinity : year);
  const years: number[] = [];
  for (let offset = 0; offset < groupOfYear.length; offset++)
    if (groupOfYear[offset]) years.push(offset - 32768);
  years.sort((a, b) => order(a) - order(b));
  if (years.length > 256) throw new RangeError(`${years.length} build years, at most 256`);
  years.forEach((year, group) => (groupOfYear[year + 32768] = 1 + group));
  const groupOf = new Uint8Array(ofTechnology.length);
  const groupSize = new Uint32Array(years.length);
  for (let i = 0; i < groupOf.length; i++) {
    if (!ofTechnology[i]) continue;
    const group = groupOfYear[buildYear[i] + 32768] - 1;
    groupOf[i] = group;
    // Only stations the grid indexes make a group worth waiting for (it leaves out bad positions).
    if (Number.isFinite(lon[i]) && Number.isFinite(lat[i]) && Math.abs(lat[i]) <= 90) groupSize[group]++;
  }
  return { years, grid: buildPointGrid(lon, lat, CELL_METERS, ofTechnology), groupOf, groupSize };
}

export function nearestByYear(
  stations: StationColumns,
  technology: Technology,
  lon: Float64Array,
  lat: Float64Array,
): NearestByYear {
  const { years, grid, groupOf, groupSize } = stationsByYear(stations, technology);
  const meters = years.map(() => new Float64Array(lon.length));
  const perYear = new Float64Array(years.length);
  for (let p = 0; p < lon.length; p++) {
    nearestPerGroup(grid, lon[p], lat[p], groupOf, groupSize, perYear);
    let least = Infinity;
    for (let group = 0; group < years.length; group++)
      meters[group][p] = least = Math.min(least, perYear[group]);
  }
  return { years: Int16Array.from(years), meters };
}

/** Metres from each point to the nearest station on air by `asOfYear` (Infinity: none). */
export function nearestMetersAt(table: NearestByYear, asOfYear: number, pointCount: number): Float64Array {
  let last = -1;
  for (let k = 0; k < table.years.length; k++)
    if (table.years[k] === 0 || table.years[k] <= asOfYear) last = k;
  return last < 0 ? new Float64Array(pointCount).fill(Infinity) : table.meters[last].slice();
}
