// One import at a time, as a small state machine the dialog renders: reading → mapping →
// report → saved (or failed). The file is read, validated and stored in a data worker started for
// this import; cancelling terminates it, so nothing half-done is kept. Once saved, the map layer
// the dataset feeds shows it, and a notice says so with an undo (importNotice.ts).
//
// Rules relied on: the page does no work on the file's content, it only hands the bytes over
// (transferred, not copied). A file over MAX_FILE_BYTES is refused by its size before it is read.
// Reading the file again in another encoding (rereadImport) starts over in a fresh worker from
// the same File, so the choice works from the mapping step and from a refusal alike.
// The datum is preselected only when the file states it (core/import/datum.ts statedDatum); with
// coordinate columns and no datum the rows cannot be checked, so nothing unchecked can be saved.
// A datum the user picked stays when the columns change; a stated one follows the columns.
import { proxy, transfer } from 'comlink';
import { create } from 'zustand';
import type { DatasetKind, Mapping, DatumGuess } from '../core/import/mapping';
import { guessDatum, guessMapping } from '../core/import/mapping';
import type { FileFormat } from '../core/import/importedTable';
import type { Problem } from '../core/import/problems';
import { datumForImport, statedDatum, type Datum } from '../core/import/datums';
import { mapLayerOfDataset } from '../core/layers/fromDataset';
import countiesUrl from '../../geodata/counties.geojson?url';
import villagesUrl from '../../geodata/villages.csv?url';
import type { Inspection, ValidationReport } from '../worker/importJob';
import type { DatasetMetadata } from '../storage/types';
import { downloadBytes, refreshDatasets, startDataWorker } from './datasets';
import { useAtlas } from './store';
import { storageCodeOf, type StorageErrorCode } from '../storage/errors';
import { clearImportPreview, showImportPreview } from './mapIntents';
import { showImportOnLayer } from './importNotice';
import { MAX_FILE_BYTES, megabytes } from '../core/import/limits';
import type { ForcedEncoding } from '../core/io/decode';
import type { UploadResult } from '../team/datasetSync';
import { teamErrorOf, uploadImport, uploadsToTeam, type TeamError } from './team';

export type ImportStep =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string; fraction: number }
  | {
      step: 'mapping';
      inspection: Inspection;
      layer: DatasetKind;
      mapping: Mapping;
      /** Null until the file states a datum or the user picks one. */
      datum: Datum | null;
      datumGuess: DatumGuess;
      /** The user picked the datum (it then stays when the columns change). */
      datumPicked: boolean;
      busy: boolean;
      fraction?: number;
    }
  | {
      step: 'report';
      inspection: Inspection;
      layer: DatasetKind;
      mapping: Mapping;
      datum: Datum;
      datumGuess: DatumGuess;
      datumPicked: boolean;
      report: Omit<ValidationReport, 'previewLon' | 'previewLat'>;
      busy: boolean;
      /** Team mode: why the server did not take the upload (the rows can still be saved here). */
      uploadError?: TeamError;
    }
  | {
      step: 'saved';
      metadata: DatasetMetadata;
      switching: boolean;
      /** Team mode: the server's own check of the upload, which is the one that counts. */
      server?: UploadResult;
    }
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
/** The file being imported, kept to read it again in another encoding (and to upload it). */
let currentFile: File | undefined;
let currentEncoding: ForcedEncoding | undefined;
const set = (state: ImportStep) => useImport.setState({ state });
const absolute = (url: string) => new URL(url, location.href).href;

/** Reads `file` in a fresh data worker, in `encoding` when the user chose one. */
export async function startImport(file: File, encoding?: ForcedEncoding): Promise<void> {
  cancelImport();
  currentFile = file;
  currentEncoding = encoding;
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
      datum: statedDatum(inspection.datum),
      datumGuess: inspection.datum,
      datumPicked: false,
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

/** Whether the mapping takes coordinates from the file (then a datum must be known). */
export const hasCoordinateColumns = (mapping: Mapping) =>
  mapping.lon !== undefined || mapping.lat !== undefined;

/**
 * What the file says of its datum with these columns: the chosen coordinate columns' names, else
 * what the worker read when the file was opened (file name, .prj, format).
 */
function datumGuessFor(inspection: Inspection, mapping: Mapping): DatumGuess {
  const fromColumns = guessDatum({ header: inspection.header, mapping });
  if (fromColumns.basis === 'column-name') return fromColumns;
  if (inspection.datum.basis !== 'column-name') return inspection.datum;
  // The columns that named it are no longer chosen: what else the file says (the .prj, read only
  // in the worker, is then not consulted; a file whose columns name a datum rarely has one).
  return guessDatum({
    header: inspection.header,
    mapping,
    fileName: inspection.fileName,
    format: inspection.format as FileFormat,
  });
}

/** The mapping step with new columns: the stated datum follows them, a picked one stays. */
function withMapping(state: Extract<ImportStep, { step: 'mapping' }>, layer: DatasetKind, mapping: Mapping) {
  const datumGuess = datumGuessFor(state.inspection, mapping);
  const datum = state.datumPicked ? state.datum : statedDatum(datumGuess);
  return { ...state, layer, mapping, datumGuess, datum };
}

export function chooseDatasetKind(layer: DatasetKind): void {
  const state = useImport.getState().state;
  if (state.step !== 'mapping') return;
  set(withMapping(state, layer, guessMapping(state.inspection.header, layer)));
}

export function chooseColumn(field: string, column: number | undefined): void {
  const state = useImport.getState().state;
  if (state.step === 'mapping') set(withMapping(state, state.layer, { ...state.mapping, [field]: column }));
}

export function chooseDatum(datum: Datum): void {
  const state = useImport.getState().state;
  if (state.step === 'mapping') set({ ...state, datum, datumPicked: true });
}

export async function validateImport(): Promise<void> {
  const state = useImport.getState().state;
  if (state.step !== 'mapping' || !job) return;
  const datum = datumForImport(state.datum, hasCoordinateColumns(state.mapping));
  if (!datum) return;
  set({ ...state, busy: true, fraction: 0 });
  const onProgress = proxy((fraction: number) => {
    const now = useImport.getState().state;
    if (now.step === 'mapping' && now.busy) set({ ...now, fraction });
  });
  try {
    const { previewLon, previewLat, ...report } = await job.api.validate(
      state.layer,
      state.mapping,
      datum,
      onProgress,
    );
    showImportPreview(previewLon, previewLat);
    set({
      step: 'report',
      inspection: state.inspection,
      layer: state.layer,
      mapping: state.mapping,
      datum,
      datumGuess: state.datumGuess,
      datumPicked: state.datumPicked,
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
    // A datum the check needed no choice for (no coordinates) is not a choice to show.
    datum: state.datumPicked ? state.datum : statedDatum(state.datumGuess),
    datumGuess: state.datumGuess,
    datumPicked: state.datumPicked,
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

/**
 * Stores the accepted rows; the dialog says "saved" only once the write is durable. Then the layer
 * the dataset feeds shows it (plain points feed none): the user sees what they imported.
 * In team mode a planner's or administrator's import goes to the server (unless `locally`), which
 * checks the original file again; a refusal keeps the report step open, saying why.
 */
export async function saveImport(name: string, locally = false): Promise<void> {
  const state = useImport.getState().state;
  if (state.step !== 'report' || !job) return;
  const { uploadError: _previous, ...reported } = state;
  set({ ...reported, busy: true });
  let metadata: DatasetMetadata;
  let server: UploadResult | undefined;
  try {
    if (!locally && uploadsToTeam() && currentFile) {
      const { layer, datum, mapping } = state;
      const choices = { fileName: currentFile.name, name, layer, datum, encoding: currentEncoding, mapping };
      const uploaded = await uploadImport(currentFile, choices).catch((error: unknown) => {
        if (useImport.getState().state.step === 'report')
          set({ ...reported, busy: false, uploadError: teamErrorOf(error) });
      });
      if (!uploaded || useImport.getState().state.step !== 'report') return;
      ({ metadata, result: server } = uploaded);
    } else metadata = await job.api.save(name);
    const layer = mapLayerOfDataset(metadata.layer);
    set({ step: 'saved', metadata, switching: layer !== null, ...(server && { server }) });
    job?.terminate();
    job = undefined;
    clearImportPreview();
    await refreshDatasets();
  } catch (error) {
    fail(state.inspection.fileName, error);
    return;
  }
  await showImportOnLayer(metadata);
  const now = useImport.getState().state;
  if (now.step === 'saved' && now.metadata === metadata) set({ ...now, switching: false });
}

export function cancelImport(): void {
  job?.terminate();
  job = undefined;
  currentFile = undefined;
  currentEncoding = undefined;
  clearImportPreview();
  set({ step: 'idle' });
}
