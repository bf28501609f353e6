import { expect, test } from 'vitest';
import type { AreaIndex } from '../areas';
import { computeCoverage } from '../coverage/model';
import { mulberry32, randomPoints } from '../coverage/random';
import { stationRadiiMeters } from '../coverage/radius';
import { seatColumns } from '../coverage/seats';
import type { FigureTable } from '../layers/figures';
import {
  STATUS_NO as NO,
  STATUS_UNKNOWN as UNKNOWN,
  STATUS_YES_UNDATED as YES,
  UNKNOWN_CATEGORY,
  type PlaceLayer,
  type StationLayer,
  type VillageLayer,
} from '../layers/types';
import {
  compareVintages,
  defaultVintagePair,
  vintageLayerOf,
  vintageRefusalOf,
  VintageError,
  type LoadedLayers,
} from './vintages';

// Two counties of one prefecture; their seats far away, so every station here is rural (5G-mid 1,500 m).
const areas = {
  counties: [
    { adcode: '520122', name: '息烽县', prefectureAdcode: '520100', seat: [100, 20] },
    { adcode: '520123', name: '修文县', prefectureAdcode: '520100', seat: [100, 20.5] },
  ],
  prefectures: [{ adcode: '520100' }],
  neighbours: [],
} as unknown as AreaIndex;
const source = { kind: 'dataset', name: 'test' } as const;
const EMPTY_MODEL: LoadedLayers['modelled'] = {
  columns: {
    lon: new Float64Array(0),
    lat: new Float64Array(0),
    bandClass: new Uint8Array(0),
    buildYear: new Int16Array(0),
  },
  radiiMeters: new Float32Array(0),
};

/** 5G mid-band stations: [lon, lat, build year]. */
function stations(rows: Array<[number, number, number]>): StationLayer {
  const n = rows.length;
  return {
    lon: Float64Array.from(rows, (r) => r[0]),
    lat: Float64Array.from(rows, (r) => r[1]),
    buildYear: Int16Array.from(rows, (r) => r[2]),
    bandClass: new Uint8Array(n),
    technology: new Uint8Array(n),
    county: new Int16Array(n),
    operator: new Uint8Array(n).fill(UNKNOWN_CATEGORY),
    operators: [],
    band: new Uint8Array(n).fill(UNKNOWN_CATEGORY),
    bands: [],
    source,
  };
}

interface VillageRow {
  code: string;
  name?: string;
  county?: number;
  lon?: number;
  lat?: number;
  fiveG?: number;
}
function villages(rows: VillageRow[]): VillageLayer {
  const unknown = () => new Int16Array(rows.length).fill(UNKNOWN);
  return {
    code: rows.map((r) => r.code),
    name: rows.map((r) => r.name ?? `村${r.code.slice(-3)}`),
    county: Int16Array.from(rows, (r) => r.county ?? 0),
    lon: Float64Array.from(rows, (r) => r.lon ?? NaN),
    lat: Float64Array.from(rows, (r) => r.lat ?? (r.lon === undefined ? NaN : 27.1)),
    status: {
      fiber: unknown(),
      gigabit: unknown(),
      fourG: unknown(),
      fiveG: Int16Array.from(rows, (r) => r.fiveG ?? UNKNOWN),
    },
    source,
  };
}

function places(rows: Array<{ name: string; lon?: number; reported?: number; level?: string }>): PlaceLayer {
  return {
    key: rows.map((r) => r.name),
    name: rows.map((r) => r.name),
    county: new Int16Array(rows.length),
    lon: Float64Array.from(rows, (r) => r.lon ?? 106.8),
    lat: new Float64Array(rows.length).fill(27.1),
    approximate: new Uint8Array(rows.length),
    reported: Int16Array.from(rows, (r) => r.reported ?? UNKNOWN),
    population: new Float64Array(rows.length).fill(NaN),
    level: rows.map((r) => r.level ?? ''),
    source,
  };
}

const loadedWith = (layers: LoadedLayers['layers'], modelled = EMPTY_MODEL): LoadedLayers => ({
  layers,
  modelled,
});
const figure = (table: FigureTable, name: keyof FigureTable['figures'], adcode: string) =>
  table.figures[name][table.adcodes.indexOf(adcode)];

// 0.01° of longitude at 27.1° N is about 990 m.
const targets = () =>
  villages([
    { code: '520122000000', lon: 106.7 },
    { code: '520122000001', lon: 106.8 },
    { code: '520122000002', lon: 106.805 },
    { code: '520122000003' },
    { code: '520122000004', lon: 106.9 },
    { code: '520123000005', county: 1, lon: 106.6 },
  ]);

test('two station lists: places covered by the newer list only are newly covered, by the older only newly uncovered', () => {
  const older = stations([
    [106.7, 27.1, 2021],
    [106.6, 27.1, 2020],
  ]);
  // The newer list drops the station at 106.70 and adds one at 106.80; the one at 106.90 goes on air after 2025.
  const newer = stations([
    [106.8, 27.1, 2022],
    [106.9, 27.1, 2026],
    [106.6, 27.1, 2020],
  ]);
  const loaded = loadedWith({
    villages: targets(),
    relocationSites: places([{ name: '安置点甲', lon: 106.801 }]),
    scenicAreas: places([
      { name: '三A景区', lon: 106.8, level: '3A' },
      { name: '五A景区', lon: 106.8, level: '5A' },
    ]),
  });
  const result = compareVintages(areas, { stations: older }, { stations: newer }, loaded, 2025);
  expect(result.rows.map((r) => [r.id, r.direction, r.basis])).toEqual([
    ['520122000000', 'uncovered', 'modelled'],
    ['520122000001', 'covered', 'modelled'],
    ['520122000002', 'covered', 'modelled'],
    ['安置点甲', 'covered', 'modelled'],
    ['五A景区', 'covered', 'modelled'],
  ]);
  expect(result.counts).toEqual({
    village: { covered: 2, uncovered: 1 },
    relocationSite: { covered: 1, uncovered: 0 },
    scenicArea: { covered: 1, uncovered: 0 },
  });
  expect(result.matching).toBeUndefined();
  expect(result.rows[0]).toMatchObject({
    countyAdcode: '520122',
    countyName: '息烽县',
    lon: 106.7,
    lat: 27.1,
  });
});

test('two station lists: the rows are exactly where computeCoverage of the two lists disagrees', () => {
  const random = mulberry32(7);
  const box = [106.5, 27.0, 106.9, 27.3] as const;
  const list = (count: number) => {
    const { lon, lat } = randomPoints(random, count, box);
    return stations(
      Array.from(lon, (x, i) => [x, lat[i], 2019 + Math.floor(random() * 8)] as [number, number, number]),
    );
  };
  const older = list(40),
    newer = list(40);
  const { lon, lat } = randomPoints(random, 300, box);
  const layer = villages(
    Array.from(lon, (x, i) => ({ code: String(520122000000 + i), lon: x, lat: lat[i] })),
  );
  const seats = seatColumns(areas);
  const covered = (s: StationLayer) =>
    computeCoverage(s, stationRadiiMeters(s, seats), layer, { asOfYear: 2024 }).covered5g;
  const [was, is] = [covered(older), covered(newer)];
  const expected = layer.code
    .filter((_, i) => was[i] !== is[i])
    .map((code, k) => [code, is[layer.code.indexOf(code)] ? 'covered' : 'uncovered', k]);
  const rows = compareVintages(
    areas,
    { stations: older },
    { stations: newer },
    loadedWith({ villages: layer }),
    2024,
  ).rows;
  expect(expected.length).toBeGreaterThan(10);
  expect(rows.map((r, k) => [r.id, r.direction, k])).toEqual(expected);
});

test("two station lists: each vintage's figures count its own stations and its own modelled coverage", () => {
  const older = stations([[106.7, 27.1, 2021]]);
  const newer = stations([
    [106.8, 27.1, 2022],
    [106.6, 27.1, 2020],
    [106.9, 27.1, 2026],
  ]);
  const { olderFigures, newerFigures } = compareVintages(
    areas,
    { stations: older },
    { stations: newer },
    loadedWith({ villages: targets() }),
    2025,
  );
  expect(figure(olderFigures, 'stations5g', '520000')).toBe(1);
  expect(figure(newerFigures, 'stations5g', '520000')).toBe(2);
  expect(figure(newerFigures, 'stations5gAt2020', '520000')).toBe(1);
  // 息烽县: the older list covers village 0, the newer villages 1 and 2; 修文县's village only by the newer.
  expect([
    figure(olderFigures, 'villagesModelled5g', '520122'),
    figure(newerFigures, 'villagesModelled5g', '520122'),
  ]).toEqual([1, 2]);
  expect([
    figure(olderFigures, 'villagesModelled5g', '520123'),
    figure(newerFigures, 'villagesModelled5g', '520123'),
  ]).toEqual([0, 1]);
});

test('two village sheets: matched by code, yes after no is covered, no after yes uncovered; one-sided rows are counted only', () => {
  const older = villages([
    { code: '520122000001', fiveG: NO },
    { code: '520122000002', fiveG: YES },
    { code: '520122000003', fiveG: YES },
    { code: '520122000004', fiveG: NO },
    { code: '520122000009', fiveG: NO },
  ]);
  const newer = villages([
    { code: ' 520122000004', fiveG: 2024, name: '新名村' },
    { code: '520122000003', fiveG: YES },
    { code: '520122000002', fiveG: NO },
    { code: '520122000001', fiveG: 2026 },
    { code: '520122000010', fiveG: YES },
  ]);
  const result = compareVintages(areas, { villages: older }, { villages: newer }, loadedWith({}), 2025);
  // 001 turns yes only in 2026, after the year compared.
  expect(result.rows.map((r) => [r.id, r.name, r.direction, r.basis])).toEqual([
    ['520122000004', '新名村', 'covered', 'reported'],
    ['520122000002', '村002', 'uncovered', 'reported'],
  ]);
  expect(result.matching).toEqual({ added: 1, dropped: 1, statusUnknown: 0 });
  expect(result.counts.village).toEqual({ covered: 1, uncovered: 1 });
  expect(figure(result.olderFigures, 'fiveG', '520122')).toBe(2);
  expect(figure(result.newerFigures, 'fiveG', '520122')).toBe(3);
});

test('two village sheets: a status unknown in either is never a change, but a yes against an unknown is counted', () => {
  const older = villages([
    { code: '520122000001', fiveG: UNKNOWN },
    { code: '520122000002', fiveG: YES },
    { code: '520122000003', fiveG: UNKNOWN },
  ]);
  const newer = villages([
    { code: '520122000001', fiveG: YES },
    { code: '520122000002', fiveG: UNKNOWN },
    { code: '520122000003', fiveG: NO },
  ]);
  const result = compareVintages(areas, { villages: older }, { villages: newer }, loadedWith({}), 2025);
  expect(result.rows).toEqual([]);
  expect(result.matching).toEqual({ added: 0, dropped: 0, statusUnknown: 2 });
});

test("two village sheets: a newer row without a position takes the older one's; modelled figures follow each vintage's positions", () => {
  const older = villages([{ code: '520122000001', lon: 106.7, fiveG: NO }]);
  const newer = villages([
    { code: '520122000001', fiveG: YES },
    { code: '520122000002', lon: 106.8, fiveG: NO },
  ]);
  const model = {
    ...EMPTY_MODEL,
    columns: stations([[106.8, 27.1, 2020]]),
    radiiMeters: Float32Array.of(1500),
  };
  const result = compareVintages(
    areas,
    { villages: older },
    { villages: newer },
    loadedWith({}, model),
    2025,
  );
  expect(result.rows[0]).toMatchObject({ id: '520122000001', lon: 106.7, lat: 27.1, direction: 'covered' });
  expect(figure(result.olderFigures, 'villagesModelled5g', '520122')).toBe(0);
  expect(figure(result.newerFigures, 'villagesModelled5g', '520122')).toBe(1);
  expect(figure(result.newerFigures, 'villagesWithPosition', '520122')).toBe(1);
});

test('two site lists match by trimmed name, repeated names in order; scenic lists compare 4A/5A areas only', () => {
  const older = places([
    { name: '同名点', reported: NO },
    { name: '同名点', reported: YES },
    { name: ' 甲点 ', reported: NO },
  ]);
  const newer = places([
    { name: '甲点', reported: YES },
    { name: '同名点', reported: NO },
    { name: '同名点', reported: NO },
  ]);
  const sites = compareVintages(
    areas,
    { relocationSites: older },
    { relocationSites: newer },
    loadedWith({}),
    2025,
  );
  expect(sites.rows.map((r) => [r.kind, r.id, r.direction])).toEqual([
    ['relocationSite', '甲点', 'covered'],
    ['relocationSite', '同名点', 'uncovered'],
  ]);
  expect(sites.matching).toEqual({ added: 0, dropped: 0, statusUnknown: 0 });

  const scenicOlder = places([
    { name: '黄果树', level: '5A', reported: NO },
    { name: '小景区', level: '3A', reported: NO },
  ]);
  const scenicNewer = places([
    { name: '黄果树', level: '5A', reported: YES },
    { name: '小景区', level: '3A', reported: YES },
    { name: '新4A', level: '4A', reported: YES },
  ]);
  const scenic = compareVintages(
    areas,
    { scenicAreas: scenicOlder },
    { scenicAreas: scenicNewer },
    loadedWith({}),
    2025,
  );
  expect(scenic.rows.map((r) => [r.kind, r.id, r.direction])).toEqual([['scenicArea', '黄果树', 'covered']]);
  expect(scenic.matching).toEqual({ added: 1, dropped: 0, statusUnknown: 0 });
});

test('datasets of plain points or of different layers are refused, and the refusal survives a worker boundary', () => {
  expect(vintageLayerOf({ name: 'a', layer: 'stations5g' }, { name: 'b', layer: 'stations' })).toBe(
    'stations',
  );
  expect(() => vintageLayerOf({ name: 'a', layer: 'villages' }, { name: 'b', layer: 'points' })).toThrow(
    /^points: "b"/,
  );
  let caught: unknown;
  try {
    vintageLayerOf({ name: 'a', layer: 'villages' }, { name: 'b', layer: 'relocationSites' });
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(VintageError);
  // As comlink rebuilds it on the page: a plain Error with the name and message.
  const { name, message, stack } = caught as Error;
  expect(vintageRefusalOf(Object.assign(new Error(message), { name, message, stack }))).toBe(
    'different-layers',
  );
  expect(vintageRefusalOf(new Error('different-layers: not ours'))).toBeNull();
});

test('the default pair is the two most recent datasets of one kind; plain points never pair', () => {
  const d = (id: string, layer: string, day: number) => ({
    id,
    layer,
    importedAt: `2026-0${day}-01T00:00:00.000Z`,
  });
  const datasets = [
    d('v1', 'villages', 1),
    d('s1', 'stations5g', 2),
    d('p1', 'points', 3),
    d('v2', 'villages', 4),
    d('p2', 'points', 5),
    d('s2', 'stations5g', 6),
    d('s3', 'stations4g', 7),
  ];
  const pair = defaultVintagePair(datasets);
  expect([pair?.older.id, pair?.newer.id]).toEqual(['s1', 's2']);
  expect(defaultVintagePair([d('p1', 'points', 1), d('p2', 'points', 2), d('v1', 'villages', 3)])).toBeNull();
});
