import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { importContext } from '../../../test/fixtures/import/context';
import { parseCsv, type Table } from '../io/table';
import { FLAG_UNKNOWN } from './dataset';
import { haversineMeters, pointFromWgs84 } from './datum';
import { guessMapping, DATASET_KINDS, type DatasetKind } from './mapping';
import { validateRows } from './validate';

const context = importContext();
const csv = (text: string) => parseCsv(text, 'test.csv');
const run = (table: Table, layer: DatasetKind, datum = context.datum) =>
  validateRows(table, guessMapping(table.header, layer), layer, { ...context, datum });
const codes = (result: ReturnType<typeof run>) => result.rejected.map((r) => r.problems.map((p) => p.code));

// 南明区 (520102) and 花溪区 (520111) near their seats, WGS84.
const NANMING = '106.7122,26.5773';
const HUAXI = '106.6703,26.4097';

describe('stations', () => {
  test('a clean file is accepted whole, in columns', () => {
    const result = run(
      csv(
        `站号,名称,运营商,制式,频段,建成年份,经度,纬度,备注\nA,南明站,中国移动,5G,n41,2021,${NANMING},x\nB,花溪站,中国电信,LTE,B3,2016-05-01,${HUAXI},\n`,
      ),
      'stations',
    );
    expect(result.rejected).toEqual([]);
    const { accepted } = result;
    expect(accepted.rowCount).toBe(2);
    expect(Array.from(accepted.sourceRowNumbers)).toEqual([2, 3]);
    expect([...accepted.county].map((k) => context.countyAdcodes[k])).toEqual(['520102', '520111']);
    expect(accepted.categorical.technology.labels).toEqual(['5G', '4G']);
    expect(Array.from(accepted.categorical.technology.codes)).toEqual([0, 1]);
    expect(Array.from(accepted.numeric.buildYear)).toEqual([2021, 2016]);
    expect(accepted.text.id).toEqual(['A', 'B']);
    expect(accepted.extra).toEqual({ 备注: ['x', ''] });
  });
  test('each problem names the row and the column', () => {
    const result = run(
      csv(
        [
          '站号,制式,建成年份,经度,纬度',
          `A,5G,2021,${NANMING}`,
          'B,5G,2021,abc,26.5', // not a number
          'C,5G,2021,116.40,39.90', // Beijing
          'D,5G,2021,26.5773,106.7122', // swapped
          'E,5G,2021,,', // missing
          `A,5G,2021,${HUAXI}`, // duplicate of row 2
          `F,3G,1999,${HUAXI}`, // technology, year
          'G,5G,2021,500,26', // longitude out of range
        ].join('\n'),
      ),
      'stations',
    );
    expect(result.accepted.rowCount).toBe(1);
    expect(result.rejected.map((r) => r.problems)).toEqual([
      [{ code: 'not-a-number', row: 3, column: '经度', params: { value: 'abc' } }],
      [{ code: 'outside-guizhou', row: 4, column: '经度', params: { lon: '116.40', lat: '39.90' } }],
      [{ code: 'lat-lon-swapped', row: 5, column: '经度', params: { lon: '26.5773', lat: '106.7122' } }],
      [
        { code: 'missing-value', row: 6, column: '经度', params: { field: 'lon' } },
        { code: 'missing-value', row: 6, column: '纬度', params: { field: 'lat' } },
      ],
      [{ code: 'duplicate-id', row: 7, column: '站号', params: { value: 'A', firstRow: 2 } }],
      [
        { code: 'unknown-technology', row: 8, column: '制式', params: { value: '3G' } },
        {
          code: 'year-out-of-range',
          row: 8,
          column: '建成年份',
          params: { value: 1999, min: 2000, max: 2030 },
        },
      ],
      [
        {
          code: 'out-of-range',
          row: 9,
          column: '经度',
          params: { field: 'lon', value: '500', min: -180, max: 180 },
        },
      ],
    ]);
    expect(result.problems).toHaveLength(9);
  });
  test('1e309 is out of range, with its value and the range, not missing', () => {
    const result = run(csv('站号,经度,纬度\nA,1e309,26.5\nB,106.7,-1e309\nC,Infinity,26.5\n'), 'points');
    expect(result.rejected.map((r) => r.problems)).toEqual([
      [
        {
          code: 'out-of-range',
          row: 2,
          column: '经度',
          params: { field: 'lon', value: '1e309', min: -180, max: 180 },
        },
      ],
      [
        {
          code: 'out-of-range',
          row: 3,
          column: '纬度',
          params: { field: 'lat', value: '-1e309', min: -90, max: 90 },
        },
      ],
      [
        expect.objectContaining({
          code: 'out-of-range',
          params: expect.objectContaining({ value: 'Infinity' }),
        }),
      ],
    ]);
  });
  test('a 4G row in a 5G layer', () => {
    expect(codes(run(csv(`制式,经度,纬度\n4G,${NANMING}\n5G,${NANMING}\n`), 'stations5g'))).toEqual([
      ['technology-mismatch'],
    ]);
  });
  test('an unmapped required field is reported once and rejects every row', () => {
    const result = run(csv(`经度,纬度\n${NANMING}\n`), 'stations');
    expect(result.problems[0]).toEqual({ code: 'unmapped-field', params: { field: 'technology' } });
    expect(codes(result)).toEqual([['missing-value']]);
  });
  test('GCJ-02 input is converted to WGS84 before placing', () => {
    const [x, y] = pointFromWgs84(106.7122, 26.5773, 'gcj02');
    const { accepted } = run(csv(`lon,lat\n${x},${y}\n`), 'points', 'gcj02');
    expect(haversineMeters(accepted.lon[0], accepted.lat[0], 106.7122, 26.5773)).toBeLessThan(1);
  });
});

describe('villages', () => {
  const header = '村代码,村名,光纤,千兆,5G,统计日期,经度,纬度';
  test('a valid code without coordinates is accepted and placed by its code', () => {
    const { accepted, rejected } = run(
      csv(`${header}\n520102016001,纪念塔社区,是,否,,2024-06-30,,\n`),
      'villages',
    );
    expect(rejected).toEqual([]);
    expect(Number.isNaN(accepted.lon[0])).toBe(true);
    expect(context.countyAdcodes[accepted.county[0]]).toBe('520102');
    expect([accepted.flags.fiber[0], accepted.flags.gigabit[0], accepted.flags.has5g[0]]).toEqual([
      1,
      0,
      FLAG_UNKNOWN,
    ]);
    expect(accepted.text.statusDate).toEqual(['2024-06-30']);
  });
  test('codes: malformed, unknown, in another county than the point, duplicated; flags and dates', () => {
    const result = run(
      csv(
        [
          header,
          '52010201600,a,是,否,是,2024,,',
          '520102999999,b,是,否,是,2024,,',
          `520102016002,c,是,否,是,2024,${HUAXI}`,
          `520102016003,d,是,否,是,2024,${NANMING}`,
          '520102016003,e,可能,否,是,2024,,',
          '520102016004,f,是,否,是,2024-02-30,,',
          '520102016005,g,是,否,是,1990,106.7,',
        ].join('\n'),
      ),
      'villages',
    );
    expect(result.accepted.rowCount).toBe(1);
    expect(codes(result)).toEqual([
      ['invalid-village-code'],
      ['unknown-village-code'],
      ['village-county-mismatch'],
      ['not-yes-no', 'duplicate-id'],
      ['not-a-date'],
      ['year-out-of-range', 'missing-value'],
    ]);
    expect(result.rejected[2].problems[0].params).toEqual({
      value: '520102016002',
      codeCounty: '520102',
      pointCounty: '520111',
    });
  });
});

test('reader problems reject their rows (a polygon in a scenic-area GeoJSON)', () => {
  const table = {
    header: ['lon', 'lat', 'name', 'level'],
    rows: [
      ['105.66542', '25.99184', '黄果树', 'AAAAA'],
      ['', '', '梵净山', '5A'],
    ],
    rowNumbers: [1, 2],
    rowProblems: [
      { code: 'not-a-point' as const, row: 2, column: 'geometry', params: { geometryType: 'Polygon' } },
    ],
  };
  const result = run(table, 'scenicAreas');
  expect(result.accepted.categorical.level.labels).toEqual(['5A']);
  expect(codes(result)).toEqual([['not-a-point']]);
});

describe('every row is accepted or rejected with a reason (random tables)', () => {
  const cell = fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '是',
      '否',
      'x',
      '5G',
      '4G',
      'n78',
      '2021',
      '1999',
      '520102016001',
      '520102016002',
      '999999999999',
      '106.7122',
      '26.5773',
      '116.4',
      '39.9',
      'NaN',
      '1e3',
      '-0',
      '"',
      ',',
      '\n',
    ),
    fc.string({ maxLength: 8 }),
    fc.double({ min: 100, max: 112 }).map(String),
    fc.double({ min: 22, max: 30 }).map(String),
  );
  const headers = [
    'id',
    'name',
    'lon',
    'lat',
    '制式',
    '建成年份',
    '村代码',
    '光纤',
    '5G',
    '等级',
    '搬迁人口',
    '覆盖',
    'junk',
  ];
  test.each(DATASET_KINDS)('%s', (layer) => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(headers, { minLength: 1 }),
        fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 30 }),
        (header, rows) => {
          const table = { header, rows, rowNumbers: rows.map((_, i) => i + 2) };
          const result = run(table, layer);
          expect(result.accepted.rowCount + result.rejected.length).toBe(rows.length);
          for (const r of result.rejected) expect(r.problems.length).toBeGreaterThan(0);
          const seen = new Set([
            ...result.accepted.sourceRowNumbers,
            ...result.rejected.map((r) => table.rowNumbers[r.rowIndex]),
          ]);
          expect(seen.size).toBe(rows.length);
          for (const column of Object.values(result.accepted.text))
            expect(column).toHaveLength(result.accepted.rowCount);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('points outside Guizhou, kept for an "outside" count', () => {
  test('with keepPointsOutside they are accepted with county −1; swapped and impossible ones are still rejected', () => {
    const table = csv(`name,lon,lat\nin,${NANMING}\nout,110.5,30.1\nswapped,26.5773,106.7122\nbad,200,95\n`);
    const mapping = guessMapping(table.header, 'points');
    const kept = validateRows(table, mapping, 'points', { ...context, keepPointsOutside: true });
    expect(Array.from(kept.accepted.sourceRowNumbers)).toEqual([2, 3]);
    expect(Array.from(kept.accepted.county).map((k) => k >= 0)).toEqual([true, false]);
    expect([kept.accepted.lon[1], kept.accepted.lat[1]]).toEqual([110.5, 30.1]);
    expect(kept.rejected.map((r) => r.problems[0].code)).toEqual(['lat-lon-swapped', 'out-of-range']);
    const rejected = validateRows(table, mapping, 'points', context);
    expect(rejected.rejected.map((r) => r.problems[0].code)).toEqual([
      'outside-guizhou',
      'lat-lon-swapped',
      'out-of-range',
    ]);
  });
});
