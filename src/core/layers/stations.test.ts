import { expect, test } from 'vitest';
import { UNKNOWN_CATEGORY } from './encoding';
import type { StationLayer } from './stationColumns';
import { stationTileProperties } from './stations';

const source = { kind: 'sample', name: 'test' } as const;

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

test('stations: one-letter tile properties, the radius rounded to whole metres', () => {
  const stations = stationLayer([
    { lon: 106.123456, lat: 26.654321, technology: 0 },
    { lon: 107, lat: 27, technology: 1 },
  ]);
  const properties = stationTileProperties(stations, Float32Array.of(1234.6, 800));
  const row = (i: number) =>
    Object.fromEntries(Object.entries(properties).map(([key, column]) => [key, column[i]]));
  expect(row(0)).toEqual({ o: UNKNOWN_CATEGORY, b: 0, t: 0, y: 2020, r: 1235 });
  // 4G stations are in the tiles too: the overlay's filter hides them unless asked for.
  expect(row(1)).toEqual({ o: 1, b: 1, t: 1, y: 2021, r: 800 });
});
