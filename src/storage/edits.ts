// The rural-connectivity team's status edits (changes, field verifications and disputes of a
// village's or site's fiber / gigabit / 4G / 5G / coverage status): recorded durably and read back
// as history. What they make of the status is core/tracking/currentStatus.ts's work.
//
// Rules relied on:
// - Edits are never changed or deleted one by one (only with their dataset): the history is the record.
// - An edit is checked (core/tracking/edits.ts editProblem) before it is stored, and its dataset
//   must exist in the same transaction.
import { inTransaction, DATABASE_NAME } from './db';
import { StorageError } from './errors';
import { editProblem, type StatusEdit, type StoredEdit } from '../core/tracking/edits';

/** An edit as the UI submits it; `note` defaults to empty, `kind` to a change and `editedAt` to now. */
export type NewStatusEdit = Omit<StatusEdit, 'note' | 'editedAt'> & { note?: string; editedAt?: string };

function checkedEdit(edit: NewStatusEdit): StatusEdit {
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

/** Records one edit of a stored dataset; resolves with it and its key once it is on disk. */
export async function recordEdit(
  edit: NewStatusEdit,
  databaseName: string = DATABASE_NAME,
): Promise<StoredEdit> {
  const record = checkedEdit(edit);
  return inTransaction(
    databaseName,
    ['datasets', 'edits'],
    'readwrite',
    { code: 'write-failed', what: `recording an edit of ${record.rowKey}` },
    async (transaction) => {
      // Checked in the same transaction, so a concurrent delete cannot leave an orphan edit.
      if ((await transaction.objectStore('datasets').getKey(record.datasetId)) === undefined) {
        throw new StorageError('not-found', `no dataset with id ${record.datasetId}`);
      }
      // The store's key generator fills in `key` (keyPath 'key', autoIncrement).
      const key = await transaction.objectStore('edits').add(record as StoredEdit);
      return { ...record, key };
    },
  );
}

/** The edit history of a dataset, or of one row of it, most recently recorded first. */
export function editsFor(
  datasetId: string,
  rowKey?: string,
  databaseName: string = DATABASE_NAME,
): Promise<StoredEdit[]> {
  return inTransaction(
    databaseName,
    ['edits'],
    'readonly',
    { code: 'read-failed', what: `reading the edits of ${datasetId}` },
    async (transaction) => {
      const edits = transaction.objectStore('edits');
      const found =
        rowKey === undefined
          ? await edits.index('byDatasetId').getAll(datasetId)
          : await edits.index('byDatasetIdRowKey').getAll([datasetId, rowKey]);
      return found.sort((a, b) => b.key - a.key);
    },
  );
}
