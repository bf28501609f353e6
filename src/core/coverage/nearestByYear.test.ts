import { expect, test } from 'vitest';
import { stationMask } from './model';
import { nearestByYear, nearestMetersAt } from './nearestByYear';
import { BAND_CLASSES, bandClassCode } from './radius';
import { mulberry32, randomInteger, randomPoints } from './random';
import { buildPointGrid, haversineMeters, nearest } from './stationGrid';
import type { StationColumns } from './types';

function randomStations(seed: number, count: number): StationColumns {
  const random = mulberry32(seed);
  const { lon, lat } = randomPoints(random, count);
  return {
    lon,
    lat,
    bandClass: Uint8Array.from({ length: count }, () => randomInteger(random, BAND_CLASSES.length)),
    // Unknown years (0) and a spread of years, some later than any year asked about.
    buildYear: Int16Array.from({ length: count }, () =>
      random() < 0.05 ? 0 : 2018 + randomInteger(random, 10),
    ),
  };
}

test('the nearest 5G station on air by each year is the one a grid of that year finds, to the bit', () => {
  const stations = randomStations(7, 3000);
  const places = randomPoints(mulberry32(8), 60);
  const table = nearestByYear(stations, '5G', places.lon, places.lat);
  for (let year = 2016; year <= 2029; year++) {
    const grid = buildPointGrid(stations.lon, stations.lat, 2000, stationMask(stations, '5G', year));
    const expected = Array.from(places.lon, (lon, p) => nearest(grid, lon, places.lat[p]).meters);
    expect(Array.from(nearestMetersAt(table, year, places.lon.length))).toEqual(expected);
  }
});

test('a station of unknown build year is on air from the first year; before any other, only it counts', () => {
  const fiveG = bandClassCode('5G-mid'),
    fourG = bandClassCode('4G-mid');
  const stations: StationColumns = {
    lon: Float64Array.of(106.01, 106.1, 106.001, 106.0001),
    lat: Float64Array.of(26, 26, 26, 26),
    bandClass: Uint8Array.of(fiveG, fiveG, fiveG, fourG),
    buildYear: Int16Array.of(0, 2019, 2022, 2015),
  };
  const table = nearestByYear(stations, '5G', Float64Array.of(106, NaN), Float64Array.of(26, 26));
  const at = (year: number) => nearestMetersAt(table, year, 2)[0];
  expect(at(2010)).toBe(haversineMeters(106, 26, 106.01, 26));
  expect(at(2021)).toBe(haversineMeters(106, 26, 106.01, 26));
  expect(at(2022)).toBe(haversineMeters(106, 26, 106.001, 26));
  // The 4G station is never counted, and a point without a position is nowhere near.
  expect(nearestMetersAt(table, 2025, 2)[1]).toBe(Infinity);
});

test('without stations of the technology every distance is Infinity', () => {
  const stations: StationColumns = {
    lon: Float64Array.of(106),
    lat: Float64Array.of(26),
    bandClass: Uint8Array.of(bandClassCode('4G-mid')),
    buildYear: Int16Array.of(2020),
  };
  const table = nearestByYear(stations, '5G', Float64Array.of(106), Float64Array.of(26));
  expect(Array.from(nearestMetersAt(table, 2025, 1))).toEqual([Infinity]);
});
