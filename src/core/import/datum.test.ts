import { expect, test } from 'vitest';
import { datumForImport, haversineMeters, pointFromWgs84, pointToWgs84, statedDatum, toWgs84 } from './datum';

// A grid over Guizhou's extent (103.6–109.6 E, 24.6–29.2 N).
const grid: Array<[number, number]> = [];
for (let lon = 103.6; lon <= 109.6; lon += 0.25)
  for (let lat = 24.6; lat <= 29.2; lat += 0.25) grid.push([lon, lat]);

test.each(['gcj02', 'bd09'] as const)('WGS84 → %s → WGS84 stays within 1 m over Guizhou', (datum) => {
  let worstMeters = 0,
    shiftMeters = 0;
  for (const [lon, lat] of grid) {
    const [x, y] = pointFromWgs84(lon, lat, datum);
    shiftMeters = Math.max(shiftMeters, haversineMeters(lon, lat, x, y));
    const [backLon, backLat] = pointToWgs84(x, y, datum);
    worstMeters = Math.max(worstMeters, haversineMeters(lon, lat, backLon, backLat));
  }
  expect(worstMeters).toBeLessThan(1);
  // The offsets are real (hundreds of metres), so the round trip is not trivially the identity.
  expect(shiftMeters).toBeGreaterThan(100);
});

test('columns: NaN stays NaN, WGS84 is unchanged', () => {
  const { lon, lat } = toWgs84(Float64Array.of(106.7, NaN), Float64Array.of(26.5, 26.5), 'gcj02');
  expect(Number.isNaN(lon[1]) && Number.isNaN(lat[1])).toBe(true);
  expect(haversineMeters(lon[0], lat[0], 106.7, 26.5)).toBeGreaterThan(100);
  expect(Array.from(toWgs84(Float64Array.of(106.7), Float64Array.of(26.5), 'wgs84').lon)).toEqual([106.7]);
});

test('haversine: one degree of latitude is about 111.2 km', () => {
  expect(haversineMeters(106, 26, 106, 27)).toBeCloseTo(111_195, -1);
});

test('a stated datum is preselected; a file that states none preselects nothing', () => {
  expect(statedDatum({ datum: 'gcj02', basis: 'column-name' })).toBe('gcj02');
  expect(statedDatum({ datum: 'bd09', basis: 'file-name' })).toBe('bd09');
  expect(statedDatum({ datum: 'wgs84', basis: 'crs' })).toBe('wgs84');
  expect(statedDatum({ datum: 'wgs84', basis: 'format' })).toBe('wgs84');
  expect(statedDatum({ datum: 'wgs84', basis: 'default' })).toBeNull();
});

test('coordinates need a chosen datum; rows without coordinates need none', () => {
  expect(datumForImport(null, true)).toBeNull();
  expect(datumForImport('gcj02', true)).toBe('gcj02');
  expect(datumForImport(null, false)).toBe('wgs84');
  expect(datumForImport('bd09', false)).toBe('bd09');
});
