// Which columns of a points file hold what, for the command line (and the sample data's checks):
// the import dialog's own guess for plain points (mapping.ts: id, name, lon, lat), with the
// coordinate columns the user names taking precedence.
//
// Rules:
// - A named column matches a header exactly (case-insensitive, trimmed), else after mapping.ts's
//   normalisation, so `--lon 经度` also finds "经度（WGS84）". A named column leaves any field the
//   guess had given it.
// - Without both a longitude and a latitude column nothing can be read: an InputError naming the
//   columns the file has.
import { findColumn } from '../io/columns';
import { InputError, type Table } from '../io/table';
import { guessMapping, normaliseName, type Mapping } from './mapping';

export interface CoordinateNames {
  lon?: string;
  lat?: string;
}

function namedColumn(header: readonly string[], name: string): number {
  const exact = findColumn(header, [name]);
  return exact !== -1 ? exact : header.findIndex((h) => normaliseName(h) === normaliseName(name));
}

/** The 'points' layer's mapping of `header`, with the named coordinate columns forced. */
export function pointsMapping(header: readonly string[], file: string, names: CoordinateNames = {}): Mapping {
  const mapping = guessMapping(header, 'points');
  for (const field of ['lon', 'lat'] as const) {
    const name = names[field];
    if (name === undefined) continue;
    const column = namedColumn(header, name);
    for (const [other, c] of Object.entries(mapping))
      if (c === column && c !== -1) mapping[other] = undefined;
    mapping[field] = column === -1 ? undefined : column;
  }
  if (mapping.lon === undefined || mapping.lat === undefined) {
    const missing = mapping.lon === undefined ? 'lon' : 'lat';
    const wanted =
      names[missing] ??
      (missing === 'lon'
        ? 'a longitude column (lon, lng, longitude, 经度)'
        : 'a latitude column (lat, latitude, 纬度)');
    throw new InputError(
      file,
      `no coordinate column found: expected ${wanted}; columns are ${header.join(', ')} (name them with --lon/--lat)`,
    );
  }
  return mapping;
}

/** The longitude and latitude columns of a table, as pointsMapping finds them. */
export function findCoordinateColumns(
  table: Table,
  file: string,
  lonName?: string,
  latName?: string,
): { lon: number; lat: number } {
  const mapping = pointsMapping(table.header, file, { lon: lonName, lat: latName });
  return { lon: mapping.lon!, lat: mapping.lat! };
}
