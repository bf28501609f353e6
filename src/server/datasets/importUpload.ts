// An uploaded file made into a dataset on the server, by the same core importers the browser's data
// worker runs (core/import/importFile.ts): the server re-reads and re-validates every row itself
// and never trusts what the client says it checked. Answers the counts and the first problems in
// the caller's language.
//
// Rules relied on:
// - The geodata (county boundaries, village codes) is read from the repository's geodata/ folder
//   with node:fs once per process, the files the browser fetches (app/engineUrls.ts).
// - A file that cannot be read at all, or a mapping that does not fit it, is a 422 whose message
//   says why in the caller's language; a file read with no usable row is for the route to refuse.
import { readFileSync } from 'node:fs';
import type { CountyCollection } from '../../core/areas';
import { DATUMS, type Datum } from '../../core/import/datum';
import {
  clippedProblem,
  geodataContext,
  importFile,
  MappingError,
  type GeodataContext,
  type ImportChoices,
} from '../../core/import/importFile';
import { DATASET_KINDS, type DatasetKind, type Mapping } from '../../core/import/mapping';
import { problemMessage } from '../../core/import/messages';
import { englishMessage, type Problem } from '../../core/import/problems';
import { FORCED_ENCODINGS, type ForcedEncoding } from '../../core/io/decode';
import { InputError } from '../../core/io/table';
import type { StoredDataset } from '../../core/storedDataset';
import { ApiError } from '../errors';

/** Problems sent back with an upload's answer (the browser's import dialog shows the full report). */
export const REPORTED_PROBLEMS = 200;

export type Locale = 'zh-CN' | 'en';

export interface UploadProblem {
  /** The row as the user's spreadsheet numbers it; null for a problem of the whole mapping. */
  row: number | null;
  column: string | null;
  message: string;
}

export interface UploadOutcome {
  dataset: StoredDataset;
  acceptedCount: number;
  rejectedCount: number;
  problemCount: number;
  problems: UploadProblem[];
  /** County adcodes in the order of the dataset's `county` column. */
  countyAdcodes: readonly string[];
}

const GEODATA = new URL('../../../geodata/', import.meta.url);
let geodata: GeodataContext | undefined;

/** The validation context, read from geodata/ on first use and kept for the process. */
export function serverGeodata(): GeodataContext {
  geodata ??= geodataContext(
    JSON.parse(readFileSync(new URL('counties.geojson', GEODATA), 'utf8')) as CountyCollection,
    readFileSync(new URL('villages.csv', GEODATA), 'utf8'),
  );
  return geodata;
}

const english = (problem: Pick<Problem, 'code' | 'params'>) =>
  englishMessage({ code: problem.code, params: problem.params });

/** A problem's text in `locale`, without its row and column (they travel beside it). */
export const problemText = (problem: Pick<Problem, 'code' | 'params'>, locale: Locale): string =>
  problemMessage(problem, locale, english);

export interface UploadQuery {
  fileName: string;
  name: string;
  layer: string;
  datum: string;
  encoding?: string;
  /** JSON: field → column index. */
  mapping?: string;
}

/** The upload's query as import choices; a 400 when the mapping is not JSON (the schema checks the rest). */
export function choicesOf(query: UploadQuery): ImportChoices {
  let mapping: Mapping | undefined;
  if (query.mapping !== undefined && query.mapping !== '') {
    try {
      mapping = JSON.parse(query.mapping) as Mapping;
    } catch {
      throw new ApiError(400, 'invalid', { detail: 'mapping is not JSON' });
    }
  }
  // The route's schema has limited these to the known values already; checked again for other callers.
  if (!(DATASET_KINDS as readonly string[]).includes(query.layer))
    throw new ApiError(400, 'invalid', { detail: `unknown layer "${query.layer}"` });
  if (!(DATUMS as readonly string[]).includes(query.datum))
    throw new ApiError(400, 'invalid', { detail: `unknown datum "${query.datum}"` });
  if (query.encoding !== undefined && !(FORCED_ENCODINGS as readonly string[]).includes(query.encoding))
    throw new ApiError(400, 'invalid', { detail: `unknown encoding "${query.encoding}"` });
  return {
    fileName: query.fileName,
    name: query.name,
    layer: query.layer as DatasetKind,
    datum: query.datum as Datum,
    encoding: query.encoding as ForcedEncoding | undefined,
    mapping,
  };
}

/** Why a file cannot be read, in `locale` (its English message when the code has no text). */
function fileFailure(error: InputError, locale: Locale): string {
  let reason: string;
  try {
    reason = problemText({ code: error.code as Problem['code'], params: error.params }, locale);
  } catch {
    reason = error.message;
  }
  return `${error.file}: ${reason}`;
}

/** Reads and validates the file; the dataset holds the accepted rows (none, possibly). */
export async function importUpload(
  bytes: Uint8Array,
  choices: ImportChoices,
  locale: Locale,
  context: GeodataContext = serverGeodata(),
): Promise<UploadOutcome> {
  let imported;
  try {
    imported = await importFile(bytes, choices, context);
  } catch (error) {
    if (error instanceof InputError)
      throw new ApiError(422, 'invalid', { detail: fileFailure(error, locale) });
    if (error instanceof MappingError) throw new ApiError(422, 'invalid', { detail: error.message });
    throw error;
  }
  const { result, dataset } = imported;
  return {
    dataset,
    acceptedCount: result.accepted.rowCount,
    rejectedCount: result.rejected.length,
    problemCount: result.problems.length,
    problems: result.problems.slice(0, REPORTED_PROBLEMS).map((problem) => {
      const clipped = clippedProblem(problem);
      return {
        row: clipped.row ?? null,
        column: clipped.column ?? null,
        message: problemText(clipped, locale),
      };
    }),
    countyAdcodes: context.countyAdcodes,
  };
}
