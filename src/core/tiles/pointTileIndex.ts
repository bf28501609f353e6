// Which points fall in a map tile, for tiles made on demand from columns (the engine worker's
// station and village tiles). Points are sorted once by their Z-order (Morton) key at zoom 16, so
// the points of any tile at zoom ≤ 16 are one contiguous run of the sorted keys, found by two
// binary searches: no tree, no per-tile scan of the layer (the model is a quadkey-sorted table).
//
// Rules relied on:
// - Web Mercator tiles as MapLibre requests them (x to the east, y to the south, 2^z per side).
// - Rows without a position (NaN) or left out by `include` are in no tile.
// - A point exactly on a tile edge belongs to the tile east or south of it (floor), so it is in
//   exactly one tile of every zoom: a circle is drawn once, never twice at a seam.
// - Each point's Mercator x and y are kept in sorted order, so writing a tile reads memory in order.

/** The deepest zoom the keys resolve; deeper tiles are their zoom-16 ancestor's points. */
export const INDEX_ZOOM = 16;
const SIDE = 2 ** INDEX_ZOOM;

export interface PointTileIndex {
  /** Row numbers in key order. */
  rows: Uint32Array;
  /** Z-order keys at zoom 16, ascending. */
  keys: Uint32Array;
  /** Mercator x and y of each point in [0, 1), in key order. */
  x: Float64Array;
  y: Float64Array;
}

/** Mercator x in [0, 1) of a longitude. */
export const mercatorX = (lon: number) => lon / 360 + 0.5;

/** Mercator y in [0, 1) of a latitude (0 at the north edge of the world). */
export function mercatorY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  return 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
}

/** Spreads the 16 low bits of v to the even bits of a 32-bit word. */
function spread(v: number): number {
  v &= 0xffff;
  v = (v | (v << 8)) & 0x00ff00ff;
  v = (v | (v << 4)) & 0x0f0f0f0f;
  v = (v | (v << 2)) & 0x33333333;
  return (v | (v << 1)) & 0x55555555;
}

/** The Z-order key of tile (x, y) at zoom ≤ 16: x on the even bits, y on the odd ones. */
export const tileKey = (x: number, y: number) => (spread(x) | (spread(y) << 1)) >>> 0;

const clampCell = (v: number) => Math.min(SIDE - 1, Math.max(0, Math.floor(v * SIDE)));

export function buildPointTileIndex(
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  include?: (row: number) => boolean,
): PointTileIndex {
  let count = 0;
  const kept = new Uint32Array(lon.length);
  for (let i = 0; i < lon.length; i++)
    if (Number.isFinite(lon[i]) && Number.isFinite(lat[i]) && (!include || include(i))) kept[count++] = i;
  const rawKeys = new Uint32Array(count);
  const rawX = new Float64Array(count);
  const rawY = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const i = kept[k];
    rawX[k] = mercatorX(lon[i]);
    rawY[k] = mercatorY(lat[i]);
    rawKeys[k] = tileKey(clampCell(rawX[k]), clampCell(rawY[k]));
  }
  const order = radixOrder(rawKeys);
  const index: PointTileIndex = {
    rows: new Uint32Array(count),
    keys: new Uint32Array(count),
    x: new Float64Array(count),
    y: new Float64Array(count),
  };
  for (let k = 0; k < count; k++) {
    const from = order[k];
    index.rows[k] = kept[from];
    index.keys[k] = rawKeys[from];
    index.x[k] = rawX[from];
    index.y[k] = rawY[from];
  }
  return index;
}

/** The positions [start, end) in the index of the points in tile z/x/y. */
export function tileRange(index: PointTileIndex, z: number, x: number, y: number): [number, number] {
  if (z > INDEX_ZOOM) {
    const up = z - INDEX_ZOOM;
    return tileRange(index, INDEX_ZOOM, Math.floor(x / 2 ** up), Math.floor(y / 2 ** up));
  }
  const span = 4 ** (INDEX_ZOOM - z);
  const first = tileKey(x, y) * span; // exact in doubles: < 2^32
  return [lowerBound(index.keys, first), lowerBound(index.keys, first + span)];
}

function lowerBound(keys: Uint32Array, value: number): number {
  let lo = 0,
    hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Positions of `keys` in ascending key order (stable LSD radix sort, 4 passes of 8 bits). */
function radixOrder(keys: Uint32Array): Uint32Array {
  let order = new Uint32Array(keys.length);
  let next = new Uint32Array(keys.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const counts = new Uint32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    counts.fill(0);
    for (let i = 0; i < keys.length; i++) counts[(keys[i] >>> shift) & 0xff]++;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = counts[b];
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < order.length; i++) {
      const at = order[i];
      next[counts[(keys[at] >>> shift) & 0xff]++] = at;
    }
    [order, next] = [next, order];
  }
  return order;
}
