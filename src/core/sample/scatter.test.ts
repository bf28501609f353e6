import type { MultiPolygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { assignCounties, buildCountyIndex } from '../assign/countyIndex';
import { mulberry32 } from '../coverage/random';
import { scatterInCounties, type ScatterRequest } from './scatter';

const square = (x: number, y: number, size: number): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [x, y],
        [x + size, y],
        [x + size, y + size],
        [x, y + size],
        [x, y],
      ],
    ],
  ],
});
// Two 0.1° squares side by side (shared border at 106.1), and an L-shaped county whose bounding box
// is mostly outside it.
const counties: MultiPolygon[] = [
  square(106, 26, 0.1),
  square(106.1, 26, 0.1),
  {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [107, 26],
          [107.3, 26],
          [107.3, 26.02],
          [107.02, 26.02],
          [107.02, 26.3],
          [107, 26.3],
          [107, 26],
        ],
      ],
    ],
  },
];
const index = buildCountyIndex(counties, 0.01);

function request(
  rows: Array<[county: number, lon: number, lat: number, sigmaMeters: number]>,
): ScatterRequest {
  return {
    county: Int16Array.from(rows, (r) => r[0]),
    centreLon: Float64Array.from(rows, (r) => r[1]),
    centreLat: Float64Array.from(rows, (r) => r[2]),
    sigmaMeters: Float32Array.from(rows, (r) => r[3]),
  };
}

describe('scatterInCounties', () => {
  test('every point lands in the county it asks for: near a centre, near a shared border, uniformly over an L shape', () => {
    const rows: Array<[number, number, number, number]> = [];
    for (let i = 0; i < 300; i++)
      rows.push(
        [0, 106.05, 26.05, 2_000],
        [1, 106.1, 26.05, 3_000],
        [2, NaN, NaN, 0],
        [0, 106.099, 26.05, 50],
      );
    const r = request(rows);
    const { lon, lat } = scatterInCounties(mulberry32(1), index, r);
    expect(Array.from(assignCounties(index, lon, lat))).toEqual(Array.from(r.county));
  });

  test('a Gaussian stays near its centre', () => {
    const r = request(
      Array.from({ length: 500 }, () => [0, 106.05, 26.05, 500] as [number, number, number, number]),
    );
    const { lon, lat } = scatterInCounties(mulberry32(2), index, r);
    const meanLon = lon.reduce((s, x) => s + x, 0) / lon.length,
      meanLat = lat.reduce((s, x) => s + x, 0) / lat.length;
    expect(Math.abs(meanLon - 106.05)).toBeLessThan(0.001);
    expect(Math.abs(meanLat - 26.05)).toBeLessThan(0.001);
    expect(Math.max(...lat.map((y) => Math.abs(y - 26.05)))).toBeLessThan(0.03);
  });

  test('a centre outside its county falls back to the county, never loops forever', () => {
    const r = request([
      [0, 110, 30, 100],
      [2, 106.05, 26.05, 10],
    ]);
    const { lon, lat } = scatterInCounties(mulberry32(3), index, r);
    expect(Array.from(assignCounties(index, lon, lat))).toEqual([0, 2]);
  });

  test('the same random stream gives the same points', () => {
    const r = request([
      [0, 106.05, 26.05, 2_000],
      [2, NaN, NaN, 0],
      [1, 106.15, 26.05, 800],
    ]);
    expect(scatterInCounties(mulberry32(4), index, r)).toEqual(scatterInCounties(mulberry32(4), index, r));
  });

  test('a county that does not exist is refused', () => {
    expect(() => scatterInCounties(mulberry32(5), index, request([[3, 106, 26, 1]]))).toThrow(RangeError);
  });
});
