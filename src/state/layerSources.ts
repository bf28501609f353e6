// Which data each of the four layers draws: the sample, one of the user's stored datasets, or
// none. The choice is kept per layer in localStorage and applied again after a reload; the engine
// worker reads a chosen dataset itself, so no point array passes through the page.
//
// Rules relied on:
// - A layer without a choice draws the sample when it is loaded (the engine's rule).
// - A chosen dataset that no longer exists (deleted here, or in another tab before a reload)
//   falls back to none, and the layer's section says so until another source is chosen.
// - Choices are compared by identity: a reply to an older choice never overrides a newer one.
import { create } from 'zustand';
import { STORAGE_KEYS } from './storageKeys';
import { LAYER_NAMES, type LayerName } from '../core/layers/types';
import type { LayerSourceChoice } from '../worker/engine';
import { useDatasets } from './datasets';
import { getEngine } from './engine';
import { refreshLayers } from './layerData';

/** Why a layer's section explains its source: the chosen dataset is gone, or could not be read. */
export type SourceNote = 'missing' | 'failed';

interface LayerSourcesSlice {
  choices: Partial<Record<LayerName, LayerSourceChoice>>;
  notes: Partial<Record<LayerName, SourceNote>>;
}

const STORAGE_KEY = STORAGE_KEYS.layerSources;

const isDatasetChoice = (choice: unknown): choice is { datasetId: string } =>
  typeof choice === 'object' &&
  choice !== null &&
  typeof (choice as { datasetId?: unknown }).datasetId === 'string';

function savedChoices(): LayerSourcesSlice['choices'] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    const entries = Object.entries(typeof saved === 'object' && saved !== null ? saved : {});
    return Object.fromEntries(
      entries.filter(
        ([layer, choice]) =>
          LAYER_NAMES.includes(layer as LayerName) &&
          (choice === null || choice === 'sample' || isDatasetChoice(choice)),
      ),
    );
  } catch {
    return {};
  }
}

export const useLayerSources = create<LayerSourcesSlice>()(() => ({ choices: savedChoices(), notes: {} }));

useLayerSources.subscribe(({ choices }, previous) => {
  if (choices !== previous.choices) localStorage.setItem(STORAGE_KEY, JSON.stringify(choices));
});

function update(layer: LayerName, choice: LayerSourceChoice | undefined, note: SourceNote | undefined): void {
  useLayerSources.setState((s) => ({
    choices: { ...s.choices, [layer]: choice },
    notes: { ...s.notes, [layer]: note },
  }));
}

/** Asks the engine for the choice; false when the dataset could not be read. */
async function apply(layer: LayerName, choice: LayerSourceChoice): Promise<boolean> {
  const current = () => useLayerSources.getState().choices[layer] === choice;
  try {
    const info = await getEngine().setLayerSource(layer, choice);
    if (current() && isDatasetChoice(choice) && info.sources[layer]?.datasetId !== choice.datasetId)
      update(layer, null, 'missing');
    return true;
  } catch (error) {
    console.warn(`layer ${layer}: the chosen dataset could not be read`, error);
    if (current()) useLayerSources.setState((s) => ({ notes: { ...s.notes, [layer]: 'failed' } }));
    return false;
  } finally {
    await refreshLayers();
  }
}

/** The user's choice for a layer: remembered, drawn, and taken back if the dataset cannot be read. */
export async function setLayerSource(layer: LayerName, choice: LayerSourceChoice): Promise<void> {
  const previous = useLayerSources.getState().choices[layer];
  update(layer, choice, undefined);
  if (!(await apply(layer, choice)) && useLayerSources.getState().choices[layer] === choice) {
    useLayerSources.setState((s) => ({ choices: { ...s.choices, [layer]: previous } }));
  }
}

/** Applies the saved choices again (the engine starts without any). Call once the engine is ready. */
export async function restoreLayerSources(): Promise<void> {
  const { choices } = useLayerSources.getState();
  await Promise.all(
    LAYER_NAMES.flatMap((layer) => {
      const choice = choices[layer];
      return choice === undefined ? [] : [apply(layer, choice)];
    }),
  );
}

// A chosen dataset deleted from the list: the engine finds it gone and the layer falls back to none.
useDatasets.subscribe(({ datasets }, previous) => {
  if (datasets === previous.datasets) return;
  const listed = new Set(datasets.map((d) => d.id)),
    wasListed = new Set(previous.datasets.map((d) => d.id));
  const { choices } = useLayerSources.getState();
  for (const layer of LAYER_NAMES) {
    const choice = choices[layer];
    if (isDatasetChoice(choice) && wasListed.has(choice.datasetId) && !listed.has(choice.datasetId))
      void apply(layer, choice);
  }
});

// In a team atlas the layers follow the team's newest data: a layer without a choice, or showing an
// older version of the team's dataset of its kind, switches to the newest version once it is here.
// A local dataset the person chose stays chosen.
useDatasets.subscribe(({ datasets }, previous) => {
  if (datasets === previous.datasets) return;
  const { choices } = useLayerSources.getState();
  for (const layer of LAYER_NAMES) {
    const teamVersions = datasets.filter((d) => d.layer === layer && d.origin?.kind === 'server');
    if (teamVersions.length === 0) continue;
    const newest = teamVersions.reduce((a, b) => (b.origin!.version > a.origin!.version ? b : a));
    const choice = choices[layer];
    const shown = isDatasetChoice(choice) ? teamVersions.find((d) => d.id === choice.datasetId) : undefined;
    if (choice === undefined || (shown && shown.id !== newest.id))
      void setLayerSource(layer, { datasetId: newest.id });
  }
});
