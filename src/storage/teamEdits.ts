// The team server's status edits of server datasets, kept here so the atlas counts them offline:
// pulled from GET /api/datasets/:id/edits, or answered to one of our own edits when it applied.
//
// Rules relied on:
// - The server's edit id grows with every edit it stores, so it serves as the edit's key among a
//   dataset's edits, and the highest id a pull brought is where the next pull starts (`after=`).
//   An edit kept from the answer to one of ours is marked `answered` and does not move that start:
//   others' edits stored before it (lower ids) have not been pulled yet. A pull that brings it
//   again drops the mark.
// - Storing a server edit and removing the outbox entry with the same mutation id happen in one
//   transaction: an edit of ours never counts twice (once pending, once applied) nor goes missing.
// - Server edits are never changed: storing one again (a pull that overlaps) replaces it with itself.
import { inTransaction, DATABASE_NAME, type AtlasTransaction } from './db';
import type { ServerEdit, StatusField, StoredEdit, TeamEditRecord } from './types';

type TeamEditsReader = AtlasTransaction<
  ['teamEdits', ...('outbox' | 'edits' | 'datasets')[]],
  IDBTransactionMode
>;

/** The key range of every team edit of one dataset (keys are [datasetId, id]). */
export const datasetRange = (datasetId: string): IDBKeyRange =>
  IDBKeyRange.bound([datasetId, -Infinity], [datasetId, Infinity]);

/** The fields of a server edit, one by one (ids as numbers: JSON may carry big ones as text). */
function storableEdit(edit: ServerEdit): TeamEditRecord | null {
  const id = Number(edit.id);
  const version = Number(edit.version);
  if (!Number.isSafeInteger(id) || !Number.isSafeInteger(version)) return null;
  const { datasetId, rowKey, field, kind, value, date, note, author, authorId, source, editedAt } = edit;
  return {
    id,
    datasetId,
    rowKey,
    field,
    kind,
    value,
    date,
    note: note ?? '',
    author: author ?? '',
    authorId,
    source,
    editedAt,
    version,
    mutationId: edit.mutationId,
  };
}

/** A server edit as one of the dataset's edits: its key is the server's id. */
export function teamEditAsStored(edit: ServerEdit): StoredEdit {
  const { id, datasetId, rowKey, field, kind, value, date, note, author, source, editedAt } = edit;
  return { key: id, datasetId, rowKey, field, kind, value, date, note, author, source, editedAt };
}

/**
 * Stores server edits (of any dataset) in the open transaction and removes the outbox entries they
 * answer; returns how many were new here.
 */
export async function putTeamEditsWithin(
  transaction: AtlasTransaction<['teamEdits', 'outbox'], 'readwrite'>,
  edits: readonly ServerEdit[],
  how: 'pulled' | 'answered',
): Promise<number> {
  const store = transaction.objectStore('teamEdits');
  const outbox = transaction.objectStore('outbox');
  let added = 0;
  for (const received of edits) {
    const edit = storableEdit(received);
    if (!edit) continue;
    const kept = await store.get([edit.datasetId, edit.id]);
    if (!kept) added++;
    // Pulled once, it stays pulled (a late answer must not hold the next pull back).
    if (how === 'answered' && (!kept || kept.answered)) edit.answered = true;
    await store.put(edit);
    // Ours, applied (its answer may have been lost on the way): it now counts as the server's.
    if (edit.mutationId && (await outbox.getKey(edit.mutationId)) !== undefined)
      await outbox.delete(edit.mutationId);
  }
  return added;
}

/** Stores server edits pulled from the server; resolves with how many were new, once on disk. */
export function storeTeamEdits(
  edits: readonly ServerEdit[],
  databaseName: string = DATABASE_NAME,
): Promise<number> {
  if (edits.length === 0) return Promise.resolve(0);
  return inTransaction(
    databaseName,
    ['teamEdits', 'outbox'],
    'readwrite',
    { code: 'write-failed', what: 'storing the team’s edits' },
    (transaction) => putTeamEditsWithin(transaction, edits, 'pulled'),
  );
}

/** The highest server edit id a pull brought for a dataset (0 when none): where the next pull starts. */
export function teamEditCursor(datasetId: string, databaseName: string = DATABASE_NAME): Promise<number> {
  return inTransaction(
    databaseName,
    ['teamEdits'],
    'readonly',
    { code: 'read-failed', what: `reading the team edits of ${datasetId}` },
    async (transaction) => {
      let cursor = await transaction.objectStore('teamEdits').openCursor(datasetRange(datasetId), 'prev');
      // Only our own answered edits since the last pull lie above it: a few steps at most.
      while (cursor && cursor.value.answered) cursor = await cursor.continue();
      return cursor ? cursor.value.id : 0;
    },
  );
}

/** The team edits of a dataset, or of one row of it, in the open transaction. */
export function teamEditsWithin(
  transaction: TeamEditsReader,
  datasetId: string,
  rowKey?: string,
): Promise<TeamEditRecord[]> {
  const store = transaction.objectStore('teamEdits');
  return rowKey === undefined
    ? store.getAll(datasetRange(datasetId))
    : store.index('byDatasetIdRowKey').getAll([datasetId, rowKey]);
}

/** The highest server version of one row's field known here (0 when the server has no edit of it). */
export async function highestVersionWithin(
  transaction: TeamEditsReader,
  datasetId: string,
  rowKey: string,
  field: StatusField,
): Promise<number> {
  let highest = 0;
  for (const edit of await teamEditsWithin(transaction, datasetId, rowKey))
    if (edit.field === field && edit.version > highest) highest = edit.version;
  return highest;
}
