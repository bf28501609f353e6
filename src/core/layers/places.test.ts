import type { FeatureCollection, Point } from 'geojson';
import { expect, test } from 'vitest';
import { STATUS_NO as NO } from './encoding';
import { placeFeatures, type PlaceLayer } from './places';

const source = { kind: 'sample', name: 'test' } as const;
const parse = (text: string) => JSON.parse(text) as FeatureCollection<Point>;

test('places: no station within reach is −1 m, unknown population is −1, and no position is left out', () => {
  const places: PlaceLayer = {
    key: ['安置点一', '安置点二', '安置点三'],
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
    { n: '安置点一', a: 1, r: 2021, m: 2020, d: 346, p: 1200, l: '', i: 0 },
    { n: '安置点二', a: 0, r: 0, m: 0, d: -1, p: -1, l: '5A', i: 1 },
  ]);
});
