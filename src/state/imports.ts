// One import at a time, as a small state machine the dialog renders: reading → mapping →
// report → saved (or failed). The file is read, validated and stored in a data worker started for
// this import; cancelling terminates it, so nothing half-done is kept.
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
const set = (state: ImportStep) => useImport.setState({ state });
const absolute = (url: string) => new URL(url, location.href).href;

export async function startImport(file: File): Promise<void> {
  cancelImport();
  set({ step: 'reading', fileName: file.name, fraction: 0 });
  job = startDataWorker();
  const current = job;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const onProgress = proxy((fraction: number) => {
      if (job === current) set({ step: 'reading', fileName: file.name, fraction });
    });
    const result = await current.api.inspect(
      { counties: absolute(countiesUrl), villages: absolute(villagesUrl) },
      file.name,
      transfer(bytes, [bytes.buffer]),
      onProgress,
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
  clearImportPreview();
  set({ step: 'idle' });
}
