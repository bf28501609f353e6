import { expect, test } from 'vitest';
import { parseCsv } from '../io/table';
import { DatasetBuilder, FLAG_UNKNOWN, rejectedRowsCsv, type RejectedRow } from './dataset';

const rejected: RejectedRow[] = [
  {
    rowIndex: 0,
    row: ['X-1', '<img src=x onerror=alert(1)>', 'abc'],
    problems: [{ code: 'not-a-number', row: 2, column: 'lon', params: { value: 'abc' } }],
  },
  {
    rowIndex: 2,
    row: ['X-3', 'a, "b"\nc', ''],
    problems: [
      { code: 'missing-value', row: 4, column: 'lon', params: { field: 'lon' } },
      { code: 'duplicate-id', row: 4, column: 'id', params: { value: 'X-3', firstRow: 3 } },
    ],
  },
];

test('rejected rows keep their cells verbatim and gain the row and the reasons', () => {
  const text = rejectedRowsCsv(['id', 'name', 'lon'], rejected);
  expect(text.startsWith('\uFEFF')).toBe(true);
  const table = parseCsv(text.slice(1), 'rejected.csv');
  expect(table.header).toEqual(['id', 'name', 'lon', 'row', 'reason']);
  expect(table.rows).toEqual([
    ['X-1', '<img src=x onerror=alert(1)>', 'abc', '2', 'column lon: "abc" is not a number'],
    [
      'X-3',
      'a, "b"\nc',
      '',
      '4',
      'column lon: lon is missing; column id: the id "X-3" already appears in row 3',
    ],
  ]);
});

test("the localiser and labels are the caller's", () => {
  const text = rejectedRowsCsv(['id'], rejected.slice(0, 1), (p) => `错误:${p.code}`, {
    row: '行',
    reason: '原因',
  });
  expect(text).toBe('\uFEFFid,行,原因\r\nX-1,2,错误:not-a-number\r\n');
});

test('a column left empty is the column of empty values set row by row', () => {
  const build = (rows: number, leaveEmpty: boolean) => {
    const builder = new DatasetBuilder('stations', rows + 1);
    builder.declareCategorical('operator');
    builder.declareNumeric('buildYear');
    builder.declareFlag('covered');
    builder.declareText('name');
    for (const name of ['operator', 'buildYear', 'covered', 'name']) if (leaveEmpty) builder.leaveEmpty(name);
    for (let i = 0; i < rows; i++) {
      builder.addRow(i + 2, 106.7, 26.5, 0);
      if (leaveEmpty) continue;
      builder.setCategory('operator', '');
      builder.setNumber('buildYear', NaN);
      builder.setFlag('covered', FLAG_UNKNOWN);
      builder.setText('name', '');
    }
    return builder.finish();
  };
  for (const rows of [0, 1, 3]) expect(build(rows, true)).toEqual(build(rows, false));
});

test('rows written over the positions read ahead, every row or some accepted, give the same dataset', () => {
  const build = (accepted: (i: number) => boolean, readAhead: boolean) => {
    const rows = 5;
    const positions = {
      lon: Float64Array.from({ length: rows }, (_, i) => 106 + i / 10),
      lat: Float64Array.from({ length: rows }, (_, i) => 26 + i / 10),
      county: Int16Array.from({ length: rows }, (_, i) => i),
    };
    const builder = new DatasetBuilder('stations', rows, readAhead ? positions : undefined);
    builder.declareText('id');
    const setId = builder.textSetter('id');
    for (let i = 0; i < rows; i++) {
      if (!accepted(i)) continue;
      builder.addRow(i + 2, positions.lon[i], positions.lat[i], positions.county[i]);
      setId(`S${i}`);
    }
    return builder.finish();
  };
  for (const accepted of [() => true, (i: number) => i % 2 === 1]) {
    const dataset = build(accepted, true);
    expect(dataset).toEqual(build(accepted, false));
    expect(dataset.lon.length).toBe(dataset.rowCount);
    expect(dataset.text.id).toEqual(dataset.rowCount === 5 ? ['S0', 'S1', 'S2', 'S3', 'S4'] : ['S1', 'S3']);
  }
});
