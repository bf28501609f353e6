import { expect, test } from 'vitest';
import type { AreaIndex } from '../areas';
import { stationId } from '../sample/stations';
import {
  STATUS_NO,
  STATUS_UNKNOWN,
  STATUS_YES_UNDATED,
  UNKNOWN_CATEGORY,
  type LayerSource,
} from './encoding';
import { inspectRow, villageBounds, villageRowsWithCode, type InspectInputs } from './inspect';
import type { PlaceLayer } from './places';
import type { StationLayer } from './stationColumns';
import type { VillageLayer } from './villages';

const county = (adcode: string, name: string, prefectureAdcode: string, prefectureName: string) => ({
  adcode,
  name,
  prefectureAdcode,
  prefectureName,
  population2020: 1,
  populationSource: 'census' as const,
  areaKm2: 1,
  seat: [106, 26] as [number, number],
  bounds: [105, 25, 107, 27] as [number, number, number, number],
});
const AREAS: AreaIndex = {
  counties: [county('520122', '息烽县', '520100', '贵阳市'), county('520402', '西秀区', '520400', '安顺市')],
  prefectures: [],
  neighbours: [],
};
const SAMPLE = { kind: 'sample' as const, name: '示例数据' };
const DATASET = { kind: 'dataset' as const, name: '村级状态表', datasetId: 'd1' };

function villages(): VillageLayer {
  return {
    code: ['520122100201', '520122100202', '520402001001'],
    name: ['甲村', '乙村', '丙村'],
    county: Int16Array.of(0, 0, 1),
    lon: Float64Array.of(106.7, 106.8, NaN),
    lat: Float64Array.of(27.1, 27.2, NaN),
    status: {
      fiber: Int16Array.of(2017, STATUS_YES_UNDATED, STATUS_NO),
      gigabit: Int16Array.of(STATUS_NO, STATUS_UNKNOWN, STATUS_NO),
      fourG: Int16Array.of(STATUS_UNKNOWN, STATUS_UNKNOWN, STATUS_UNKNOWN),
      fiveG: Int16Array.of(2023, 2021, STATUS_UNKNOWN),
    },
    source: DATASET,
  };
}

function stations(source: LayerSource = SAMPLE): StationLayer {
  return {
    lon: Float64Array.of(106.7, 106.71, 106.72, 105.9),
    lat: Float64Array.of(27.1, 27.1, 27.1, 26.2),
    bandClass: new Uint8Array(4),
    buildYear: Int16Array.of(2020, 2021, 0, 2022),
    county: Int16Array.of(0, 0, 0, 1),
    technology: Uint8Array.of(0, 1, 0, 0),
    operator: Uint8Array.of(0, 1, UNKNOWN_CATEGORY, 0),
    operators: ['中国移动', '中国电信'],
    band: Uint8Array.of(0, 1, UNKNOWN_CATEGORY, 0),
    bands: ['n41', 'B3'],
    source,
  };
}

function places(level: string[], population: number[]): PlaceLayer {
  return {
    key: ['A', 'B'],
    name: ['甲安置点', '乙景区'],
    county: Int16Array.of(0, 1),
    lon: Float64Array.of(106.7, 105.9),
    lat: Float64Array.of(27.1, 26.2),
    approximate: Uint8Array.of(0, 1),
    reported: Int16Array.of(2022, STATUS_NO),
    population: Float64Array.from(population),
    level,
    source: SAMPLE,
  };
}

function inputs(overrides: Partial<InspectInputs> = {}): InspectInputs {
  return {
    areas: AREAS,
    layers: {
      villages: villages(),
      stations: stations(),
      relocationSites: places(['', ''], [1200, NaN]),
      scenicAreas: places(['5A', '3A'], [NaN, NaN]),
    },
    modelled: {
      villages5g: Int16Array.of(2024, 0, 0),
      villages4g: Int16Array.of(2019, 2019, 0),
      relocationSites5g: Int16Array.of(2021, 0),
      scenicAreas5g: Int16Array.of(0, 2025),
    },
    stationRadiiMeters: Float32Array.of(850.4, 1200, 900, 1500),
    townshipNames: new Map([['520122100', '永靖镇']]),
    asOfYear: 2022,
    nearest5gMeters: (lon) => (lon > 106 ? 420.6 : Infinity),
    ...overrides,
  };
}

test('a village: names of its township, county and prefecture, each status as of the year with its year, modelled years', () => {
  const found = inspectRow(inputs(), 'villages', 0)!;
  expect(found).toMatchObject({
    layer: 'villages',
    row: 0,
    asOfYear: 2022,
    name: '甲村',
    code: '520122100201',
    lon: 106.7,
    lat: 27.1,
    township: { code: '520122100', name: '永靖镇' },
    county: { adcode: '520122', name: '息烽县' },
    prefecture: { adcode: '520100', name: '贵阳市' },
    source: DATASET,
  });
  expect(found.statuses).toEqual([
    { key: 'fiber', value: 'yes', sinceYear: 2017 },
    { key: 'gigabit', value: 'no', sinceYear: null },
    { key: 'fourG', value: 'unknown', sinceYear: null },
    // Yes only from 2023: "no" as of 2022, with the year it turns.
    { key: 'fiveG', value: 'no', sinceYear: 2023 },
  ]);
  expect(found.modelled).toEqual([
    { technology: '5G', firstYear: 2024, coveredAsOf: false },
    { technology: '4G', firstYear: 2019, coveredAsOf: true },
  ]);
});

test('the same village a year later reads yes; a township missing from the names keeps its code', () => {
  const later = inspectRow(inputs({ asOfYear: 2024, townshipNames: new Map() }), 'villages', 0)!;
  expect(later.statuses.find((s) => s.key === 'fiveG')).toEqual({
    key: 'fiveG',
    value: 'yes',
    sinceYear: 2023,
  });
  expect(later.modelled[0].coveredAsOf).toBe(true);
  expect(later.township).toEqual({ code: '520122100', name: null });
});

test('a village without a position has null coordinates; undated yes has no year; never modelled is null', () => {
  const second = inspectRow(inputs(), 'villages', 1)!;
  expect(second.statuses[0]).toEqual({ key: 'fiber', value: 'yes', sinceYear: null });
  expect(second.modelled[0]).toEqual({ technology: '5G', firstYear: null, coveredAsOf: false });
  const third = inspectRow(inputs(), 'villages', 2)!;
  expect([third.lon, third.lat]).toEqual([null, null]);
  expect(third.county?.name).toBe('西秀区');
});

test('a sample station: operator, band, technology, build year, radius, and the id the sample’s CSV gives it', () => {
  const first = inspectRow(inputs(), 'stations', 0)!;
  expect(first.station).toEqual({
    operator: '中国移动',
    band: 'n41',
    technology: '5G',
    buildYear: 2020,
    radiusMeters: 850,
  });
  expect(first.code).toBe('S5G-520122-00001');
  expect(first.statuses).toEqual([]);
  expect(first.modelled).toEqual([]);
  // Serials count within technology and county: the third row is 息烽's second 5G station.
  const third = inspectRow(inputs(), 'stations', 2)!;
  expect(third.code).toBe(
    stationId(
      { technology: Uint8Array.of(0), county: Int16Array.of(0), serial: Uint32Array.of(2) },
      AREAS.counties,
      0,
    ),
  );
  expect(third.station).toMatchObject({ operator: null, band: null, buildYear: null });
  expect(inspectRow(inputs(), 'stations', 1)!.station).toMatchObject({
    technology: '4G',
    operator: '中国电信',
  });
  expect(inspectRow(inputs(), 'stations', 3)!.code).toBe('S5G-520402-00001');
});

test('a station of a dataset has no derived id; radii of another length are not trusted', () => {
  const found = inspectRow(
    inputs({
      layers: { stations: stations(DATASET) },
      stationRadiiMeters: new Float32Array(2),
    }),
    'stations',
    0,
  )!;
  expect(found.code).toBe('');
  expect(found.source).toEqual(DATASET);
  expect(found.station?.radiusMeters).toBeNull();
});

test('a relocation site: relocated residents, reported coverage, modelled year and the nearest 5G station', () => {
  const found = inspectRow(inputs(), 'relocationSites', 0)!;
  expect(found).toMatchObject({
    name: '甲安置点',
    population: 1200,
    approximate: false,
    nearest5gMeters: 421,
    statuses: [{ key: 'covered', value: 'yes', sinceYear: 2022 }],
    modelled: [{ technology: '5G', firstYear: 2021, coveredAsOf: true }],
  });
  expect(found.level).toBeUndefined();
  expect(inspectRow(inputs(), 'relocationSites', 1)!.population).toBeNull();
});

test('a scenic area: its grade, whether the plan counts it, approximate position, no station in reach', () => {
  const fiveA = inspectRow(inputs(), 'scenicAreas', 0)!;
  expect(fiveA).toMatchObject({ level: '5A', graded: true });
  expect(fiveA.population).toBeUndefined();
  const threeA = inspectRow(inputs(), 'scenicAreas', 1)!;
  expect(threeA).toMatchObject({ level: '3A', graded: false, approximate: true, nearest5gMeters: null });
  expect(threeA.statuses).toEqual([{ key: 'covered', value: 'no', sinceYear: null }]);
});

test('a row that is not there, or a layer not loaded, inspects as null', () => {
  expect(inspectRow(inputs(), 'villages', 3)).toBeNull();
  expect(inspectRow(inputs(), 'villages', -1)).toBeNull();
  expect(inspectRow(inputs(), 'villages', 0.5)).toBeNull();
  expect(inspectRow(inputs({ layers: {} }), 'stations', 0)).toBeNull();
});

test('villages by code, and the bounds of the placed villages under a division code', () => {
  const layer = villages();
  expect(villageRowsWithCode(layer, '520122100202')).toEqual([1]);
  expect(villageRowsWithCode(layer, '520122100')).toEqual([]);
  expect(villageBounds(layer, '520122100')).toEqual([106.7, 27.1, 106.8, 27.2]);
  // 丙村 has no position: its township has no bounds.
  expect(villageBounds(layer, '520402001')).toBeNull();
});
