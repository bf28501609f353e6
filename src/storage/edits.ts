// The rural-connectivity team's status edits (changes, field verifications and disputes of a
// village's or site's fiber / gigabit / 4G / 5G / coverage status): recorded durably and read back
// as history. What they make of the status is core/tracking/currentStatus.ts's work.
//
// Rules relied on:
// - Edits are never changed or deleted one by one (only with their dataset): the history is the record.
// - An edit is checked (core/tracking/edits.ts editProblem) before it is stored, and its dataset
//   must exist in the same transaction.
// - An edit of a local dataset goes to `edits`; one of a server dataset (team mode, metadata
//   origin 'server') to the outbox (outbox.ts), in the same transaction as the dataset check.
// - A dataset's edits are its local edits, the team's edits kept from the server (key: server id)
//   and the outbox's waiting ones (key: 2^40 + sequence, marked pending). Conflicted or refused
//   outbox entries are not among them: they do not count (the outbox still lists them).
import { inTransaction, DATABASE_NAME } from './db';
import { StorageError } from './errors';
import { enqueueWithin, isWaiting, pendingEditOf } from './outbox';
import { teamEditAsStored, teamEditsWithin } from './teamEdits';
import { editProblem, type StatusEdit, type StoredEdit } from '../core/tracking/edits';

/** An edit as the UI submits it; `note` defaults to empty, `kind` to a change and `editedAt` to now. */
export type NewStatusEdit = Omit<StatusEdit, 'note' | 'editedAt'> & { note?: string; editedAt?: string };

/** A dataset's edit as listed: `pending` when it waits in the outbox for the server. */
export type ListedEdit = StoredEdit & { pending?: true };

function checkedEdit(edit: NewStatusEdit): Required<StatusEdit> {
  const problem = editProblem(edit);
  if (problem) throw new StorageError('invalid', `edit of ${edit.rowKey}: ${problem}`);
  // Fields listed one by one: the stored record has exactly these, and no `key` the store must fill.
  return {
    datasetId: edit.datasetId,
    rowKey: edit.rowKey,
    field: edit.field,
    kind: edit.kind ?? 'set',
    value: edit.value,
    date: edit.date,
    note: edit.note ?? '',
    author: (edit.author ?? '').trim(),
    source: edit.source ?? 'desk',
    editedAt: edit.editedAt ?? new Date().toISOString(),
  };
}

/**
 * Records one edit of a stored dataset; resolves with it and its key once it is on disk. An edit of
 * a server dataset is queued for the server and comes back marked pending.
 */
export async function recordEdit(
  edit: NewStatusEdit,
  databaseName: string = DATABASE_NAME,
): Promise<ListedEdit> {
  const record = checkedEdit(edit);
  return inTransaction(
    databaseName,
    ['datasets', 'edits', 'teamEdits', 'outbox'],
    'readwrite',
    { code: 'write-failed', what: `recording an edit of ${record.rowKey}` },
    async (transaction): Promise<ListedEdit> => {
      // Checked in the same transaction, so a concurrent delete cannot leave an orphan edit.
      const metadata = await transaction.objectStore('datasets').get(record.datasetId);
      if (!metadata) throw new StorageError('not-found', `no dataset with id ${record.datasetId}`);
      if (metadata.origin?.kind === 'server') return pendingEditOf(await enqueueWithin(transaction, record));
      // The store's key generator fills in `key` (keyPath 'key', autoIncrement).
      const key = await transaction.objectStore('edits').add(record as StoredEdit);
      return { ...record, key };
    },
  );
}

/** The edits of a dataset, or of one row of it, most recently recorded first. */
export function editsFor(
  datasetId: string,
  rowKey?: string,
  databaseName: string = DATABASE_NAME,
): Promise<ListedEdit[]> {
  return inTransaction(
    databaseName,
    ['edits', 'teamEdits', 'outbox'],
    'readonly',
    { code: 'read-failed', what: `reading the edits of ${datasetId}` },
    async (transaction) => {
      const edits = transaction.objectStore('edits');
      const local: ListedEdit[] =
        rowKey === undefined
          ? await edits.index('byDatasetId').getAll(datasetId)
          : await edits.index('byDatasetIdRowKey').getAll([datasetId, rowKey]);
      const team = await teamEditsWithin(transaction, datasetId, rowKey);
      const applied = new Set(team.map((edit) => edit.mutationId));
      const waiting = (await transaction.objectStore('outbox').index('byDatasetId').getAll(datasetId)).filter(
        (entry) =>
          isWaiting(entry) &&
          (rowKey === undefined || entry.rowKey === rowKey) &&
          // Never twice: storing the server's edit removes the entry in the same transaction.
          !applied.has(entry.mutationId),
      );
      return [...local, ...team.map(teamEditAsStored), ...waiting.map(pendingEditOf)].sort(
        (a, b) => b.key - a.key,
      );
    },
  );
}
