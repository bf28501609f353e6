import { describe, expect, test } from 'vitest';
import { computeCoverage, stationMask, withRadiusOverride } from './model';
import { BAND_CLASSES, bandClassCode, stationRadiiMeters, technologyOf } from './radius';
import { mulberry32, randomInteger, randomPoints, type Random } from './random';
import { haversineMeters } from './stationGrid';
import type { StationColumns, TargetColumns, Technology } from './types';

function randomStations(random: Random, count: number): StationColumns {
  const { lon, lat } = randomPoints(random, count);
  const bandClass = Uint8Array.from({ length: count }, () => randomInteger(random, BAND_CLASSES.length));
  const buildYear = Int16Array.from({ length: count }, () =>
    random() < 0.1 ? 0 : 2015 + randomInteger(random, 11),
  );
  return { lon, lat, bandClass, buildYear };
}

/** Any station of the technology, built by asOfYear, within its own radius; and the nearest. */
function bruteCoverage(
  stations: StationColumns,
  radii: Float32Array,
  targets: TargetColumns,
  technology: Technology,
  asOfYear?: number,
) {
  const rows: Array<{ index: number; meters: number; covered: number }> = [];
  for (let t = 0; t < targets.lon.length; t++) {
    let index = -1,
      meters = Infinity,
      covered = 0;
    for (let s = 0; s < stations.lon.length; s++) {
      if (technologyOf(BAND_CLASSES[stations.bandClass[s]]) !== technology) continue;
      if (asOfYear !== undefined && stations.buildYear[s] !== 0 && stations.buildYear[s] > asOfYear) continue;
      const d = haversineMeters(targets.lon[t], targets.lat[t], stations.lon[s], stations.lat[s]);
      if (d < meters || (d === meters && s < index)) {
        index = s;
        meters = d;
      }
      if (d <= radii[s]) covered = 1;
    }
    rows.push({ index, meters, covered });
  }
  return rows;
}

function columnsOf(result: ReturnType<typeof computeCoverage>, technology: Technology) {
  const [index, meters, covered] =
    technology === '5G'
      ? [result.nearest5gIndex, result.nearest5gMeters, result.covered5g]
      : [result.nearest4gIndex, result.nearest4gMeters, result.covered4g];
  return Array.from(index, (_, t) => ({ index: index[t], meters: meters[t], covered: covered[t] }));
}

const noSeats = {
  denseUrban: new Float64Array(0),
  prefectureSeats: new Float64Array(0),
  countySeats: new Float64Array(0),
};

describe('computeCoverage', () => {
  test.each([
    [1, 800, undefined],
    [2, 3000, undefined],
    [3, 3000, 2020],
    [4, 30_000, 2023],
  ])('matches brute force (seed %i, %i stations, asOfYear %s)', (seed, stationCount, asOfYear) => {
    const random = mulberry32(seed);
    const stations = randomStations(random, stationCount);
    const radii = stationRadiiMeters(stations, noSeats);
    const targets = randomPoints(random, 300);
    const result = computeCoverage(stations, radii, targets, { asOfYear });
    for (const technology of ['5G', '4G'] as const) {
      expect(columnsOf(result, technology)).toEqual(
        bruteCoverage(stations, radii, targets, technology, asOfYear),
      );
    }
  });

  test('counts a target covered by a farther low-band station that the nearest mid-band one misses', () => {
    const target = { lon: Float64Array.of(106.7), lat: Float64Array.of(26.6) };
    const stations: StationColumns = {
      lon: Float64Array.of(106.7, 106.7),
      lat: Float64Array.of(26.6 + 300 / 111_195, 26.6 - 3000 / 111_195),
      bandClass: Uint8Array.of(bandClassCode('5G-mid'), bandClassCode('5G-low')),
      buildYear: new Int16Array(2),
    };
    const result = computeCoverage(stations, Float32Array.of(200, 5500), target);
    expect(result.nearest5gIndex[0]).toBe(0);
    expect(result.nearest5gMeters[0]).toBeCloseTo(300, 0);
    expect(result.covered5g[0]).toBe(1);
    expect(computeCoverage(stations, Float32Array.of(200, 2000), target).covered5g[0]).toBe(0);
  });

  test('leaves out stations built after asOfYear and keeps those of unknown year', () => {
    const target = { lon: Float64Array.of(106.7), lat: Float64Array.of(26.6) };
    const stations: StationColumns = {
      lon: Float64Array.of(106.7, 106.71, 106.72),
      lat: Float64Array.of(26.6, 26.6, 26.6),
      bandClass: new Uint8Array(3),
      buildYear: Int16Array.of(2024, 0, 2019),
    };
    const radii = Float32Array.of(500, 500, 500);
    expect(computeCoverage(stations, radii, target, { asOfYear: 2023 })).toMatchObject({
      nearest5gIndex: Int32Array.of(1),
      covered5g: Uint8Array.of(0),
    });
    expect(computeCoverage(stations, radii, target, { asOfYear: 2024 })).toMatchObject({
      nearest5gIndex: Int32Array.of(0),
      covered5g: Uint8Array.of(1),
    });
    expect([...stationMask(stations, '5G', 2018)]).toEqual([0, 1, 0]);
  });

  test('gives −1 and Infinity when no station of a technology exists', () => {
    const stations: StationColumns = {
      lon: Float64Array.of(106.7),
      lat: Float64Array.of(26.6),
      bandClass: Uint8Array.of(bandClassCode('4G-mid')),
      buildYear: new Int16Array(1),
    };
    const result = computeCoverage(stations, Float32Array.of(1000), {
      lon: Float64Array.of(106.7, 107),
      lat: Float64Array.of(26.6, 27),
    });
    expect(result.nearest5gIndex).toEqual(Int32Array.of(-1, -1));
    expect(result.nearest5gMeters).toEqual(Float64Array.of(Infinity, Infinity));
    expect(result.covered5g).toEqual(Uint8Array.of(0, 0));
    expect(result.covered4g).toEqual(Uint8Array.of(1, 0));
  });

  test('rejects station columns of different lengths', () => {
    const stations = randomStations(mulberry32(1), 3);
    expect(() =>
      computeCoverage(stations, new Float32Array(2), { lon: new Float64Array(0), lat: new Float64Array(0) }),
    ).toThrow(RangeError);
  });
});

test('withRadiusOverride gives every station the one radius', () => {
  const stations = randomStations(mulberry32(8), 50);
  const seats = {
    denseUrban: Float64Array.of(106.7, 26.58),
    prefectureSeats: Float64Array.of(106.7, 26.58),
    countySeats: new Float64Array(0),
  };
  expect(new Set(stationRadiiMeters(stations, seats, withRadiusOverride(750)))).toEqual(new Set([750]));
  expect(() => withRadiusOverride(0)).toThrow(RangeError);
  expect(() => withRadiusOverride(Number.NaN)).toThrow(RangeError);
});
