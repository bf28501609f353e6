// The sync of offline field edits in the page (team mode only): how many edits wait, which the
// server refused or sent to review and why, when the last sync reached the server, and whether one
// runs. team/editSync.ts does the work; this slice shows it and reads the layers again when the
// team's edits changed.
//
// Rules relied on:
// - Nothing here runs in local mode: startEditSync is called only once the app is in team mode.
// - A sync runs at start, after every edit queued (useTracking's `queued`), after a sign-in, when
//   the datasets kept here change (new server copies: their edits are pulled), on 立即同步, on
//   coming back online and every 60 s while the page is visible.
// - After it changed a dataset's edits, the layers showing that dataset are read again by the
//   engine, so every figure, list and the map count what the team did.
import { create } from 'zustand';
import { LAYER_NAMES } from '../core/layers/types';
import { EditSync, type SyncStatus } from '../team/editSync';
import type { LayerSourceChoice } from '../worker/engine';
import { useDatasets } from './datasets';
import { getEngine } from './engine';
import { refreshLayers } from './layerData';
import { useLayerSources } from './layerSources';
import { useAtlas } from './store';
import { useTeam } from './team';
import { useTracking } from './tracking';

export type SyncSlice = SyncStatus & { started: boolean };

export const useSync = create<SyncSlice>()(() => ({
  started: false,
  waiting: 0,
  conflicted: [],
  rejected: [],
  syncing: false,
  lastSyncAt: null,
  offline: false,
  needsSignIn: false,
  nextRetryAt: null,
}));

let editSync: EditSync | null = null;
let stopSync: () => void = () => {};

const isDatasetChoice = (choice: LayerSourceChoice | undefined): choice is { datasetId: string } =>
  typeof choice === 'object' && choice !== null;

/** The layers showing any of these datasets are read again with their edits, then redrawn. */
async function readLayersAgain(datasetIds: readonly string[]): Promise<void> {
  const { choices } = useLayerSources.getState();
  let changed = false;
  for (const layer of LAYER_NAMES) {
    const choice = choices[layer];
    if (!isDatasetChoice(choice) || !datasetIds.includes(choice.datasetId)) continue;
    useAtlas.getState().setLayerInfo(await getEngine().setLayerSource(layer, choice));
    changed = true;
  }
  // Open lists, the inspector and the status editor read their edits again.
  useTracking.setState((s) => ({ editsVersion: s.editsVersion + 1 }));
  if (changed) await refreshLayers();
}

const serverDatasetIds = (datasets: ReturnType<typeof useDatasets.getState>['datasets']) =>
  datasets
    .filter((dataset) => dataset.origin?.kind === 'server')
    .map((dataset) => dataset.id)
    .sort()
    .join('\n');

/** Starts the edit sync (team mode); returns what stops it. Calling it again changes nothing. */
export function startEditSync(): () => void {
  if (editSync) return stopEditSync;
  editSync = new EditSync({
    onStatus: (status) => useSync.setState(status),
    onEditsChanged: readLayersAgain,
  });
  const unsubscribers = [
    useTracking.subscribe((state, previous) => {
      if (state.queued !== previous.queued) void editSync?.kick();
    }),
    useTeam.subscribe((state, previous) => {
      if (state.user && state.user.id !== previous.user?.id) void editSync?.syncNow();
    }),
    useDatasets.subscribe((state, previous) => {
      if (serverDatasetIds(state.datasets) !== serverDatasetIds(previous.datasets)) void editSync?.kick();
    }),
  ];
  stopSync = () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    editSync?.stop();
    editSync = null;
    useSync.setState({ started: false, syncing: false, nextRetryAt: null });
  };
  useSync.setState({ started: true });
  void editSync.start();
  return stopEditSync;
}

export function stopEditSync(): void {
  stopSync();
  stopSync = () => {};
}

/** 立即同步: sends what waits and brings the team's edits now (back-off starts over). */
export function syncNow(): Promise<void> {
  return editSync ? editSync.syncNow() : Promise.resolve();
}
