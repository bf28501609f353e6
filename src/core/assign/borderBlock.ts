// A border cell of the county index, as one contiguous block of numbers, and the county of a point
// in it: the block's reference point has a known county, and each edge the segment from the
// reference to the point crosses flips membership of that edge's counties.
//
// Rules relied on:
// - Every edge the segment can cross is in the block (the grid's builder lists every edge that
//   meets the cell, and both ends of the segment lie in the cell).
// - The reference lies off every edge's line, inside at most one county, and the block says which
//   side of each edge it lies on.
// - A crossing is decided exactly: a determinant whose sign is certain beyond Shewchuk's error
//   bound is used as it is (robust-predicates' own first stage), anything nearer zero goes to
//   robust-predicates' exact orient2d, and an exact zero that matters (the point on an edge, the
//   segment through a vertex) gives AMBIGUOUS, for the caller to ask Turf.
import { orient2d } from 'robust-predicates';

export const OUTSIDE = -1;
export const AMBIGUOUS = -2;

/**
 * Block layout, in a Float64Array from offset o: reference x, y; edge count n; county count k;
 * the reference's membership (bit i set: inside the block's i-th county; 0: outside every county);
 * the k county indexes, ascending; then per edge x1, y1, x2, y2 and its flip: the bits of the
 * edge's counties (two for a border both counties share), negated when the reference lies on
 * orient's negative side of the edge.
 */
export const HEADER = 5;
export const EDGE_STRIDE = 5;
/** Counties one cell can hold in its 31-bit masks; a cell with more always answers AMBIGUOUS. */
export const MAX_CELL_COUNTIES = 30;

export const blockLength = (b: Float64Array, o: number): number => HEADER + b[o + 3] + EDGE_STRIDE * b[o + 2];

/** The block's counties (the candidates when Turf must decide). */
export const blockCounties = (b: Float64Array, o: number): Float64Array =>
  b.subarray(o + HEADER, o + HEADER + b[o + 3]);

// robust-predicates' own first stage: beyond this bound the plain determinant's sign is certain.
const ORIENT_ERROR_BOUND = (3 + 16 * (Number.EPSILON / 2)) * (Number.EPSILON / 2);

/** The sign of robust-predicates' orient2d(a, b, c): 1, −1 or exactly 0. */
export function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const left = (ay - cy) * (bx - cx),
    right = (ax - cx) * (by - cy),
    determinant = left - right;
  if (Math.abs(determinant) > ORIENT_ERROR_BOUND * Math.abs(left + right)) return determinant > 0 ? 1 : -1;
  const exact = orient2d(ax, ay, bx, by, cx, cy);
  return exact > 0 ? 1 : exact < 0 ? -1 : 0;
}

/**
 * The county of point `i` of (xs, ys) by the block at `o`: a county index, OUTSIDE or AMBIGUOUS.
 * The point comes as arrays and an index because V8 does not inline this function, and a number
 * passed to a call that is not inlined is boxed.
 */
export function ownerInBlock(
  b: Float64Array,
  o: number,
  xs: Float64Array,
  ys: Float64Array,
  i: number,
): number {
  const x = xs[i],
    y = ys[i];
  const referenceX = b[o],
    referenceY = b[o + 1],
    countyCount = b[o + 3];
  if (countyCount > MAX_CELL_COUNTIES) return AMBIGUOUS;
  let membership = b[o + 4] | 0;
  const first = o + HEADER + countyCount,
    end = first + EDGE_STRIDE * b[o + 2];
  for (let e = first; e < end; e += EDGE_STRIDE) {
    const ax = b[e],
      ay = b[e + 1],
      bx = b[e + 2],
      by = b[e + 3],
      flip = b[e + 4];
    // orient(A, B, P), orient(R, P, A) and orient(R, P, B) for every edge, without a branch on
    // their signs: near borders those branches are coin flips, and mispredicting them cost more
    // than the arithmetic.
    const pLeft = (ay - y) * (bx - x),
      pRight = (ax - x) * (by - y),
      p = pLeft - pRight;
    const sLeft = (referenceY - ay) * (x - ax),
      sRight = (referenceX - ax) * (y - ay),
      s = sLeft - sRight;
    const tLeft = (referenceY - by) * (x - bx),
      tRight = (referenceX - bx) * (y - by),
      t = tLeft - tRight;
    if (
      Math.abs(p) > ORIENT_ERROR_BOUND * Math.abs(pLeft + pRight) &&
      Math.abs(s) > ORIENT_ERROR_BOUND * Math.abs(sLeft + sRight) &&
      Math.abs(t) > ORIENT_ERROR_BOUND * Math.abs(tLeft + tRight)
    ) {
      // Crossed: the point on the other side of the edge's line than the reference, and the
      // edge's ends on either side of the segment's line.
      membership ^= Math.abs(flip) & -(Number(flip * p < 0) & Number(s * t < 0));
      continue;
    }
    const crossed = crossesExactly(referenceX, referenceY, x, y, ax, ay, bx, by, flip);
    if (crossed === AMBIGUOUS) return AMBIGUOUS;
    membership ^= crossed * Math.abs(flip);
  }
  // The lowest set bit: a point inside two counties (overlapping slivers) goes to the lower index.
  return membership === 0 ? OUTSIDE : b[o + HEADER + 31 - Math.clz32(membership & -membership)];
}

/** 1 if the segment from R to P crosses edge AB, 0 if not, AMBIGUOUS on an exact zero that matters. */
function crossesExactly(
  referenceX: number,
  referenceY: number,
  x: number,
  y: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  flip: number,
): number {
  const p = orient(ax, ay, bx, by, x, y);
  if (flip > 0 ? p > 0 : p < 0) return 0;
  const s = orient(referenceX, referenceY, x, y, ax, ay),
    t = orient(referenceX, referenceY, x, y, bx, by);
  if (s === t && s !== 0) return 0;
  return p === 0 || s === 0 || t === 0 ? AMBIGUOUS : 1;
}
