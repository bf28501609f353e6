// Users' imported datasets in IndexedDB: save, list, load, rename, delete, clear the samples.
//
// Rules relied on:
// - A dataset is written as metadata + columns in ONE transaction and the promise resolves on
//   its completion: a tab closed or a disk filled mid-write leaves no trace, never half a dataset.
// - Deleting a dataset deletes its columns and its edit history in the same transaction, so no
//   orphan edits can reattach to a later dataset that reuses the id.
// - Every failure is a StorageError (errors.ts); missing ids are 'not-found', not undefined.
import { inTransaction, DATABASE_NAME, type AtlasTransaction } from './db';
import { StorageError } from './errors';
import { requestPersistentStorage } from './persistence';
import type { ColumnArray, DatasetMetadata, StoredDataset } from './types';

export { requestPersistentStorage, storageEstimate, type StorageEstimate } from './persistence';

const DATUMS = new Set(['wgs84', 'gcj02', 'bd09']);
/** JavaScript engines keep strings as UTF-16 in the worst case. */
const BYTES_PER_CHARACTER = 2;

const stringBytes = (values: readonly string[]) =>
  values.reduce((sum, value) => sum + value.length * BYTES_PER_CHARACTER, 0);

/**
 * A column as it should be stored. A view on part of a larger (or shared) buffer is copied: the
 * structured clone would otherwise store the whole underlying buffer, or fail on a shared one.
 */
function storableColumn(name: string, column: ColumnArray, rowCount: number): ColumnArray {
  if (!Array.isArray(column) && !(ArrayBuffer.isView(column) && !(column instanceof DataView))) {
    throw new StorageError('invalid', `column "${name}" is neither a typed array nor an array of strings`);
  }
  // A typed array transferred to the worker is detached (length 0): storing it would lose the data.
  if (column.length !== rowCount) {
    throw new StorageError(
      'invalid',
      `column "${name}" has ${column.length} values, expected ${rowCount} (a detached array?)`,
    );
  }
  if (Array.isArray(column)) return column;
  const wholeBuffer =
    column.byteOffset === 0 &&
    column.byteLength === column.buffer.byteLength &&
    column.buffer instanceof ArrayBuffer;
  return wholeBuffer ? column : column.slice();
}

function splitDataset(dataset: StoredDataset & Pick<DatasetMetadata, 'origin'>): {
  metadata: DatasetMetadata;
  columns: Record<string, ColumnArray>;
} {
  if (typeof dataset.id !== 'string' || dataset.id === '')
    throw new StorageError('invalid', 'a dataset needs a non-empty id');
  if (!Number.isInteger(dataset.rowCount) || dataset.rowCount < 0)
    throw new StorageError('invalid', `rowCount ${dataset.rowCount} is not a count`);
  if (!DATUMS.has(dataset.datum)) throw new StorageError('invalid', `unknown datum "${dataset.datum}"`);
  const columns: Record<string, ColumnArray> = {};
  let byteSize = 0;
  for (const [name, column] of Object.entries(dataset.columns)) {
    columns[name] = storableColumn(name, column, dataset.rowCount);
    byteSize += Array.isArray(column) ? stringBytes(column) : column.byteLength;
  }
  for (const labels of Object.values(dataset.dictionaries ?? {})) byteSize += stringBytes(labels);
  // Fields picked one by one so nothing heavy slips into the small store.
  const { id, name, layer, rowCount, importedAt, sourceFile, datum, sample, origin } = dataset;
  const metadata = { id, name, layer, rowCount, importedAt, sourceFile, datum, sample, byteSize };
  // A team server's copy keeps where it came from (its version, uploader and ETag).
  return { metadata: origin ? { ...metadata, origin } : metadata, columns };
}

/**
 * Stores a dataset (replacing one with the same id) and resolves with its metadata once the write
 * is on disk. The first save also asks the browser to make storage persistent.
 */
export async function saveDataset(
  dataset: StoredDataset & Pick<DatasetMetadata, 'origin'>,
  databaseName: string = DATABASE_NAME,
): Promise<DatasetMetadata> {
  const { metadata, columns } = splitDataset(dataset);
  // Not awaited: Firefox asks the user, and the save must not wait on a permission prompt.
  void requestPersistentStorage();
  const record = dataset.dictionaries
    ? { id: metadata.id, columns, dictionaries: dataset.dictionaries }
    : { id: metadata.id, columns };
  await inTransaction(
    databaseName,
    ['datasets', 'datasetColumns'],
    'readwrite',
    { code: 'write-failed', what: `saving dataset "${metadata.name}"` },
    async (transaction) => {
      await transaction.objectStore('datasets').put(metadata);
      await transaction.objectStore('datasetColumns').put(record);
    },
  );
  return metadata;
}

const byImportTime = (a: DatasetMetadata, b: DatasetMetadata) =>
  (Date.parse(a.importedAt) || 0) - (Date.parse(b.importedAt) || 0) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every stored dataset's metadata, oldest import first. Reads no column. */
export function listDatasets(databaseName: string = DATABASE_NAME): Promise<DatasetMetadata[]> {
  return inTransaction(
    databaseName,
    ['datasets'],
    'readonly',
    { code: 'read-failed', what: 'listing datasets' },
    async (transaction) => {
      const all = await transaction.objectStore('datasets').getAll();
      return all.sort(byImportTime);
    },
  );
}

/** The whole dataset, columns with their original array types. */
export function loadDataset(id: string, databaseName: string = DATABASE_NAME): Promise<StoredDataset> {
  return inTransaction(
    databaseName,
    ['datasets', 'datasetColumns'],
    'readonly',
    { code: 'read-failed', what: `loading dataset ${id}` },
    async (transaction) => {
      const metadata = await transaction.objectStore('datasets').get(id);
      const record = metadata && (await transaction.objectStore('datasetColumns').get(id));
      if (!metadata || !record) throw new StorageError('not-found', `no dataset with id ${id}`);
      const { byteSize: _byteSize, ...fields } = metadata;
      return record.dictionaries
        ? { ...fields, columns: record.columns, dictionaries: record.dictionaries }
        : { ...fields, columns: record.columns };
    },
  );
}

export function renameDataset(
  id: string,
  name: string,
  databaseName: string = DATABASE_NAME,
): Promise<DatasetMetadata> {
  const trimmed = name.trim();
  if (trimmed === '') return Promise.reject(new StorageError('invalid', 'a dataset name cannot be empty'));
  return inTransaction(
    databaseName,
    ['datasets'],
    'readwrite',
    { code: 'write-failed', what: `renaming dataset ${id}` },
    async (transaction) => {
      const store = transaction.objectStore('datasets');
      const metadata = await store.get(id);
      if (!metadata) throw new StorageError('not-found', `no dataset with id ${id}`);
      const renamed = { ...metadata, name: trimmed };
      await store.put(renamed);
      return renamed;
    },
  );
}

type DeletingTransaction = AtlasTransaction<['datasets', 'datasetColumns', 'edits'], 'readwrite'>;

async function deleteWithinTransaction(transaction: DeletingTransaction, id: string): Promise<void> {
  await transaction.objectStore('datasets').delete(id);
  await transaction.objectStore('datasetColumns').delete(id);
  const edits = transaction.objectStore('edits');
  for (const key of await edits.index('byDatasetId').getAllKeys(id)) await edits.delete(key);
}

/** Deletes a dataset, its columns and its edit history, all or nothing. */
export function deleteDataset(id: string, databaseName: string = DATABASE_NAME): Promise<void> {
  return inTransaction(
    databaseName,
    ['datasets', 'datasetColumns', 'edits'],
    'readwrite',
    { code: 'write-failed', what: `deleting dataset ${id}` },
    async (transaction) => {
      if ((await transaction.objectStore('datasets').getKey(id)) === undefined)
        throw new StorageError('not-found', `no dataset with id ${id}`);
      await deleteWithinTransaction(transaction, id);
    },
  );
}

/** Deletes every sample dataset (and their edits) in one transaction; returns the ids removed. */
export function clearSampleDatasets(databaseName: string = DATABASE_NAME): Promise<string[]> {
  return inTransaction(
    databaseName,
    ['datasets', 'datasetColumns', 'edits'],
    'readwrite',
    { code: 'write-failed', what: 'removing the sample datasets' },
    async (transaction) => {
      const samples = (await transaction.objectStore('datasets').getAll()).filter(
        (metadata) => metadata.sample,
      );
      for (const { id } of samples) await deleteWithinTransaction(transaction, id);
      return samples.map(({ id }) => id);
    },
  );
}
