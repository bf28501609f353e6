// Reading a user's imported dataset, as stored in IndexedDB, column by column: what each layer's
// fromDataset is made of. Pure: the engine worker loads the dataset and hands it over.
//
// Rules relied on (the columns are those src/core/import/dataset.ts builds, named as in LAYER_FIELDS):
// - Categories are dictionary-encoded, '' meaning the cell was empty; flags are 1 yes, 0 no,
//   255 unknown; years and counts are NaN when empty; `county` is the county index, −1 outside.
// - A column the dataset lacks reads as empty throughout, so a hand-made or older dataset loads.
// - A reported status is a status code (encoding.ts): yes is the year from the status's year
//   column when there is one, else "yes since an unknown year".
import type { StoredDataset } from '../storedDataset';
import { FLAG_NO, FLAG_UNKNOWN, FLAG_YES } from '../flags';
import {
  STATUS_NO,
  STATUS_UNKNOWN,
  STATUS_YES_UNDATED,
  UNKNOWN_CATEGORY,
  type LayerSource,
} from './encoding';
import { rowKeysOf } from './rowKeys';

export { FLAG_NO, FLAG_YES } from '../flags';

export const sourceOf = (dataset: StoredDataset): LayerSource => ({
  kind: 'dataset',
  name: dataset.name,
  datasetId: dataset.id,
});

/** A flag column and, if the status has one, its year column as status codes. */
export function statusCodes(dataset: StoredDataset, flagName: string, yearName: string | null): Int16Array {
  const flag = flags(dataset, flagName);
  const years = yearName === null ? null : numbers(dataset, yearName);
  return Int16Array.from(flag, (value, i) => {
    if (value === FLAG_NO) return STATUS_NO;
    if (value !== FLAG_YES) return STATUS_UNKNOWN;
    const year = years ? years[i] : NaN;
    return Number.isFinite(year) && year > STATUS_YES_UNDATED ? year : STATUS_YES_UNDATED;
  });
}

export interface Categories {
  /** Index into `labels`, UNKNOWN_CATEGORY for an empty cell (and past 255 distinct labels). */
  codes: Uint8Array;
  /** The distinct non-empty labels in order of first appearance. */
  labels: string[];
  /** A row's text as written, '' when empty. */
  textOf: (i: number) => string;
}

export function categories(dataset: StoredDataset, name: string): Categories {
  const column = dataset.columns[name],
    dictionary = dataset.dictionaries?.[name] ?? [];
  const textOf = (i: number) =>
    (column === undefined ? '' : Array.isArray(column) ? column[i] : (dictionary[column[i]] ?? '')).trim();
  const codes = new Uint8Array(dataset.rowCount).fill(UNKNOWN_CATEGORY),
    labels: string[] = [];
  const codeOf = new Map<string, number>();
  for (let i = 0; i < codes.length; i++) {
    const text = textOf(i);
    if (text === '') continue;
    let code = codeOf.get(text);
    if (code === undefined) {
      code = labels.length < UNKNOWN_CATEGORY ? labels.length : UNKNOWN_CATEGORY;
      if (code !== UNKNOWN_CATEGORY) labels.push(text);
      codeOf.set(text, code);
    }
    codes[i] = code;
  }
  return { codes, labels, textOf };
}

export function numbers(dataset: StoredDataset, name: string): Float64Array {
  const column = dataset.columns[name];
  if (column instanceof Float64Array) return column;
  return column === undefined || Array.isArray(column)
    ? new Float64Array(dataset.rowCount).fill(NaN)
    : Float64Array.from(column);
}

export function flags(dataset: StoredDataset, name: string): Uint8Array {
  const column = dataset.columns[name];
  if (column instanceof Uint8Array) return column;
  return column === undefined || Array.isArray(column)
    ? new Uint8Array(dataset.rowCount).fill(FLAG_UNKNOWN)
    : Uint8Array.from(column);
}

export function counties(dataset: StoredDataset): Int16Array {
  const column = dataset.columns.county;
  if (column instanceof Int16Array) return column;
  return column === undefined || Array.isArray(column)
    ? new Int16Array(dataset.rowCount).fill(-1)
    : Int16Array.from(column);
}

/**
 * How edits name a dataset's rows (rowKeys.ts): the village code, else the id, else the name,
 * else "#n". The layers made of the dataset name their rows the same way.
 */
export function datasetRowKeys(dataset: StoredDataset): string[] {
  const codes = texts(dataset, 'villageCode'),
    ids = texts(dataset, 'id'),
    names = texts(dataset, 'name');
  return rowKeysOf(codes.map((code, i) => code || ids[i] || names[i]));
}

export function texts(dataset: StoredDataset, name: string): string[] {
  const column = dataset.columns[name];
  return Array.isArray(column) ? column : new Array<string>(dataset.rowCount).fill('');
}
