// The command line reads files as the app does: every format, row by row, with the problems of each
// bad row on stderr and the good rows used. Files are written by each test to a temporary folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { atlas } from '../../test/fixtures/cli/run';

const directory = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
};
const counts = (stdout: string) =>
  Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .map(([adcode, , count]) => [adcode, Number(count)]),
  );

// 南明区 (Guiyang), 遵义 and a point in Hubei; one unparseable row, one with lon/lat swapped.
const ROWS =
  '站号,经度,纬度\nA,106.7122,26.5773\nB,abc,26.6\nC,26.5865,106.7096\nD,110.5,30.1\nE,106.9399,27.6979\n';

describe('row by row', () => {
  test('bad rows are reported one line each and skipped; the rest is used; exit 0', async () => {
    const { code, stdout, stderr } = await atlas([
      'summarize',
      file('rows.csv', ROWS),
      '--level',
      'province',
    ]);
    expect(code).toBe(0);
    expect(counts(stdout)).toEqual({ 520000: 2, outside: 1 });
    expect(stderr).toEqual([
      'rows.csv: CSV, encoding: UTF-8',
      'rows.csv row 3, column 经度: "abc" is not a number',
      'rows.csv row 4, column 经度: (26.5865, 106.7096) lies outside Guizhou but inside it with longitude and latitude swapped',
      'rows.csv: 1 point outside Guizhou, counted as outside (row 5)',
      '2 rows skipped; 3 used',
    ]);
  });

  test('a file of which no row can be used exits 1 after naming each row', async () => {
    const { code, stdout, stderr } = await atlas(['summarize', file('none.csv', 'lon,lat\nx,26\n106.7,\n')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toEqual([
      'none.csv: CSV, encoding: UTF-8',
      'none.csv row 2, column lon: "x" is not a number',
      'none.csv row 3, column lat: lat is missing',
      'error: none.csv: no row could be used (2 rows skipped)',
    ]);
  });

  test('the fields a command reads are checked per row too: a bad year skips its row', async () => {
    const path = file(
      'years.csv',
      '站号,频段,经度,纬度,建成年份\nA,n78,106.7122,26.5773,2020\nB,n78,106.7096,26.5865,soon\n',
    );
    const { code, stdout, stderr } = await atlas([
      'summarize',
      path,
      '--level',
      'province',
      '--year',
      '2024',
    ]);
    expect(code).toBe(0);
    expect(counts(stdout)[520000]).toBe(1);
    expect(stderr.slice(1)).toEqual([
      'years.csv row 3, column 建成年份: "soon" is not a year',
      '1 row skipped; 1 used',
    ]);
  });

  test('--lon/--lat name the columns; otherwise they are found as the import dialog finds them', async () => {
    const path = file('named.csv', 'name,东经（WGS84）,北纬（WGS84）,x1,y1\nA,106.7122,26.5773,0,0\n');
    expect(counts((await atlas(['summarize', path, '--level', 'province'])).stdout)[520000]).toBe(1);
    const forced = await atlas(['summarize', path, '--level', 'province', '--lon', 'x1', '--lat', 'y1']);
    expect(counts(forced.stdout)).toEqual({ 520000: 0, outside: 1 });
  });
});

describe('points outside Guizhou', () => {
  const outside = Array.from({ length: 8 }, (_, i) => `O${i},${110 + i / 10},30.1`);
  const path = () => file('outside.csv', ['id,lon,lat', 'A,106.7122,26.5773', ...outside].join('\n'));

  test('are one summary line with the first row numbers, not a line each', async () => {
    const { code, stderr } = await atlas(['summarize', path()]);
    expect(code).toBe(0);
    expect(stderr).toEqual([
      'outside.csv: CSV, encoding: UTF-8',
      'outside.csv: 8 points outside Guizhou, counted as outside (rows 3, 4, 5, 6, 7, …); --list-outside FILE lists them all',
    ]);
  });

  test('--list-outside writes them all as CSV with row, lon and lat', async () => {
    const list = join(directory, 'outside-list.csv');
    const { code, stderr } = await atlas(['summarize', path(), '--list-outside', list]);
    expect(code).toBe(0);
    expect(stderr[1]).toMatch(/; listed in .*outside-list\.csv$/);
    const lines = readFileSync(list, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('row,lon,lat');
    expect(lines.slice(1)).toEqual(
      outside.map((line, i) => `${i + 3},${line.split(',').slice(1).join(',')}`),
    );
  });
});

describe('every format the app reads', () => {
  const FIXTURES = 'test/fixtures/import/';
  test.each([
    ['stations.xlsx', 'XLSX', 3],
    ['stations-qgis.kml', 'KML, encoding: UTF-8', 2],
    ['villages-gbk.zip', 'Shapefile, encoding: GB18030', 3],
    ['stations-gbk.csv', 'CSV, encoding: GB18030', 2],
  ])('%s', async (name, description, count) => {
    const { code, stdout, stderr } = await atlas(['summarize', FIXTURES + name, '--level', 'province']);
    expect(code).toBe(0);
    expect(stderr[0]).toBe(`${name}: ${description}`);
    expect(counts(stdout)[520000]).toBe(count);
  });

  test('standard input when the file is -', async () => {
    const { code, stdout, stderr } = await atlas(['summarize', '-', '--level', 'province'], ROWS);
    expect(code).toBe(0);
    expect(counts(stdout)[520000]).toBe(2);
    expect(stderr[0]).toBe('stdin: CSV, encoding: UTF-8');
    expect((await atlas(['coverage', '-', '-'])).code).toBe(2);
  });
});
