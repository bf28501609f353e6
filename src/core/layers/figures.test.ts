import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { AreaIndex } from '../areas';
import { UNKNOWN_CATEGORY } from './encoding';
import { computeAreaFigures, FIGURES, type Figure, type FigureInputs, type FigureTable } from './figures';
import { stationFilterMask } from './stationFilter';
import {
  STATUS_NO as NO,
  STATUS_UNKNOWN as UNKNOWN,
  STATUS_YES_UNDATED as YES,
  type PlaceLayer,
  type StationLayer,
  type VillageLayer,
} from './types';

// Two prefectures, three counties: 520101 and 520102 in 520100, 520201 in 520200. Only the
// fields the figures read. Rows of a table: the three counties, the two prefectures, the province.
const areas = () =>
  ({
    counties: [
      { adcode: '520101', prefectureAdcode: '520100' },
      { adcode: '520102', prefectureAdcode: '520100' },
      { adcode: '520201', prefectureAdcode: '520200' },
    ],
    prefectures: [{ adcode: '520100' }, { adcode: '520200' }],
    neighbours: [],
  }) as unknown as AreaIndex;

const source = { kind: 'sample', name: 'test' } as const;

function stationLayer(rows: Array<{ county: number; technology: number }>): StationLayer {
  const n = rows.length;
  return {
    lon: new Float64Array(n).fill(106),
    lat: new Float64Array(n).fill(26),
    bandClass: new Uint8Array(n),
    buildYear: new Int16Array(n).fill(2020),
    county: Int16Array.from(rows, (r) => r.county),
    technology: Uint8Array.from(rows, (r) => r.technology),
    operator: new Uint8Array(n),
    operators: ['中国移动'],
    band: new Uint8Array(n),
    bands: ['n78'],
    source,
  };
}

interface VillageRow {
  code: string;
  county: number;
  lon?: number;
  fiber?: number;
  gigabit?: number;
  fourG?: number;
  fiveG?: number;
}
function villageLayer(rows: VillageRow[]): VillageLayer {
  const status = (pick: (r: VillageRow) => number | undefined) =>
    Int16Array.from(rows, (r) => pick(r) ?? UNKNOWN);
  return {
    code: rows.map((r) => r.code),
    name: rows.map((r) => `村${r.code}`),
    county: Int16Array.from(rows, (r) => r.county),
    lon: Float64Array.from(rows, (r) => r.lon ?? 106),
    lat: new Float64Array(rows.length).fill(26),
    status: {
      fiber: status((r) => r.fiber),
      gigabit: status((r) => r.gigabit),
      fourG: status((r) => r.fourG),
      fiveG: status((r) => r.fiveG),
    },
    source,
  };
}

function placeLayer(
  rows: Array<{ county: number; reported: number; population?: number; level?: string }>,
): PlaceLayer {
  const n = rows.length;
  return {
    key: rows.map((_, i) => `地${i}`),
    name: rows.map((_, i) => `地${i}`),
    county: Int16Array.from(rows, (r) => r.county),
    lon: new Float64Array(n).fill(106),
    lat: new Float64Array(n).fill(26),
    approximate: new Uint8Array(n),
    reported: Int16Array.from(rows, (r) => r.reported),
    population: Float64Array.from(rows, (r) => r.population ?? NaN),
    level: rows.map((r) => r.level ?? ''),
    source,
  };
}

const figures = (inputs: Partial<FigureInputs>): FigureTable =>
  computeAreaFigures(areas(), { layers: {}, modelled: {}, asOfYear: 2025, ...inputs });
const column = (table: FigureTable, figure: Figure) => Array.from(table.figures[figure]);

test('rows are the counties, then the prefectures, then the province', () => {
  expect(figures({}).adcodes).toEqual(['520101', '520102', '520201', '520100', '520200', '520000']);
});

test('rows follow the listed prefecture order, each summing its own counties', () => {
  const index = areas();
  index.prefectures.reverse();
  const table = computeAreaFigures(index, {
    layers: { villages: villageLayer([{ code: '520201001001', county: 2 }]) },
    modelled: {},
    asOfYear: 2025,
  });
  expect(table.adcodes.slice(3)).toEqual(['520200', '520100', '520000']);
  expect(column(table, 'villages')).toEqual([0, 0, 1, 1, 0, 1]);
});

test('stations passing the mask count as 5G or 4G in their county; outside Guizhou in no area', () => {
  const stations = stationLayer([
    { county: 0, technology: 0 },
    { county: 0, technology: 0 },
    { county: 1, technology: 1 },
    { county: 2, technology: 0 },
    { county: -1, technology: 0 },
    { county: 2, technology: 0 },
  ]);
  const table = figures({ layers: { stations }, stationMask: Uint8Array.of(1, 1, 1, 0, 1, 1) });
  expect(column(table, 'stations5g')).toEqual([2, 0, 1, 2, 1, 3]);
  expect(column(table, 'stations4g')).toEqual([0, 1, 0, 1, 0, 1]);
});

test('5G stations at 2020 follow their own mask; 4G stations never count there', () => {
  const stations = stationLayer([
    { county: 0, technology: 0 },
    { county: 0, technology: 0 },
    { county: 1, technology: 1 },
    { county: 2, technology: 0 },
  ]);
  const table = figures({
    layers: { stations },
    stationMask: Uint8Array.of(1, 1, 1, 1),
    stationMaskAt2020: Uint8Array.of(1, 0, 1, 1),
  });
  expect(column(table, 'stations5gAt2020')).toEqual([1, 0, 1, 1, 1, 2]);
});

test('without a station mask no station is counted', () => {
  const table = figures({ layers: { stations: stationLayer([{ county: 0, technology: 0 }]) } });
  expect(column(table, 'stations5g')).toEqual([0, 0, 0, 0, 0, 0]);
});

test("unknown statuses are left out of a share's denominator, not counted as no", () => {
  const villages = villageLayer([
    { code: '520101001001', county: 0, fiveG: 2021 },
    { code: '520101001002', county: 0, fiveG: UNKNOWN },
    { code: '520101001003', county: 0, fiveG: NO },
    { code: '520101001004', county: 0, fiveG: YES },
    { code: '520101001005', county: 0, fiveG: 2024 },
  ]);
  const asOf2022 = figures({ layers: { villages }, asOfYear: 2022 });
  expect([asOf2022.figures.fiveG[0], asOf2022.figures.fiveGKnown[0]]).toEqual([2, 4]);
  const asOf2025 = figures({ layers: { villages }, asOfYear: 2025 });
  expect([asOf2025.figures.fiveG[0], asOf2025.figures.fiveGKnown[0]]).toEqual([3, 4]);
});

test('each village status is counted on its own', () => {
  const villages = villageLayer([
    { code: '520102001001', county: 1, fiber: 2015, gigabit: 2023, fourG: UNKNOWN, fiveG: NO },
    { code: '520102001002', county: 1, fiber: YES, gigabit: UNKNOWN, fourG: YES, fiveG: 2026 },
  ]);
  const f = figures({ layers: { villages }, asOfYear: 2025 }).figures;
  const county = (names: Figure[]) => names.map((name) => f[name][1]);
  expect(
    county(['fiber', 'fiberKnown', 'gigabit', 'gigabitKnown', 'fourG', 'fourGKnown', 'fiveG', 'fiveGKnown']),
  ).toEqual([2, 2, 1, 1, 1, 1, 0, 2]);
});

test('villages without a position count in their area but not among those with a position', () => {
  const villages = villageLayer([
    { code: '520101001001', county: 0 },
    { code: '520101001002', county: 0, lon: NaN },
    { code: '520201001001', county: 2, lon: NaN },
  ]);
  const table = figures({ layers: { villages } });
  expect(column(table, 'villages')).toEqual([2, 0, 1, 2, 1, 3]);
  expect(column(table, 'villagesWithPosition')).toEqual([1, 0, 0, 1, 0, 1]);
});

test('a village is modelled covered from its first modelled year on; 0 is never', () => {
  const villages = villageLayer([
    { code: '520101001001', county: 0 },
    { code: '520101001002', county: 0 },
    { code: '520101001003', county: 0 },
  ]);
  const modelled = { villages5g: Int16Array.of(2021, 2024, 0), villages4g: Int16Array.of(2019, 0, 0) };
  const f = figures({ layers: { villages }, modelled, asOfYear: 2023 }).figures;
  expect([f.villagesModelled5g[0], f.villagesModelled4g[0]]).toEqual([1, 1]);
});

test('a township has 5G when any of its villages has; it is unknown when none of its villages is known', () => {
  // Township 001: one village with 5G. 002: known, none with 5G. 003: all unknown. 520102004 in the other county.
  const villages = villageLayer([
    { code: '520101001001', county: 0, fiveG: NO },
    { code: '520101001002', county: 0, fiveG: 2020 },
    { code: '520101002001', county: 0, fiveG: UNKNOWN },
    { code: '520101002002', county: 0, fiveG: NO },
    { code: '520101003001', county: 0, fiveG: UNKNOWN },
    { code: '520102004001', county: 1, fiveG: 2025 },
  ]);
  const table = figures({ layers: { villages }, asOfYear: 2022 });
  expect(column(table, 'townships')).toEqual([3, 1, 0, 4, 0, 4]);
  expect(column(table, 'townshipsKnown5g')).toEqual([2, 1, 0, 3, 0, 3]);
  expect(column(table, 'townships5g')).toEqual([1, 0, 0, 1, 0, 1]);
});

test('a township is modelled covered when any of its villages is, by the year', () => {
  const villages = villageLayer([
    { code: '520101001001', county: 0 },
    { code: '520101001002', county: 0 },
    { code: '520101002001', county: 0 },
    { code: '520101003001', county: 0 },
  ]);
  const table = figures({
    layers: { villages },
    modelled: { villages5g: Int16Array.of(0, 2021, 2024, 0) },
    asOfYear: 2022,
  });
  expect(column(table, 'townshipsModelled5g')).toEqual([1, 0, 0, 1, 0, 1]);
  expect(column(figures({ layers: { villages }, asOfYear: 2022 }), 'townshipsModelled5g')).toEqual([
    0, 0, 0, 0, 0, 0,
  ]);
});

test('relocation sites: reported among known statuses, modelled among all sites, residents where known', () => {
  const relocationSites = placeLayer([
    { county: 1, reported: 2020, population: 100 },
    { county: 1, reported: NO },
    { county: 1, reported: UNKNOWN, population: 50 },
    { county: 1, reported: YES, population: 10 },
    { county: -1, reported: YES, population: 1_000 },
  ]);
  const f = figures({
    layers: { relocationSites },
    modelled: { relocationSites5g: Int16Array.of(2019, 2019, 0, 2026, 2019) },
    asOfYear: 2025,
  }).figures;
  const names: Figure[] = [
    'relocationSites',
    'relocationKnown',
    'relocationReported',
    'relocationModelled',
    'relocatedPopulation',
    'relocatedPopulationModelled',
  ];
  expect(names.map((name) => f[name][1])).toEqual([4, 3, 2, 2, 160, 100]);
  expect(names.map((name) => f[name][5])).toEqual([4, 3, 2, 2, 160, 100]);
});

test('scenic areas: only 4A and 5A count', () => {
  const scenicAreas = placeLayer([
    { county: 2, reported: 2019, level: '5A' },
    { county: 2, reported: UNKNOWN, level: '4A' },
    { county: 2, reported: 2020, level: '3A' },
    { county: 2, reported: 2020, level: 'red-tourism' },
  ]);
  const f = figures({
    layers: { scenicAreas },
    modelled: { scenicAreas5g: Int16Array.of(2020, 2020, 2020, 2020) },
    asOfYear: 2025,
  }).figures;
  const names: Figure[] = ['scenicAreas', 'scenicKnown', 'scenicReported', 'scenicModelled'];
  expect(names.map((name) => f[name][2])).toEqual([2, 1, 1, 2]);
});

test('every figure of a prefecture is the sum of its counties, and the province the sum of all', () => {
  const stations = stationLayer([
    { county: 0, technology: 0 },
    { county: 1, technology: 1 },
    { county: 2, technology: 0 },
    { county: 2, technology: 1 },
  ]);
  const villages = villageLayer([
    { code: '520101001001', county: 0, fiber: 2015, fiveG: 2021 },
    { code: '520102001001', county: 1, fiber: YES, gigabit: NO },
    { code: '520201001001', county: 2, fiveG: NO, lon: NaN },
    { code: '520201002001', county: 2, gigabit: 2024, fiveG: 2024 },
  ]);
  const relocationSites = placeLayer([
    { county: 0, reported: 2021, population: 30 },
    { county: 2, reported: NO, population: 70 },
  ]);
  const scenicAreas = placeLayer([
    { county: 1, reported: YES, level: '5A' },
    { county: 2, reported: UNKNOWN, level: '4A' },
  ]);
  const table = figures({
    layers: { stations, villages, relocationSites, scenicAreas },
    stationMask: Uint8Array.of(1, 1, 1, 1),
    stationMaskAt2020: Uint8Array.of(1, 0, 0, 0),
    modelled: {
      villages5g: Int16Array.of(2020, 0, 2022, 2025),
      villages4g: Int16Array.of(2019, 2019, 0, 2019),
      relocationSites5g: Int16Array.of(2021, 0),
      scenicAreas5g: Int16Array.of(0, 2020),
    },
  });
  for (const name of FIGURES) {
    const [a, b, c, first, second, province] = column(table, name);
    expect([first, second, province], name).toEqual([a + b, c, a + b + c]);
  }
  expect(column(table, 'stations5g')).toEqual([1, 0, 1, 1, 1, 2]);
  expect(column(table, 'townships')).toEqual([1, 1, 2, 2, 2, 4]);
});

test('stations counted by their filter give the figures of the masks that filter makes', () => {
  const operators = ['中国移动', '中国电信'],
    bands = ['n78', 'n28'];
  const row = fc.record({
    county: fc.integer({ min: -1, max: 2 }),
    technology: fc.integer({ min: 0, max: 1 }),
    operator: fc.oneof(fc.integer({ min: 0, max: 1 }), fc.constant(UNKNOWN_CATEGORY)),
    band: fc.oneof(fc.integer({ min: 0, max: 1 }), fc.constant(UNKNOWN_CATEGORY)),
    buildYear: fc.oneof(fc.constant(0), fc.integer({ min: 2017, max: 2026 })),
  });
  const filter = fc.record({
    operators: fc.subarray([...operators, '中国广电']),
    bands: fc.subarray(bands),
    fromYear: fc.oneof(fc.constant(0), fc.integer({ min: 2017, max: 2026 })),
  });
  fc.assert(
    fc.property(
      fc.array(row, { maxLength: 30 }),
      filter,
      fc.integer({ min: 2017, max: 2026 }),
      (rows, f, asOfYear) => {
        const stations: StationLayer = {
          ...stationLayer(rows),
          operator: Uint8Array.from(rows, (r) => r.operator),
          operators,
          band: Uint8Array.from(rows, (r) => r.band),
          bands,
          buildYear: Int16Array.from(rows, (r) => r.buildYear),
        };
        const byMasks = figures({
          layers: { stations },
          asOfYear,
          stationMask: stationFilterMask(stations, f, asOfYear),
          stationMaskAt2020: stationFilterMask(stations, f, 2020),
        });
        expect(figures({ layers: { stations }, asOfYear, stationFilter: f })).toEqual(byMasks);
      },
    ),
  );
});
