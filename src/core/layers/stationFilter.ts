// Which stations the user has asked to see: operators, bands and build years. One mask serves
// the figures, the low-zoom aggregates and the modelled coverage, so they always agree with the
// points the map draws (which apply the same rule as a MapLibre filter expression).
//
// Rules: an empty `operators`/`bands` list means all; a station whose operator or band the file
// does not give (UNKNOWN_CATEGORY) passes only when that list is empty. Build year 0 (unknown)
// always passes the year range, as in the coverage model.
import type { StationColumns } from '../coverage/types';
import type { StationLayer } from './stationColumns';

export interface StationFilter {
  /** Operator names to keep; empty = all. */
  operators: string[];
  /** Band names to keep; empty = all. */
  bands: string[];
  /** Built in or after this year (inclusive); 0 = no lower bound. */
  fromYear: number;
}

export const NO_STATION_FILTER: StationFilter = { operators: [], bands: [], fromYear: 0 };

export function stationFilterMask(
  stations: StationLayer,
  filter: StationFilter,
  asOfYear: number,
): Uint8Array {
  const keepOperator = lookup(stations.operators, filter.operators),
    keepBand = lookup(stations.bands, filter.bands);
  const mask = new Uint8Array(stations.lon.length);
  for (let i = 0; i < mask.length; i++) {
    const year = stations.buildYear[i];
    const inYears = year === 0 || ((filter.fromYear === 0 || year >= filter.fromYear) && year <= asOfYear);
    mask[i] = inYears && keepOperator[stations.operator[i]] && keepBand[stations.band[i]] ? 1 : 0;
  }
  return mask;
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
