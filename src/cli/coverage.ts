// `atlas coverage` and `atlas gaps`: modelled coverage of target rows (villages, resettlement
// sites, scenic areas) by station rows, and the K new sites that would cover the most of the gaps.
import {
  BAND_CLASSES,
  DEFAULT_RADIUS_METERS,
  bandClassCode,
  parseBand,
  stationRadiiMeters,
} from '../core/coverage/radius';
import { computeCoverage, withRadiusOverride, type CoverageResult } from '../core/coverage/model';
import { countyAt } from '../core/assign/countyIndex';
import { suggestSites } from '../core/coverage/suggest';
import { seatColumns } from '../core/coverage/seats';
import type { StationColumns, Technology } from '../core/coverage/types';
import { findColumn, parseNumber, type Datum } from '../core/io/points';
import { InputError } from '../core/io/table';
import { COLUMN_NAMES } from '../core/io/columns';
import { geodata, loadPoints, type LoadedPoints } from './load';
import { formatRows, round, type Format } from './output';

export interface CoverageCliOptions {
  format: Format;
  datum: Datum;
  lon?: string;
  lat?: string;
  radiusMeters?: number;
  asOfYear?: number;
}
export interface GapsCliOptions extends CoverageCliOptions {
  k: number;
  newRadiusMeters?: number;
  weightColumn?: string;
}

/** What a row is called in output: its id, else its name, else its row number. */
function rowLabels(loaded: LoadedPoints): string[] {
  const column = [
    findColumn(loaded.table.header, COLUMN_NAMES.id),
    findColumn(loaded.table.header, COLUMN_NAMES.name),
  ].find((c) => c !== -1);
  return loaded.table.rows.map(
    (row, i) =>
      (column === undefined ? '' : (row[column] ?? '').trim()) || `row ${loaded.table.rowNumbers[i]}`,
  );
}

function technologyOfText(text: string): Technology | null {
  const s = text.toUpperCase();
  if (/5G|NR/.test(s)) return '5G';
  if (/4G|LTE/.test(s)) return '4G';
  return null;
}

/** Station columns from a loaded file: band class (from band, else technology), build year. */
function stationColumns(loaded: LoadedPoints, byBand: boolean, note: (line: string) => void): StationColumns {
  const { table, file } = loaded;
  const band = findColumn(table.header, COLUMN_NAMES.band),
    technology = findColumn(table.header, COLUMN_NAMES.technology),
    year = findColumn(table.header, COLUMN_NAMES.buildYear);
  if (byBand && band === -1)
    throw new InputError(
      file,
      `--radius-by-band needs a band column (band, 频段); columns are ${table.header.join(', ')}`,
    );
  if (!byBand && band === -1 && technology === -1)
    note(`${file}: no technology or band column; every station is treated as 5G`);
  const n = table.rows.length;
  const columns: StationColumns = {
    ...loaded.points,
    bandClass: new Uint8Array(n),
    buildYear: new Int16Array(n),
  };
  table.rows.forEach((row, i) => {
    const tech = technology === -1 ? null : technologyOfText(row[technology] ?? '');
    if (technology !== -1 && !tech && band === -1)
      throw new InputError(
        file,
        `"${row[technology]}" is neither 5G nor 4G`,
        table.rowNumbers[i],
        table.header[technology],
      );
    const parsed = band === -1 ? null : parseBand(row[band] ?? '', tech ?? undefined);
    if (band !== -1 && !parsed && (byBand || !tech))
      throw new InputError(
        file,
        `band "${row[band]}" is not recognised (e.g. n78, n41, n28, FDD1800, B3)`,
        table.rowNumbers[i],
        table.header[band],
      );
    columns.bandClass[i] = bandClassCode(parsed ?? (tech === '4G' ? '4G-mid' : '5G-mid'));
    if (year !== -1 && (row[year] ?? '').trim() !== '') {
      const value = parseNumber(row[year]);
      if (value === null || !Number.isInteger(value) || value < 1990 || value > 2100)
        throw new InputError(file, `"${row[year]}" is not a year`, table.rowNumbers[i], table.header[year]);
      columns.buildYear[i] = value;
    }
  });
  return columns;
}

function modelled(
  stationsPath: string,
  targetsPath: string,
  options: CoverageCliOptions,
  note: (line: string) => void,
) {
  const stations = loadPoints(stationsPath, options);
  const targets = loadPoints(targetsPath, options);
  const byBand = options.radiusMeters === undefined;
  const columns = stationColumns(stations, byBand, note);
  const table = byBand ? DEFAULT_RADIUS_METERS : withRadiusOverride(options.radiusMeters!);
  const radii = stationRadiiMeters(columns, seatColumns(geodata().areas), table);
  const result = computeCoverage(columns, radii, targets.points, { asOfYear: options.asOfYear });
  const present = (technology: Technology) =>
    columns.bandClass.some((code) => BAND_CLASSES[code].startsWith(technology));
  return { stations, targets, result, technologies: (['5G', '4G'] as const).filter(present) };
}

const countyName = (k: number) => (k < 0 ? 'outside' : geodata().counties[k].properties.name);

export function runCoverage(
  stationsPath: string,
  targetsPath: string,
  options: CoverageCliOptions,
  note: (line: string) => void,
): string {
  const { stations, targets, result, technologies } = modelled(stationsPath, targetsPath, options, note);
  const stationIds = rowLabels(stations),
    targetIds = rowLabels(targets);
  const rows = targetIds.map((id, i) => ({
    row: targets.table.rowNumbers[i],
    id,
    county: countyName(targets.county[i]),
    ...Object.fromEntries(
      technologies.flatMap((t) => {
        const [index, meters, covered] = perTechnology(result, t);
        return [
          [`nearest${t}Id`, index[i] < 0 ? null : stationIds[index[i]]],
          [`nearest${t}Meters`, Number.isFinite(meters[i]) ? round(meters[i], 1) : null],
          [`covered${t}`, covered[i] === 1],
        ];
      }),
    ),
  }));
  return formatRows(rows, options.format);
}

function perTechnology(
  result: CoverageResult,
  technology: Technology,
): [Int32Array, Float64Array, Uint8Array] {
  return technology === '5G'
    ? [result.nearest5gIndex, result.nearest5gMeters, result.covered5g]
    : [result.nearest4gIndex, result.nearest4gMeters, result.covered4g];
}

/** New 5G sites where they would close the most gaps; radius defaults to rural mid-band 5G. */
export function runGaps(
  stationsPath: string,
  targetsPath: string,
  options: GapsCliOptions,
  note: (line: string) => void,
): string {
  const { targets, result } = modelled(stationsPath, targetsPath, options, note);
  const targetIds = rowLabels(targets);
  let weight: Float64Array | undefined;
  if (options.weightColumn) {
    const column = findColumn(targets.table.header, [options.weightColumn]);
    if (column === -1)
      throw new InputError(
        targets.file,
        `no column "${options.weightColumn}" for --weight; columns are ${targets.table.header.join(', ')}`,
      );
    weight = Float64Array.from(targets.table.rows, (row, i) => {
      const value = parseNumber(row[column]);
      if (value === null || value < 0)
        throw new InputError(
          targets.file,
          `"${row[column]}" is not a non-negative number`,
          targets.table.rowNumbers[i],
          targets.table.header[column],
        );
      return value;
    });
  }
  const uncovered = Uint8Array.from(result.covered5g, (covered) => 1 - covered);
  const radiusMeters =
    options.newRadiusMeters ?? options.radiusMeters ?? DEFAULT_RADIUS_METERS['5G-mid'].rural;
  const suggestion = suggestSites({ ...targets.points, weight }, uncovered, options.k, {
    radiusMeters,
    weighted: weight !== undefined,
  });
  note(
    `${uncovered.reduce((s, u) => s + u, 0)} of ${uncovered.length} targets uncovered; new sites modelled with a ${radiusMeters} m radius`,
  );
  const rows = suggestion.picks.map((pick, rank) => ({
    rank: rank + 1,
    lon: round(pick.lon, 6),
    lat: round(pick.lat, 6),
    county: countyName(countyAt(geodata().countyIndex, pick.lon, pick.lat)),
    gain: pick.gain,
    cumulative: pick.cumulative,
    newlyCovered: pick.newlyCovered.map((t) => targetIds[t]).join(';'),
  }));
  return formatRows(rows, options.format);
}
