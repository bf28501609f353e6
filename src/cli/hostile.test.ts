// Hostile and broken input, made by each test: every failure is one line naming the file (and row
// and column where there is one), exit 1, no stack trace, and nothing from the file reaches the
// terminal unescaped.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { atlas, type AtlasRun } from '../../test/fixtures/cli/run';
import { MAX_FILE_BYTES } from './input';

const directory = mkdtempSync(join(tmpdir(), 'atlas-hostile-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
};
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Exit 1 and exactly one stderr line, plain text, starting as given. */
function refusedInOneLine(result: AtlasRun, start: string) {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toHaveLength(1);
  expect(result.stderr[0]).not.toMatch(UNSAFE);
  expect(result.stderr[0].startsWith(start), result.stderr[0]).toBe(true);
}

let fifoPath: string | undefined;
try {
  execFileSync('mkfifo', [join(directory, 'pipe.csv')]);
  fifoPath = join(directory, 'pipe.csv');
} catch {
  /* no mkfifo on this platform: that test is skipped */
}

describe('what is not a regular file of a sane size is refused before reading', () => {
  test('a file over the size limit, named with the limit (checked with stat: the file is sparse)', async () => {
    const path = file('huge.csv', 'lon,lat\n');
    truncateSync(path, MAX_FILE_BYTES + 1);
    const result = await atlas(['summarize', path]);
    refusedInOneLine(result, 'error: huge.csv: is 512 MB, over the 512 MB limit');
  });

  test.skipIf(fifoPath === undefined)(
    'a named pipe (opening it would wait for a writer)',
    async () => {
      refusedInOneLine(
        await atlas(['summarize', fifoPath!]),
        'error: pipe.csv: is a named pipe (FIFO), not a file',
      );
    },
    5_000,
  );

  test.skipIf(!existsSync('/dev/zero'))(
    'a device',
    async () => {
      refusedInOneLine(await atlas(['summarize', '/dev/zero']), 'error: zero: is a device, not a file');
    },
    5_000,
  );

  test('a directory', async () => {
    mkdirSync(join(directory, 'folder.csv'));
    refusedInOneLine(
      await atlas(['summarize', join(directory, 'folder.csv')]),
      'error: folder.csv: is a directory',
    );
  });
});

describe('contents that would hurt the parser or the terminal', () => {
  test('GeoJSON nested 100,000 arrays deep', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const path = file(
      'deep.geojson',
      `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[106.7,26.5]},"properties":{"a":${deep}}}]}`,
    );
    refusedInOneLine(
      await atlas(['summarize', path]),
      'error: deep.geojson: the JSON nests deeper than 256 levels (line 1)',
    );
  });

  test('a binary file is refused without printing its bytes', async () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    refusedInOneLine(
      await atlas(['summarize', file('junk.csv', bytes)]),
      'error: junk.csv: the file is not text',
    );
  });

  test('a header and no data rows is an error, not a count of zero', async () => {
    refusedInOneLine(
      await atlas(['summarize', file('header.csv', '站号,经度,纬度\r\n')]),
      'error: header.csv: the file has a header but no data rows',
    );
  });

  test('control characters and bidi overrides from headers, cells and names are escaped', async () => {
    const header = 'na\u001b]0;owned\u0007me,lon,lat';
    const rows = ['A,106.7122,26.5773', 'B\u009b2J,abc\u202e,26.5', 'C,106.7,\u001b[2J'];
    const result = await atlas(['summarize', file('evil\u001b[31m.csv', [header, ...rows].join('\n'))]);
    expect(result.code).toBe(0);
    for (const line of result.stderr) expect(line).not.toMatch(UNSAFE);
    expect(result.stderr).toEqual([
      'evil\\x1b[31m.csv: CSV, encoding: UTF-8',
      'evil\\x1b[31m.csv row 3, column lon: "abc\\u202e" is not a number',
      'evil\\x1b[31m.csv row 4, column lat: "\\x1b[2J" is not a number',
      '2 rows skipped; 1 used',
    ]);
    const missing = await atlas(['summarize', file('names.csv', `${header}\nA,1,2\n`), '--lon', 'x']);
    refusedInOneLine(
      missing,
      'error: names.csv: no coordinate column found: expected x; columns are na\\x1b]0;owned\\x07me, lon, lat',
    );
  });
});

describe('encodings', () => {
  const gbk = new Uint8Array(readFileSync('test/fixtures/cli/stations-gbk.csv'));
  const gbkRow = gbk.subarray(gbk.indexOf(0x0a) + 1, gbk.indexOf(0x0a, gbk.indexOf(0x0a) + 1) + 1);
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const rows = (n: number) =>
    utf8(Array.from({ length: n }, (_, i) => `GY-${i},中国移动,n41,106.71${i},26.57,2020\n`).join(''));
  const header = utf8('站号,运营商,频段,经度,纬度,建成年份\n');
  const concat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));

  test('UTF-8 apart from one row: read as UTF-8, that row reported and skipped', async () => {
    const result = await atlas(['summarize', file('almost.csv', concat(header, rows(20), gbkRow))]);
    expect(result.code).toBe(0);
    expect(result.stderr[0]).toBe('almost.csv: CSV, encoding: UTF-8');
    expect(result.stderr[1]).toMatch(
      /^almost\.csv row 22, column 运营商: ".*" has bytes that are not valid UTF-8$/,
    );
    expect(result.stderr.at(-1)).toBe('1 row skipped; 20 used');
  });

  test('a file mixing UTF-8 and GBK is refused with a way to force one', async () => {
    const result = await atlas([
      'summarize',
      file('mixed.csv', concat(header, rows(20), ...Array(20).fill(gbkRow))),
    ]);
    refusedInOneLine(result, 'error: mixed.csv: the text encoding cannot be told: 20 lines are not UTF-8');
    expect(result.stderr[0]).toMatch(/force one with --encoding utf-8\|gb18030$/);
    const forced = await atlas(['summarize', join(directory, 'mixed.csv'), '--encoding', 'utf-8']);
    expect(forced.code).toBe(0);
    expect(forced.stderr[0]).toBe('mixed.csv: CSV, encoding: UTF-8 (forced)');
    expect(forced.stderr.at(-1)).toBe('20 rows skipped; 20 used');
  });

  test('GBK is reported as GB18030', async () => {
    expect((await atlas(['summarize', 'stations-gbk.csv'])).stderr[0]).toBe(
      'stations-gbk.csv: CSV, encoding: GB18030',
    );
    expect((await atlas(['summarize', 'stations-gbk.csv', '--encoding', 'latin1'])).code).toBe(2);
  });
});

describe('as a program', () => {
  const atlasProgram = (args: string[], input?: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/atlas.ts', ...args], {
      encoding: 'utf8',
      input,
    });

  test('sets the exit status, prints one line, reads standard input for -', () => {
    const refused = atlasProgram(['summarize', file('empty-rows.csv', 'lon,lat\n')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe('error: empty-rows.csv: the file has a header but no data rows\n');
    const piped = atlasProgram(['summarize', '-', '--level', 'province'], 'lon,lat\n106.7,26.5\nx,1\n');
    expect(piped.status).toBe(0);
    expect(piped.stdout.split('\n')[1]).toBe('520000,贵州省,1,0.000006,0.000259');
    expect(piped.stderr.trim().split('\n').at(-1)).toBe('1 row skipped; 1 used');
    expect(atlasProgram(['summarize', '--level']).status).toBe(2);
  }, 60_000);
});

test('a weight that overflows to infinity (1e309) is a bad row, reported with its column, not a huge gain', async () => {
  const stations = file('w-stations.csv', '站号,经度,纬度\nA,106.7122,26.5773\n');
  const villages = file(
    'w-villages.csv',
    '村代码,名称,lon,lat,人口\n520122100201,甲村,106.74,27.10,1e309\n520122100202,乙村,106.90,27.30,800\n',
  );
  const result = await atlas([
    'gaps',
    stations,
    villages,
    '--k',
    '1',
    '--radius-m',
    '300',
    '--weight',
    '人口',
  ]);
  expect(result.code).toBe(0);
  expect(result.stderr.join('\n')).toContain(
    'row 2, column 人口: "1e309" is not a finite number of 0 or more',
  );
});
