import type { FeatureCollection, Point } from 'geojson';
import { expect, test } from 'vitest';
import { placeFeatures, stationFeatures, villageFeatures } from './features';
import {
  STATUS_NO as NO,
  STATUS_UNKNOWN as UNKNOWN,
  UNKNOWN_CATEGORY,
  type PlaceLayer,
  type StationLayer,
  type VillageLayer,
} from './types';

const source = { kind: 'sample', name: 'test' } as const;
const parse = (text: string) => JSON.parse(text) as FeatureCollection<Point>;

function stationLayer(rows: Array<{ lon: number; lat: number; technology: number }>): StationLayer {
  const n = rows.length;
  return {
    lon: Float64Array.from(rows, (r) => r.lon),
    lat: Float64Array.from(rows, (r) => r.lat),
    bandClass: new Uint8Array(n),
    buildYear: Int16Array.from(rows, (_, i) => 2020 + i),
    county: new Int16Array(n),
    technology: Uint8Array.from(rows, (r) => r.technology),
    operator: Uint8Array.from(rows, (_, i) => (i === 0 ? UNKNOWN_CATEGORY : 1)),
    operators: ['中国移动', '中国电信'],
    band: Uint8Array.from(rows, (_, i) => i % 2),
    bands: ['n78', 'n28'],
    source,
  };
}

test('stations: 5G only unless 4G is asked for, with one-letter properties and the radius rounded', () => {
  const stations = stationLayer([
    { lon: 106.123456, lat: 26.654321, technology: 0 },
    { lon: 107, lat: 27, technology: 1 },
  ]);
  const radii = Float32Array.of(1234.6, 800);
  const fiveG = parse(stationFeatures(stations, radii, false));
  expect(fiveG.features).toHaveLength(1);
  expect(fiveG.features[0].geometry.coordinates).toEqual([106.12346, 26.65432]);
  expect(fiveG.features[0].properties).toEqual({ o: UNKNOWN_CATEGORY, b: 0, t: 0, y: 2020, r: 1235 });
  expect(parse(stationFeatures(stations, radii, true)).features.map((f) => f.properties!.t)).toEqual([0, 1]);
});

test('stations without a position are left out', () => {
  const stations = stationLayer([
    { lon: NaN, lat: 26, technology: 0 },
    { lon: 106, lat: NaN, technology: 0 },
    { lon: 106, lat: 26, technology: 0 },
  ]);
  expect(
    parse(stationFeatures(stations, new Float32Array(3), true)).features.map((f) => f.properties!.y),
  ).toEqual([2022]);
});

test('villages: codes and names survive quotes and backslashes; those without a position are left out', () => {
  const villages: VillageLayer = {
    code: ['520102001001', '520102001002', '520102001003'],
    name: ['甲"村"\\', '乙村', '丙村'],
    county: new Int16Array(3),
    lon: Float64Array.of(106.5, NaN, 106.7),
    lat: Float64Array.of(26.5, 26.6, NaN),
    status: {
      fiber: Int16Array.of(2015, 0, 0),
      gigabit: Int16Array.of(UNKNOWN, 0, 0),
      fourG: Int16Array.of(1, 0, 0),
      fiveG: Int16Array.of(2022, 0, 0),
    },
    source,
  };
  const collection = parse(villageFeatures(villages, Int16Array.of(2021, 0, 0), Int16Array.of(0, 0, 0)));
  expect(collection.features).toHaveLength(1);
  expect(collection.features[0].properties).toEqual({
    c: '520102001001',
    n: '甲"村"\\',
    f: 2015,
    g: -1,
    q: 1,
    v: 2022,
    m: 2021,
    k: 0,
  });
});

test('places: no station within reach is −1 m, unknown population is −1, and no position is left out', () => {
  const places: PlaceLayer = {
    name: ['安置点一', '安置点二', '安置点三'],
    county: new Int16Array(3),
    lon: Float64Array.of(106, 107, NaN),
    lat: Float64Array.of(26, 27, 28),
    approximate: Uint8Array.of(1, 0, 0),
    reported: Int16Array.of(2021, NO, 2022),
    population: Float64Array.of(1200, NaN, 5),
    level: ['', '5A', ''],
    source,
  };
  const collection = parse(
    placeFeatures(places, Int16Array.of(2020, 0, 2021), Float64Array.of(345.6, Infinity, 10)),
  );
  expect(collection.features.map((f) => f.properties)).toEqual([
    { n: '安置点一', a: 1, r: 2021, m: 2020, d: 346, p: 1200, l: '' },
    { n: '安置点二', a: 0, r: 0, m: 0, d: -1, p: -1, l: '5A' },
  ]);
});

test('an empty layer is an empty collection', () => {
  expect(parse(stationFeatures(stationLayer([]), new Float32Array(0), true))).toEqual({
    type: 'FeatureCollection',
    features: [],
  });
});
