// Point → county assignment over a prebuilt grid, exact: the same answer as
// `@turf/boolean-point-in-polygon` for every point.
//
// How: the grid's cells (~1 km) are either empty (no county edge meets them: the whole cell lies
// in one county, or outside Guizhou) or border cells. A border cell is one contiguous block
// (borderBlock.ts): a reference point of known county, the counties present, and the cell's
// edges; a point's county is the reference's, flipped by every edge the segment between them
// crosses. Those tests are exact (robust-predicates, as Turf uses); when one is exactly zero (the
// point on an edge, or the segment through a vertex) Turf itself decides among the cell's counties.
// Points go in batches: first every point's cell, then the border points' blocks, so that the
// cache misses of the lookups overlap instead of waiting on each other's tests.
//
// Rules:
// - Counties are given in ascending adcode order and do not overlap (the geodata tests check it).
// - A point exactly on a shared border lies in both counties by Turf's rule (boundary counts as
//   inside); it is assigned to the county with the lower adcode, deterministically.
// - A point outside every county, or with a non-finite coordinate, is OUTSIDE (-1), never dropped.
import type { MultiPolygon } from 'geojson';
import type { CountyCollection } from '../areas';
import { AMBIGUOUS, blockCounties, OUTSIDE, ownerInBlock } from './borderBlock';
import { buildGrid } from './countyGrid';
import { exactCounties } from './exactCounties';

export { OUTSIDE } from './borderBlock';

export interface CountyIndex {
  readonly countyCount: number;
  readonly west: number;
  readonly south: number;
  readonly cellDegrees: number;
  readonly columns: number;
  readonly rows: number;
  /** Per cell, row-major: the county of a cell without edges (or OUTSIDE), else −2 − its block's offset. */
  readonly cellCode: Int32Array;
  /** The border cells' blocks, layout in borderBlock.ts. */
  readonly borderBlocks: Float64Array;
  /** The county of each edge of the counties' rings (an edge is counted per county). */
  readonly edgeCounty: Uint16Array;
  readonly counties: ReadonlyArray<MultiPolygon>;
  /** west, south, east, north per county. */
  readonly countyBounds: Float64Array;
}

/** Cell size: ~1 km, so most cells hold no edge and border cells only a few (2.4 on average). */
const DEFAULT_CELL_DEGREES = 0.01;
/** Points per batch in assignCounties, and the batch's border points (one thread runs a module). */
const BATCH = 256;
/** Written once per call, so that the compiler keeps assignCounties' early block reads. */
const prefetched = { sum: 0 };
const pendingPoint = new Int32Array(BATCH),
  pendingBlock = new Int32Array(BATCH);

export function buildCountyIndex(
  counties: ReadonlyArray<MultiPolygon>,
  cellDegrees = DEFAULT_CELL_DEGREES,
): CountyIndex {
  const countyBounds = new Float64Array(counties.length * 4);
  let edgeCount = 0;
  counties.forEach((county, k) => {
    let west = Infinity,
      south = Infinity,
      east = -Infinity,
      north = -Infinity;
    for (const polygon of county.coordinates)
      for (const ring of polygon) {
        edgeCount += ring.length - 1;
        for (const [x, y] of ring) {
          west = Math.min(west, x);
          east = Math.max(east, x);
          south = Math.min(south, y);
          north = Math.max(north, y);
        }
      }
    countyBounds.set([west, south, east, north], k * 4);
  });
  const west = Math.min(...counties.map((_, k) => countyBounds[k * 4])) - cellDegrees;
  const south = Math.min(...counties.map((_, k) => countyBounds[k * 4 + 1])) - cellDegrees;
  const columns = Math.ceil(
    (Math.max(...counties.map((_, k) => countyBounds[k * 4 + 2])) + cellDegrees - west) / cellDegrees,
  );
  const rows = Math.ceil(
    (Math.max(...counties.map((_, k) => countyBounds[k * 4 + 3])) + cellDegrees - south) / cellDegrees,
  );

  const edgeCoordinates = new Float64Array(edgeCount * 4);
  const edgeCounty = new Uint16Array(edgeCount);
  let edge = 0;
  counties.forEach((county, k) => {
    for (const polygon of county.coordinates)
      for (const ring of polygon)
        for (let i = 0; i + 1 < ring.length; i++, edge++) {
          edgeCoordinates[edge * 4] = ring[i][0];
          edgeCoordinates[edge * 4 + 1] = ring[i][1];
          edgeCoordinates[edge * 4 + 2] = ring[i + 1][0];
          edgeCoordinates[edge * 4 + 3] = ring[i + 1][1];
          edgeCounty[edge] = k;
        }
  });

  const { cellCode, borderBlocks } = buildGrid({
    counties,
    countyBounds,
    edgeCoordinates,
    edgeCounty,
    west,
    south,
    cellDegrees,
    columns,
    rows,
  });
  return {
    countyCount: counties.length,
    west,
    south,
    cellDegrees,
    columns,
    rows,
    cellCode,
    borderBlocks,
    edgeCounty,
    counties,
    countyBounds,
  };
}

const onePointX = new Float64Array(1),
  onePointY = new Float64Array(1),
  onePointCounty = new Int16Array(1);

/** The county index (position in the input order) containing (lon, lat), or OUTSIDE. */
export function countyAt(index: CountyIndex, lon: number, lat: number): number {
  onePointX[0] = lon;
  onePointY[0] = lat;
  return assignCounties(index, onePointX, onePointY, onePointCounty)[0];
}

/** Assigns every point; the result holds county indexes, OUTSIDE (-1) for points outside. */
export function assignCounties(
  index: CountyIndex,
  lon: Float64Array,
  lat: Float64Array,
  out = new Int16Array(lon.length),
): Int16Array {
  const { west, south, columns, rows, cellCode, borderBlocks } = index;
  const cellsPerDegree = 1 / index.cellDegrees;
  let warm = 0;
  for (let batch = 0; batch < lon.length; batch += BATCH) {
    const batchEnd = Math.min(batch + BATCH, lon.length);
    let pending = 0;
    for (let i = batch; i < batchEnd; i++) {
      // The builder's mapping (countyGrid.ts), exactly: its edge lists rely on it.
      const column = Math.floor((lon[i] - west) * cellsPerDegree),
        row = Math.floor((lat[i] - south) * cellsPerDegree);
      const code =
        column >= 0 && column < columns && row >= 0 && row < rows
          ? cellCode[row * columns + column]
          : OUTSIDE;
      if (code >= OUTSIDE) out[i] = code;
      else {
        pendingPoint[pending] = i;
        pendingBlock[pending++] = -2 - code;
        // Read the block now: its cache miss overlaps the batch's other lookups instead of
        // stalling the test below.
        warm += borderBlocks[-2 - code];
      }
    }
    for (let j = 0; j < pending; j++) {
      const i = pendingPoint[j],
        o = pendingBlock[j];
      const owner = ownerInBlock(borderBlocks, o, lon, lat, i);
      out[i] =
        owner !== AMBIGUOUS
          ? owner
          : (exactCounties(
              index.counties,
              index.countyBounds,
              lon[i],
              lat[i],
              blockCounties(borderBlocks, o),
            )[0] ?? OUTSIDE);
    }
  }
  prefetched.sum = warm;
  return out;
}

/**
 * The index over a county collection, whatever order it arrived in: counties are put in ascending
 * adcode order (the order the tie rule and every county-index array rely on), returned beside it.
 */
export function countyIndexOf(collection: CountyCollection): {
  index: CountyIndex;
  counties: CountyCollection['features'];
} {
  const counties = [...collection.features].sort((a, b) =>
    a.properties.adcode.localeCompare(b.properties.adcode),
  );
  return { index: buildCountyIndex(counties.map((f) => f.geometry)), counties };
}
