import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { assignCounties, buildCountyIndex, countyAt, OUTSIDE } from './countyIndex';

const square = (x: number, y: number, size = 1): number[][] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];
const multi = (...polygons: number[][][][]): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: polygons,
});

/** Turf's answer under the documented rule: the lowest-index county containing the point. */
const reference = (counties: MultiPolygon[], lon: number, lat: number) => {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return OUTSIDE;
  const k = counties.findIndex((c) => booleanPointInPolygon([lon, lat], c));
  return k === -1 ? OUTSIDE : k;
};

describe('hand-made shapes', () => {
  // 0: a square with a hole; 1: the square east of it (shared border x = 1); 2: two separate parts.
  const counties = [
    multi([
      square(0, 0),
      [
        [0.25, 0.25],
        [0.25, 0.75],
        [0.75, 0.75],
        [0.75, 0.25],
        [0.25, 0.25],
      ],
    ]),
    multi([square(1, 0)]),
    multi([square(3, 0, 0.5)], [square(3, 2, 0.5)]),
  ];
  const index = buildCountyIndex(counties, 0.1);
  const cases: Array<[string, number, number, number]> = [
    ['inside the first square', 0.1, 0.1, 0],
    ['in the hole', 0.5, 0.5, OUTSIDE],
    ['on the hole edge (boundary counts as inside)', 0.25, 0.5, 0],
    ['on the shared border: lower index wins', 1, 0.5, 0],
    ['on a shared vertex', 1, 0, 0],
    ['inside the second square', 1.5, 0.5, 1],
    ['on the outer edge of the second', 2, 0.3, 1],
    ['in the second part of a multipolygon', 3.25, 2.25, 2],
    ['between the parts', 3.25, 1.25, OUTSIDE],
    ['outside everything', -5, 40, OUTSIDE],
    ['not a number', NaN, 0.5, OUTSIDE],
  ];
  test.each(cases)('%s', (_, lon, lat, expected) => {
    expect(countyAt(index, lon, lat)).toBe(expected);
    expect(reference(counties, lon, lat)).toBe(expected);
  });
});

describe('cells the masks and the shared-edge rule must handle', () => {
  test('two parts of one county touching along an edge: that edge is no border', () => {
    const counties = [multi([square(0, 0)], [square(1, 0)]), multi([square(2, 0)])];
    const index = buildCountyIndex(counties, 0.1);
    for (const [lon, lat] of [
      [1, 0.5],
      [0.999999, 0.5],
      [1.000001, 0.5],
      [1, 0],
      [2, 0.5],
      [2.5, 0.5],
    ])
      expect(countyAt(index, lon, lat), `${lon}, ${lat}`).toBe(reference(counties, lon, lat));
  });

  test('a cell with more counties than its masks hold answers by Turf', () => {
    // 40 strips 0.002° wide side by side, all in one 0.1° cell.
    const counties = Array.from({ length: 40 }, (_, k) =>
      multi([
        [
          [k * 0.002, 0],
          [(k + 1) * 0.002, 0],
          [(k + 1) * 0.002, 0.05],
          [k * 0.002, 0.05],
          [k * 0.002, 0],
        ],
      ]),
    );
    const index = buildCountyIndex(counties, 0.1);
    const lon = Float64Array.from({ length: 400 }, (_, i) => (i % 200) * 0.0004 + (i < 200 ? 0.0001 : 0));
    const lat = Float64Array.from(lon, (_, i) => (i % 3) * 0.02 + 0.005);
    const result = assignCounties(index, lon, lat);
    lon.forEach((x, i) => expect(result[i], `${x}, ${lat[i]}`).toBe(reference(counties, x, lat[i])));
  });
});

describe('the 88 counties, against Turf', () => {
  const features = JSON.parse(readFileSync('geodata/counties.geojson', 'utf8')).features as Array<{
    geometry: MultiPolygon;
    properties: { adcode: string };
  }>;
  const counties = features.map((f) => f.geometry);
  const index = buildCountyIndex(counties);
  let seed = 20201101;
  const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;

  const check = (lon: number[], lat: number[]) => {
    const result = assignCounties(index, Float64Array.from(lon), Float64Array.from(lat));
    const wrong = lon.flatMap((x, i) =>
      result[i] === reference(counties, x, lat[i])
        ? []
        : [[x, lat[i], result[i], reference(counties, x, lat[i])]],
    );
    expect(wrong.slice(0, 5)).toEqual([]);
  };

  test('counties are in ascending adcode order (the tie rule relies on it)', () => {
    const codes = features.map((f) => f.properties.adcode);
    expect(codes).toEqual([...codes].sort());
  });

  test('uniform random points over and around Guizhou', () => {
    const lon: number[] = [],
      lat: number[] = [];
    for (let i = 0; i < 30_000; i++) {
      lon.push(103.4 + random() * 6.4);
      lat.push(24.4 + random() * 5.1);
    }
    check(lon, lat);
  });

  test('every vertex of every county, and points 1e-9° around a sample of them', () => {
    const lon: number[] = [],
      lat: number[] = [];
    counties.forEach((c) =>
      c.coordinates.forEach((polygon) =>
        polygon.forEach((ring) =>
          ring.forEach(([x, y], i) => {
            lon.push(x);
            lat.push(y);
            if (i % 7 === 0)
              for (const [dx, dy] of [
                [1e-9, 0],
                [-1e-9, 0],
                [0, 1e-9],
                [0, -1e-9],
              ]) {
                lon.push(x + dx);
                lat.push(y + dy);
              }
          }),
        ),
      ),
    );
    check(lon, lat);
  });

  test('points on edges (midpoints and random fractions) and on the index grid lines', () => {
    const lon: number[] = [],
      lat: number[] = [];
    counties.forEach((c) =>
      c.coordinates.forEach((polygon) =>
        polygon.forEach((ring) =>
          ring.slice(1).forEach(([x, y], i) => {
            if (i % 3) return;
            const [px, py] = ring[i],
              t = random();
            lon.push((x + px) / 2, px + (x - px) * t);
            lat.push((y + py) / 2, py + (y - py) * t);
          }),
        ),
      ),
    );
    for (let i = 0; i < 5_000; i++) {
      lon.push(index.west + Math.floor(random() * index.columns) * index.cellDegrees, 103.6 + random() * 6);
      lat.push(24.7 + random() * 4.5, index.south + Math.floor(random() * index.rows) * index.cellDegrees);
    }
    check(lon, lat);
  });
});
