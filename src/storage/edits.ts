// The rural-connectivity team's status edits (fiber, gigabit, 4G, 5G, covered per village or
// relocation site): recorded durably, read back as history or as the current status, exported as CSV.
//
// Rules relied on:
// - Edits are never changed or deleted one by one (only with their dataset): the history is the record.
// - "Latest" means most recently recorded (highest key), not latest `date`: an edit that corrects
//   a mistaken one wins even if it names an earlier day.
// - CSV text is data: every field is written verbatim, quoted per RFC 4180 (CRLF line ends).
import { inTransaction, DATABASE_NAME } from './db';
import { StorageError } from './errors';
import { STATUS_FIELDS, type StatusEdit, type StatusField, type StoredEdit } from './types';
import { csvCell as csvField } from '../core/io/csv';

/** An edit as the UI submits it; `note` defaults to empty and `editedAt` to now. */
export type NewStatusEdit = Omit<StatusEdit, 'note' | 'editedAt'> & { note?: string; editedAt?: string };

export interface FieldStatus {
  value: boolean | null;
  /** The day the status changed on the ground, yyyy-mm-dd. */
  date: string;
  /** Key of the edit this comes from, to find it in the history. */
  editKey: number;
}

/** The current status of one row: only the fields someone has edited. */
export type RowStatus = Partial<Record<StatusField, FieldStatus>>;

const KNOWN_FIELDS = new Set<string>(STATUS_FIELDS);

/** A real calendar day written yyyy-mm-dd (rejects 2024-02-30). */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

function checkedEdit(edit: NewStatusEdit): StatusEdit {
  const invalid = (why: string) => new StorageError('invalid', `edit of ${edit.rowKey}: ${why}`);
  if (typeof edit.rowKey !== 'string' || edit.rowKey === '') throw invalid('a row key is required');
  if (!KNOWN_FIELDS.has(edit.field)) throw invalid(`unknown field "${edit.field}"`);
  if (edit.value !== true && edit.value !== false && edit.value !== null)
    throw invalid('value must be true, false or null');
  if (!isCalendarDate(edit.date)) throw invalid(`date "${edit.date}" is not yyyy-mm-dd`);
  // Fields listed one by one: the stored record has exactly these, and no `key` the store must fill.
  return {
    datasetId: edit.datasetId,
    rowKey: edit.rowKey,
    field: edit.field,
    value: edit.value,
    date: edit.date,
    note: edit.note ?? '',
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

/** The edit history of a dataset, or of one row of it, newest first. */
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

/** Row key → the latest edit of each field of that row. Rows never edited are absent. */
export async function currentStatus(
  datasetId: string,
  databaseName: string = DATABASE_NAME,
): Promise<Map<string, RowStatus>> {
  const history = await editsFor(datasetId, undefined, databaseName);
  const statuses = new Map<string, RowStatus>();
  // Oldest to newest, so each later edit overwrites the one before it.
  for (let i = history.length - 1; i >= 0; i--) {
    const edit = history[i];
    let row = statuses.get(edit.rowKey);
    if (!row) statuses.set(edit.rowKey, (row = {}));
    row[edit.field] = { value: edit.value, date: edit.date, editKey: edit.key };
  }
  return statuses;
}

export const EDITS_CSV_HEADER = [
  'key',
  'datasetId',
  'rowKey',
  'field',
  'value',
  'date',
  'note',
  'editedAt',
] as const;

const csvValue = (value: boolean | null) => (value === null ? '' : String(value));

/**
 * The edits as CSV text with a header row; `value` is true, false or empty (unknown). Set
 * `byteOrderMark` when the file is meant for Excel, which otherwise reads UTF-8 Chinese as mojibake.
 */
export function editsToCsv(edits: readonly StoredEdit[], options: { byteOrderMark?: boolean } = {}): string {
  const lines = [EDITS_CSV_HEADER.join(',')];
  for (const edit of edits) {
    const fields = [
      String(edit.key),
      edit.datasetId,
      edit.rowKey,
      edit.field,
      csvValue(edit.value),
      edit.date,
      edit.note,
      edit.editedAt,
    ];
    lines.push(fields.map(csvField).join(','));
  }
  return (options.byteOrderMark ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
