// A dataset as the app keeps it: columnar (one array per column, all of length rowCount), so a
// 130k-row import is a handful of typed arrays that IndexedDB stores by structured clone and the
// engine reads without conversion. Made from an import by toStoredDataset.
import type { ImportedDataset } from './import/dataset';
import type { Datum } from './import/datum';

export type ColumnArray =
  Float64Array | Float32Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array | string[];

export interface StoredDataset {
  id: string;
  name: string;
  layer: string;
  rowCount: number;
  /** ISO 8601 timestamp. */
  importedAt: string;
  sourceFile: string;
  datum: Datum;
  sample: boolean;
  columns: Record<string, ColumnArray>;
  /** Category labels for dictionary-encoded integer columns, by column name. */
  dictionaries?: Record<string, string[]>;
}

/** The columnar dataset as stored: every column an array of rowCount, dictionaries beside. */
export function toStoredDataset(
  dataset: ImportedDataset,
  meta: { name: string; sourceFile: string; datum: Datum },
): StoredDataset {
  const columns: Record<string, ColumnArray> = {
    lon: dataset.lon,
    lat: dataset.lat,
    county: dataset.county,
    sourceRow: dataset.sourceRowNumbers,
  };
  const dictionaries: Record<string, string[]> = {};
  for (const [name, column] of Object.entries(dataset.categorical)) {
    columns[name] = column.codes;
    dictionaries[name] = column.labels;
  }
  for (const [name, values] of Object.entries(dataset.numeric)) columns[name] = values;
  for (const [name, values] of Object.entries(dataset.flags)) columns[name] = values;
  for (const [name, values] of Object.entries(dataset.text)) columns[name] = values;
  for (const [name, values] of Object.entries(dataset.extra)) columns[name] = values;
  return {
    id: crypto.randomUUID(),
    name: meta.name,
    layer: dataset.layer,
    rowCount: dataset.rowCount,
    importedAt: new Date().toISOString(),
    sourceFile: meta.sourceFile,
    datum: meta.datum,
    sample: false,
    columns,
    dictionaries,
  };
}
