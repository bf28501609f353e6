// A spatial index over points for exact nearest and within-radius queries by great-circle
// distance: a uniform grid in a local equirectangular projection (metres), stored as CSR typed
// arrays, so a built grid is plain data that a worker can post or transfer without copying.
//
// Rules relied on:
// - Distances are haversine on a sphere of mean Earth radius, computed by one function, so a
//   grid query and a brute-force loop over haversineMeters give bit-identical distances.
// - The projection only buckets points; it is never trusted for distances. A search stops only
//   when a guaranteed lower bound on the haversine distance of every point outside the cells
//   already searched exceeds the best found:
//     latitude side:  d ≥ R·|Δφ|, and the y axis is R·φ, so the bound is the y gap itself;
//     longitude side: sin²(d/2R) ≥ cos φq · cos φp · sin²(Δλ/2), with cos φp ≥ the smallest
//     cosine of latitude among the indexed points.
// - Ties in distance go to the lowest point index, so results do not depend on cell order.
// - Points with a mask of 0 or a non-finite coordinate are not indexed.

export const EARTH_RADIUS_METERS = 6_371_008.8;
const RADIANS_PER_DEGREE = Math.PI / 180;
const METERS_PER_DEGREE_LATITUDE = EARTH_RADIUS_METERS * RADIANS_PER_DEGREE;
/** Beyond this many cells the cell size grows, so a world-wide dataset cannot exhaust memory. */
const MAX_CELLS = 1 << 22;
/** Float rounding slack on the stopping bound (relative, plus an absolute micrometre). */
const BOUND_SLACK_RELATIVE = 1e-9;
const BOUND_SLACK_METERS = 1e-6;

/** sin²(d/2R) of two points given as latitude in radians, its cosine and longitude in degrees. */
function haversineTerm(
  latRadians1: number,
  cosLat1: number,
  lon1: number,
  latRadians2: number,
  cosLat2: number,
  lon2: number,
): number {
  const sinHalfDeltaLat = Math.sin((latRadians2 - latRadians1) / 2);
  const sinHalfDeltaLon = Math.sin(((lon2 - lon1) * RADIANS_PER_DEGREE) / 2);
  return sinHalfDeltaLat * sinHalfDeltaLat + cosLat1 * cosLat2 * sinHalfDeltaLon * sinHalfDeltaLon;
}

function metersOfTerm(term: number): number {
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(Math.min(1, term)));
}

const metersOrInfinity = (term: number) => (term === Infinity ? Infinity : metersOfTerm(term));

/** Great-circle distance between two WGS84 points in degrees, on the mean-radius sphere. */
export function haversineMeters(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const latRadians1 = lat1 * RADIANS_PER_DEGREE;
  const latRadians2 = lat2 * RADIANS_PER_DEGREE;
  return metersOfTerm(
    haversineTerm(latRadians1, Math.cos(latRadians1), lon1, latRadians2, Math.cos(latRadians2), lon2),
  );
}

export interface PointGrid {
  /** Number of indexed points. */
  count: number;
  cellMeters: number;
  columns: number;
  rows: number;
  originLon: number;
  originLat: number;
  metersPerDegreeLon: number;
  /** Smallest cos(latitude) among indexed points: the longitude-side lower bound uses it. */
  minCosLat: number;
  /** Items of cell c are cellItems[cellStart[c] .. cellStart[c + 1]), cells row by row. */
  cellStart: Uint32Array;
  /** Original point indices, in cell order (ascending within a cell). */
  cellItems: Uint32Array;
  /** Coordinates in cell order, parallel to cellItems, so the hot loop reads memory in sequence. */
  itemLon: Float64Array;
  itemLatRadians: Float64Array;
  itemCosLat: Float64Array;
}

export interface NearestResult {
  index: number;
  meters: number;
}

/** Indexes the points whose mask is 1 (all points without a mask). */
export function buildPointGrid(
  lon: Float64Array,
  lat: Float64Array,
  cellMeters = 2000,
  mask?: Uint8Array,
): PointGrid {
  if (lon.length !== lat.length || (mask && mask.length !== lon.length))
    throw new RangeError('lon, lat and mask must have the same length');
  if (!(cellMeters > 0)) throw new RangeError(`cellMeters must be positive, got ${cellMeters}`);
  const included = (i: number) =>
    (!mask || mask[i] === 1) && Number.isFinite(lon[i]) && Number.isFinite(lat[i]) && Math.abs(lat[i]) <= 90;
  let count = 0,
    west = Infinity,
    south = Infinity,
    east = -Infinity,
    north = -Infinity,
    maxAbsLat = 0;
  for (let i = 0; i < lon.length; i++) {
    if (!included(i)) continue;
    count++;
    if (lon[i] < west) west = lon[i];
    if (lon[i] > east) east = lon[i];
    if (lat[i] < south) south = lat[i];
    if (lat[i] > north) north = lat[i];
    maxAbsLat = Math.max(maxAbsLat, Math.abs(lat[i]));
  }
  const minCosLat = Math.max(Math.cos(maxAbsLat * RADIANS_PER_DEGREE), 1e-9);
  // The x scale at the highest latitude keeps every cell at least cellMeters wide on the ground.
  const metersPerDegreeLon = METERS_PER_DEGREE_LATITUDE * minCosLat;
  if (count === 0) {
    return {
      count,
      cellMeters,
      columns: 0,
      rows: 0,
      originLon: 0,
      originLat: 0,
      metersPerDegreeLon,
      minCosLat,
      cellStart: new Uint32Array(1),
      cellItems: new Uint32Array(0),
      itemLon: new Float64Array(0),
      itemLatRadians: new Float64Array(0),
      itemCosLat: new Float64Array(0),
    };
  }
  const widthMeters = (east - west) * metersPerDegreeLon;
  const heightMeters = (north - south) * METERS_PER_DEGREE_LATITUDE;
  let size = cellMeters;
  while ((Math.floor(widthMeters / size) + 1) * (Math.floor(heightMeters / size) + 1) > MAX_CELLS) size *= 2;
  const columns = Math.floor(widthMeters / size) + 1;
  const rows = Math.floor(heightMeters / size) + 1;
  const grid: PointGrid = {
    count,
    cellMeters: size,
    columns,
    rows,
    originLon: west,
    originLat: south,
    metersPerDegreeLon,
    minCosLat,
    cellStart: new Uint32Array(columns * rows + 1),
    cellItems: new Uint32Array(count),
    itemLon: new Float64Array(count),
    itemLatRadians: new Float64Array(count),
    itemCosLat: new Float64Array(count),
  };
  const cellOf = new Int32Array(lon.length).fill(-1);
  for (let i = 0; i < lon.length; i++) {
    if (!included(i)) continue;
    cellOf[i] = cellIndex(grid, lon[i], lat[i]);
    grid.cellStart[cellOf[i] + 1]++;
  }
  for (let c = 0; c < columns * rows; c++) grid.cellStart[c + 1] += grid.cellStart[c];
  const fill = grid.cellStart.slice(0, columns * rows);
  for (let i = 0; i < lon.length; i++) {
    if (cellOf[i] < 0) continue;
    const slot = fill[cellOf[i]]++;
    const latRadians = lat[i] * RADIANS_PER_DEGREE;
    grid.cellItems[slot] = i;
    grid.itemLon[slot] = lon[i];
    grid.itemLatRadians[slot] = latRadians;
    grid.itemCosLat[slot] = Math.cos(latRadians);
  }
  return grid;
}

function cellIndex(grid: PointGrid, lon: number, lat: number): number {
  const column = Math.min(
    grid.columns - 1,
    Math.max(0, Math.floor(((lon - grid.originLon) * grid.metersPerDegreeLon) / grid.cellMeters)),
  );
  const row = Math.min(
    grid.rows - 1,
    Math.max(0, Math.floor(((lat - grid.originLat) * METERS_PER_DEGREE_LATITUDE) / grid.cellMeters)),
  );
  return row * grid.columns + column;
}

/** Query position in grid metres and cell; cells may lie outside the grid. */
interface QueryCell {
  x: number;
  y: number;
  column: number;
  row: number;
  cosLat: number;
}

function queryCell(grid: PointGrid, lon: number, lat: number, into: QueryCell): QueryCell {
  into.x = (lon - grid.originLon) * grid.metersPerDegreeLon;
  into.y = (lat - grid.originLat) * METERS_PER_DEGREE_LATITUDE;
  into.column = Math.floor(into.x / grid.cellMeters);
  into.row = Math.floor(into.y / grid.cellMeters);
  into.cosLat = Math.cos(lat * RADIANS_PER_DEGREE);
  return into;
}

// nearest calls no outside code, so one query record serves every call without allocation;
// forEachWithin calls its visitor, which may query again, so it takes a record of its own.
const nearestQuery: QueryCell = { x: 0, y: 0, column: 0, row: 0, cosLat: 1 };

/** A query outside the grid starts at the first ring that reaches it. */
const firstRing = (grid: PointGrid, q: QueryCell) =>
  Math.max(0, -q.column, q.column - (grid.columns - 1), -q.row, q.row - (grid.rows - 1));
/** From this ring on, the square of searched cells covers the whole grid. */
const lastRing = (grid: PointGrid, q: QueryCell) =>
  Math.max(q.column, grid.columns - 1 - q.column, q.row, grid.rows - 1 - q.row);

/**
 * Lower bound, less float slack, on the haversine distance from the query to any point outside
 * the square of cells within `ring` of the query's cell.
 */
function boundOutsideRing(grid: PointGrid, q: QueryCell, ring: number): number {
  const size = grid.cellMeters;
  let boundMeters = Infinity;
  // A side already past the grid's edge has no points beyond it.
  if (q.row - ring > 0) boundMeters = Math.min(boundMeters, q.y - (q.row - ring) * size);
  if (q.row + ring < grid.rows - 1) boundMeters = Math.min(boundMeters, (q.row + ring + 1) * size - q.y);
  let lonGapMeters = Infinity;
  if (q.column - ring > 0) lonGapMeters = q.x - (q.column - ring) * size;
  if (q.column + ring < grid.columns - 1)
    lonGapMeters = Math.min(lonGapMeters, (q.column + ring + 1) * size - q.x);
  if (lonGapMeters < Infinity) {
    const deltaLonRadians = Math.min(Math.PI, (lonGapMeters / grid.metersPerDegreeLon) * RADIANS_PER_DEGREE);
    const sinHalf = Math.sqrt(Math.max(0, q.cosLat) * grid.minCosLat) * Math.sin(deltaLonRadians / 2);
    boundMeters = Math.min(boundMeters, 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, sinHalf)));
  }
  return boundMeters - BOUND_SLACK_METERS - boundMeters * BOUND_SLACK_RELATIVE;
}

/**
 * The indexed point nearest to (lon, lat) within maxMeters (inclusive), or index −1 and meters
 * Infinity. Pass `into` to reuse one result object across many queries.
 */
export function nearest(
  grid: PointGrid,
  lon: number,
  lat: number,
  maxMeters = Infinity,
  into: NearestResult = { index: -1, meters: Infinity },
): NearestResult {
  into.index = -1;
  into.meters = Infinity;
  if (grid.count === 0 || !Number.isFinite(lon) || !Number.isFinite(lat)) return into;
  const q = queryCell(grid, lon, lat, nearestQuery);
  const { columns, rows, cellStart, cellItems, itemLon, itemLatRadians, itemCosLat } = grid;
  const latRadians = lat * RADIANS_PER_DEGREE;
  const cosLat = q.cosLat;
  let bestTerm = Infinity,
    bestIndex = -1,
    bestMeters = Infinity;
  for (let ring = firstRing(grid, q), last = lastRing(grid, q); ring <= last; ring++) {
    const rowLow = Math.max(0, q.row - ring),
      rowHigh = Math.min(rows - 1, q.row + ring);
    const columnLow = Math.max(0, q.column - ring),
      columnHigh = Math.min(columns - 1, q.column + ring);
    for (let row = rowLow; row <= rowHigh; row++) {
      const wholeRow = row === q.row - ring || row === q.row + ring;
      // Between the ring's top and bottom rows only its left and right columns are new.
      const step = wholeRow ? 1 : 2 * ring;
      for (let column = wholeRow ? columnLow : q.column - ring; column <= columnHigh; column += step) {
        if (column < columnLow) continue;
        const cell = row * columns + column;
        for (let k = cellStart[cell], end = cellStart[cell + 1]; k < end; k++) {
          const term = haversineTerm(latRadians, cosLat, lon, itemLatRadians[k], itemCosLat[k], itemLon[k]);
          if (term < bestTerm || (term === bestTerm && cellItems[k] < bestIndex)) {
            bestTerm = term;
            bestIndex = cellItems[k];
          }
        }
      }
    }
    if (bestIndex >= 0) bestMeters = metersOfTerm(bestTerm);
    const boundMeters = boundOutsideRing(grid, q, ring);
    if (boundMeters > bestMeters || boundMeters > maxMeters) break;
  }
  if (bestIndex >= 0 && bestMeters <= maxMeters) {
    into.index = bestIndex;
    into.meters = bestMeters;
  }
  return into;
}

/**
 * Metres from (lon, lat) to the nearest indexed point of each group (`groupOf` by point index, one
 * search for all groups), written into `into` (Infinity for a group without a point). Groups with
 * `groupSize` 0 are not waited for, so an empty group does not send the search over the whole grid.
 */
export function nearestPerGroup(
  grid: PointGrid,
  lon: number,
  lat: number,
  groupOf: Uint8Array,
  groupSize: ArrayLike<number>,
  into: Float64Array,
): Float64Array {
  const bestTerm = into.fill(Infinity);
  if (grid.count === 0 || !Number.isFinite(lon) || !Number.isFinite(lat)) return into;
  const q = queryCell(grid, lon, lat, nearestQuery);
  const { columns, rows, cellStart, cellItems, itemLon, itemLatRadians, itemCosLat } = grid;
  const latRadians = lat * RADIANS_PER_DEGREE;
  const cosLat = q.cosLat;
  // The ring walk is nearest()'s, written out again: a shared walk calling back per cell measured
  // twice as slow in these hot loops.
  for (let ring = firstRing(grid, q), last = lastRing(grid, q); ring <= last; ring++) {
    const rowLow = Math.max(0, q.row - ring),
      rowHigh = Math.min(rows - 1, q.row + ring);
    const columnLow = Math.max(0, q.column - ring),
      columnHigh = Math.min(columns - 1, q.column + ring);
    for (let row = rowLow; row <= rowHigh; row++) {
      const wholeRow = row === q.row - ring || row === q.row + ring;
      const step = wholeRow ? 1 : 2 * ring;
      for (let column = wholeRow ? columnLow : q.column - ring; column <= columnHigh; column += step) {
        if (column < columnLow) continue;
        const cell = row * columns + column;
        for (let k = cellStart[cell], end = cellStart[cell + 1]; k < end; k++) {
          const term = haversineTerm(latRadians, cosLat, lon, itemLatRadians[k], itemCosLat[k], itemLon[k]);
          const group = groupOf[cellItems[k]];
          if (term < bestTerm[group]) bestTerm[group] = term;
        }
      }
    }
    // Done when every group with points has one nearer than anything outside the ring.
    const boundMeters = boundOutsideRing(grid, q, ring);
    let farthestMeters = 0;
    for (let group = 0; group < into.length && farthestMeters < boundMeters; group++)
      if (groupSize[group] > 0) farthestMeters = Math.max(farthestMeters, metersOrInfinity(bestTerm[group]));
    if (boundMeters > farthestMeters) break;
  }
  for (let group = 0; group < into.length; group++) into[group] = metersOrInfinity(bestTerm[group]);
  return into;
}

/**
 * Calls visit(index, meters) for every indexed point within radiusMeters (inclusive) of
 * (lon, lat), nearer cells first but not in distance order; visit returns false to stop.
 * Returns false when visit stopped the search.
 */
export function forEachWithin(
  grid: PointGrid,
  lon: number,
  lat: number,
  radiusMeters: number,
  visit: (index: number, meters: number) => boolean | void,
): boolean {
  if (grid.count === 0 || !Number.isFinite(lon) || !Number.isFinite(lat) || !(radiusMeters >= 0)) return true;
  const q = queryCell(grid, lon, lat, { x: 0, y: 0, column: 0, row: 0, cosLat: 1 });
  const { columns, rows, cellStart, cellItems, itemLon, itemLatRadians, itemCosLat } = grid;
  const latRadians = lat * RADIANS_PER_DEGREE;
  const cosLat = q.cosLat;
  // A cheap rejection in haversine-term space, loose enough never to reject a point within reach.
  const halfAngle = radiusMeters / (2 * EARTH_RADIUS_METERS);
  const maxTerm = halfAngle >= Math.PI / 2 ? Infinity : Math.sin(halfAngle) ** 2 * (1 + 1e-9) + 1e-30;
  for (let ring = firstRing(grid, q), last = lastRing(grid, q); ring <= last; ring++) {
    if (ring > 0 && boundOutsideRing(grid, q, ring - 1) > radiusMeters) break;
    const rowLow = Math.max(0, q.row - ring),
      rowHigh = Math.min(rows - 1, q.row + ring);
    const columnLow = Math.max(0, q.column - ring),
      columnHigh = Math.min(columns - 1, q.column + ring);
    for (let row = rowLow; row <= rowHigh; row++) {
      const wholeRow = row === q.row - ring || row === q.row + ring;
      const step = wholeRow ? 1 : 2 * ring;
      for (let column = wholeRow ? columnLow : q.column - ring; column <= columnHigh; column += step) {
        if (column < columnLow) continue;
        const cell = row * columns + column;
        for (let k = cellStart[cell], end = cellStart[cell + 1]; k < end; k++) {
          const term = haversineTerm(latRadians, cosLat, lon, itemLatRadians[k], itemCosLat[k], itemLon[k]);
          if (term > maxTerm) continue;
          const meters = metersOfTerm(term);
          if (meters <= radiusMeters && visit(cellItems[k], meters) === false) return false;
        }
      }
    }
  }
  return true;
}
