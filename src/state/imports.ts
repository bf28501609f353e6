// One import at a time, as a small state machine the dialog renders: reading → mapping →
// report → saved (or failed). The file is read, validated and stored in a data worker started for
// this import; cancelling terminates it, so nothing half-done is kept.
//
// Rules relied on: the page does no work on the file's content, it only hands the bytes over
// (transferred, not copied). A file over MAX_FILE_BYTES is refused by its size before it is read.
// Reading the file again in another encoding (rereadImport) starts over in a fresh worker from
// the same File, so the choice works from the mapping step and from a refusal alike.
import { proxy, transfer } from 'comlink';
import { create } from 'zustand';
import type { DatasetKind, Mapping, DatumGuess } from '../core/import/mapping';
import { guessMapping } from '../core/import/mapping';
import type { Problem } from '../core/import/problems';
import type { Datum } from '../core/import/datum';
import countiesUrl from '../../geodata/counties.geojson?url';
import villagesUrl from '../../geodata/villages.csv?url';
import type { Inspection, ValidationReport } from '../worker/importJob';
import type { DatasetMetadata } from '../storage/types';
import { downloadBytes, refreshDatasets, startDataWorker } from './datasets';
import { useAtlas } from './store';
import { storageCodeOf, type StorageErrorCode } from '../storage/errors';
import { clearImportPreview, showImportPreview } from './mapIntents';
import { MAX_FILE_BYTES, megabytes } from '../core/import/limits';
import type { ForcedEncoding } from '../core/io/decode';

export type ImportStep =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string; fraction: number }
  | {
      step: 'mapping';
      inspection: Inspection;
      layer: DatasetKind;
      mapping: Mapping;
      datum: Datum;
      datumGuess: DatumGuess;
      busy: boolean;
      fraction?: number;
    }
  | {
      step: 'report';
      inspection: Inspection;
      layer: DatasetKind;
      mapping: Mapping;
      datum: Datum;
      report: Omit<ValidationReport, 'previewLon' | 'previewLat'>;
      busy: boolean;
    }
  | { step: 'saved'; metadata: DatasetMetadata }
  | {
      step: 'failed';
      fileName: string;
      problem?: Pick<Problem, 'code' | 'params'>;
      /** Set when the browser's storage refused the dataset: the dialog says why in the user's language. */
      storageCode?: StorageErrorCode;
      message: string;
    };

export const useImport = create<{ state: ImportStep }>()(() => ({ state: { step: 'idle' } }));

let job: ReturnType<typeof startDataWorker> | undefined;
/** The file being imported, kept to read it again in another encoding. */
let currentFile: File | undefined;
const set = (state: ImportStep) => useImport.setState({ state });
const absolute = (url: string) => new URL(url, location.href).href;

/** Reads `file` in a fresh data worker, in `encoding` when the user chose one. */
export async function startImport(file: File, encoding?: ForcedEncoding): Promise<void> {
  cancelImport();
  currentFile = file;
  if (file.size > MAX_FILE_BYTES) {
    const params = { sizeMb: megabytes(file.size), limitMb: megabytes(MAX_FILE_BYTES) };
    fail(file.name, { code: 'file-too-large', params, message: `the file is over ${params.limitMb} MB` });
    return;
  }
  set({ step: 'reading', fileName: file.name, fraction: 0 });
  const current = startDataWorker((message) => {
    if (job === current) fail(file.name, new Error(message));
  });
  job = current;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    // Progress comes on its own channel: a late report must not undo the step the answer led to.
    const onProgress = proxy((fraction: number) => {
      if (job === current && useImport.getState().state.step === 'reading')
        set({ step: 'reading', fileName: file.name, fraction });
    });
    const result = await current.api.inspect(
      { counties: absolute(countiesUrl), villages: absolute(villagesUrl) },
      file.name,
      transfer(bytes, [bytes.buffer]),
      onProgress,
      encoding,
    );
    if (job !== current) return;
    if ('problem' in result) {
      fail(file.name, result.problem);
      return;
    }
    const { inspection } = result;
    set({
      step: 'mapping',
      inspection,
      layer: inspection.layer,
      mapping: inspection.mapping,
      datum: inspection.datum.datum,
      datumGuess: inspection.datum,
      busy: false,
    });
  } catch (error) {
    if (job === current) fail(file.name, error);
  }
}

function fail(fileName: string, error: unknown) {
  const detail = error as { code?: Problem['code']; params?: Problem['params']; message?: string };
  set({
    step: 'failed',
    fileName,
    problem:
      detail.code && !storageCodeOf(error) ? { code: detail.code, params: detail.params ?? {} } : undefined,
    storageCode: storageCodeOf(error) ?? undefined,
    message: detail.message ?? String(error),
  });
  job?.terminate();
  job = undefined;
}

/** Reads the current file again, in `encoding`: from the mapping step or a refusal. */
export function rereadImport(encoding: ForcedEncoding): void {
  if (currentFile) void startImport(currentFile, encoding);
}

export function chooseDatasetKind(layer: DatasetKind): void {
  const state = useImport.getState().state;
  if (state.step !== 'mapping') return;
  set({ ...state, layer, mapping: guessMapping(state.inspection.header, layer) });
}

export function chooseColumn(field: string, column: number | undefined): void {
  const state = useImport.getState().state;
  if (state.step === 'mapping') set({ ...state, mapping: { ...state.mapping, [field]: column } });
}

export function chooseDatum(datum: Datum): void {
  const state = useImport.getState().state;
  if (state.step === 'mapping') set({ ...state, datum });
}

export async function validateImport(): Promise<void> {
  const state = useImport.getState().state;
  if (state.step !== 'mapping' || !job) return;
  set({ ...state, busy: true, fraction: 0 });
  const onProgress = proxy((fraction: number) => {
    const now = useImport.getState().state;
    if (now.step === 'mapping' && now.busy) set({ ...now, fraction });
  });
  try {
    const { previewLon, previewLat, ...report } = await job.api.validate(
      state.layer,
      state.mapping,
      state.datum,
      onProgress,
    );
    showImportPreview(previewLon, previewLat);
    set({
      step: 'report',
      inspection: state.inspection,
      layer: state.layer,
      mapping: state.mapping,
      datum: state.datum,
      report,
      busy: false,
    });
  } catch (error) {
    fail(state.inspection.fileName, error);
  }
}

export function backToMapping(): void {
  const state = useImport.getState().state;
  if (state.step !== 'report') return;
  clearImportPreview();
  set({
    step: 'mapping',
    inspection: state.inspection,
    layer: state.layer,
    mapping: state.mapping,
    datum: state.datum,
    datumGuess: state.inspection.datum,
    busy: false,
  });
}

export async function downloadRejected(): Promise<void> {
  const state = useImport.getState().state;
  if (state.step !== 'report' || !job) return;
  const csv = await job.api.rejectedCsv(useAtlas.getState().locale);
  downloadBytes(
    csv,
    state.inspection.fileName.replace(/\.[^.]+$/, '') + '-rejected.csv',
    'text/csv;charset=utf-8',
  );
}

/** Stores the accepted rows; the dialog says "saved" only once the write is durable. */
export async function saveImport(name: string): Promise<void> {
  const state = useImport.getState().state;
  if (state.step !== 'report' || !job) return;
  set({ ...state, busy: true });
  try {
    const metadata = await job.api.save(name);
    set({ step: 'saved', metadata });
    job.terminate();
    job = undefined;
    clearImportPreview();
    await refreshDatasets();
  } catch (error) {
    fail(state.inspection.fileName, error);
  }
}

export function cancelImport(): void {
  job?.terminate();
  job = undefined;
  currentFile = undefined;
  clearImportPreview();
  set({ step: 'idle' });
}
