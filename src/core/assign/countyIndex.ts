// Point → county assignment over a prebuilt grid, exact: the same answer as
// `@turf/boolean-point-in-polygon` for every point.
//
// How: the grid's cells are either empty (no county edge crosses them: the whole cell lies in one
// county, or outside Guizhou) or border cells, which keep the edges that touch them and one
// reference point whose county is known. A point in a border cell belongs to the reference's
// county unless the segment between them crosses edges: each crossed edge flips membership of
// its county. Orientation tests use exact predicates (robust-predicates, as Turf does), so a
// crossing is decided exactly; when any test is exactly zero (the point on an edge, or collinear
// with a vertex) the point is handed to Turf itself for the candidate counties.
//
// Rules:
// - Counties are given in ascending adcode order and do not overlap (the geodata tests check it).
// - A point exactly on a shared border lies in both counties by Turf's rule (boundary counts as
//   inside); it is assigned to the county with the lower adcode, deterministically.
// - A point outside every county, or with a non-finite coordinate, is OUTSIDE (-1), never dropped.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { orient2d } from 'robust-predicates';
import type { MultiPolygon, Position } from 'geojson';
import type { CountyCollection } from '../areas';

export const OUTSIDE = -1;

export interface CountyIndex {
  readonly countyCount: number;
  readonly west: number;
  readonly south: number;
  readonly cellDegrees: number;
  readonly columns: number;
  readonly rows: number;
  /** Per cell: the county of the whole cell (empty cells) or of the reference point (border cells). */
  readonly cellOwner: Int16Array;
  /** CSR lists of edge ids per cell: edges of cell c are cellEdges[cellEdgeStart[c] .. cellEdgeStart[c + 1]). */
  readonly cellEdgeStart: Uint32Array;
  readonly cellEdges: Uint32Array;
  /** Reference point per cell (x, y), meaningful for border cells. */
  readonly cellReference: Float64Array;
  /** x1, y1, x2, y2 per edge. */
  readonly edgeCoordinates: Float64Array;
  readonly edgeCounty: Uint16Array;
  readonly counties: ReadonlyArray<MultiPolygon>;
  readonly countyBounds: Float64Array;
}

/** Cell size: ~1 km, so most cells hold no edge and border cells only a few (3 on average). */
const DEFAULT_CELL_DEGREES = 0.01;

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
        for (let i = 0; i + 1 < ring.length; i++) {
          edgeCoordinates.set([ring[i][0], ring[i][1], ring[i + 1][0], ring[i + 1][1]], edge * 4);
          edgeCounty[edge++] = k;
        }
  });

  // Bucket each edge into every cell its bounding box touches (a superset of the cells it crosses).
  const cellCount = columns * rows;
  const cellEdgeStart = new Uint32Array(cellCount + 1);
  const forEachEdgeCell = (e: number, visit: (cell: number) => void) => {
    const x1 = edgeCoordinates[e * 4],
      y1 = edgeCoordinates[e * 4 + 1],
      x2 = edgeCoordinates[e * 4 + 2],
      y2 = edgeCoordinates[e * 4 + 3];
    const c0 = Math.floor((Math.min(x1, x2) - west) / cellDegrees),
      c1 = Math.floor((Math.max(x1, x2) - west) / cellDegrees);
    const r0 = Math.floor((Math.min(y1, y2) - south) / cellDegrees),
      r1 = Math.floor((Math.max(y1, y2) - south) / cellDegrees);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) visit(r * columns + c);
  };
  for (let e = 0; e < edgeCount; e++) forEachEdgeCell(e, (cell) => cellEdgeStart[cell + 1]++);
  for (let c = 0; c < cellCount; c++) cellEdgeStart[c + 1] += cellEdgeStart[c];
  const cellEdges = new Uint32Array(cellEdgeStart[cellCount]);
  const fill = cellEdgeStart.slice(0, cellCount);
  for (let e = 0; e < edgeCount; e++)
    forEachEdgeCell(e, (cell) => {
      cellEdges[fill[cell]++] = e;
    });

  const index: CountyIndex = {
    countyCount: counties.length,
    west,
    south,
    cellDegrees,
    columns,
    rows,
    cellOwner: new Int16Array(cellCount),
    cellEdgeStart,
    cellEdges,
    cellReference: new Float64Array(cellCount * 2),
    edgeCoordinates,
    edgeCounty,
    counties,
    countyBounds,
  };
  classifyCells(index);
  return index;
}

/**
 * Walks each row left to right carrying a point of known county: the first cell of a row lies
 * outside Guizhou (the grid has a margin), every next cell's point follows from the previous one by
 * crossings, since the segment between two adjacent cells' points stays inside those two cells.
 */
function classifyCells(index: CountyIndex): void {
  const { columns, rows, west, south, cellDegrees, cellEdgeStart, cellReference, cellOwner } = index;
  const scratch = new Scratch(index.countyCount);
  for (let r = 0; r < rows; r++) {
    let knownX = NaN,
      knownY = NaN,
      knownOwner = OUTSIDE;
    for (let c = 0; c < columns; c++) {
      const cell = r * columns + c;
      let x = west + (c + 0.5) * cellDegrees,
        y = south + (r + 0.5) * cellDegrees,
        owner: number;
      if (cellEdgeStart[cell + 1] > cellEdgeStart[cell]) {
        [x, y, owner] = borderReference(index, cell, x, y);
      } else {
        owner =
          c === 0
            ? (exactCounties(index, x, y, null)[0] ?? OUTSIDE)
            : ownerAlong(index, scratch, knownX, knownY, knownOwner, x, y, cell - 1, cell);
        if (owner === AMBIGUOUS) owner = exactCounties(index, x, y, null)[0] ?? OUTSIDE;
      }
      cellOwner[cell] = owner;
      cellReference[cell * 2] = x;
      cellReference[cell * 2 + 1] = y;
      knownX = x;
      knownY = y;
      knownOwner = owner;
    }
  }
}

/**
 * A border cell's reference point: off every edge line of the cell (exactly), inside at most one
 * county (so a sliver where two source polygons overlap cannot hide a second membership), and its
 * county decided by Turf itself.
 */
function borderReference(
  index: CountyIndex,
  cell: number,
  centreX: number,
  centreY: number,
): [number, number, number] {
  const { cellEdgeStart, cellEdges, edgeCoordinates: e, cellDegrees } = index;
  for (let attempt = 0; attempt < 64; attempt++) {
    // Golden-angle spiral inside the cell (|offset| < 0.45 cell), starting at the centre.
    const radius = attempt === 0 ? 0 : cellDegrees * 0.45 * Math.sqrt(attempt / 64);
    const x = centreX + radius * Math.sin(attempt * 2.399963),
      y = centreY + radius * Math.cos(attempt * 2.399963);
    let clear = true;
    for (let i = cellEdgeStart[cell]; i < cellEdgeStart[cell + 1] && clear; i++) {
      const k = cellEdges[i] * 4;
      clear = orient2d(e[k], e[k + 1], e[k + 2], e[k + 3], x, y) !== 0;
    }
    if (!clear) continue;
    const owners = exactCounties(index, x, y, null);
    if (owners.length <= 1) return [x, y, owners[0] ?? OUTSIDE];
  }
  throw new Error(`no clear reference point in cell ${cell}`);
}

const AMBIGUOUS = -2;

// robust-predicates' own first stage, inlined: beyond Shewchuk's error bound the plain
// determinant's sign is certain, so the exact predicate runs only for nearly collinear points.
const ORIENT_ERROR_BOUND = (3 + 16 * (Number.EPSILON / 2)) * (Number.EPSILON / 2);

/** orient2d with robust-predicates' sign: positive, negative or exactly zero. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const left = (ay - cy) * (bx - cx),
    right = (ax - cx) * (by - cy),
    determinant = left - right;
  return Math.abs(determinant) >= ORIENT_ERROR_BOUND * Math.abs(left + right)
    ? determinant
    : orient2d(ax, ay, bx, by, cx, cy);
}

/** Reusable per-query state: per-county crossing parity and the counties touched. */
class Scratch {
  readonly parity: Uint8Array;
  readonly touched: Int32Array;
  touchedCount = 0;
  constructor(countyCount: number) {
    this.parity = new Uint8Array(countyCount);
    this.touched = new Int32Array(countyCount);
  }
  flip(county: number): void {
    if (this.parity[county] === 0 && !this.isTouched(county)) this.touched[this.touchedCount++] = county;
    this.parity[county] ^= 1;
  }
  private isTouched(county: number): boolean {
    for (let i = 0; i < this.touchedCount; i++) if (this.touched[i] === county) return true;
    return false;
  }
  reset(): void {
    for (let i = 0; i < this.touchedCount; i++) this.parity[this.touched[i]] = 0;
    this.touchedCount = 0;
  }
}

/**
 * County of (x, y) given a point (fromX, fromY) in county `fromOwner` and the cells whose edges
 * include every edge the segment between them can cross (one cell, or two adjacent ones).
 * AMBIGUOUS when a test is exactly zero.
 */
function ownerAlong(
  index: CountyIndex,
  scratch: Scratch,
  fromX: number,
  fromY: number,
  fromOwner: number,
  x: number,
  y: number,
  firstCell: number,
  secondCell = -1,
): number {
  const { cellEdgeStart, cellEdges, edgeCoordinates: e, edgeCounty } = index;
  const minX = Math.min(fromX, x),
    maxX = Math.max(fromX, x),
    minY = Math.min(fromY, y),
    maxY = Math.max(fromY, y);
  for (let cell = firstCell; cell !== -1; cell = cell === firstCell ? secondCell : -1) {
    for (let i = cellEdgeStart[cell]; i < cellEdgeStart[cell + 1]; i++) {
      const edge = cellEdges[i];
      // An edge listed in both cells must count once.
      if (cell !== firstCell && listed(index, firstCell, edge)) continue;
      const k = edge * 4;
      const ax = e[k],
        ay = e[k + 1],
        bx = e[k + 2],
        by = e[k + 3];
      // Disjoint bounding boxes cannot cross, and most edges of a cell are nowhere near the segment.
      if (
        (ax < minX && bx < minX) ||
        (ax > maxX && bx > maxX) ||
        (ay < minY && by < minY) ||
        (ay > maxY && by > maxY)
      )
        continue;
      const a = orient(fromX, fromY, x, y, ax, ay),
        b = orient(fromX, fromY, x, y, bx, by);
      if ((a > 0 && b > 0) || (a < 0 && b < 0)) continue;
      const p = orient(ax, ay, bx, by, x, y),
        q = orient(ax, ay, bx, by, fromX, fromY);
      if (a === 0 || b === 0 || p === 0 || q === 0) {
        // Zero only matters where the segments can meet; otherwise the edge is plainly not crossed.
        if ((p > 0 && q > 0) || (p < 0 && q < 0)) continue;
        scratch.reset();
        return AMBIGUOUS;
      }
      if (a > 0 !== b > 0 && p > 0 !== q > 0) scratch.flip(edgeCounty[edge]);
    }
  }
  let owner = fromOwner !== OUTSIDE && scratch.parity[fromOwner] === 0 ? fromOwner : OUTSIDE;
  for (let i = 0; i < scratch.touchedCount; i++) {
    const county = scratch.touched[i];
    if (county !== fromOwner && scratch.parity[county] === 1 && (owner === OUTSIDE || county < owner))
      owner = county;
  }
  scratch.reset();
  return owner;
}

/** Binary search: a cell's edge list is ascending (edges were bucketed in id order). */
function listed(index: CountyIndex, cell: number, edge: number): boolean {
  const { cellEdgeStart, cellEdges } = index;
  let lo = cellEdgeStart[cell],
    hi = cellEdgeStart[cell + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cellEdges[mid] === edge) return true;
    if (cellEdges[mid] < edge) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Turf's own answer: every county containing the point (boundary included), ascending. */
function exactCounties(
  index: CountyIndex,
  x: number,
  y: number,
  candidates: Iterable<number> | null,
): number[] {
  const { countyBounds: b, counties } = index;
  const found: number[] = [];
  for (const k of candidates ?? counties.keys()) {
    if (x < b[k * 4] || y < b[k * 4 + 1] || x > b[k * 4 + 2] || y > b[k * 4 + 3]) continue;
    if (booleanPointInPolygon([x, y] as Position, counties[k])) found.push(k);
  }
  return found.sort((p, q) => p - q);
}

/** Counties a point in this border cell can belong to: those with edges here, and the reference's. */
function cellCandidates(index: CountyIndex, cell: number): Set<number> {
  const candidates = new Set<number>();
  if (index.cellOwner[cell] !== OUTSIDE) candidates.add(index.cellOwner[cell]);
  for (let i = index.cellEdgeStart[cell]; i < index.cellEdgeStart[cell + 1]; i++)
    candidates.add(index.edgeCounty[index.cellEdges[i]]);
  return candidates;
}

/** The county index (position in the input order) containing (lon, lat), or OUTSIDE. */
export function countyAt(
  index: CountyIndex,
  lon: number,
  lat: number,
  scratch = new Scratch(index.countyCount),
): number {
  const column = Math.floor((lon - index.west) / index.cellDegrees);
  const row = Math.floor((lat - index.south) / index.cellDegrees);
  if (!(column >= 0 && column < index.columns && row >= 0 && row < index.rows)) return OUTSIDE;
  const cell = row * index.columns + column;
  if (index.cellEdgeStart[cell + 1] === index.cellEdgeStart[cell]) return index.cellOwner[cell];
  const owner = ownerAlong(
    index,
    scratch,
    index.cellReference[cell * 2],
    index.cellReference[cell * 2 + 1],
    index.cellOwner[cell],
    lon,
    lat,
    cell,
  );
  return owner === AMBIGUOUS
    ? (exactCounties(index, lon, lat, cellCandidates(index, cell))[0] ?? OUTSIDE)
    : owner;
}

/** Assigns every point; the result holds county indexes, OUTSIDE (-1) for points outside. */
export function assignCounties(
  index: CountyIndex,
  lon: Float64Array,
  lat: Float64Array,
  out = new Int16Array(lon.length),
): Int16Array {
  const scratch = new Scratch(index.countyCount);
  for (let i = 0; i < lon.length; i++) out[i] = countyAt(index, lon[i], lat[i], scratch);
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
