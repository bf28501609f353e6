// The coverage model's first-covered years of every target of a layer set (villages, relocation
// sites, scenic areas) by a given list of stations and their radii. The layer view computes them
// once per loaded layer set; the vintage comparison once per vintage.
//
// Rules relied on:
// - Every station counts, whatever the map's filter: the model answers "is this place covered".
// - Stations of unknown build year (0) count from the first year (coverageYear.ts).
// - Only the target layers present get a column, so a partial result can be spread over another.
import { firstCoveredYear } from '../sample/coverageYear';
import type { StationColumns } from '../coverage/types';
import type { ModelledYears } from './figures';
import type { LayerSet } from './types';

/** First modelled 5G (and 4G for villages) year of every target of `targets`; 0 = never. */
export function modelledYearsOf(
  stations: StationColumns,
  radiiMeters: Float32Array,
  targets: LayerSet,
): ModelledYears {
  const years = buildYears(stations.buildYear);
  const first = (technology: '5G' | '4G', lon: Float64Array, lat: Float64Array) =>
    firstCoveredYear(stations, radiiMeters, technology, lon, lat, years);
  const { villages, relocationSites, scenicAreas } = targets;
  const result: ModelledYears = {};
  if (villages) {
    result.villages5g = first('5G', villages.lon, villages.lat);
    result.villages4g = first('4G', villages.lon, villages.lat);
  }
  if (relocationSites) result.relocationSites5g = first('5G', relocationSites.lon, relocationSites.lat);
  if (scenicAreas) result.scenicAreas5g = first('5G', scenicAreas.lon, scenicAreas.lat);
  return result;
}

/** The distinct build years, ascending, after a slot (1) for stations of unknown year. */
function buildYears(buildYear: Int16Array): number[] {
  const seen = new Set<number>();
  for (let i = 0; i < buildYear.length; i++) if (buildYear[i] > 1) seen.add(buildYear[i]);
  return [1, ...[...seen].sort((a, b) => a - b)];
}

/** Modelled years with the stations (all of them) and radii they came from. */
export interface ModelledCoverage extends ModelledYears {
  columns: StationColumns;
  radiiMeters: Float32Array;
}
