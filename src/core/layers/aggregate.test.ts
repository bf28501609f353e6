import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { AreaIndex } from '../areas';
import { GUIZHOU_CELLS, stationCells, type CellGrid } from './aggregate';
import { UNKNOWN_CATEGORY as UNKNOWN, type StationLayer } from './types';

// Four 1° cells: cell 0 [0,1)×[0,1), cell 1 [1,2)×[0,1), cell 2 [0,1)×[1,2), cell 3 [1,2)×[1,2).
const grid: CellGrid = { west: 0, south: 0, cellDegrees: 1, columns: 2, rows: 2 };

interface Row {
  lon: number;
  lat: number;
  technology: number;
  operator: number;
}

function stationLayer(rows: Row[]): StationLayer {
  return {
    lon: Float64Array.from(rows, (r) => r.lon),
    lat: Float64Array.from(rows, (r) => r.lat),
    bandClass: new Uint8Array(rows.length),
    buildYear: new Int16Array(rows.length).fill(2021),
    county: new Int16Array(rows.length),
    technology: Uint8Array.from(rows, (r) => r.technology),
    operator: Uint8Array.from(rows, (r) => r.operator),
    operators: ['中国移动', '中国电信', '中国联通'],
    band: new Uint8Array(rows.length),
    bands: ['n78'],
    source: { kind: 'sample', name: 'test' },
  };
}

interface Cell {
  coordinates: [number, number];
  n: number;
  o: number;
}
const cellsOf = (text: string): Cell[] =>
  JSON.parse(text).features.map(
    (f: { geometry: { coordinates: [number, number] }; properties: { n: number; o: number } }) => ({
      coordinates: f.geometry.coordinates,
      ...f.properties,
    }),
  );
const allOn = (n: number) => new Uint8Array(n).fill(1);

test("5G stations are counted per cell and drawn at the cell's centre of mass", () => {
  const stations = stationLayer([
    { lon: 0.2, lat: 0.2, technology: 0, operator: 0 },
    { lon: 0.4, lat: 0.6, technology: 0, operator: 1 },
    { lon: 0.6, lat: 0.4, technology: 0, operator: 1 },
    { lon: 1.5, lat: 1.25, technology: 0, operator: 2 },
  ]);
  expect(cellsOf(stationCells(stations, allOn(4), grid))).toEqual([
    { coordinates: [0.4, 0.4], n: 3, o: 1 },
    { coordinates: [1.5, 1.25], n: 1, o: 2 },
  ]);
});

test('4G stations are not counted', () => {
  const stations = stationLayer([
    { lon: 0.5, lat: 0.5, technology: 0, operator: 0 },
    { lon: 0.5, lat: 0.5, technology: 1, operator: 1 },
    { lon: 0.6, lat: 0.5, technology: 1, operator: 1 },
    { lon: 1.5, lat: 0.5, technology: 1, operator: 2 },
  ]);
  expect(cellsOf(stationCells(stations, allOn(4), grid))).toEqual([{ coordinates: [0.5, 0.5], n: 1, o: 0 }]);
});

test('the cell counts sum to the 5G stations passing the mask', () => {
  const rows: Row[] = [];
  for (let k = 0; k < 40; k++)
    rows.push({
      lon: (k * 0.37) % 2,
      lat: (k * 0.53) % 2,
      technology: k % 3 === 0 ? 1 : 0,
      operator: k % 4 === 3 ? UNKNOWN : k % 3,
    });
  const mask = Uint8Array.from(rows, (_, k) => (k % 5 === 0 ? 0 : 1));
  const expected = rows.filter((r, k) => mask[k] && r.technology === 0).length;
  const total = cellsOf(stationCells(stationLayer(rows), mask, grid)).reduce((sum, c) => sum + c.n, 0);
  expect(expected).toBe(21);
  expect(total).toBe(expected);
});

test('stations outside the grid or without a position are left out', () => {
  const stations = stationLayer([
    { lon: 0.5, lat: 0.5, technology: 0, operator: 0 },
    { lon: 2, lat: 0.5, technology: 0, operator: 0 },
    { lon: -0.1, lat: 0.5, technology: 0, operator: 0 },
    { lon: 0.5, lat: 2.5, technology: 0, operator: 0 },
    { lon: NaN, lat: NaN, technology: 0, operator: 0 },
  ]);
  expect(cellsOf(stationCells(stations, allOn(5), grid)).map((c) => c.n)).toEqual([1]);
});

test('the colour is the operator with the most stations, unknown included; a tie goes to the lower code', () => {
  const stations = stationLayer([
    { lon: 0.5, lat: 0.5, technology: 0, operator: UNKNOWN },
    { lon: 0.5, lat: 0.5, technology: 0, operator: UNKNOWN },
    { lon: 0.5, lat: 0.5, technology: 0, operator: 2 },
    { lon: 1.5, lat: 0.5, technology: 0, operator: 2 },
    { lon: 1.5, lat: 0.5, technology: 0, operator: 1 },
  ]);
  expect(cellsOf(stationCells(stations, allOn(5), grid)).map((c) => c.o)).toEqual([UNKNOWN, 1]);
});

test('no station on air gives an empty collection', () => {
  const stations = stationLayer([{ lon: 0.5, lat: 0.5, technology: 0, operator: 0 }]);
  expect(JSON.parse(stationCells(stations, new Uint8Array(1), grid))).toEqual({
    type: 'FeatureCollection',
    features: [],
  });
});

test('the Guizhou grid covers the bounds of every county', () => {
  const areas: AreaIndex = JSON.parse(readFileSync('geodata/areas.json', 'utf8'));
  const { west, south, cellDegrees, columns, rows } = GUIZHOU_CELLS;
  for (const {
    name,
    bounds: [w, s, e, n],
  } of areas.counties) {
    expect(
      w >= west && s >= south && e < west + columns * cellDegrees && n < south + rows * cellDegrees,
      name,
    ).toBe(true);
  }
});
