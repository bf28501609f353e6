// The gap list in the engine worker: resolves the scope (an area code or a box) against the county
// index and measures distances on the shared nearest-station grids (stationGrids.ts).
import type { AreaIndex, Bounds } from '../core/areas';
import { stationGrid } from './stationGrids';
import { countiesOfArea, findGapRows, type GapRow } from '../core/planning/gapList';
import type { LayerSnapshot } from './layerView';

export interface GapListRequest {
  scope: { adcode: string } | { bounds: Bounds };
  asOfYear: number;
}

export interface GapListResult {
  rows: GapRow[];
  /** False when no station layer is loaded: every positioned target is then modelled uncovered. */
  stationsLoaded: boolean;
  timings: { gridsMs: number; totalMs: number };
}

export function gapList(
  areas: AreaIndex,
  { layers, modelled }: LayerSnapshot,
  { scope, asOfYear }: GapListRequest,
): GapListResult {
  const started = performance.now();
  const stations = {
    fiveG: stationGrid(modelled.columns, '5G', asOfYear),
    fourG: stationGrid(modelled.columns, '4G', asOfYear),
  };
  const gridsMs = performance.now() - started;
  const rows = findGapRows({
    layers,
    modelled,
    counties: areas.counties,
    asOfYear,
    stations,
    scope: 'adcode' in scope ? { counties: countiesOfArea(areas, scope.adcode) } : { bounds: scope.bounds },
  });
  return {
    rows,
    stationsLoaded: layers.stations !== undefined,
    timings: { gridsMs, totalMs: performance.now() - started },
  };
}
