// Where an import lands: once a dataset is saved, the map layer it feeds shows it (switched on, so
// it is seen), and a notice says so with an undo that puts back the layer's previous source and
// visibility. Plain points feed no layer and get no notice.
//
// Rules relied on: the notice describes the map only while the layer still shows the dataset; once
// the layer's source changes otherwise (the user, a link, a deletion) the notice goes, so its undo
// never overrides a later choice. Undo of a layer that had no choice puts back the sample, which
// the engine treats alike (no choice draws the sample when loaded).
import { create } from 'zustand';
import { mapLayerOfDataset } from '../core/layers/fromDataset';
import { LAYERS } from '../core/layers/registry';
import type { LayerSettings } from '../core/layerSettings';
import type { LayerName } from '../core/layers/types';
import type { DatasetMetadata } from '../storage/types';
import type { LayerSourceChoice } from '../worker/engine';
import { setLayerSource, useLayerSources } from './layerSources';
import { useLayers } from './layers';

/** A saved dataset now shown by the layer it feeds; `previous` is what undo puts back. */
export interface LayerSwitch {
  layer: LayerName;
  datasetId: string;
  name: string;
  previous: LayerSourceChoice | undefined;
  /** Whether the layer was switched on before (an import switches it on, so it is seen). */
  wasVisible: boolean;
  /** Undone: the layer shows `previous` again. */
  undone: boolean;
}

/** The notice of the last import's layer switch, until dismissed or overtaken. */
export const useImportNotice = create<{ notice: LayerSwitch | null }>()(() => ({ notice: null }));

/** Switches the layer the dataset feeds to it, and says so (with what undo would restore). */
export async function showImportOnLayer(metadata: DatasetMetadata): Promise<void> {
  dismissImportNotice();
  const layer = mapLayerOfDataset(metadata.layer);
  if (!layer) return;
  const previous = useLayerSources.getState().choices[layer];
  const choice = { datasetId: metadata.id };
  await setLayerSource(layer, choice);
  // setLayerSource puts the previous choice back when the dataset cannot be read: then no notice
  // (the layer's section says why).
  if (useLayerSources.getState().choices[layer] !== choice) return;
  const wasVisible = setLayerVisible(layer, true);
  useImportNotice.setState({
    notice: { layer, datasetId: metadata.id, name: metadata.name, previous, wasVisible, undone: false },
  });
}

/** Switches a layer on or off; returns whether it was on. */
function setLayerVisible(layer: LayerName, visible: boolean): boolean {
  const setting = LAYERS[layer].settings.visible as keyof LayerSettings;
  const was = useLayers.getState()[setting] === true;
  if (was !== visible) useLayers.getState().update({ [setting]: visible });
  return was;
}

/** Puts back the source the layer showed before the import (the sample when it had no choice). */
export async function undoLayerSwitch(): Promise<void> {
  const { notice } = useImportNotice.getState();
  if (!notice || notice.undone) return;
  useImportNotice.setState({ notice: { ...notice, undone: true } });
  if (!notice.wasVisible) setLayerVisible(notice.layer, false);
  await setLayerSource(notice.layer, notice.previous === undefined ? 'sample' : notice.previous);
}

export const dismissImportNotice = () => useImportNotice.setState({ notice: null });

// A notice whose layer has since been given another source (by the user, a link, a deletion) no
// longer describes the map, and its undo would override that later choice: it goes.
useLayerSources.subscribe(({ choices }) => {
  const { notice } = useImportNotice.getState();
  if (!notice || notice.undone) return;
  const choice = choices[notice.layer];
  if (!(typeof choice === 'object' && choice?.datasetId === notice.datasetId)) dismissImportNotice();
});
