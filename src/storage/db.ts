// The app's one IndexedDB database: schema, upgrades, a cached connection per database name, and
// the transaction runner every read and write goes through.
//
// Rules relied on:
// - The schema only grows through `upgrade`, one `if (oldVersion < n)` step per version, so a
//   browser that skipped versions replays every step in order.
// - `datasets` holds small metadata, `datasetColumns` the heavy arrays under the same id: listing
//   opens only `datasets` and never reads a column.
// - A write resolves only after its transaction's `complete` event (tx.done), with durability
//   'strict' (Chrome defaults to 'relaxed' since version 121: complete fires before the OS flush),
//   so "saved" in the UI means on disk. Anything thrown inside aborts the whole transaction:
//   a dataset or edit is stored entirely or not at all.
// - Version 2 added `slides` (saved views for presentations); datasets and edits are untouched by it.
// - Version 3 added the team mode's `teamEdits` (the server's edits of server datasets, keyed by
//   dataset and server id) and `outbox` (edits made here that the server has not answered yet, or
//   refused: kept until applied, never dropped); the stores of version 2 are untouched by it.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { StorageError, toStorageError, type StorageErrorCode } from './errors';
import type {
  DatasetMetadata,
  OutboxEntry,
  StoredDataset,
  StoredEdit,
  StoredSlide,
  TeamEditRecord,
} from './types';

export const DATABASE_NAME = 'guizhou-coverage-atlas';
export const DATABASE_VERSION = 3;

/** A dataset's heavy half, stored under the dataset's id. */
export interface DatasetColumnsRecord {
  id: string;
  columns: StoredDataset['columns'];
  dictionaries?: StoredDataset['dictionaries'];
}

export interface AtlasSchema extends DBSchema {
  datasets: { key: string; value: DatasetMetadata };
  datasetColumns: { key: string; value: DatasetColumnsRecord };
  edits: {
    key: number;
    value: StoredEdit;
    indexes: { byDatasetId: string; byDatasetIdRowKey: [string, string] };
  };
  slides: { key: string; value: StoredSlide };
  teamEdits: {
    key: [string, number];
    value: TeamEditRecord;
    indexes: { byDatasetIdRowKey: [string, string] };
  };
  outbox: { key: string; value: OutboxEntry; indexes: { byDatasetId: string } };
}

export type AtlasDatabase = IDBPDatabase<AtlasSchema>;
export type AtlasStoreName = StoreNames<AtlasSchema>;

function upgrade(database: IDBPDatabase<AtlasSchema>, oldVersion: number): void {
  if (oldVersion < 1) {
    database.createObjectStore('datasets', { keyPath: 'id' });
    database.createObjectStore('datasetColumns', { keyPath: 'id' });
    const edits = database.createObjectStore('edits', { keyPath: 'key', autoIncrement: true });
    edits.createIndex('byDatasetId', 'datasetId');
    edits.createIndex('byDatasetIdRowKey', ['datasetId', 'rowKey']);
  }
  if (oldVersion < 2) {
    database.createObjectStore('slides', { keyPath: 'id' });
  }
  if (oldVersion < 3) {
    const teamEdits = database.createObjectStore('teamEdits', { keyPath: ['datasetId', 'id'] });
    teamEdits.createIndex('byDatasetIdRowKey', ['datasetId', 'rowKey']);
    const outbox = database.createObjectStore('outbox', { keyPath: 'mutationId' });
    outbox.createIndex('byDatasetId', 'datasetId');
  }
}

const connections = new Map<string, Promise<AtlasDatabase>>();

function connect(name: string): Promise<AtlasDatabase> {
  if (typeof indexedDB === 'undefined' || indexedDB === null) {
    return Promise.reject(new StorageError('unavailable', 'IndexedDB is not available in this browser'));
  }
  return new Promise<AtlasDatabase>((resolve, reject) => {
    let settled = false;
    const fail = (error: StorageError) => {
      if (!settled) {
        settled = true;
        reject(error);
      }
    };
    let opening: Promise<AtlasDatabase>;
    try {
      opening = openDB<AtlasSchema>(name, DATABASE_VERSION, {
        upgrade,
        // Another tab keeps an older schema open; waiting could hang the UI indefinitely.
        blocked: () =>
          fail(
            new StorageError(
              'unavailable',
              'the database is held open by another tab with an older version of the app',
            ),
          ),
        // A newer version of the app wants to upgrade in another tab: step aside, reopen on next use.
        blocking: (_currentVersion, _blockedVersion, event) => {
          connections.delete(name);
          (event.target as IDBDatabase).close();
        },
        terminated: () => connections.delete(name),
      });
    } catch (error) {
      // indexedDB.open throws synchronously in some sandboxed or privacy modes.
      fail(toStorageError(error, 'unavailable', 'opening the database'));
      return;
    }
    opening.then(
      (database) => {
        // Opened after we gave up on it (was blocked): nobody holds this connection, so close it.
        if (settled) database.close();
        else {
          settled = true;
          resolve(database);
        }
      },
      (error) => fail(toStorageError(error, 'unavailable', 'opening the database')),
    );
  });
}

/** The connection to `name`, opened (and upgraded) on first use; a failed open is retried next call. */
export function openAtlasDatabase(name: string = DATABASE_NAME): Promise<AtlasDatabase> {
  let connection = connections.get(name);
  if (!connection) {
    connection = connect(name);
    connections.set(name, connection);
    const opened = connection;
    opened.catch(() => {
      if (connections.get(name) === opened) connections.delete(name);
    });
  }
  return connection;
}

/** Closes the cached connection to `name`, if any (tests, or before deleting the database). */
export async function closeAtlasDatabase(name: string = DATABASE_NAME): Promise<void> {
  const connection = connections.get(name);
  connections.delete(name);
  if (connection) (await connection.catch(() => null))?.close();
}

export type AtlasTransaction<
  Names extends AtlasStoreName[],
  Mode extends IDBTransactionMode,
> = IDBPTransaction<AtlasSchema, Names, Mode>;

/**
 * Runs `work` in one transaction over `storeNames` and resolves with its result once the
 * transaction has completed. Inside `work`, await each request as it is made (no other awaits):
 * an unawaited request would leave a dangling promise if a later one throws.
 */
export async function inTransaction<Names extends AtlasStoreName[], Mode extends IDBTransactionMode, Result>(
  databaseName: string,
  storeNames: Names,
  mode: Mode,
  failure: { code: StorageErrorCode; what: string },
  work: (transaction: AtlasTransaction<Names, Mode>) => Promise<Result>,
): Promise<Result> {
  const database = await openAtlasDatabase(databaseName);
  let transaction: AtlasTransaction<Names, Mode>;
  try {
    transaction = database.transaction(
      storeNames,
      mode,
      mode === 'readwrite' ? { durability: 'strict' } : undefined,
    );
  } catch (error) {
    throw toStorageError(error, failure.code, failure.what);
  }
  // Its rejection is reported by the `await` below or, after a failure in `work`, by the throw.
  transaction.done.catch(() => undefined);
  try {
    const result = await work(transaction);
    await transaction.done;
    return result;
  } catch (error) {
    abortQuietly(transaction);
    throw toStorageError(error, failure.code, failure.what);
  }
}

function abortQuietly(transaction: { abort(): void }): void {
  // Throws InvalidStateError when the transaction already finished (or aborted itself after a
  // failed request); the failure that brought us here is the one worth reporting.
  try {
    transaction.abort();
  } catch {
    /* already finished */
  }
}
