// From a table to columnar points in WGS84: find the coordinate columns by name, parse numbers,
// convert the datum. Every bad row is reported with its row and column; none is dropped silently.
import gcoord from 'gcoord';
import { InputError, type Table } from './table';

export type Datum = 'wgs84' | 'gcj02' | 'bd09';
export const DATUMS: readonly Datum[] = ['wgs84', 'gcj02', 'bd09'];

const LON_NAMES = ['lon', 'lng', 'longitude', 'long', '经度', 'x', 'lon_wgs84', 'lng_wgs84'];
const LAT_NAMES = ['lat', 'latitude', '纬度', 'y', 'lat_wgs84'];

/** Index of the column whose name matches one of `names` (case-insensitive, trimmed), or −1. */
export function findColumn(header: string[], names: readonly string[]): number {
  const normalised = header.map((h) => h.trim().toLowerCase());
  for (const name of names) {
    const i = normalised.indexOf(name.toLowerCase());
    if (i !== -1) return i;
  }
  return -1;
}

export function findCoordinateColumns(
  table: Table,
  file: string,
  lonName?: string,
  latName?: string,
): { lon: number; lat: number } {
  const lon = lonName ? findColumn(table.header, [lonName]) : findColumn(table.header, LON_NAMES);
  const lat = latName ? findColumn(table.header, [latName]) : findColumn(table.header, LAT_NAMES);
  if (lon === -1 || lat === -1) {
    const wanted =
      lon === -1
        ? (lonName ?? 'a longitude column (lon, lng, longitude, 经度)')
        : (latName ?? 'a latitude column (lat, latitude, 纬度)');
    throw new InputError(
      file,
      `no coordinate column found: expected ${wanted}; columns are ${table.header.join(', ')} (name them with --lon/--lat)`,
    );
  }
  return { lon, lat };
}

export interface Problem {
  row: number;
  column: string;
  message: string;
}

export interface PointColumns {
  lon: Float64Array;
  lat: Float64Array;
}

/** Parses every row's coordinates and converts them to WGS84; rows that fail are returned as problems. */
export function readPoints(
  table: Table,
  columns: { lon: number; lat: number },
  datum: Datum,
): { points: PointColumns; valid: Uint8Array; problems: Problem[] } {
  const n = table.rows.length;
  const lon = new Float64Array(n).fill(NaN),
    lat = new Float64Array(n).fill(NaN);
  const valid = new Uint8Array(n);
  const problems: Problem[] = [];
  for (let i = 0; i < n; i++) {
    const row = table.rows[i];
    const x = parseNumber(row[columns.lon]),
      y = parseNumber(row[columns.lat]);
    if (x === null) {
      problems.push({
        row: table.rowNumbers[i],
        column: table.header[columns.lon],
        message: describe(row[columns.lon]),
      });
      continue;
    }
    if (y === null) {
      problems.push({
        row: table.rowNumbers[i],
        column: table.header[columns.lat],
        message: describe(row[columns.lat]),
      });
      continue;
    }
    if (Math.abs(x) > 180 || Math.abs(y) > 90) {
      problems.push({
        row: table.rowNumbers[i],
        column: table.header[columns.lon],
        message: `(${x}, ${y}) is not a longitude/latitude pair`,
      });
      continue;
    }
    [lon[i], lat[i]] =
      datum === 'wgs84'
        ? [x, y]
        : gcoord.transform([x, y], datum === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84);
    valid[i] = 1;
  }
  return { points: { lon, lat }, valid, problems };
}

const describe = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? 'the value is missing' : `"${value}" is not a number`;

export function parseNumber(value: string | undefined): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim().replace(/,/g, '');
  if (trimmed === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}
