// A whole import in one call, with no worker, IndexedDB or page around it: bytes → table
// (readers.ts) → the user's mapping, checked against the file → every row validated
// (validate.ts) → the columnar dataset (storedDataset.ts). The team server runs exactly this on an
// uploaded file, so a row the browser's import dialog accepts is accepted there too, and a
// client can never slip in a row the importers refuse.
//
// Rules relied on:
// - The validation context is built from the same geodata the data worker fetches
//   (geodata/counties.geojson and geodata/villages.csv): the caller reads them, this stays pure.
// - A mapping from outside is checked before use: only fields of the chosen layer, each a column
//   of the file, no column twice. Without one, the dialog's own guess (guessMapping) is used.
// - Problems sent to a person are clipped (each text at most PROBLEM_TEXT_CHARS), as the data
//   worker clips what it sends to the page.
import type { CountyCollection } from '../areas';
import { countyIndexOf } from '../assign/countyIndex';
import type { ForcedEncoding } from '../io/decode';
import { toStoredDataset, type StoredDataset } from '../storedDataset';
import type { Datum } from './datum';
import type { ImportedTable } from './importedTable';
import { clipText } from './limits';
import { DATASET_FIELDS, guessMapping, type DatasetKind, type Mapping } from './mapping';
import type { Problem } from './problems';
import { readFile } from './readers';
import { parseVillageCodes, validateRows, type ValidationContext, type ValidationResult } from './validate';
import { xmldomParser } from './xmlParser';

export type GeodataContext = Omit<ValidationContext, 'datum'>;

/** The validation context from the county boundaries and the village code list (geodata/). */
export function geodataContext(counties: CountyCollection, villagesCsv: string): GeodataContext {
  const { index, counties: ordered } = countyIndexOf(counties);
  return {
    countyIndex: index,
    countyAdcodes: ordered.map((feature) => feature.properties.adcode),
    villageCodes: parseVillageCodes(villagesCsv),
  };
}

export interface ImportChoices {
  /** The file's name: its extension picks the reader; stored as the dataset's source file. */
  fileName: string;
  /** The dataset's name as people see it. */
  name: string;
  layer: DatasetKind;
  datum: Datum;
  /** Field → column index; the guess from the header when absent. */
  mapping?: Mapping;
  encoding?: ForcedEncoding;
}

export interface FileImport {
  table: ImportedTable;
  mapping: Mapping;
  result: ValidationResult;
  /** The accepted rows, ready to store. */
  dataset: StoredDataset;
}

/** Why a mapping from outside cannot be used with this header and layer, or null when it can. */
export function mappingProblem(
  mapping: unknown,
  header: readonly string[],
  layer: DatasetKind,
): string | null {
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping))
    return 'the mapping is not an object';
  const fields = new Set(DATASET_FIELDS[layer].map((spec) => spec.field));
  const used = new Set<number>();
  for (const [field, column] of Object.entries(mapping)) {
    if (!fields.has(field)) return `"${field}" is not a field of ${layer}`;
    if (column === undefined || column === null) continue;
    if (!Number.isInteger(column) || column < 0 || column >= header.length)
      return `field "${field}" names column ${JSON.stringify(column)}, but the file has ${header.length} columns`;
    if (used.has(column)) return `column ${column} is mapped to two fields`;
    used.add(column);
  }
  return null;
}

/** A mapping error: the caller sent a mapping that does not fit the file. */
export class MappingError extends Error {}

/**
 * Reads, maps and validates a file as the import dialog does. Rejects with InputError (the file
 * cannot be read at all, its `code` says why) or MappingError.
 */
export async function importFile(
  bytes: Uint8Array,
  choices: ImportChoices,
  context: GeodataContext,
): Promise<FileImport> {
  const table = await readFile(choices.fileName, bytes, {
    parseXml: xmldomParser,
    encoding: choices.encoding,
  });
  const given = choices.mapping ?? guessMapping(table.header, choices.layer);
  const problem = mappingProblem(given, table.header, choices.layer);
  if (problem) throw new MappingError(problem);
  // JSON has no undefined: a field sent as null has no column.
  const mapping: Mapping = Object.fromEntries(
    Object.entries(given).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
  );
  const result = validateRows(table, mapping, choices.layer, { ...context, datum: choices.datum });
  const dataset = toStoredDataset(result.accepted, {
    name: choices.name,
    sourceFile: choices.fileName,
    datum: choices.datum,
  });
  return { table, mapping, result, dataset };
}

export const PROBLEM_TEXT_CHARS = 200;

/** A problem fit to show: its column and text parameters clipped to PROBLEM_TEXT_CHARS. */
export const clippedProblem = (problem: Problem, chars = PROBLEM_TEXT_CHARS): Problem => ({
  ...problem,
  column: problem.column === undefined ? undefined : clipText(problem.column, chars),
  params: Object.fromEntries(
    Object.entries(problem.params).map(([key, value]) => [
      key,
      typeof value === 'string' ? clipText(value, chars) : value,
    ]),
  ),
});
