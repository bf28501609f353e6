import 'fake-indexeddb/auto';
import { afterEach, expect, test, vi } from 'vitest';
import { openAtlasDatabase } from './db';
import {
  clearSampleDatasets,
  deleteDataset,
  listDatasets,
  loadDataset,
  renameDataset,
  saveDataset,
} from './datasets';
import { editsFor, recordEdit } from './edits';
import { StorageError } from './errors';
import type { StoredDataset } from './types';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const freshDatabaseName = () => `atlas-test-${crypto.randomUUID()}`;

/** A new three-row dataset for each call, with one column of every kind a dataset may hold. */
function threeRowDataset(fields: Partial<StoredDataset> = {}): StoredDataset {
  return {
    id: 'stations-1',
    name: '基站 2024',
    layer: 'stations',
    rowCount: 3,
    importedAt: '2024-05-01T08:00:00.000Z',
    sourceFile: '基站.xlsx',
    datum: 'gcj02',
    sample: false,
    columns: {
      lon: Float64Array.of(106.630153, 107.0, Number.NaN),
      radiusKm: Float32Array.of(1.5, 0.25, -0),
      countyIndex: Int16Array.of(-1, 87, 32767),
      population: Int32Array.of(-2147483648, 0, 2147483647),
      technology: Uint8Array.of(0, 1, 255),
      band: Uint16Array.of(700, 2600, 65535),
      buildYear: Uint32Array.of(2019, 2024, 4294967295),
      name: ['花溪区 "一号" 站', '', 'a,b\nc'],
    },
    dictionaries: { technology: ['4G', '5G'] },
    ...fields,
  };
}

const edit = (datasetId: string, rowKey: string) => ({
  datasetId,
  rowKey,
  field: '5g' as const,
  value: true,
  date: '2024-06-01',
});

async function rejection(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

test('a dataset comes back with identical values and the same array type per column', async () => {
  const databaseName = freshDatabaseName();
  const original = threeRowDataset();
  await saveDataset(original, databaseName);
  const loaded = await loadDataset(original.id, databaseName);
  for (const [name, column] of Object.entries(original.columns)) {
    expect(loaded.columns[name].constructor, name).toBe(column.constructor);
    expect(Array.from<number | string>(loaded.columns[name]), name).toEqual(
      Array.from<number | string>(column),
    );
  }
  expect(Object.is((loaded.columns.radiusKm as Float32Array)[2], -0)).toBe(true);
  expect(loaded.dictionaries).toEqual({ technology: ['4G', '5G'] });
  expect({ ...loaded, columns: undefined, dictionaries: undefined }).toEqual({
    ...original,
    columns: undefined,
    dictionaries: undefined,
  });
});

test('a column that views part of a larger buffer is stored without the rest of the buffer', async () => {
  const databaseName = freshDatabaseName();
  const large = new Float64Array(1000).map((_, i) => i);
  const dataset = threeRowDataset({ columns: { lon: large.subarray(10, 13) } });
  await saveDataset(dataset, databaseName);
  const lon = (await loadDataset(dataset.id, databaseName)).columns.lon as Float64Array;
  expect(Array.from(lon)).toEqual([10, 11, 12]);
  expect(lon.buffer.byteLength).toBe(3 * Float64Array.BYTES_PER_ELEMENT);
});

test('a detached column (sent to the worker) is refused rather than stored empty', async () => {
  const databaseName = freshDatabaseName();
  const lon = Float64Array.of(1, 2, 3);
  structuredClone(lon, { transfer: [lon.buffer] });
  const error = await rejection(saveDataset(threeRowDataset({ columns: { lon } }), databaseName));
  expect(error.code).toBe('invalid');
  expect(await listDatasets(databaseName)).toEqual([]);
});

test('listing returns metadata in import order and never opens the columns store', async () => {
  const databaseName = freshDatabaseName();
  await saveDataset(threeRowDataset({ id: 'later', importedAt: '2024-07-01T00:00:00.000Z' }), databaseName);
  await saveDataset(threeRowDataset({ id: 'earlier', importedAt: '2024-02-01T00:00:00.000Z' }), databaseName);
  const storesOpened: string[] = [];
  const transaction = IDBDatabase.prototype.transaction;
  vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
    this: IDBDatabase,
    ...args: Parameters<IDBDatabase['transaction']>
  ) {
    const storeNames = args[0];
    storesOpened.push(...(typeof storeNames === 'string' ? [storeNames] : storeNames));
    return transaction.apply(this, args);
  });
  const listed = await listDatasets(databaseName);
  expect(storesOpened).toEqual(['datasets']);
  expect(listed.map((metadata) => metadata.id)).toEqual(['earlier', 'later']);
  expect(listed[0]).not.toHaveProperty('columns');
  expect(listed[0]).not.toHaveProperty('dictionaries');
  // 8+4+2+4+1+2+4 bytes a row for the typed arrays, 2 bytes a character for the strings.
  expect(listed[0].byteSize).toBe(3 * 25 + 2 * (10 + 0 + 5) + 2 * (2 + 2));
});

test('renaming changes the name only; a missing id or an empty name is refused', async () => {
  const databaseName = freshDatabaseName();
  await saveDataset(threeRowDataset(), databaseName);
  await renameDataset('stations-1', '  移动基站  ', databaseName);
  const [metadata] = await listDatasets(databaseName);
  expect(metadata.name).toBe('移动基站');
  expect((await loadDataset('stations-1', databaseName)).columns.band).toEqual(
    Uint16Array.of(700, 2600, 65535),
  );
  expect((await rejection(renameDataset('missing', 'x', databaseName))).code).toBe('not-found');
  expect((await rejection(renameDataset('stations-1', ' ', databaseName))).code).toBe('invalid');
});

test('deleting a dataset removes its metadata, columns and edits, and nothing of another dataset', async () => {
  const databaseName = freshDatabaseName();
  await saveDataset(threeRowDataset({ id: 'a' }), databaseName);
  await saveDataset(threeRowDataset({ id: 'b' }), databaseName);
  await recordEdit(edit('a', '520111001001'), databaseName);
  await recordEdit(edit('b', '520111001001'), databaseName);
  await deleteDataset('a', databaseName);
  expect((await listDatasets(databaseName)).map((metadata) => metadata.id)).toEqual(['b']);
  expect((await rejection(loadDataset('a', databaseName))).code).toBe('not-found');
  const database = await openAtlasDatabase(databaseName);
  expect(await database.get('datasetColumns', 'a')).toBeUndefined();
  expect(await editsFor('a', undefined, databaseName)).toEqual([]);
  expect(await editsFor('b', undefined, databaseName)).toHaveLength(1);
  expect((await rejection(deleteDataset('a', databaseName))).code).toBe('not-found');
});

test('clearing the samples removes sample datasets and their edits only', async () => {
  const databaseName = freshDatabaseName();
  await saveDataset(threeRowDataset({ id: 'sample-villages', sample: true }), databaseName);
  await saveDataset(threeRowDataset({ id: 'sample-stations', sample: true }), databaseName);
  await saveDataset(threeRowDataset({ id: 'mine' }), databaseName);
  await recordEdit(edit('sample-villages', 'v1'), databaseName);
  const removed = await clearSampleDatasets(databaseName);
  expect(removed.sort()).toEqual(['sample-stations', 'sample-villages']);
  expect((await listDatasets(databaseName)).map((metadata) => metadata.id)).toEqual(['mine']);
  expect(await editsFor('sample-villages', undefined, databaseName)).toEqual([]);
});

test('a transaction aborted after the metadata and before the columns leaves no dataset behind', async () => {
  const databaseName = freshDatabaseName();
  const database = await openAtlasDatabase(databaseName);
  const transaction = database.transaction(['datasets', 'datasetColumns'], 'readwrite');
  const { columns: _columns, dictionaries: _dictionaries, ...fields } = threeRowDataset();
  await transaction.objectStore('datasets').put({ ...fields, byteSize: 0 });
  transaction.abort();
  await expect(transaction.done).rejects.toThrow();
  expect(await listDatasets(databaseName)).toEqual([]);
});

test('saveDataset interrupted between its two writes keeps neither, and the earlier version stays whole', async () => {
  const databaseName = freshDatabaseName();
  await saveDataset(threeRowDataset(), databaseName);
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['put']>
  ) {
    if (this.name === 'datasetColumns') this.transaction.abort();
    return put.apply(this, args);
  });
  const error = await rejection(
    saveDataset(
      threeRowDataset({ name: 'replacement', columns: { lon: Float64Array.of(0, 0, 0) } }),
      databaseName,
    ),
  );
  vi.restoreAllMocks();
  expect(error.code).toBe('write-failed');
  expect(error.cause).toBeDefined();
  const [metadata] = await listDatasets(databaseName);
  expect(metadata.name).toBe('基站 2024');
  expect((await loadDataset('stations-1', databaseName)).columns.lon).toEqual(
    Float64Array.of(106.630153, 107.0, Number.NaN),
  );
});

test('a full disk is reported as quota-exceeded with the browser error as cause, and nothing is kept', async () => {
  const databaseName = freshDatabaseName();
  const quotaError = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw quotaError;
  });
  const error = await rejection(saveDataset(threeRowDataset(), databaseName));
  vi.restoreAllMocks();
  expect(error.code).toBe('quota-exceeded');
  expect(error.cause).toBe(quotaError);
  expect(await listDatasets(databaseName)).toEqual([]);
});

test('without IndexedDB every call fails as unavailable', async () => {
  vi.stubGlobal('indexedDB', undefined);
  expect((await rejection(saveDataset(threeRowDataset(), freshDatabaseName()))).code).toBe('unavailable');
  expect((await rejection(listDatasets(freshDatabaseName()))).code).toBe('unavailable');
});

test('a database left at a newer version by a newer app is unavailable, not silently empty', async () => {
  const databaseName = freshDatabaseName();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(databaseName, 5);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
  const error = await rejection(listDatasets(databaseName));
  expect(error.code).toBe('unavailable');
  expect((error.cause as DOMException).name).toBe('VersionError');
});
