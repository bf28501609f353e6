// Seeded randomness for tests and benchmarks, so every run sees the same points.
// mulberry32: a 32-bit state generator, fast and good enough for test data (not cryptography).

export type Random = () => number;

/** Guizhou's bounding box in WGS84 degrees, as [west, south, east, north]. */
export const GUIZHOU_BBOX: readonly [number, number, number, number] = [103.6, 24.6, 109.6, 29.3];

/** A generator of uniform numbers in [0, 1), fully determined by the seed. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` points uniform in longitude and latitude within bbox (default Guizhou's). */
export function randomPoints(
  random: Random,
  count: number,
  bbox: readonly [number, number, number, number] = GUIZHOU_BBOX,
): { lon: Float64Array; lat: Float64Array } {
  const [west, south, east, north] = bbox;
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    lon[i] = west + random() * (east - west);
    lat[i] = south + random() * (north - south);
  }
  return { lon, lat };
}

/** An integer in [0, n). */
export function randomInteger(random: Random, n: number): number {
  return Math.floor(random() * n);
}
