import fc from 'fast-check';
import { expect, test } from 'vitest';
import { filteredStations, NO_STATION_FILTER, stationFilterMask, type StationFilter } from './stationFilter';
import { UNKNOWN_CATEGORY as UNKNOWN, type StationLayer } from './types';

const OPERATORS = ['中国移动', '中国电信', '中国联通'];
const BANDS = ['n78', 'n28', 'B3'];

interface Row {
  operator: number;
  band: number;
  buildYear: number;
}

function stationLayer(rows: Row[]): StationLayer {
  return {
    lon: Float64Array.from(rows, (_, i) => 106 + i),
    lat: Float64Array.from(rows, () => 26),
    bandClass: Uint8Array.from(rows, (r) => r.band),
    buildYear: Int16Array.from(rows, (r) => r.buildYear),
    county: new Int16Array(rows.length),
    technology: new Uint8Array(rows.length),
    operator: Uint8Array.from(rows, (r) => r.operator),
    operators: OPERATORS,
    band: Uint8Array.from(rows, (r) => r.band),
    bands: BANDS,
    source: { kind: 'sample', name: 'test' },
  };
}

// 移动 n78 2019, 电信 n78 2021, 联通 n28 2023, unknown operator n78 2020, 移动 unknown band
// unknown year, 电信 B3 2026 (after the as-of year of most tests).
const sixStations = () =>
  stationLayer([
    { operator: 0, band: 0, buildYear: 2019 },
    { operator: 1, band: 0, buildYear: 2021 },
    { operator: 2, band: 1, buildYear: 2023 },
    { operator: UNKNOWN, band: 0, buildYear: 2020 },
    { operator: 0, band: UNKNOWN, buildYear: 0 },
    { operator: 1, band: 2, buildYear: 2026 },
  ]);
const mask = (filter: Partial<StationFilter>, asOfYear = 2025) =>
  Array.from(stationFilterMask(sixStations(), { ...NO_STATION_FILTER, ...filter }, asOfYear));

test('no filter keeps every station on air by the as-of year, unknown operator and band included', () => {
  expect(mask({})).toEqual([1, 1, 1, 1, 1, 0]);
});

test('an operator list keeps those operators only; a station without operator then drops out', () => {
  expect(mask({ operators: ['中国电信'] })).toEqual([0, 1, 0, 0, 0, 0]);
  expect(mask({ operators: ['中国移动', '中国联通'] })).toEqual([1, 0, 1, 0, 1, 0]);
});

test('a band list keeps those bands only; a station without band then drops out', () => {
  expect(mask({ bands: ['n78'] })).toEqual([1, 1, 0, 1, 0, 0]);
});

test('operator and band lists both apply', () => {
  expect(mask({ operators: ['中国移动', '中国电信'], bands: ['n78'] })).toEqual([1, 1, 0, 0, 0, 0]);
});

test('fromYear is inclusive, and a station of unknown build year passes any year range', () => {
  expect(mask({ fromYear: 2021 })).toEqual([0, 1, 1, 0, 1, 0]);
  expect(mask({ fromYear: 2024 })).toEqual([0, 0, 0, 0, 1, 0]);
});

test('the as-of year is inclusive and the unknown build year passes it too', () => {
  expect(mask({}, 2018)).toEqual([0, 0, 0, 0, 1, 0]);
  expect(mask({}, 2021)).toEqual([1, 1, 0, 1, 1, 0]);
});

test('a name the file does not have keeps nothing (but the list is not empty, so it filters)', () => {
  expect(mask({ operators: ['中国广电'] })).toEqual([0, 0, 0, 0, 0, 0]);
});

test('the mask matches a brute-force filter for random stations and filters', () => {
  const code = (count: number) => fc.oneof(fc.integer({ min: 0, max: count - 1 }), fc.constant(UNKNOWN));
  const row = fc.record({
    operator: code(OPERATORS.length),
    band: code(BANDS.length),
    buildYear: fc.oneof(fc.constant(0), fc.integer({ min: 2015, max: 2027 })),
  });
  const filter = fc.record({
    operators: fc.subarray(OPERATORS),
    bands: fc.subarray(BANDS),
    fromYear: fc.oneof(fc.constant(0), fc.integer({ min: 2015, max: 2027 })),
  });
  fc.assert(
    fc.property(
      fc.array(row, { maxLength: 40 }),
      filter,
      fc.integer({ min: 2015, max: 2027 }),
      (rows, f, asOfYear) => {
        const expected = rows.map((r) => {
          const operatorName = r.operator === UNKNOWN ? undefined : OPERATORS[r.operator];
          const bandName = r.band === UNKNOWN ? undefined : BANDS[r.band];
          const operatorOk =
            f.operators.length === 0 || (operatorName !== undefined && f.operators.includes(operatorName));
          const bandOk = f.bands.length === 0 || (bandName !== undefined && f.bands.includes(bandName));
          const yearOk =
            r.buildYear === 0 || (r.buildYear <= asOfYear && (f.fromYear === 0 || r.buildYear >= f.fromYear));
          return operatorOk && bandOk && yearOk ? 1 : 0;
        });
        expect(Array.from(stationFilterMask(stationLayer(rows), f, asOfYear))).toEqual(expected);
      },
    ),
  );
});

test('filteredStations keeps the passing stations in order with their radii, whatever their build year', () => {
  const { columns, radiiMeters } = filteredStations(
    sixStations(),
    Float32Array.of(100, 200, 300, 400, 500, 600),
    { ...NO_STATION_FILTER, operators: ['中国电信'] },
  );
  expect(Array.from(columns.lon)).toEqual([107, 111]);
  expect(Array.from(columns.buildYear)).toEqual([2021, 2026]);
  expect(Array.from(columns.bandClass)).toEqual([0, 2]);
  expect(Array.from(radiiMeters)).toEqual([200, 600]);
});
