import type { FeatureCollection, Point } from 'geojson';
import { expect, test } from 'vitest';
import { UNKNOWN_CATEGORY } from './encoding';
import type { StationLayer } from './stationColumns';
import { stationFeatures } from './stations';

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
  expect(fiveG.features[0].properties).toEqual({ o: UNKNOWN_CATEGORY, b: 0, t: 0, y: 2020, r: 1235, i: 0 });
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
  // The row index survives the rows left out: it is the layer's row, for the inspector.
  expect(
    parse(stationFeatures(stations, new Float32Array(3), true)).features.map((f) => f.properties!.i),
  ).toEqual([2]);
});

test('an empty layer is an empty collection', () => {
  expect(parse(stationFeatures(stationLayer([]), new Float32Array(0), true))).toEqual({
    type: 'FeatureCollection',
    features: [],
  });
});
