// Which stations the user has asked to see: operators, bands and build years. One mask serves
// the figures, the low-zoom aggregates and the modelled coverage, so they always agree with the
// points the map draws (which apply the same rule as a MapLibre filter expression).
//
// Rules: an empty `operators`/`bands` list means all; a station whose operator or band the file
// does not give (UNKNOWN_CATEGORY) passes only when that list is empty. Build year 0 (unknown)
// always passes the year range, as in the coverage model.
//
// The rule is decided per kind of station (its operator, band and build year; a few hundred kinds
// for 326,000 stations), so a filter or year change looks up one flag per station, and the figures
// can count by kind without a pass over the stations (stations.ts).
import type { StationColumns } from '../coverage/types';
import type { StationFilter } from './definition';
import type { StationLayer } from './stationColumns';

// Declared with the layers' count inputs (definition.ts), which take a filter too.
export type { StationFilter } from './definition';

export const NO_STATION_FILTER: StationFilter = { operators: [], bands: [], fromYear: 0 };

export function stationFilterMask(
  stations: StationLayer,
  filter: StationFilter,
  asOfYear: number,
): Uint8Array {
  const kinds = stationKinds(stations);
  const { kindOf } = kinds;
  const passing = kindsPassing(stations, kinds, filter, asOfYear);
  const mask = new Uint8Array(kindOf.length);
  for (let i = 0; i < mask.length; i++) mask[i] = passing[kindOf[i]];
  return mask;
}

/** The stations' distinct operator, band and build year (the kinds), and each station's kind. */
export interface StationKinds {
  operator: Uint8Array;
  band: Uint8Array;
  buildYear: Int16Array;
  /** Per station: its kind. */
  kindOf: Int32Array;
}

// Once per station rows: the layer's columns are never changed in place.
const kindsCache = new WeakMap<StationLayer, StationKinds>();

export function stationKinds(stations: StationLayer): StationKinds {
  const cached = kindsCache.get(stations);
  if (cached) return cached;
  const { operator, band, buildYear } = stations;
  // Years numbered first (a table over every Int16 year), so a kind's key stays a small integer.
  const yearNumber = new Int32Array(1 << 16).fill(-1);
  let years = 0;
  for (let i = 0; i < buildYear.length; i++)
    if (yearNumber[buildYear[i] + 32768] < 0) yearNumber[buildYear[i] + 32768] = years++;
  const kindOfKey = new Map<number, number>();
  const kindOf = new Int32Array(buildYear.length);
  const kindOperator: number[] = [],
    kindBand: number[] = [],
    kindYear: number[] = [];
  for (let i = 0; i < kindOf.length; i++) {
    const key = ((operator[i] << 8) | band[i]) * years + yearNumber[buildYear[i] + 32768];
    let kind = kindOfKey.get(key);
    if (kind === undefined) {
      kindOfKey.set(key, (kind = kindOperator.length));
      kindOperator.push(operator[i]);
      kindBand.push(band[i]);
      kindYear.push(buildYear[i]);
    }
    kindOf[i] = kind;
  }
  const kinds = {
    operator: Uint8Array.from(kindOperator),
    band: Uint8Array.from(kindBand),
    buildYear: Int16Array.from(kindYear),
    kindOf,
  };
  kindsCache.set(stations, kinds);
  return kinds;
}

/** Per kind: 1 when its stations pass `filter` and are on air by `asOfYear`. */
export function kindsPassing(
  stations: StationLayer,
  kinds: StationKinds,
  filter: StationFilter,
  asOfYear: number,
): Uint8Array {
  const keepOperator = lookup(stations.operators, filter.operators),
    keepBand = lookup(stations.bands, filter.bands);
  const { fromYear } = filter;
  const passing = new Uint8Array(kinds.buildYear.length);
  for (let k = 0; k < passing.length; k++) {
    const year = kinds.buildYear[k];
    const inYears = year === 0 || ((fromYear === 0 || year >= fromYear) && year <= asOfYear);
    passing[k] = inYears ? keepOperator[kinds.operator[k]] & keepBand[kinds.band[k]] : 0;
  }
  return passing;
}

/** The stations passing the filter (ignoring the as-of year) as compact columns, with their radii. */
export function filteredStations(
  stations: StationLayer,
  radiiMeters: Float32Array,
  filter: StationFilter,
): { columns: StationColumns; radiiMeters: Float32Array } {
  const mask = stationFilterMask(stations, filter, Number.MAX_SAFE_INTEGER);
  let count = 0;
  for (let i = 0; i < mask.length; i++) count += mask[i];
  const result: StationColumns = {
    lon: new Float64Array(count),
    lat: new Float64Array(count),
    bandClass: new Uint8Array(count),
    buildYear: new Int16Array(count),
  };
  const radii = new Float32Array(count);
  for (let i = 0, k = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    result.lon[k] = stations.lon[i];
    result.lat[k] = stations.lat[i];
    result.bandClass[k] = stations.bandClass[i];
    result.buildYear[k] = stations.buildYear[i];
    radii[k++] = radiiMeters[i];
  }
  return { columns: result, radiiMeters: radii };
}

/** code → keep, for all 256 codes (the unknown code included). */
function lookup(labels: readonly string[], wanted: string[]): Uint8Array {
  const keep = new Uint8Array(256);
  if (wanted.length === 0) return keep.fill(1);
  labels.forEach((label, code) => {
    if (wanted.includes(label)) keep[code] = 1;
  });
  return keep;
}
