// The status editor's target and the edits it sends: one editor for the whole app, opened from the
// inspector, the village list and the dataset list. An edit goes to the engine worker, which
// stores it (on disk before the promise resolves) and reads its layer again with it; the layer
// refresh then carries it into every figure, list and the map. In team mode an edit of a server
// dataset is queued for the server instead (storage/outbox.ts): it counts at once, marked pending,
// and `queued` tells the edit sync (state/sync.ts) to send it.
import { create } from 'zustand';
import type { TrackedLayerName } from '../core/layers/tracking';
import type { ListedEdit, NewStatusEdit } from '../storage/edits';
import { STORAGE_KEYS } from './storageKeys';
import { getEngine } from './engine';
import { refreshLayers } from './layerData';
import { useAtlas } from './store';

export interface EditorTarget {
  layer: TrackedLayerName;
  datasetId: string;
  datasetName: string;
  /** The row to edit; absent: the editor asks which. */
  rowKey?: string;
}

interface TrackingSlice {
  editor: EditorTarget | null;
  /** Bumped after every recorded edit, so open lists and inspectors read again. */
  editsVersion: number;
  /** The name the person records edits under, remembered in this browser. */
  author: string;
  /** Bumped after every edit queued for the team server, so the edit sync sends it. */
  queued: number;
}

export const useTracking = create<TrackingSlice>()(() => ({
  editor: null,
  editsVersion: 0,
  author: localStorage.getItem(STORAGE_KEYS.editAuthor) ?? '',
  queued: 0,
}));

export function openStatusEditor(target: EditorTarget): void {
  useTracking.setState({ editor: target });
}

export function closeStatusEditor(): void {
  useTracking.setState({ editor: null });
}

export function setEditAuthor(author: string): void {
  localStorage.setItem(STORAGE_KEYS.editAuthor, author);
  useTracking.setState({ author });
}

/** Records the edit (durably) and refreshes what shows it; resolves once the figures are current. */
export async function saveStatusEdit(edit: NewStatusEdit): Promise<ListedEdit> {
  const { edit: stored, info } = await getEngine().recordEdit(edit);
  useAtlas.getState().setLayerInfo(info);
  useTracking.setState((s) => ({
    editsVersion: s.editsVersion + 1,
    queued: stored.pending ? s.queued + 1 : s.queued,
  }));
  await refreshLayers();
  return stored;
}
