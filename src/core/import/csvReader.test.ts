// The CSV reader within the import limits, on hostile text made here: too wide, too long, a cell
// of a megabyte; and the row numbers a person sees.
import { describe, expect, test } from 'vitest';
import { InputError } from '../io/table';
import { readCsv } from './csvReader';
import { wideCsv } from './hostileFiles.testing';
import { CLIPPED_CELL_CHARS, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS } from './limits';

function failure(read: () => unknown): InputError {
  try {
    read();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

const decoded = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('columns', () => {
  test('a 600-column header is refused, naming the count and the limit', () => {
    const error = failure(() => readCsv(decoded(wideCsv(600)), 'wide.csv'));
    expect(error).toMatchObject({ code: 'too-many-columns', params: { columns: 600, limit: MAX_COLUMNS } });
  });
  test('500 columns are read', () => {
    expect(readCsv(decoded(wideCsv(500)), 'ok.csv').header).toHaveLength(500);
  });
  test('a data row wider than the limit is refused, naming its row; the parse stops there', () => {
    const row = Array.from({ length: 1_000_000 }, () => '1').join(',');
    const started = performance.now();
    const error = failure(() => readCsv(`a,b\n1,2\n${row}\n${'3,4\n'.repeat(100_000)}`, 'ragged.csv'));
    expect(error).toMatchObject({ code: 'too-many-columns', params: { columns: 1_000_000, row: 3 } });
    console.log(`a 1,000,000-column row refused in ${(performance.now() - started).toFixed(0)} ms`);
  });
});

describe('rows', () => {
  test('past 2,000,000 rows the parse stops, and the refusal says about how many there are', () => {
    const text = 'a\n' + '1\n'.repeat(MAX_ROWS + 500);
    const started = performance.now();
    const error = failure(() => readCsv(text, 'long.csv'));
    expect(error).toMatchObject({
      code: 'too-many-rows',
      params: { rows: MAX_ROWS + 500, limit: MAX_ROWS, estimated: 1 },
    });
    console.log(`${MAX_ROWS + 500} rows refused in ${(performance.now() - started).toFixed(0)} ms`);
  }, 30_000);
});

describe('cells', () => {
  test('a cell of 1 MB is a row problem; the cell is kept clipped, the other rows untouched', () => {
    const table = readCsv(`id,name\nA,${'x'.repeat(1_000_000)}\nB,ok\n`, 'long-cell.csv');
    expect(table.rows[0][1]).toHaveLength(CLIPPED_CELL_CHARS);
    expect(table.rows[0][1].endsWith('…')).toBe(true);
    expect(table.rows[1]).toEqual(['B', 'ok']);
    expect(table.rowProblems).toEqual([
      {
        code: 'cell-too-long',
        row: 2,
        column: 'name',
        params: { length: 1_000_000, limit: MAX_CELL_CHARS },
      },
    ]);
  });
  test('a column name of 1 MB fails the file', () => {
    const error = failure(() => readCsv(`id,${'x'.repeat(1_000_000)}\nA,1\n`, 'long-name.csv'));
    expect(error).toMatchObject({ code: 'header-too-long', params: { column: 2, length: 1_000_000 } });
  });
});

describe('as parseCsv did', () => {
  test('blank lines are skipped and rows keep the line they start on', () => {
    const table = readCsv('a,b\r\n\r\n1,"x\ny"\r\n,\r\n2,z\r\n', 'rows.csv');
    expect(table.rows).toEqual([
      ['1', 'x\ny'],
      ['2', 'z'],
    ]);
    expect(table.rowNumbers).toEqual([3, 6]);
  });
  test('an unclosed quote names its row', () => {
    expect(failure(() => readCsv('a,b\n1,2\n"3,4\n', 'q.csv'))).toMatchObject({
      code: 'unclosed-quote',
      params: { row: 3 },
    });
  });
});
