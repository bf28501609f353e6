// `atlas coverage` and `atlas gaps`: modelled coverage of target rows (villages, resettlement
// sites, scenic areas) by station rows, and the K new sites that would cover the most of the gaps.
import { BAND_CLASSES, DEFAULT_RADIUS_METERS, stationRadiiMeters } from '../core/coverage/radius';
import { computeCoverage, withRadiusOverride, type CoverageResult } from '../core/coverage/model';
import { countyAt } from '../core/assign/countyIndex';
import { suggestSites } from '../core/coverage/suggest';
import { seatColumns } from '../core/coverage/seats';
import type { StationColumns, Technology } from '../core/coverage/types';
import { parseNumber } from '../core/import/values';
import { findColumn } from '../core/io/columns';
import { InputError } from '../core/io/table';
import {
  addIssue,
  readBandClasses,
  readBuildYears,
  stationFieldColumns,
  withoutIssues,
  type Issues,
} from './fields';
import {
  dropRows,
  geodata,
  loadPoints,
  withContext,
  type ContextOrNotes,
  type LoadContext,
  type LoadedPoints,
  type LoadOptions,
} from './load';
import { formatRows, round, type Format } from './output';

export interface CoverageCliOptions extends LoadOptions {
  format: Format;
  radiusMeters?: number;
  asOfYear?: number;
}
export interface GapsCliOptions extends CoverageCliOptions {
  k: number;
  newRadiusMeters?: number;
  weightColumn?: string;
}

/** What a row is called in output: its id, else its name, else its row number. */
function rowLabels({ table, mapping }: LoadedPoints): string[] {
  const column = mapping.id ?? mapping.name;
  return table.rowNumbers.map(
    (rowNumber, i) => (column === undefined ? '' : table.cell(i, column).trim()) || `row ${rowNumber}`,
  );
}

/** The stations file with its band classes (from band, else technology) and build years. */
function loadStations(
  path: string,
  options: CoverageCliOptions,
  context: LoadContext,
): { stations: LoadedPoints; columns: StationColumns } {
  const loaded = loadPoints(path, options, context);
  const { table, file } = loaded;
  const byBand = options.radiusMeters === undefined;
  const { band, technology, buildYear } = stationFieldColumns(table.header);
  if (byBand && band === undefined)
    throw new InputError(
      file,
      `--radius-by-band needs a band column (band, 频段); columns are ${table.header.join(', ')}`,
    );
  if (!byBand && band === undefined && technology === undefined)
    context.report.note(`${file}: no technology or band column; every station is treated as 5G`);
  const issues: Issues = new Map();
  const bandClass = readBandClasses(table, { band, technology }, byBand, issues);
  const years =
    buildYear === undefined
      ? new Int16Array(table.rowNumbers.length)
      : readBuildYears(table, buildYear, issues);
  const stations = dropRows(loaded, issues);
  return {
    stations,
    columns: {
      ...stations.points,
      bandClass: withoutIssues(bandClass, issues),
      buildYear: withoutIssues(years, issues),
    },
  };
}

function modelled(
  stationsPath: string,
  targetsPath: string,
  options: CoverageCliOptions,
  context: LoadContext,
  prepareTargets: (targets: LoadedPoints) => LoadedPoints = (targets) => targets,
) {
  const { stations, columns } = loadStations(stationsPath, options, context);
  const targets = prepareTargets(loadPoints(targetsPath, options, context));
  const table =
    options.radiusMeters === undefined ? DEFAULT_RADIUS_METERS : withRadiusOverride(options.radiusMeters);
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
  given: ContextOrNotes,
): string {
  return withContext(given, (context) => coverageRows(stationsPath, targetsPath, options, context));
}

function coverageRows(
  stationsPath: string,
  targetsPath: string,
  options: CoverageCliOptions,
  context: LoadContext,
): string {
  const { stations, targets, result, technologies } = modelled(stationsPath, targetsPath, options, context);
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

/** Each target's weight from --weight's column; rows without a usable weight are dropped. */
function withWeights(
  targets: LoadedPoints,
  columnName: string,
): { targets: LoadedPoints; weight: Float64Array } {
  const { table, file } = targets;
  const column = findColumn(table.header, [columnName]);
  if (column === -1)
    throw new InputError(
      file,
      `no column "${columnName}" for --weight; columns are ${table.header.join(', ')}`,
    );
  const issues: Issues = new Map();
  const values = Float64Array.from(table.rowNumbers, (_, i) => {
    const text = table.cell(i, column).trim();
    const value = parseNumber(text);
    if (value === null || !Number.isFinite(value) || value < 0)
      addIssue(
        issues,
        i,
        table.header[column],
        text === '' ? 'the weight is missing' : `"${text}" is not a finite number of 0 or more`,
      );
    return value ?? 0;
  });
  return { targets: dropRows(targets, issues), weight: withoutIssues(values, issues) };
}

/** New 5G sites where they would close the most gaps; radius defaults to rural mid-band 5G. */
export function runGaps(
  stationsPath: string,
  targetsPath: string,
  options: GapsCliOptions,
  given: ContextOrNotes,
): string {
  return withContext(given, (context) => suggestedSites(stationsPath, targetsPath, options, context));
}

function suggestedSites(
  stationsPath: string,
  targetsPath: string,
  options: GapsCliOptions,
  context: LoadContext,
): string {
  let weight: Float64Array | undefined;
  const readWeights = (loaded: LoadedPoints) => {
    if (!options.weightColumn) return loaded;
    const weighted = withWeights(loaded, options.weightColumn);
    weight = weighted.weight;
    return weighted.targets;
  };
  const { targets, result } = modelled(stationsPath, targetsPath, options, context, readWeights);
  const targetIds = rowLabels(targets);
  const uncovered = Uint8Array.from(result.covered5g, (covered) => 1 - covered);
  const radiusMeters =
    options.newRadiusMeters ?? options.radiusMeters ?? DEFAULT_RADIUS_METERS['5G-mid'].rural;
  const suggestion = suggestSites({ ...targets.points, weight }, uncovered, options.k, {
    radiusMeters,
    weighted: weight !== undefined,
  });
  context.report.note(
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
