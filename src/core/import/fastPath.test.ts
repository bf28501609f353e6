// The CSV fast path (rows kept in the text, plain numbers read from the characters, points placed in
// one batch) against the general path (Papa Parse makes every cell, every number read from its
// text, points placed one by one): on tricky files, both give the same table, the same accepted
// columns and the same problems in the same order — or fail the file with the same error.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { importContext } from '../../../test/fixtures/import/context';
import { encodeGbk } from '../../../test/fixtures/import/make-fixtures';
import type { Datum } from './datum';
import type { ImportedTable } from './importedTable';
import { MAX_CELL_CHARS } from './limits';
import { DATASET_KINDS, guessMapping, type DatasetKind } from './mapping';
import { readCsv } from './csvReader';
import { readFile } from './readers';
import { plainNumber } from './rowCells';
import { validateRows, type ValidationContext } from './validate';

const context = importContext();
const utf8 = (text: string) => new TextEncoder().encode(text);

type Outcome = { table: ImportedTable } | { error: { code: unknown; params: unknown; message: string } };

async function outcome(read: () => Promise<ImportedTable> | ImportedTable): Promise<Outcome> {
  try {
    return { table: await read() };
  } catch (e) {
    const { code, params, message } = e as { code?: unknown; params?: unknown; message: string };
    return { error: { code, params, message } };
  }
}

/** What a caller can see of a table (the fast one's rows are made here, from its text). */
const seen = (table: ImportedTable) => ({
  header: table.header,
  rows: table.rows,
  rowNumbers: table.rowNumbers,
  rowProblems: table.rowProblems,
  format: table.format,
  encoding: table.encoding,
});

const checks: Array<{ layer: DatasetKind; datum: Datum; keepPointsOutside: boolean }> = [
  ...DATASET_KINDS.map((layer) => ({ layer, datum: 'wgs84' as const, keepPointsOutside: false })),
  { layer: 'points', datum: 'wgs84', keepPointsOutside: true },
  { layer: 'stations', datum: 'gcj02', keepPointsOutside: false },
];

/** Both paths agree on the file, and on every layer's validation of it; returns the fast table. */
async function sameBothWays(name: string, bytes: Uint8Array, validation = checks) {
  const fast = await outcome(() => readFile(name, bytes));
  const general = await outcome(() => readFile(name, bytes, { generalCsv: true }));
  if ('error' in general) {
    expect(fast).toEqual(general);
    return undefined;
  }
  expect('table' in fast && fast.table.csv).toBeTruthy();
  expect(general.table.csv).toBeUndefined();
  const fastTable = (fast as { table: ImportedTable }).table;
  expect(seen(fastTable)).toEqual(seen(general.table));
  for (const { layer, datum, keepPointsOutside } of validation) {
    const mapping = guessMapping(general.table.header, layer);
    const withContext: ValidationContext = { ...context, datum, keepPointsOutside };
    const generalResult = validateRows(general.table, mapping, layer, withContext);
    // A fresh read: validation must not lean on rows a previous step made.
    const fresh = await readFile(name, bytes);
    expect(validateRows(fresh, mapping, layer, withContext), `${name} as ${layer}`).toEqual(generalResult);
  }
  return fastTable;
}

const HEADER = '站号,名称,运营商,制式,频段,建成年份,经度,纬度';

describe('the same table and problems both ways', () => {
  const files: Array<[string, string]> = [
    [
      'plain rows',
      `${HEADER}\nS1,甲,中国移动,5G,n78,2021,106.712345,26.577312\nS2,乙,中国电信,4G,FDD1800,2016,106.7,26.5\n`,
    ],
    [
      'quoted fields with commas, quotes and line breaks',
      `${HEADER}\n"S1","甲,二期","中国""移动""",5G,n78,2021,"106.7","26.5"\nS2,"乙\n(新)",中国电信,4G,B3,2016,106.71,26.58\nS3,丙,中国联通,5G,n78,2022,106.72,26.59\n`,
    ],
    [
      'CRLF',
      `${HEADER}\r\nS1,甲,中国移动,5G,n78,2021,106.7,26.5\r\nS2,乙,中国电信,4G,B3,2016,106.71,26.58\r\n`,
    ],
    ['lone CR', `${HEADER}\rS1,甲,中国移动,5G,n78,2021,106.7,26.5\rS2,乙,中国电信,4G,B3,2016,106.71,26.58`],
    [
      'mixed line breaks',
      `${HEADER}\nS1,甲,中国移动,5G,n78,2021,106.7,26.5\r\nS2,乙,中国电信,4G,B3,2016,106.71,26.58\rS3,丙,中国联通,5G,n78,2022,106.72,26.59\n`,
    ],
    ['a BOM, and a second one', `\uFEFF\uFEFF${HEADER}\nS1,甲,中国移动,5G,n78,2021,106.7,26.5\n`],
    [
      'empty cells, blank rows, rows of spaces and commas',
      `${HEADER}\n\nS1,,,,,,106.7,26.5\n  \n,,,,,,,\n , ,\u3000,\nS2,乙,中国电信,4G,B3,,,\n,,,,,,106.7,\n`,
    ],
    [
      'numbers written every way',
      `${HEADER}\n${[
        '1e3',
        '+5',
        ' 12 ',
        '0x10',
        'NaN',
        'Infinity',
        '-Infinity',
        '-0',
        '106.',
        '.5',
        '1,234',
        '１０６.７',
        '\u3000106.7\u3000',
        '00000000000000106.5',
        '106.71234567890123456789',
        '1e400',
        '-1e400',
        '9'.repeat(400),
        '106.7 26.5',
        '--106',
        '106..7',
        '106.7e',
        ' ',
        '106,7',
      ]
        .map(
          (value, i) =>
            `S${i},名${i},中国移动,5G,n78,2021,${value.includes(',') ? `"${value}"` : value},26.5`,
        )
        .join(
          '\n',
        )}\nT1,纬,中国移动,5G,n78,2021,106.7,-0\nT2,纬,中国移动,5G,n78,2021,106.7,90.0000000000001\n`,
    ],
    [
      'swapped, outside, out of range',
      `${HEADER}\nS1,甲,中国移动,5G,n78,2021,26.577312,106.712345\nS2,乙,中国移动,5G,n78,2021,116.397128,39.916527\nS3,丙,中国移动,5G,n78,2021,181,26.5\nS4,丁,中国移动,5G,n78,2021,106.7,91\nS5,戊,中国移动,5G,n78,2021,-106.7,-26.5\n`,
    ],
    [
      'duplicate ids, quoted and not',
      `${HEADER}\nS1,甲,中国移动,5G,n78,2021,106.7,26.5\n"S1",乙,中国移动,5G,n78,2021,106.71,26.51\n S1 ,丙,中国移动,5G,n78,2021,106.72,26.52\nS2,丁,中国移动,5G,n78,2021,106.73,26.53\nS2,戊,中国移动,5G,n78,2021,106.73,26.53\n`,
    ],
    [
      'too few and too many columns',
      `${HEADER}\nS1,甲\nS2,乙,中国移动,5G,n78,2021,106.7,26.5,extra,more\nS3,丙,中国移动,5G,n78,2021,106.7\n`,
    ],
    [
      'a bad row at the very end, without a line break',
      `${HEADER}\nS1,甲,中国移动,5G,n78,2021,106.7,26.5\nS2,乙,中国移动,5G,n78,2021,abc,26.5`,
    ],
    [
      'a quoted bad row at the very end',
      `${HEADER}\nS1,甲,中国移动,5G,n78,2021,106.7,26.5\n"S2","乙","中国移动","5G","n78","2021","abc","26.5"`,
    ],
    [
      'an unclosed quote',
      `${HEADER}\nS1,甲,中国移动,5G,n78,2021,106.7,26.5\nS2,"乙,中国移动,5G,n78,2021,106.7,26.5\nS3,丙,中国移动,5G,n78,2021,106.7,26.5\n`,
    ],
    [
      'text after a closing quote',
      `${HEADER}\nS1,"甲"x,中国移动,5G,n78,2021,106.7,26.5\nS2,乙,中国移动,5G,n78,2021,106.7,26.5\n`,
    ],
    [
      'a quote inside a cell',
      `${HEADER}\nS1,甲"5,中国移动,5G,n78,2021,106.7,26.5\nS2,乙,中国移动,5G,n78,2021,106.7,26.5\n`,
    ],
    ['quoted, then spaces, then the delimiter', `${HEADER}\n"S1"  ,甲,中国移动,5G,n78,2021,"106.7" ,26.5\n`],
    [
      'a very long line and a cell over the limit',
      `${HEADER}\nS1,${'长'.repeat(MAX_CELL_CHARS + 5)},中国移动,5G,n78,2021,106.7,26.5\nS2,乙,中国移动,5G,n78,2021,${'1'.repeat(MAX_CELL_CHARS + 1)},26.5\nS3,丙,中国移动,5G,n78,2021,106.7,26.5\n`,
    ],
    [
      '501 columns in a row',
      `${HEADER}\nS1,甲,中国移动,5G,n78,2021,106.7,26.5\n${Array(501).fill('1').join(',')}\n`,
    ],
    ['semicolons, with decimal commas', `站号;名称;经度;纬度\nS1;甲;106,7;26,5\nS2;"乙;二期";106.71;26.58\n`],
    ['tabs', `站号\t名称\t经度\t纬度\nS1\t甲\t106.7\t26.5\nS2\t\t 106.71\t26.58\n`],
    ['one column', `村代码\n520102001001\n"520102001002"\n\n520102001001\n`],
    [
      'village codes and years',
      `村代码,名称,光纤,千兆,4G,5G,日期,经度,纬度\n520102001001,甲,是,否,1,0,2021-05-01,106.7,26.5\n520102001002,乙,x,,,,2040,,\n 520102001001 ,丙,有,无,y,n,2021,106.71,26.58\n`,
    ],
    [
      'NUL in a row',
      `${HEADER}\nS1,甲\u0000,中国移动,5G,n78,2021,106.7,26.5\nS2,乙,中国移动,5G,n78,2021,106.7,26.5\n`,
    ],
    ['header only', `${HEADER}\n`],
    ['nothing but blank lines', `\n\n  \n`],
  ];
  test.each(files)('%s', async (name, text) => {
    await sameBothWays(`${name}.csv`, utf8(text));
  });

  test('GBK, and a line that is not', async () => {
    const rows = Array.from(
      { length: 20 },
      (_, i) => `G-${i},南明区站${i},中国移动,5G,n41,2021,106.7${i},26.5${i}`,
    );
    await sameBothWays('gbk.csv', encodeGbk([HEADER, ...rows].join('\r\n') + '\r\n'));
    const bad = new Uint8Array([
      ...utf8([HEADER, ...rows].join('\n') + '\nS9,'),
      0xb9,
      0xf3,
      ...utf8(',中国移动,5G,n41,2021,106.7,26.5\n'),
    ]);
    const table = await sameBothWays('almost-utf8.csv', bad);
    expect(table?.rowProblems.map((p) => p.code)).toEqual(['invalid-bytes']);
  });

  test('a file of several megabytes: quotes near and far, and a line break at every place a slice may end', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 60_000; i++) {
      const quoted = i % 997 === 0 ? `"站\n${i}"` : i % 13 === 0 ? `"站,${i}"` : `站${i}`;
      lines.push(`S${i},${quoted},中国移动,5G,n78,2021,${(106 + (i % 1000) / 1000).toFixed(3)},26.5`);
    }
    lines.push(`S-end,"${'很长'.repeat(300_000)}`, 'S-after,乙,中国移动,5G,n78,2021,106.7,26.5');
    const table = await sameBothWays('large.csv', utf8(lines.join('\n')), [checks[0]]);
    expect(table).toBeUndefined(); // the quote never closed fails the file, both ways
    await sameBothWays('large-closed.csv', utf8(lines.join('\n') + '"\n'), [checks[0]]);
  }, 60_000);

  test('a file of several megabytes without a quote, its delimiter guessed from its first megabyte', async () => {
    const lines = ['站号;经度;纬度'];
    for (let i = 0; i < 100_000; i++) lines.push(`S${i};${(106 + (i % 1000) / 1000).toFixed(3)};26.5`);
    await sameBothWays('semicolons.csv', utf8(lines.join('\r\n')), [checks[0]]);
  }, 60_000);
});

interface RandomFile {
  rows: string[][];
  delimiter: string;
  newline: string;
  quoting: 'none' | 'needed' | 'all';
  bom: boolean;
}

describe('random files', () => {
  const cell = fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '5G',
      '4G',
      '2021',
      '106.7122',
      '26.5773',
      '-0',
      '+5',
      '1e3',
      ' 12 ',
      'NaN',
      '是',
    ),
    fc.constantFrom('"', '""', ',', ';', '\t', '\n', '\r', '\r\n', '\u3000', '\uFEFF', 'S1', 'x"y'),
    fc.string({ maxLength: 6 }),
  );
  const file: fc.Arbitrary<RandomFile> = fc.record({
    rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 10 }), { minLength: 1, maxLength: 12 }),
    delimiter: fc.constantFrom(',', ';', '\t'),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    quoting: fc.constantFrom('none', 'needed', 'all'),
    bom: fc.boolean(),
  });
  const write = ({ rows, delimiter, newline, quoting, bom }: RandomFile) => {
    const quote = (s: string) =>
      quoting === 'all' || (quoting === 'needed' && /[",;\t\r\n]/.test(s)) ? `"${s.replace(/"/g, '""')}"` : s;
    const header = ['站号', '名称', '运营商', '制式', '频段', '建成年份', '经度', '纬度'].join(delimiter);
    return (bom ? '\uFEFF' : '') + [header, ...rows.map((r) => r.map(quote).join(delimiter))].join(newline);
  };

  test('read as text: the same table, or the same error', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const text = write(f);
        const fast = await outcome(() => readCsv(text, 'random.csv'));
        const general = await outcome(() => readCsv(text, 'random.csv', { general: true }));
        if ('table' in fast && 'table' in general) expect(seen(fast.table)).toEqual(seen(general.table));
        else expect(fast).toEqual(general);
      }),
      { numRuns: 400 },
    );
  });

  test('read and checked as stations: the same columns and problems', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        await sameBothWays('random.csv', utf8(write(f)), [checks[2], checks[checks.length - 2]]);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe('plain numbers', () => {
  test('read as Number() reads them, or left to the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true }).map(String),
          fc
            .tuple(fc.integer(), fc.nat(), fc.nat({ max: 20 }))
            .map(([a, b, z]) => `${a}.${'0'.repeat(z)}${b}`),
          fc.stringMatching(/^[ +-]?\d{0,17}(\.\d{0,17})? ?$/),
        ),
        (text) => {
          const value = plainNumber(text, 0, text.length);
          if (!Number.isNaN(value)) expect(Object.is(value, Number(text.trim()))).toBe(true);
        },
      ),
      { numRuns: 5_000 },
    );
  });
  test('only plain decimals are read', () => {
    for (const text of [
      '1e3',
      '0x10',
      'NaN',
      'Infinity',
      '106.',
      '.5',
      '1,5',
      '',
      '-',
      '1234567890123456',
      '１',
    ])
      expect(plainNumber(text, 0, text.length)).toBeNaN();
    expect(Object.is(plainNumber('-0', 0, 2), -0)).toBe(true);
    expect(plainNumber(' +106.712345 ', 0, 13)).toBe(106.712345);
  });
});
