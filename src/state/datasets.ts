// The datasets the user keeps in this browser: listed from IndexedDB (metadata only), renamed,
// deleted and exported. Heavy work (export, import) runs in a data worker started per job.
import { wrap } from 'comlink';
import { create } from 'zustand';
import { deleteDataset, listDatasets, renameDataset } from '../storage/datasets';
import { StorageError } from '../storage/errors';
import type { DatasetMetadata } from '../storage/types';
import type { DataWorkerApi, ExportFormat } from '../worker/data.worker';
import type { DatasetWords } from '../core/export/datasetTable';

interface DatasetsSlice {
  datasets: DatasetMetadata[];
  /** The last storage error, shown to the user, never swallowed. */
  storageError: StorageError | null;
  busy: boolean;
  /** What the last export could not hold (GeoJSON: rows without coordinates); null when it held all. */
  exportShortfall: { datasetId: string; format: ExportFormat; rowsLeftOut: number; rowCount: number } | null;
}

export const useDatasets = create<DatasetsSlice>()(() => ({
  datasets: [],
  storageError: null,
  busy: false,
  exportShortfall: null,
}));

async function guarded(action: () => Promise<unknown>): Promise<void> {
  useDatasets.setState({ busy: true, storageError: null });
  try {
    await action();
    useDatasets.setState({ datasets: await listDatasets() });
  } catch (error) {
    useDatasets.setState({
      storageError:
        error instanceof StorageError
          ? error
          : new StorageError('write-failed', String(error), { cause: error }),
    });
  } finally {
    useDatasets.setState({ busy: false });
  }
}

export const refreshDatasets = () => guarded(async () => {});
export const renameStoredDataset = (id: string, name: string) => guarded(() => renameDataset(id, name));
export const deleteStoredDataset = (id: string) => guarded(() => deleteDataset(id));

/**
 * A worker for one job; terminate it to cancel the job. `onCrash` hears of a worker that died (out
 * of memory, a script that failed to load): its pending calls would otherwise never answer.
 */
export function startDataWorker(onCrash?: (message: string) => void) {
  const worker = new Worker(new URL('../worker/data.worker.ts', import.meta.url), {
    type: 'module',
    name: 'atlas-data',
  });
  worker.addEventListener('error', (event) => onCrash?.(event.message || 'the data worker stopped'));
  return { api: wrap<DataWorkerApi>(worker), terminate: () => worker.terminate() };
}

/** `words` (translated headings, county names): CSV and XLSX as people read them. */
export async function exportStoredDataset(
  id: string,
  format: ExportFormat,
  words?: DatasetWords,
): Promise<void> {
  const job = startDataWorker();
  try {
    const file = await job.api.exportDataset(id, format, words);
    downloadBytes(file.bytes, file.fileName, file.mimeType);
    useDatasets.setState({
      exportShortfall:
        file.rowsLeftOut > 0
          ? { datasetId: id, format, rowsLeftOut: file.rowsLeftOut, rowCount: file.rowCount }
          : null,
    });
  } finally {
    job.terminate();
  }
}

export function downloadBytes(bytes: Uint8Array | string, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mimeType }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
