import { expect, test } from 'vitest';
import { discRing } from './disc';
import { haversineMeters } from './stationGrid';

test('every vertex lies at the radius by haversine, the distance the model covers by', () => {
  for (const [lon, lat, radiusMeters] of [
    [106.73, 27.1, 1500],
    [104.0, 24.7, 5500],
    [109.5, 29.2, 200],
  ]) {
    const ring = discRing(lon, lat, radiusMeters);
    expect(ring).toHaveLength(65);
    for (const [x, y] of ring)
      expect(Math.abs(haversineMeters(lon, lat, x, y) - radiusMeters)).toBeLessThan(1e-6);
  }
});

test('the ring is closed and runs counter-clockwise', () => {
  const ring = discRing(106.73, 27.1, 1500, 16);
  expect(ring.at(-1)).toEqual(ring[0]);
  // Shoelace: positive signed area for a counter-clockwise ring in lon/lat.
  let twiceArea = 0;
  for (let i = 0; i < ring.length - 1; i++)
    twiceArea += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  expect(twiceArea).toBeGreaterThan(0);
  expect(ring[0][0]).toBeCloseTo(106.73, 9);
  expect(ring[0][1]).toBeGreaterThan(27.1);
});
