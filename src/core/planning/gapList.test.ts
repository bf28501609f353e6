import { expect, test } from 'vitest';
import { buildPointGrid, haversineMeters } from '../coverage/stationGrid';
import {
  STATUS_NO as NO,
  STATUS_UNKNOWN as UNKNOWN,
  STATUS_YES_UNDATED as YES,
  type PlaceLayer,
  type VillageLayer,
} from '../layers/types';
import {
  countiesOfArea,
  filterGapRows,
  findGapRows,
  isDisagreement,
  sortGapRows,
  type GapListInput,
  type GapRow,
} from './gapList';

const source = { kind: 'sample', name: 'test' } as const;
const counties = [
  { adcode: '520101', name: '甲县' },
  { adcode: '520102', name: '乙县' },
];

// One 5G station at (106, 26) and one 4G station at (106.1, 26); targets placed around them.
const stationLon = Float64Array.of(106, 106.1),
  stationLat = Float64Array.of(26, 26);
const grids = () => ({
  fiveG: buildPointGrid(stationLon, stationLat, 2000, Uint8Array.of(1, 0)),
  fourG: buildPointGrid(stationLon, stationLat, 2000, Uint8Array.of(0, 1)),
});

interface VillageRow {
  code: string;
  county: number;
  lon: number;
  lat?: number;
  fiveG: number;
}
function villages(rows: VillageRow[]): VillageLayer {
  const unknown = () => new Int16Array(rows.length).fill(UNKNOWN);
  return {
    code: rows.map((r) => r.code),
    name: rows.map((r) => `村${r.code.slice(-3)}`),
    county: Int16Array.from(rows, (r) => r.county),
    lon: Float64Array.from(rows, (r) => r.lon),
    lat: Float64Array.from(rows, (r) => r.lat ?? 26),
    status: {
      fiber: unknown(),
      gigabit: unknown(),
      fourG: unknown(),
      fiveG: Int16Array.from(rows, (r) => r.fiveG),
    },
    source,
  };
}

function places(
  rows: Array<{
    name: string;
    county: number;
    lon: number;
    reported: number;
    population?: number;
    level?: string;
    approximate?: boolean;
  }>,
): PlaceLayer {
  return {
    key: rows.map((r) => r.name),
    name: rows.map((r) => r.name),
    county: Int16Array.from(rows, (r) => r.county),
    lon: Float64Array.from(rows, (r) => r.lon),
    lat: new Float64Array(rows.length).fill(26),
    approximate: Uint8Array.from(rows, (r) => (r.approximate ? 1 : 0)),
    reported: Int16Array.from(rows, (r) => r.reported),
    population: Float64Array.from(rows, (r) => r.population ?? NaN),
    level: rows.map((r) => r.level ?? ''),
    source,
  };
}

const input = (overrides: Partial<GapListInput>): GapListInput => ({
  layers: {},
  modelled: {},
  counties,
  scope: { counties: new Set([0, 1]) },
  asOfYear: 2025,
  stations: grids(),
  ...overrides,
});
const byCode = (rows: GapRow[]) => Object.fromEntries(rows.map((row) => [row.code || row.name, row.reasons]));

test('a village is listed with every reason that applies, and a covered, reported one is not', () => {
  const layer = villages([
    { code: '520101001001', county: 0, lon: 106, fiveG: 2022 }, // reported yes, modelled yes: no gap
    { code: '520101001002', county: 0, lon: 106.5, fiveG: NO }, // neither: no station in radius
    { code: '520101001003', county: 0, lon: 106.5, fiveG: 2021 }, // reported yes, modelled no
    { code: '520101001004', county: 0, lon: 106, fiveG: NO }, // reported no, modelled yes
    { code: '520101001005', county: 0, lon: 106, fiveG: UNKNOWN }, // modelled yes, not reported
    { code: '520101001006', county: 0, lon: 106.5, fiveG: UNKNOWN }, // modelled no, not reported
  ]);
  const rows = findGapRows(
    input({
      layers: { villages: layer },
      modelled: { villages5g: Int16Array.of(2020, 0, 0, 2020, 2020, 0) },
    }),
  );
  expect(byCode(rows)).toEqual({
    '520101001002': ['noStationInRadius'],
    '520101001003': ['reportedYesModelledNo', 'noStationInRadius'],
    '520101001004': ['reportedNoModelledYes'],
    '520101001005': ['reportedMissing'],
    '520101001006': ['noStationInRadius', 'reportedMissing'],
  });
  expect(rows.filter(isDisagreement).map((row) => row.code)).toEqual(['520101001003', '520101001004']);
  expect(rows[0]).toMatchObject({
    kind: 'village',
    townshipCode: '520101001',
    countyAdcode: '520101',
    countyName: '甲县',
    reported: 'no',
    modelled: 'notCovered',
    population: NaN,
  });
});

test('reported and modelled status are taken as of the year', () => {
  const layer = villages([{ code: '520101001001', county: 0, lon: 106, fiveG: 2024 }]);
  const modelled = { villages5g: Int16Array.of(2023) };
  expect(byCode(findGapRows(input({ layers: { villages: layer }, modelled, asOfYear: 2023 })))).toEqual({
    '520101001001': ['reportedNoModelledYes'],
  });
  expect(findGapRows(input({ layers: { villages: layer }, modelled, asOfYear: 2024 }))).toEqual([]);
  expect(byCode(findGapRows(input({ layers: { villages: layer }, modelled, asOfYear: 2022 })))).toEqual({
    '520101001001': ['noStationInRadius'],
  });
});

test('distances are to the nearest 5G and 4G station, Infinity without one and NaN without a position', () => {
  const layer = villages([
    { code: '520101001001', county: 0, lon: 106, lat: 26.01, fiveG: NO },
    { code: '520101001002', county: 0, lon: NaN, lat: NaN, fiveG: NO },
    { code: '520101001003', county: 0, lon: NaN, lat: NaN, fiveG: YES },
  ]);
  const [row, unplaced, ...rest] = findGapRows(
    input({ layers: { villages: layer }, modelled: { villages5g: Int16Array.of(0, 0, 0) } }),
  );
  expect(row.nearest5gMeters).toBe(haversineMeters(106, 26.01, 106, 26));
  expect(row.nearest4gMeters).toBe(haversineMeters(106, 26.01, 106.1, 26));
  // Not placed: the model cannot judge it; listed unless reported covered.
  expect(unplaced).toMatchObject({
    reasons: ['noPosition'],
    modelled: 'unknown',
    nearest5gMeters: NaN,
    lon: NaN,
  });
  expect(rest).toEqual([]);
  const empty = {
    fiveG: buildPointGrid(new Float64Array(0), new Float64Array(0)),
    fourG: buildPointGrid(new Float64Array(0), new Float64Array(0)),
  };
  const [alone] = findGapRows(
    input({ layers: { villages: layer }, modelled: { villages5g: Int16Array.of(0, 0, 0) }, stations: empty }),
  );
  expect(alone).toMatchObject({
    nearest5gMeters: Infinity,
    nearest4gMeters: Infinity,
    reasons: ['noStationInRadius'],
  });
});

test('relocation sites carry population; only 4A and 5A scenic areas are listed', () => {
  const relocationSites = places([
    { name: '安置点', county: 1, lon: 106.5, reported: NO, population: 2900, approximate: true },
  ]);
  const scenicAreas = places([
    { name: '五A', county: 1, lon: 106.5, reported: NO, level: '5A' },
    { name: '四A拟', county: 1, lon: 106.5, reported: NO, level: '4A (proposed)' },
    { name: '三A', county: 1, lon: 106.5, reported: NO, level: '3A (per source)' },
    { name: '红色', county: 1, lon: 106.5, reported: NO, level: 'red-tourism' },
  ]);
  const rows = findGapRows(
    input({
      layers: { relocationSites, scenicAreas },
      modelled: { relocationSites5g: Int16Array.of(0), scenicAreas5g: new Int16Array(4) },
    }),
  );
  expect(rows.map((row) => [row.kind, row.name, row.level])).toEqual([
    ['relocationSite', '安置点', ''],
    ['scenicArea', '五A', '5A'],
    ['scenicArea', '四A拟', '4A (proposed)'],
  ]);
  expect(rows[0]).toMatchObject({
    population: 2900,
    approximate: true,
    code: '',
    townshipCode: '',
    countyAdcode: '520102',
  });
});

test('a county scope keeps its counties, placed or not; a box keeps what lies in it, edges included', () => {
  const layer = villages([
    { code: '520101001001', county: 0, lon: 106.5, fiveG: NO },
    { code: '520102001001', county: 1, lon: 106.2, fiveG: NO },
    { code: '520101001002', county: 0, lon: NaN, lat: NaN, fiveG: NO },
    { code: '520102001002', county: -1, lon: 107, fiveG: NO },
  ]);
  const run = (scope: GapListInput['scope']) =>
    findGapRows(
      input({ layers: { villages: layer }, modelled: { villages5g: new Int16Array(4) }, scope }),
    ).map((row) => row.code);
  expect(run({ counties: new Set([0]) })).toEqual(['520101001001', '520101001002']);
  expect(run({ bounds: [106.2, 25.9, 107, 26.1] })).toEqual(['520101001001', '520102001001', '520102001002']);
  expect(
    findGapRows(
      input({
        layers: { villages: layer },
        modelled: { villages5g: new Int16Array(4) },
        scope: { bounds: [106.9, 25, 108, 27] },
      }),
    )[0],
  ).toMatchObject({ countyAdcode: '', countyName: '' });
});

test("an area code names a county, a prefecture's counties or the whole province", () => {
  const areas = {
    counties: [
      { adcode: '520101', prefectureAdcode: '520100' },
      { adcode: '520102', prefectureAdcode: '520100' },
      { adcode: '520201', prefectureAdcode: '520200' },
    ],
  } as never;
  expect([...countiesOfArea(areas, '520102')]).toEqual([1]);
  expect([...countiesOfArea(areas, '520100')]).toEqual([0, 1]);
  expect([...countiesOfArea(areas, '520000')]).toEqual([0, 1, 2]);
  expect([...countiesOfArea(areas, '510000')]).toEqual([]);
});

const row = (overrides: Partial<GapRow>): GapRow => ({
  kind: 'village',
  index: 0,
  code: '',
  name: '',
  countyAdcode: '520101',
  countyName: '',
  townshipCode: '',
  lon: 106,
  lat: 26,
  approximate: false,
  reported: 'no',
  modelled: 'notCovered',
  reasons: ['noStationInRadius'],
  nearest5gMeters: 0,
  nearest4gMeters: 0,
  population: NaN,
  level: '',
  ...overrides,
});

test('sorting by distance keeps rows without a position last both ways; ties go by county, kind and index', () => {
  const rows = [
    row({ index: 0, nearest5gMeters: 500 }),
    row({ index: 1, nearest5gMeters: NaN }),
    row({ index: 2, nearest5gMeters: Infinity }),
    row({ index: 3, nearest5gMeters: 500, countyAdcode: '520100' }),
    row({ index: 4, nearest5gMeters: 20 }),
  ];
  expect(sortGapRows(rows, { key: 'nearest5g', descending: true }).map((r) => r.index)).toEqual([
    2, 3, 0, 4, 1,
  ]);
  expect(sortGapRows(rows, { key: 'nearest5g', descending: false }).map((r) => r.index)).toEqual([
    4, 3, 0, 2, 1,
  ]);
  expect(rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
});

test('names sort by pinyin; reasons put disagreements first; population puts unknown last', () => {
  const rows = [
    row({ index: 0, name: '张村', reasons: ['noStationInRadius'], population: 10 }),
    row({ index: 1, name: '安村', reasons: ['reportedNoModelledYes'], population: NaN }),
    row({ index: 2, name: '李村', reasons: ['reportedYesModelledNo', 'noStationInRadius'], population: 300 }),
  ];
  expect(sortGapRows(rows, { key: 'name', descending: false }).map((r) => r.name)).toEqual([
    '安村',
    '李村',
    '张村',
  ]);
  expect(sortGapRows(rows, { key: 'reasons', descending: false }).map((r) => r.index)).toEqual([2, 1, 0]);
  expect(sortGapRows(rows, { key: 'population', descending: true }).map((r) => r.index)).toEqual([2, 0, 1]);
});

test('filters by kind and by reason', () => {
  const rows = [
    row({ index: 0 }),
    row({ index: 1, kind: 'scenicArea', reasons: ['reportedMissing'] }),
    row({ index: 2, reasons: ['reportedNoModelledYes'] }),
  ];
  expect(filterGapRows(rows, { kind: 'village' }).map((r) => r.index)).toEqual([0, 2]);
  expect(filterGapRows(rows, { reason: 'reportedMissing' }).map((r) => r.index)).toEqual([1]);
  expect(filterGapRows(rows, { kind: 'village', reason: 'reportedMissing' })).toEqual([]);
  expect(filterGapRows(rows, {})).toHaveLength(3);
});
