// Ingest speed: a seeded station CSV of 1,000,000 rows (about 30 MB, stationRows.ts) to the columns
// an import stores — read (bytes → text → rows), every row checked, points placed in counties,
// accepted rows written to columns — on the fast path the app and the CLI take, and on the general
// path (Papa Parse makes every cell, every number is read from its text, points are placed one at a
// time) for comparison; where the fast path's time goes; and the CLI as a whole process on the same
// file. Min and median of RUNS (the CLI: CLI_RUNS) runs.
//
//   npx tsx scripts/bench/ingest.ts     prints the table; benchIngest() returns its rows.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CountyCollection } from '../../src/core/areas.ts';
import { assignCounties, countyIndexOf } from '../../src/core/assign/countyIndex.ts';
import { readCsv } from '../../src/core/import/csvReader.ts';
import { KeyIndex } from '../../src/core/import/keyIndex.ts';
import { guessMapping } from '../../src/core/import/mapping.ts';
import { placePlainPoints } from '../../src/core/import/plainPoints.ts';
import { readFileNow } from '../../src/core/import/readers.ts';
import { rowCells } from '../../src/core/import/rowCells.ts';
import { validateRows, type ValidationContext } from '../../src/core/import/validate.ts';
import { mulberry32 } from '../../src/core/coverage/random.ts';
import { decodeText } from '../../src/core/io/decode.ts';
import { timed } from './common.ts';
import { stationRowsCsv } from './stationRows.ts';

const ROWS = 1_000_000;
const SEED = 15;
const RUNS = 5;
const CLI_RUNS = 3;
const LAYER = 'stations5g';
const root = fileURLToPath(new URL('../../', import.meta.url));

const time = timed;

const ms = (x: number) => `${x.toFixed(0)} ms`;
const rate = (milliseconds: number) => `${(ROWS / milliseconds / 1e3).toFixed(2)} M rows/s`;
const withRate = (x: number) => `${ms(x)} (${rate(x)})`;

/**
 * Where the fast path's time goes, each step timed alone on the same file (alone, a step also pays
 * for the garbage the runs before it left, so the steps need not add up to the whole).
 */
function whereTheTimeGoes(bytes: Uint8Array, context: ValidationContext, wholeMs: number): string[][] {
  const decode = time(RUNS, () => decodeText(bytes));
  const scan = time(RUNS, () => readCsv(decode.result.text, 'stations.csv'));
  const table = scan.result;
  const mapping = guessMapping(table.header, LAYER);
  const columns = { lon: mapping.lon!, lat: mapping.lat! };
  const place = time(RUNS, () =>
    placePlainPoints(rowCells(table), ROWS, columns, 'wgs84', context.countyIndex),
  );
  const assign = time(RUNS, () => assignCounties(context.countyIndex, place.result.lon, place.result.lat));
  const check = time(RUNS, () => validateRows(table, mapping, LAYER, context));
  // Two parts of the checks, timed alone: the ids made into strings for the id column, and the
  // duplicate-id check over them — in the file's order (ascending: no table needed) and shuffled.
  const ids = time(RUNS, () => {
    const cells = rowCells(table),
      column = new Array<string>(ROWS);
    for (let i = 0; i < ROWS; i++) {
      cells.at(i);
      column[i] = cells.trimmed(mapping.id!);
    }
    return column;
  });
  const duplicateCheck = (keys: string[]) =>
    time(RUNS, () => {
      const keyIndex = new KeyIndex((i) => keys[i], ROWS);
      for (let i = 0; i < ROWS; i++) keyIndex.firstRow(keys[i], i);
    });
  const keys = duplicateCheck(ids.result);
  const random = mulberry32(SEED);
  const shuffled = ids.result.slice();
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const keysShuffled = duplicateCheck(shuffled);
  const share = (x: number) => `${((100 * x) / wholeMs).toFixed(0)} % of the whole`;
  const rows: string[][] = [];
  rows.push([
    '… decode bytes → text (UTF-8; core/io/decode.ts)',
    ms(decode.min),
    ms(decode.median),
    share(decode.min),
  ]);
  rows.push(['… scan: rows found in the text', ms(scan.min), ms(scan.median), share(scan.min)]);
  rows.push([
    '… coordinates read from the characters, points placed (plainPoints.ts)',
    ms(place.min),
    ms(place.median),
    share(place.min),
  ]);
  rows.push([
    '…… of which county assignment (one batch)',
    ms(assign.min),
    ms(assign.median),
    share(assign.min),
  ]);
  rows.push([
    '… every row checked, columns written (validateRows, placing included)',
    ms(check.min),
    ms(check.median),
    share(check.min),
  ]);
  rows.push([
    '…… of which the ids made into strings for the id column',
    ms(ids.min),
    ms(ids.median),
    share(ids.min),
  ]);
  rows.push([
    '…… of which the duplicate-id check (ids in order, as the file has them)',
    ms(keys.min),
    ms(keys.median),
    `${share(keys.min)}; the same ids shuffled: ${ms(keysShuffled.min)}`,
  ]);

  return rows;
}

export function benchIngest(): string[][] {
  const counties: CountyCollection = JSON.parse(readFileSync(join(root, 'geodata/counties.geojson'), 'utf8'));
  const { index, counties: ordered } = countyIndexOf(counties);
  const bytes = new TextEncoder().encode(stationRowsCsv(ROWS, SEED, index));
  const context: ValidationContext = {
    datum: 'wgs84',
    countyIndex: index,
    countyAdcodes: ordered.map((f) => f.properties.adcode),
    villageCodes: new Map(),
  };
  const importFile = (generalCsv: boolean) => {
    const table = readFileNow('stations.csv', bytes, { generalCsv });
    return validateRows(table, guessMapping(table.header, LAYER), LAYER, context);
  };
  const rows: string[][] = [];
  const megabytes = `${(bytes.length / 1e6).toFixed(0)} MB`;

  const fast = time(RUNS, () => {
    const { accepted, rejected } = importFile(false);
    return { accepted: accepted.rowCount, rejected: rejected.length };
  });
  const { accepted, rejected } = fast.result;
  rows.push([
    `CSV → columns, ${ROWS.toLocaleString('en')} station rows (${megabytes}), fast path: read, check, place, store`,
    withRate(fast.min),
    withRate(fast.median),
    `≥ 1 M rows/s; ${accepted.toLocaleString('en')} accepted, ${rejected} rejected with their problems`,
  ]);

  rows.push(...whereTheTimeGoes(bytes, context, fast.min));

  const general = time(RUNS, () => importFile(true));
  rows.push([
    'the same through the general path (Papa Parse, every cell a string, a county per row)',
    withRate(general.min),
    withRate(general.median),
    `fast path ${(general.min / fast.min).toFixed(1)}× faster`,
  ]);

  const file = join(tmpdir(), `atlas-ingest-${ROWS}.csv`);
  writeFileSync(file, bytes);
  const cli = (args: string[]) => {
    const run = spawnSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/atlas.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    if (run.status !== 0) throw new Error(`atlas ${args.join(' ')}: ${run.stderr}`);
    return run;
  };
  const whole = time(CLI_RUNS, () => cli(['summarize', file, '--level', 'county']));
  const started = time(CLI_RUNS, () => cli(['--help']));
  // The CLI builds its county index from geodata/ once per process (load.ts geodata()).
  const geodata = time(CLI_RUNS, () =>
    countyIndexOf(JSON.parse(readFileSync(join(root, 'geodata/counties.geojson'), 'utf8'))),
  );
  rmSync(file);
  rows.push([
    `CLI whole process: atlas summarize on the ${megabytes} file (spawned)`,
    withRate(whole.min),
    withRate(whole.median),
    `issue: 4.4 s; of it ${ms(started.min)} starting Node and tsx (atlas --help), ${ms(geodata.min)} the county index from geodata/`,
  ]);
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = benchIngest();
  console.log(
    `| measure | min | median | target / note |\n|---|---|---|---|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}`,
  );
  console.log(
    `\nNode ${process.version}, ${RUNS} runs each (the CLI ${CLI_RUNS}), seeded data (seed ${SEED}); load average at the end ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}.`,
  );
}
