// Relocation sites and scenic areas for the sample: the REAL lists (geodata/sources/
// relocation-sites.csv, scenic-areas.csv: names, levels, relocated populations, positions and
// their quality, sources) with a SYNTHETIC reported 5G coverage status added to every row.
//
// Rules relied on:
// - Every source column is carried unchanged, positions included (WGS84 as given). A position is
//   flagged approximate unless its coord_quality names a POI (a surveyed point of a map service):
//   county-seat stand-ins, "approx" and "derived" positions must look approximate wherever shown.
// - Only the status is synthetic, and every row says so (statusSample = 1). It is drawn around the
//   year the coverage model first covers the position with the sample's stations, within rules
//   from the plan: 5A areas covered by 2021 (deep coverage of 4A+ areas), 4A areas mostly, other
//   sites mostly; relocation sites from 2020, when the last moves finished. A few rows are left
//   "not reported covered" so the plan's 100 % targets show a gap to check.
import type { Random } from '../coverage/random';
import { parseCsv } from '../io/table';
import { normal, streamFor } from './draw';

export interface PlaceTable {
  /** The source file's columns and rows, unchanged. */
  header: string[];
  rows: string[][];
  name: string[];
  countyAdcode: string[];
  lon: Float64Array;
  lat: Float64Array;
  /** 1 when the position is not a surveyed point (see the header). */
  positionApproximate: Uint8Array;
}

export interface PlaceStatuses extends PlaceTable {
  /** Synthetic: 1 when reported covered by 5G by 2025. */
  reportedFiveGCovered: Uint8Array;
  /** Synthetic: the year reported covered, 0 when not. */
  reportedFiveGYear: Int16Array;
  /** 1 on every row: the status is sample data (the rest of the row is real). */
  statusSample: Uint8Array;
}

const LATEST_YEAR = 2025;
const NOISE_YEARS = 0.8;
/** The year a status centres on when the model never covers the position. */
const UNMODELLED_YEAR = 2023;

interface StatusRule {
  earliestYear: number;
  latestYear: number;
  notReportedShare: number;
}
const RELOCATION_RULE: StatusRule = { earliestYear: 2020, latestYear: LATEST_YEAR, notReportedShare: 0.1 };
function scenicRule(level: string): StatusRule {
  if (level.startsWith('5A')) return { earliestYear: 2019, latestYear: 2021, notReportedShare: 0 };
  if (level.startsWith('4A')) return { earliestYear: 2020, latestYear: LATEST_YEAR, notReportedShare: 0.05 };
  return { earliestYear: 2020, latestYear: LATEST_YEAR, notReportedShare: 0.15 };
}

/** Reads a places file; columns are named as in geodata/sources/. */
export function readPlaces(text: string, file: string): PlaceTable {
  const table = parseCsv(text, file);
  const column = (...names: string[]) => {
    const c = table.header.findIndex((h) => names.includes(h));
    if (c === -1) throw new Error(`${file} has no ${names.join(' or ')} column`);
    return c;
  };
  const [name, county, lon, lat, quality] = [
    column('name'),
    column('county_adcode'),
    column('lon_wgs84'),
    column('lat_wgs84'),
    column('coord_quality'),
  ];
  const number = (row: string[], c: number, i: number) => {
    const value = Number(row[c]);
    if (row[c]?.trim() === '' || !Number.isFinite(value))
      throw new Error(`${file} row ${table.rowNumbers[i]}: ${table.header[c]} "${row[c]}" is not a number`);
    return value;
  };
  return {
    header: table.header,
    rows: table.rows,
    name: table.rows.map((row) => row[name]),
    countyAdcode: table.rows.map((row) => row[county]),
    lon: Float64Array.from(table.rows, (row, i) => number(row, lon, i)),
    lat: Float64Array.from(table.rows, (row, i) => number(row, lat, i)),
    positionApproximate: Uint8Array.from(table.rows, (row) => (/POI/.test(row[quality] ?? '') ? 0 : 1)),
  };
}

function withStatuses(
  random: Random,
  places: PlaceTable,
  modelledFiveGYear: Int16Array,
  ruleOf: (row: number) => StatusRule,
): PlaceStatuses {
  const n = places.name.length;
  if (modelledFiveGYear.length !== n) throw new RangeError('modelledFiveGYear must have one entry per place');
  const reportedFiveGCovered = new Uint8Array(n),
    reportedFiveGYear = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const rule = ruleOf(i);
    // Both draws happen on every row, so one row's rule never shifts another row's numbers.
    const skip = random(),
      noise = normal(random);
    if (skip < rule.notReportedShare) continue;
    const centre = modelledFiveGYear[i] || UNMODELLED_YEAR;
    reportedFiveGYear[i] = Math.min(
      rule.latestYear,
      Math.max(rule.earliestYear, Math.round(centre + NOISE_YEARS * noise)),
    );
    reportedFiveGCovered[i] = 1;
  }
  return { ...places, reportedFiveGCovered, reportedFiveGYear, statusSample: new Uint8Array(n).fill(1) };
}

export function generateRelocationSiteStatuses(
  seed: number,
  sites: PlaceTable,
  modelledFiveGYear: Int16Array,
): PlaceStatuses {
  return withStatuses(streamFor(seed, 'relocation-sites'), sites, modelledFiveGYear, () => RELOCATION_RULE);
}

export function generateScenicAreaStatuses(
  seed: number,
  areas: PlaceTable,
  modelledFiveGYear: Int16Array,
): PlaceStatuses {
  const level = areas.header.indexOf('level');
  if (level === -1) throw new Error('scenic areas need a level column');
  return withStatuses(streamFor(seed, 'scenic-areas'), areas, modelledFiveGYear, (i) =>
    scenicRule(areas.rows[i][level] ?? ''),
  );
}
