// The atlas command line: the same core as the app, over files, read through the app's importers.
// Exit status: 0 when the command ran (rows it could not use are reported on stderr, and counted
// on the last line), 1 when a file cannot be used at all (one line naming file, row and column),
// 2 for a wrong command line. Never a stack trace: whatever goes wrong is one line.
//
// Rules:
// - Everything printed to stderr passes printableLine: control characters from a file's contents
//   (headers, cells, names) are escaped, one message is one line.
// - Standard input is read only for the file argument `-`.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DATUMS, type Datum } from '../core/import/datum';
import type { ImportedTable } from '../core/import/importedTable';
import type { ForcedEncoding } from '../core/io/decode';
import { InputError } from '../core/io/table';
import { LEVELS, type Level } from '../core/summary/areaTable';
import { runCoverage, runGaps } from './coverage';
import { MAX_FILE_BYTES } from './input';
import { NothingUsableError, readTable, type LoadContext } from './load';
import type { Format } from './output';
import { Report } from './report';
import { runSummarize } from './summarize';
import { printableLine, printableText } from './terminal';

const USAGE = `usage:
  atlas summarize <file> --level county|prefecture|province [--format csv|json] [--datum wgs84|gcj02|bd09] [--lon COL --lat COL] [--year YYYY]
  atlas coverage <stations> <targets> [--radius-m N | --radius-by-band] [--format csv|json] [--datum …] [--year YYYY]
  atlas gaps <stations> <targets> --k N [--radius-m N | --radius-by-band] [--new-radius-m N] [--weight COL] [--format csv|json]
  atlas backup <file>     the team server's database (DATABASE_URL, else ATLAS_DATA_DIR or ./atlas-data) to a file
  atlas restore <file>    a backup into a new, empty team database
file commands: [--encoding utf-8|gb18030] [--list-outside FILE]; a file is CSV, XLSX, GeoJSON, KML or a zipped
Shapefile of at most ${MAX_FILE_BYTES / 1e6} MB, or - for standard input`;

class UsageError extends Error {}

function choice<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

function positiveNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n))
    throw new UsageError(`--${name} must be a positive number (got "${value}")`);
  return n;
}

const ENCODING_ALIASES: Record<string, ForcedEncoding> = { utf8: 'utf-8', gbk: 'gb18030' };

function encodingOption(value: string | undefined): ForcedEncoding | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  return choice<ForcedEncoding>('encoding', ENCODING_ALIASES[lower] ?? lower, ['utf-8', 'gb18030'], 'utf-8');
}

/** The command line split into command, files and options; throws on an unknown option. */
function parseCommandLine(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      level: { type: 'string' },
      format: { type: 'string' },
      datum: { type: 'string' },
      lon: { type: 'string' },
      lat: { type: 'string' },
      'radius-m': { type: 'string' },
      'radius-by-band': { type: 'boolean' },
      k: { type: 'string' },
      year: { type: 'string' },
      'new-radius-m': { type: 'string' },
      weight: { type: 'string' },
      encoding: { type: 'string' },
      'list-outside': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...files] = positionals;
  return { command, files, values };
}

/** What the command line hands a command, checked; throws UsageError. */
function checked({ command, files, values }: ReturnType<typeof parseCommandLine>) {
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2100))
    throw new UsageError(`--year must be a year (got "${values.year}")`);
  if (files.filter((f) => f === '-').length > 1)
    throw new UsageError('standard input (-) can be read for one file only');
  if (values['list-outside'] === '-' || values['list-outside'] === '')
    throw new UsageError('--list-outside needs a file name (standard output holds the results)');
  const common = {
    format: choice<Format>('format', values.format, ['csv', 'json'], 'csv'),
    datum: choice<Datum>('datum', values.datum, DATUMS, 'wgs84'),
    lon: values.lon,
    lat: values.lat,
    encoding: encodingOption(values.encoding),
    asOfYear: year,
  };
  return { command, files, values, common };
}

/** Checks the command line, reads the files, then runs the command over them. */
async function run(
  commandLine: ReturnType<typeof parseCommandLine>,
  report: Report,
  stdin?: AsyncIterable<Uint8Array | string>,
): Promise<string> {
  const { command, files, values, common } = checked(commandLine);
  let execute: (context: LoadContext) => string;
  if (command === 'summarize') {
    if (files.length !== 1) throw new UsageError('summarize takes one file');
    const level = choice<Level>('level', values.level, LEVELS, 'county');
    execute = (context) => runSummarize(files[0], { ...common, level }, context);
  } else if (command === 'coverage' || command === 'gaps') {
    if (files.length !== 2) throw new UsageError(`${command} takes a stations file and a targets file`);
    if (values['radius-m'] !== undefined && values['radius-by-band'])
      throw new UsageError('give --radius-m or --radius-by-band, not both');
    const coverage = { ...common, radiusMeters: positiveNumber('radius-m', values['radius-m']) };
    const k = positiveNumber('k', values.k);
    if (command === 'gaps' && (k === undefined || !Number.isInteger(k)))
      throw new UsageError('gaps needs --k N, a whole number of sites to suggest');
    const newRadiusMeters = positiveNumber('new-radius-m', values['new-radius-m']);
    execute =
      command === 'coverage'
        ? (context) => runCoverage(files[0], files[1], coverage, context)
        : (context) =>
            runGaps(
              files[0],
              files[1],
              { ...coverage, k: k!, newRadiusMeters, weightColumn: values.weight },
              context,
            );
  } else throw new UsageError(`unknown command "${command}"`);
  const tables = new Map<string, ImportedTable>();
  for (const path of files) tables.set(path, await readTable(path, common.encoding, stdin));
  return execute({ report, tables });
}

const ENCODING_HINT = new Set(['mixed-encoding', 'invalid-header-bytes']);

export interface Streams {
  /** What the file argument `-` reads (process.stdin when run as a program). */
  stdin?: AsyncIterable<Uint8Array | string>;
}

export async function main(
  argv: string[],
  out: (text: string) => void,
  err: (line: string) => void,
  streams: Streams = {},
): Promise<number> {
  const line = (text: string) => err(printableLine(text));
  let report: Report | undefined;
  try {
    const commandLine = parseCommandLine(argv);
    if (commandLine.values.help || !commandLine.command) {
      out(USAGE + '\n');
      return commandLine.values.help ? 0 : 2;
    }
    const { command, files } = commandLine;
    if (command === 'backup' || command === 'restore') {
      if (files.length !== 1) throw new UsageError(`${command} takes one file`);
      // Loaded for these commands alone: the database drivers take half a second to load.
      const database = await import('./database');
      try {
        out(await database.runDatabaseCommand(command, files[0]));
      } catch (e) {
        if (!database.isDatabaseError(e)) throw e;
        line(`error: ${e.message}`);
        return 1;
      }
      return 0;
    }
    const listOutside = commandLine.values['list-outside'];
    report = new Report(listOutside);
    const text = await run(commandLine, report, streams.stdin);
    if (listOutside) writeOutsideList(listOutside, report);
    report.lines().forEach(line);
    out(text);
    return 0;
  } catch (e) {
    if (e instanceof NothingUsableError) {
      report?.fileLines().forEach(line);
      line(`error: ${e.message}`);
      return 1;
    }
    if (e instanceof InputError) {
      const hint = ENCODING_HINT.has(e.code) ? '; or force one with --encoding utf-8|gb18030' : '';
      line(`error: ${e.message}${hint}`);
      return 1;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      line(`error: ${(e as Error).message}`);
      USAGE.split('\n').forEach(line);
      return 2;
    }
    if (process.env.ATLAS_DEBUG) throw e;
    line(`error: internal error (${(e as Error)?.message ?? String(e)}); ATLAS_DEBUG=1 shows where`);
    return 1;
  }
}

function writeOutsideList(path: string, report: Report): void {
  try {
    writeFileSync(path, report.outsideCsv());
  } catch (e) {
    throw new InputError(
      path,
      `cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // A reader that stops early (| head) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const terminal = process.stdout.isTTY === true;
  void main(
    process.argv.slice(2),
    (text) => process.stdout.write(terminal ? printableText(text) : text),
    (text) => process.stderr.write(text + '\n'),
    { stdin: process.stdin },
  ).then((code) => {
    process.exitCode = code;
  });
}
