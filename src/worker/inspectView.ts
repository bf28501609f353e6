// What the inspector and the search ask of the loaded layers in the engine worker: one point's
// attributes (core/layers/inspect.ts), a village found by its code, and the bounds of the villages
// under a division code (a township's 9 digits). Plain data out.
//
// Rules relied on: the modelled radii of the stations are indexed like the station layer's rows,
// since the model is built from every station (no filter); distances are to the 5G stations on air
// by the year asked for, as the map's scenic-area colours are.
import type { AreaIndex } from '../core/areas';
import { nearest, type NearestResult } from '../core/coverage/stationGrid';
import { inspectRow, villageBounds, villageRowsWithCode, type Inspection } from '../core/layers/inspect';
import type { LayerName } from '../core/layers/registry';
import type { LayerSnapshot } from './layerView';
import { stationGrid } from './stationGrids';

export type { Inspection };

/** A village found by code: its row and its inspection (null when no village layer holds the code). */
export interface VillageFound {
  inspection: Inspection;
  /** How many rows of the layer carry the code (a sheet may repeat a village). */
  rowsWithCode: number;
}

export function inspectPoint(
  snapshot: LayerSnapshot,
  areas: AreaIndex,
  townshipNames: ReadonlyMap<string, string>,
  layer: LayerName,
  row: number,
  asOfYear: number,
): Inspection | null {
  const { layers, modelled } = snapshot;
  const found: NearestResult = { index: -1, meters: Infinity };
  return inspectRow(
    {
      areas,
      layers,
      modelled,
      stationRadiiMeters: modelled.radiiMeters,
      townshipNames,
      asOfYear,
      nearest5gMeters: (lon, lat) => {
        const grid = stationGrid(modelled.columns, '5G', asOfYear);
        return grid.count > 0 ? nearest(grid, lon, lat, Infinity, found).meters : Infinity;
      },
    },
    layer,
    row,
  );
}

/** The village with this 12-digit code in the loaded village layer (its first row), or null. */
export function findVillage(
  snapshot: LayerSnapshot,
  areas: AreaIndex,
  townshipNames: ReadonlyMap<string, string>,
  code: string,
  asOfYear: number,
): VillageFound | null {
  const villages = snapshot.layers.villages;
  if (!villages) return null;
  const rows = villageRowsWithCode(villages, code);
  if (rows.length === 0) return null;
  const inspection = inspectPoint(snapshot, areas, townshipNames, 'villages', rows[0], asOfYear);
  return inspection && { inspection, rowsWithCode: rows.length };
}

/** Bounds of the loaded villages whose code starts with `prefix` (e.g. a township's 9 digits). */
export function villagesBounds(snapshot: LayerSnapshot, prefix: string) {
  const villages = snapshot.layers.villages;
  return villages && /^\d{1,12}$/.test(prefix) ? villageBounds(villages, prefix) : null;
}
