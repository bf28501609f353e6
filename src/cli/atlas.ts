// The atlas command line: the same core as the app, over files. A user's mistake prints one line
// naming file, row and column and exits with 1; a wrong command line exits with 2.
import { parseArgs } from 'node:util';
import { InputError } from '../core/io/table';
import { DATUMS, type Datum } from '../core/io/points';
import { LEVELS, type Level } from '../core/summary/areaTable';
import { runSummarize } from './summarize';
import { runCoverage, runGaps } from './coverage';
import type { Format } from './output';

const USAGE = `usage:
  atlas summarize <file> --level county|prefecture|province [--format csv|json] [--datum wgs84|gcj02|bd09] [--lon COL --lat COL] [--year YYYY]
  atlas coverage <stations> <targets> [--radius-m N | --radius-by-band] [--format csv|json] [--datum …] [--year YYYY]
  atlas gaps <stations> <targets> --k N [--radius-m N | --radius-by-band] [--new-radius-m N] [--weight COL] [--format csv|json]`;

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

export function main(argv: string[], out: (text: string) => void, err: (line: string) => void): number {
  try {
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
        help: { type: 'boolean', short: 'h' },
      },
    });
    const [command, ...files] = positionals;
    if (values.help || !command) {
      out(USAGE + '\n');
      return values.help ? 0 : 2;
    }
    const format = choice<Format>('format', values.format, ['csv', 'json'], 'csv');
    const datum = choice<Datum>('datum', values.datum, DATUMS, 'wgs84');
    const common = { format, datum, lon: values.lon, lat: values.lat };
    const year = values.year === undefined ? undefined : Number(values.year);
    if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2100))
      throw new UsageError(`--year must be a year (got "${values.year}")`);
    if (command === 'summarize') {
      if (files.length !== 1) throw new UsageError('summarize takes one file');
      out(
        runSummarize(
          files[0],
          { ...common, level: choice<Level>('level', values.level, LEVELS, 'county'), asOfYear: year },
          err,
        ),
      );
      return 0;
    }
    if (command === 'coverage' || command === 'gaps') {
      if (files.length !== 2) throw new UsageError(`${command} takes a stations file and a targets file`);
      if (values['radius-m'] !== undefined && values['radius-by-band'])
        throw new UsageError('give --radius-m or --radius-by-band, not both');
      const coverage = {
        ...common,
        radiusMeters: positiveNumber('radius-m', values['radius-m']),
        asOfYear: year,
      };
      if (command === 'coverage') {
        out(runCoverage(files[0], files[1], coverage, err));
        return 0;
      }
      const k = positiveNumber('k', values.k);
      if (k === undefined || !Number.isInteger(k))
        throw new UsageError('gaps needs --k N, a whole number of sites to suggest');
      out(
        runGaps(
          files[0],
          files[1],
          {
            ...coverage,
            k,
            newRadiusMeters: positiveNumber('new-radius-m', values['new-radius-m']),
            weightColumn: values.weight,
          },
          err,
        ),
      );
      return 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof InputError) {
      err(`error: ${e.message}`);
      return 1;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`error: ${(e as Error).message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = main(
    process.argv.slice(2),
    (text) => process.stdout.write(text),
    (line) => process.stderr.write(line + '\n'),
  );
}
