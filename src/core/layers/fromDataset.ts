// A user's imported dataset, as stored in IndexedDB, as the map layer it feeds. Pure: the engine
// worker loads the dataset and hands it here; nothing is fetched or stored. Each layer's module
// reads its own columns (datasetColumns.ts has the rules every reader follows).
import type { StoredDataset } from '../storedDataset';
import { LAYER_NAMES, LAYERS, type LayerName, type LayerSet } from './registry';

/** The map layer a dataset of each import layer feeds; plain points feed none. */
const MAP_LAYER_OF = new Map<string, LayerName>(
  LAYER_NAMES.flatMap((name) => LAYERS[name].datasetLayers.map((datasetLayer) => [datasetLayer, name])),
);

export function mapLayerOfDataset(datasetLayer: string): LayerName | null {
  return MAP_LAYER_OF.get(datasetLayer) ?? null;
}

/** The dataset as the layer `layer`; throws when the dataset feeds another layer. */
export function layerFromDataset<K extends LayerName>(
  layer: K,
  dataset: StoredDataset,
): NonNullable<LayerSet[K]> {
  if (mapLayerOfDataset(dataset.layer) !== layer)
    throw new RangeError(`dataset "${dataset.name}" holds ${dataset.layer}, not ${layer}`);
  return LAYERS[layer].fromDataset(dataset) as NonNullable<LayerSet[K]>;
}
