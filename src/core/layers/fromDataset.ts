// A user's imported dataset, as stored in IndexedDB, as the map layer it feeds, with the team's
// status edits of it applied (tracking.ts): the only way a dataset becomes a layer, so whatever
// reads a layer reads the current status. Pure: the engine worker loads the dataset and its
// edits and hands them here. Each layer's module reads its own columns (datasetColumns.ts has the
// rules every reader follows).
import type { StoredDataset } from '../storedDataset';
import type { StoredEdit } from '../tracking/edits';
import { LAYER_NAMES, LAYERS, type LayerName, type LayerSet } from './registry';
import type { PlaceLayer } from './places';
import { FLAG_UNKNOWN } from '../flags';
import { PLAN_LAST_YEAR } from '../planYears';
import { currentStatus } from '../tracking/currentStatus';
import type { StatusField } from '../tracking/edits';
import { datasetRowKeys, FLAG_NO, FLAG_YES, numbers, statusCodes } from './datasetColumns';
import { STATUS_NO, STATUS_UNKNOWN, STATUS_YES_UNDATED } from './encoding';
import { EDITABLE_FIELDS, editsOf, rowIndex, trackPlaces, trackVillages } from './tracking';
import type { VillageLayer } from './villages';

/** The map layer a dataset of each import layer feeds; plain points feed none. */
const MAP_LAYER_OF = new Map<string, LayerName>(
  LAYER_NAMES.flatMap((name) => LAYERS[name].datasetLayers.map((datasetLayer) => [datasetLayer, name])),
);

export function mapLayerOfDataset(datasetLayer: string): LayerName | null {
  return MAP_LAYER_OF.get(datasetLayer) ?? null;
}

/**
 * The dataset as the layer `layer`, its statuses overridden by `edits` (the dataset's edits, as
 * storage returns them); throws when the dataset feeds another layer.
 */
export function layerFromDataset<K extends LayerName>(
  layer: K,
  dataset: StoredDataset,
  edits: readonly StoredEdit[],
): NonNullable<LayerSet[K]> {
  if (mapLayerOfDataset(dataset.layer) !== layer)
    throw new RangeError(`dataset "${dataset.name}" holds ${dataset.layer}, not ${layer}`);
  const rows = LAYERS[layer].fromDataset(dataset);
  const tracked =
    layer === 'villages'
      ? trackVillages(rows as VillageLayer, dataset.id, edits)
      : layer === 'relocationSites' || layer === 'scenicAreas'
        ? trackPlaces(rows as PlaceLayer, dataset.id, edits)
        : rows;
  return tracked as NonNullable<LayerSet[K]>;
}

/** Each editable field's flag column and, when it has one, its year column, in a stored dataset. */
const DATASET_STATUS_COLUMNS: Record<StatusField, { flag: string; year: string | null }> = {
  fiber: { flag: 'fiber', year: 'fiberYear' },
  gigabit: { flag: 'gigabit', year: 'gigabitYear' },
  '4g': { flag: 'has4g', year: null },
  '5g': { flag: 'has5g', year: 'fiveGYear' },
  covered: { flag: 'covered', year: 'coveredYear' },
};

/**
 * The dataset as it stands now, for its exports: each editable status column holds the current
 * status (the same currentStatus the layers use), its year column the year an edit made it true.
 * Columns no edit touches are shared; the dataset given is not changed.
 */
export function datasetWithEdits(dataset: StoredDataset, edits: readonly StoredEdit[]): StoredDataset {
  const layer = mapLayerOfDataset(dataset.layer);
  if (edits.length === 0 || !(layer === 'villages' || layer === 'relocationSites' || layer === 'scenicAreas'))
    return dataset;
  const rows = rowIndex(datasetRowKeys(dataset));
  const columns = { ...dataset.columns };
  for (const field of EDITABLE_FIELDS[layer]) {
    const own = editsOf(edits, field);
    if (own.length === 0) continue;
    const { flag, year } = DATASET_STATUS_COLUMNS[field];
    const { codes } = currentStatus(statusCodes(dataset, flag, year), rows, own, PLAN_LAST_YEAR);
    columns[flag] = Uint8Array.from(codes, (code) =>
      code === STATUS_UNKNOWN ? FLAG_UNKNOWN : code === STATUS_NO ? FLAG_NO : FLAG_YES,
    );
    if (year) {
      const years = Float64Array.from(numbers(dataset, year));
      codes.forEach((code, i) => {
        if (code > STATUS_YES_UNDATED) years[i] = code;
        else if (code !== STATUS_YES_UNDATED) years[i] = NaN;
      });
      columns[year] = years;
    }
  }
  return { ...dataset, columns };
}
