// The coverage model's first-covered years of every target of a layer set (each layer declares
// its modelled columns and their technology: villages 5G and 4G, relocation sites and scenic
// areas 5G) by a given list of stations and their radii. The layer view computes them once per
// loaded layer set; the vintage comparison once per vintage.
//
// Rules relied on:
// - Every station counts, whatever the map's filter: the model answers "is this place covered".
// - Stations of unknown build year (0) count from the first year (coverageYear.ts).
// - Only the target layers present get a column, so a partial result can be spread over another.
import { firstCoveredYear } from '../sample/coverageYear';
import type { StationColumns, Technology } from '../coverage/types';
import type { ModelledYears } from './figures';
import { LAYER_NAMES, LAYERS, type LayerSet } from './registry';

/** First modelled year of every target of `targets`, by the layers' modelled columns; 0 = never. */
export function modelledYearsOf(
  stations: StationColumns,
  radiiMeters: Float32Array,
  targets: LayerSet,
): ModelledYears {
  const years = buildYears(stations.buildYear);
  const result: Record<string, Int16Array> = {};
  for (const name of LAYER_NAMES) {
    const layer = targets[name];
    if (!layer) continue;
    for (const [key, technology] of Object.entries<Technology>(LAYERS[name].modelled))
      result[key] = firstCoveredYear(stations, radiiMeters, technology, layer.lon, layer.lat, years);
  }
  return result as ModelledYears;
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
