// Builds the county index's grid: each cell either holds no county edge (the whole cell lies in one
// county, or outside every county) or is a border cell with its block (see borderBlock.ts).
//
// Rules relied on:
// - A point's cell is floor((x − west) · cellsPerDegree), here and in queries alike. The mapping is
//   monotonic, so a point put in a cell lies within that cell's rectangle up to rounding, far
//   inside the margin an edge is listed with (a millionth of a cell).
// - Counties do not overlap, so a point off every edge lies in at most one county; where a
//   source's slivers overlap anyway, the points carried along a row are checked to be in one.
// - Each row is walked left to right carrying a point of known county: the first cell lies
//   outside every county (the grid has a margin of one cell), and the next cell's point follows
//   from it by exact crossings with the edges of those two cells, since the segment between them
//   stays inside the two. Turf decides only where a crossing test meets an exact zero.
import { EDGE_STRIDE, HEADER, MAX_CELL_COUNTIES, OUTSIDE, orient } from './borderBlock';
import { exactCounties } from './exactCounties';
import type { MultiPolygon } from 'geojson';

export interface GridInput {
  readonly counties: ReadonlyArray<MultiPolygon>;
  readonly countyBounds: Float64Array;
  /** x1, y1, x2, y2 per edge. */
  readonly edgeCoordinates: Float64Array;
  readonly edgeCounty: Uint16Array;
  readonly west: number;
  readonly south: number;
  readonly cellDegrees: number;
  readonly columns: number;
  readonly rows: number;
}

export interface Grid {
  /** Per cell, row-major: the county of a cell without edges (or OUTSIDE), else −2 − its block's offset. */
  readonly cellCode: Int32Array;
  readonly borderBlocks: Float64Array;
}

/** CSR lists of edge ids per cell: cell c's edges are edges[start[c] .. start[c + 1]), ascending. */
interface Buckets {
  readonly start: Uint32Array;
  readonly edges: Uint32Array;
}

/** A point whose county is known: OUTSIDE, a county, or AMBIGUOUS_OR_MULTIPLE when Turf found it in two. */
interface Known {
  x: number;
  y: number;
  owner: number;
}
const AMBIGUOUS_OR_MULTIPLE = -3;

/** The cell holding (x, y) by the mapping queries use, or −1 off the grid. */
function cellOf(grid: GridInput, x: number, y: number): number {
  const cellsPerDegree = 1 / grid.cellDegrees;
  const column = Math.floor((x - grid.west) * cellsPerDegree),
    row = Math.floor((y - grid.south) * cellsPerDegree);
  return column >= 0 && column < grid.columns && row >= 0 && row < grid.rows
    ? row * grid.columns + column
    : -1;
}

export function buildGrid(input: GridInput): Grid {
  const { columns, rows, west, south, cellDegrees } = input;
  const buckets = bucketEdges(input);
  const { start } = buckets;
  const cellCode = new Int32Array(columns * rows);
  let capacity = 0;
  for (let cell = 0; cell < columns * rows; cell++) {
    const n = start[cell + 1] - start[cell];
    if (n > 0) capacity += HEADER + n + 1 + EDGE_STRIDE * n;
  }
  const blocks = new Float64Array(capacity);
  const crossings = new Crossings(input);
  let used = 0;
  for (let r = 0; r < rows; r++) {
    const known: Known = { x: NaN, y: NaN, owner: OUTSIDE };
    for (let c = 0; c < columns; c++) {
      const cell = r * columns + c;
      const x = west + (c + 0.5) * cellDegrees,
        y = south + (r + 0.5) * cellDegrees;
      if (start[cell + 1] > start[cell]) {
        const reference = borderReference(input, buckets, crossings, cell, x, y, c === 0 ? null : known);
        cellCode[cell] = -2 - used;
        used = writeBlock(input, buckets, cell, blocks, used, reference);
        known.x = reference.x;
        known.y = reference.y;
        known.owner = reference.owner;
        continue;
      }
      let owner: number;
      if (c > 0 && start[cell - 1] === start[cell]) {
        // After an empty cell no edge lies between the two points.
        owner = known.owner;
        cellCode[cell] = cellCode[cell - 1];
      } else {
        owner =
          c === 0 || known.owner === AMBIGUOUS_OR_MULTIPLE
            ? AMBIGUOUS_OR_MULTIPLE
            : crossings.ownerAlong(buckets, known, x, y, cell - 1, cell);
        if (owner === AMBIGUOUS_OR_MULTIPLE) {
          const owners = exactCounties(input.counties, input.countyBounds, x, y);
          owner = owners.length > 1 ? AMBIGUOUS_OR_MULTIPLE : (owners[0] ?? OUTSIDE);
          cellCode[cell] = owners[0] ?? OUTSIDE;
        } else cellCode[cell] = owner;
      }
      known.x = x;
      known.y = y;
      known.owner = owner;
    }
  }
  return { cellCode, borderBlocks: blocks.slice(0, used) };
}

/** Every cell an edge meets (its rectangle widened by a millionth of a cell), edges in id order. */
function bucketEdges(input: GridInput): Buckets {
  const { columns, rows, west, south, cellDegrees, edgeCoordinates: e } = input;
  const edgeCount = input.edgeCounty.length;
  const cellsPerDegree = 1 / cellDegrees;
  const margin = cellDegrees * 1e-6;
  const start = new Uint32Array(columns * rows + 1);
  const forEachCell = (k: number, visit: (cell: number) => void) => {
    const x1 = e[k * 4],
      y1 = e[k * 4 + 1],
      x2 = e[k * 4 + 2],
      y2 = e[k * 4 + 3];
    const c0 = Math.floor((Math.min(x1, x2) - west) * cellsPerDegree),
      c1 = Math.floor((Math.max(x1, x2) - west) * cellsPerDegree);
    const r0 = Math.floor((Math.min(y1, y2) - south) * cellsPerDegree),
      r1 = Math.floor((Math.max(y1, y2) - south) * cellsPerDegree);
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        const cellWest = west + c * cellDegrees - margin,
          cellSouth = south + r * cellDegrees - margin;
        if (
          (r0 === r1 && c0 === c1) ||
          segmentMeetsBox(
            x1,
            y1,
            x2,
            y2,
            cellWest,
            cellSouth,
            cellWest + cellDegrees + 2 * margin,
            cellSouth + cellDegrees + 2 * margin,
          )
        )
          visit(r * columns + c);
      }
  };
  for (let k = 0; k < edgeCount; k++) forEachCell(k, (cell) => start[cell + 1]++);
  for (let c = 0; c < columns * rows; c++) start[c + 1] += start[c];
  const edges = new Uint32Array(start[columns * rows]);
  const fill = start.slice(0, columns * rows);
  for (let k = 0; k < edgeCount; k++) forEachCell(k, (cell) => (edges[fill[cell]++] = k));
  return { start, edges };
}

/** Liang–Barsky: whether the segment meets the box, boundary included. */
function segmentMeetsBox(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
): boolean {
  const dx = x2 - x1,
    dy = y2 - y1;
  let enter = 0,
    leave = 1;
  // Per side: the segment runs outwards (p < 0 enters, p > 0 leaves) or parallel (p = 0).
  for (let side = 0; side < 4; side++) {
    const p = side === 0 ? -dx : side === 1 ? dx : side === 2 ? -dy : dy;
    const q = side === 0 ? x1 - minX : side === 1 ? maxX - x1 : side === 2 ? y1 - minY : maxY - y1;
    if (p === 0) {
      if (q < 0) return false;
    } else if (p < 0) enter = Math.max(enter, q / p);
    else leave = Math.min(leave, q / p);
  }
  return enter <= leave;
}

/**
 * A border cell's reference point: in the cell by the index's own mapping, off every edge line of
 * the cell (exactly), inside at most one county, its county carried from the row's known point by
 * crossings (or, failing that, decided by Turf). Tries a golden-angle spiral from the centre.
 */
function borderReference(
  input: GridInput,
  buckets: Buckets,
  crossings: Crossings,
  cell: number,
  centreX: number,
  centreY: number,
  known: Known | null,
): Known {
  const { edgeCoordinates: e, cellDegrees } = input;
  const { start, edges } = buckets;
  for (let attempt = 0; attempt < 64; attempt++) {
    const radius = attempt === 0 ? 0 : cellDegrees * 0.45 * Math.sqrt(attempt / 64);
    const x = centreX + radius * Math.sin(attempt * 2.399963),
      y = centreY + radius * Math.cos(attempt * 2.399963);
    if (cellOf(input, x, y) !== cell) continue;
    let clear = true;
    for (let i = start[cell]; i < start[cell + 1] && clear; i++) {
      const k = edges[i] * 4;
      clear = orient(e[k], e[k + 1], e[k + 2], e[k + 3], x, y) !== 0;
    }
    if (!clear) continue;
    let owner =
      known === null || known.owner === AMBIGUOUS_OR_MULTIPLE
        ? AMBIGUOUS_OR_MULTIPLE
        : crossings.ownerAlong(buckets, known, x, y, cell - 1, cell);
    if (owner === AMBIGUOUS_OR_MULTIPLE) {
      const owners = exactCounties(input.counties, input.countyBounds, x, y);
      if (owners.length > 1) continue;
      owner = owners[0] ?? OUTSIDE;
    }
    return { x, y, owner };
  }
  throw new Error(`no clear reference point in cell ${cell}`);
}

/** Exact crossings along a segment, with per-county parity. */
class Crossings {
  private readonly parity: Uint8Array;
  private readonly touched: number[] = [];
  /** Per edge, the last segment that tested it: an edge listed in both cells counts once. */
  private readonly testedBy: Uint32Array;
  private segment = 0;

  constructor(private readonly input: GridInput) {
    this.parity = new Uint8Array(input.counties.length);
    this.testedBy = new Uint32Array(input.edgeCounty.length);
  }

  /**
   * The county of (x, y) from a known point, when the segment between them can only cross edges
   * of the two cells: OUTSIDE, a county, or AMBIGUOUS_OR_MULTIPLE (an exact zero, or inside two).
   */
  ownerAlong(
    buckets: Buckets,
    from: Known,
    x: number,
    y: number,
    firstCell: number,
    secondCell: number,
  ): number {
    const { edgeCoordinates: e, edgeCounty } = this.input;
    const { parity, touched, testedBy } = this;
    const segment = ++this.segment;
    let ambiguous = false;
    for (let pass = 0; pass < 2; pass++) {
      const cell = pass === 0 ? firstCell : secondCell;
      for (let i = buckets.start[cell]; i < buckets.start[cell + 1] && !ambiguous; i++) {
        const edge = buckets.edges[i];
        if (testedBy[edge] === segment) continue;
        testedBy[edge] = segment;
        const k = edge * 4;
        const a = orient(from.x, from.y, x, y, e[k], e[k + 1]),
          b = orient(from.x, from.y, x, y, e[k + 2], e[k + 3]);
        if (a === b && a !== 0) continue;
        const p = orient(e[k], e[k + 1], e[k + 2], e[k + 3], x, y),
          q = orient(e[k], e[k + 1], e[k + 2], e[k + 3], from.x, from.y);
        if (p === q && p !== 0) continue;
        if (a === 0 || b === 0 || p === 0 || q === 0) ambiguous = true;
        else if ((parity[edgeCounty[edge]] ^= 1) === 1) touched.push(edgeCounty[edge]);
      }
    }
    if (from.owner !== OUTSIDE && (parity[from.owner] ^= 1) === 1) touched.push(from.owner);
    let owner = OUTSIDE,
      inside = 0;
    for (const county of touched) {
      if (parity[county] === 1 && inside++ === 0) owner = county;
      parity[county] = 0;
    }
    touched.length = 0;
    return ambiguous || inside > 1 ? AMBIGUOUS_OR_MULTIPLE : owner;
  }
}

/**
 * Writes a border cell's block at `o` (layout in borderBlock.ts) and returns where the next one
 * begins. An edge two counties share (the same two vertices, either way round) is stored once.
 */
function writeBlock(
  input: GridInput,
  { start, edges }: Buckets,
  cell: number,
  blocks: Float64Array,
  o: number,
  reference: Known,
): number {
  const { edgeCoordinates: e, edgeCounty } = input;
  const cellCounties = reference.owner === OUTSIDE ? [] : [reference.owner];
  for (let i = start[cell]; i < start[cell + 1]; i++)
    if (!cellCounties.includes(edgeCounty[edges[i]])) cellCounties.push(edgeCounty[edges[i]]);
  cellCounties.sort((p, q) => p - q);
  const countyCount = cellCounties.length;
  blocks[o] = reference.x;
  blocks[o + 1] = reference.y;
  blocks[o + 3] = countyCount;
  blocks[o + 4] = reference.owner === OUTSIDE ? 0 : countyBit(cellCounties, reference.owner);
  for (let i = 0; i < countyCount; i++) blocks[o + HEADER + i] = cellCounties[i];
  const first = o + HEADER + countyCount;
  let end = first;
  for (let i = start[cell]; i < start[cell + 1]; i++) {
    const k = edges[i] * 4;
    const ax = e[k],
      ay = e[k + 1],
      bx = e[k + 2],
      by = e[k + 3];
    let j = first;
    while (
      j < end &&
      !(blocks[j] === ax && blocks[j + 1] === ay && blocks[j + 2] === bx && blocks[j + 3] === by) &&
      !(blocks[j] === bx && blocks[j + 1] === by && blocks[j + 2] === ax && blocks[j + 3] === ay)
    )
      j += EDGE_STRIDE;
    if (j === end) {
      blocks[end] = ax;
      blocks[end + 1] = ay;
      blocks[end + 2] = bx;
      blocks[end + 3] = by;
      end += EDGE_STRIDE;
    }
    // The same segment again flips both counties (the direction stored is the first copy's).
    const side = orient(blocks[j], blocks[j + 1], blocks[j + 2], blocks[j + 3], reference.x, reference.y);
    blocks[j + 4] = side * ((Math.abs(blocks[j + 4]) ^ countyBit(cellCounties, edgeCounty[edges[i]])) >>> 0);
  }
  blocks[o + 2] = (end - first) / EDGE_STRIDE;
  return end;
}

/** A county's bit in its cell's masks; none in a cell with more counties than the masks hold. */
function countyBit(cellCounties: number[], county: number): number {
  return cellCounties.length > MAX_CELL_COUNTIES ? 0 : 1 << cellCounties.indexOf(county);
}
