// A dataset's status history as a table for people: one row per edit with the day, the village
// or site by code and name, the field, what was done (changed / verified / disputed), the value,
// the note, who recorded it, from where and when. Words come from the UI in its language; the
// table goes out through textTable.ts (CSV with a BOM, XLSX of string cells).
import type { EditKind, EditSource, StatusField, StoredEdit } from '../tracking/edits';
import { authorOf, kindOf } from '../tracking/edits';
import type { RowTable } from './textTable';

export const HISTORY_COLUMNS = [
  'date',
  'code',
  'name',
  'field',
  'kind',
  'value',
  'note',
  'author',
  'source',
  'recordedAt',
] as const;
export type HistoryColumn = (typeof HISTORY_COLUMNS)[number];

/** Already translated. */
export interface HistoryWords {
  headings: Record<HistoryColumn, string>;
  fields: Record<StatusField, string>;
  kinds: Record<EditKind, string>;
  sources: Record<EditSource, string>;
  yes: string;
  no: string;
  unknown: string;
  /** A recorded-at timestamp as people read it (zh-CN: 2026/12/7 09:30). */
  dateTime: (iso: string) => string;
}

/** Edits in the order given (newest first from storage); `nameOf` gives a row key's name ('' unknown). */
export function editHistoryTable(
  edits: readonly StoredEdit[],
  nameOf: (rowKey: string) => string,
  words: HistoryWords,
): RowTable {
  const value = (v: boolean | null) => (v === null ? words.unknown : v ? words.yes : words.no);
  return {
    header: HISTORY_COLUMNS.map((column) => words.headings[column]),
    rows: edits.map((edit) => [
      edit.date,
      edit.rowKey,
      nameOf(edit.rowKey),
      words.fields[edit.field],
      words.kinds[kindOf(edit)],
      value(edit.value),
      edit.note,
      authorOf(edit),
      words.sources[edit.source ?? 'desk'],
      words.dateTime(edit.editedAt),
    ]),
  };
}
