// Loads a points file for the CLI: bytes → text (UTF-8 or GBK) → table → WGS84 points, the county of
// each point, and the attribute columns. Bad rows stop the command with their row and column.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeText } from '../core/io/decode';
import { COLUMN_NAMES } from '../core/io/columns';
import {
  findColumn,
  findCoordinateColumns,
  parseNumber,
  readPoints,
  type Datum,
  type PointColumns,
} from '../core/io/points';
import { InputError, parseTable, type Table } from '../core/io/table';
import { assignCounties, countyIndexOf, type CountyIndex } from '../core/assign/countyIndex';
import type { AreaIndex, CountyCollection } from '../core/areas';

export interface LoadedPoints {
  file: string;
  table: Table;
  points: PointColumns;
  county: Int16Array;
  coordinateColumns: { lon: number; lat: number };
}

const GEODATA = new URL('../../geodata/', import.meta.url);
let cached:
  { countyIndex: CountyIndex; areas: AreaIndex; counties: CountyCollection['features'] } | undefined;

/** The county index and area table, built once per process from geodata/. */
export function geodata() {
  if (!cached) {
    const { index, counties } = countyIndexOf(
      JSON.parse(readFileSync(new URL('counties.geojson', GEODATA), 'utf8')) as CountyCollection,
    );
    cached = {
      countyIndex: index,
      areas: JSON.parse(readFileSync(new URL('areas.json', GEODATA), 'utf8')),
      counties,
    };
  }
  return cached;
}

export function readTable(path: string): Table {
  const file = basename(path);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new InputError(
      file,
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : `cannot be read (${(e as Error).message})`,
    );
  }
  return parseTable(decodeText(bytes).text, file);
}

export function loadPoints(
  path: string,
  options: { datum: Datum; lon?: string; lat?: string },
): LoadedPoints {
  const file = basename(path);
  const table = readTable(path);
  const coordinateColumns = findCoordinateColumns(table, file, options.lon, options.lat);
  const { points, problems } = readPoints(table, coordinateColumns, options.datum);
  if (problems.length) {
    const [first] = problems;
    const more =
      problems.length > 1
        ? ` (and ${problems.length - 1} more row${problems.length > 2 ? 's' : ''} with problems)`
        : '';
    throw new InputError(file, first.message + more, first.row, first.column);
  }
  return {
    file,
    table,
    points,
    county: assignCounties(geodata().countyIndex, points.lon, points.lat),
    coordinateColumns,
  };
}

/**
 * Columns worth counting by: not coordinates, ids or names, not numbers, and few distinct values
 * (≤ 50) — operator, technology, band, status, level.
 */
export function categoricalColumns(table: Table, exclude: number[]): number[] {
  const identifying = [
    findColumn(table.header, COLUMN_NAMES.id),
    findColumn(table.header, COLUMN_NAMES.name),
  ];
  return table.header.flatMap((_, c) => {
    if (exclude.includes(c) || identifying.includes(c)) return [];
    const values = new Set<string>();
    let numeric = 0;
    for (const row of table.rows) {
      const v = (row[c] ?? '').trim();
      values.add(v);
      if (v !== '' && parseNumber(v) !== null) numeric++;
      if (values.size > 50) return [];
    }
    return numeric === table.rows.length ? [] : [c];
  });
}
