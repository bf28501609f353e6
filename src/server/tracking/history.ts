// Reading the record back: a village's or site's history (its edits and conflicts), the audit log
// by user, dataset or row with paging, and both as CSV files for people.
//
// Rules relied on:
// - CSV files carry a byte-order mark (Excel in China then reads the Chinese), human headers in the
//   caller's language and human values (是 / 否, 现场 …): never column names or action codes
//   (labels.ts); every cell goes through core's csvCell (formula-safe).
// - The audit log pages by id (`after` = the last id seen), so a page never shifts while rows are
//   added; ids only grow.
import { textTableCsv } from '../../core/export/textTable';
import type { Db } from '../types';
import { trackedRow } from './applyMutation';
import { listConflicts, type Conflict } from './conflicts';
import {
  ACTION_LABELS,
  AUDIT_COLUMNS,
  COLUMN_LABELS,
  CONFLICT_STATUS_LABELS,
  FIELD_LABELS,
  HISTORY_COLUMNS,
  KIND_LABELS,
  labelOf,
  SOURCE_LABELS,
  valueLabel,
  type Locale,
} from './labels';
import { EDIT_COLUMNS, isoTime, serverEditFromRow, type EditRow, type ServerEdit } from './serverEdit';

export interface RowHistory {
  rowKey: string;
  rowName: string;
  /** Every applied edit of the row, oldest first. */
  edits: ServerEdit[];
  /** Every conflict of the row (open and resolved), oldest first. */
  conflicts: Conflict[];
}

/** The whole record of one row, for everyone signed in (everyone reads everything). */
export async function rowHistory(db: Db, datasetId: string, rowKey: string): Promise<RowHistory> {
  const row = await trackedRow(db, datasetId, rowKey);
  const { rows } = await db.query<EditRow>(
    `select ${EDIT_COLUMNS} from status_edits where dataset_id = $1 and row_key = $2 order by id`,
    [datasetId, rowKey],
  );
  const conflicts = await listConflicts(db, 'everyone', { status: 'all', datasetId, rowKey });
  return { rowKey, rowName: row.name, edits: rows.map(serverEditFromRow), conflicts };
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** A time as people in Guizhou read it: China Standard Time, to the second, its offset written. */
export const chinaTime = (iso: string): string =>
  new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ') + ' +08:00';

/** A row's history as a CSV: applied edits and conflicting proposals, in the order they were made. */
export function rowHistoryCsv(history: RowHistory, locale: Locale): string {
  const labels = COLUMN_LABELS[locale];
  const line = (
    recordedAt: string,
    edit: Pick<ServerEdit, 'date' | 'field' | 'kind' | 'value' | 'note' | 'author' | 'source' | 'mutationId'>,
    outcome: string,
    version: string,
  ) => ({
    recordedAt,
    cells: [
      chinaTime(recordedAt),
      edit.date,
      history.rowKey,
      history.rowName,
      labelOf(FIELD_LABELS, locale, edit.field),
      labelOf(KIND_LABELS, locale, edit.kind),
      valueLabel(edit.value, locale),
      edit.note,
      edit.author,
      labelOf(SOURCE_LABELS, locale, edit.source),
      outcome,
      version,
      edit.mutationId,
    ],
  });
  const lines = [
    ...history.edits.map((edit) =>
      line(edit.editedAt, edit, CONFLICT_STATUS_LABELS[locale].applied, String(edit.version)),
    ),
    ...history.conflicts.map((conflict) =>
      line(
        conflict.proposed.editedAt,
        { ...conflict.proposed, field: conflict.field as ServerEdit['field'] } as ServerEdit,
        CONFLICT_STATUS_LABELS[locale][conflict.status],
        '',
      ),
    ),
  ].sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
  return textTableCsv({
    header: HISTORY_COLUMNS.map((column) => labels[column]),
    rows: lines.map((l) => l.cells),
  });
}

export type { AuditLogEntry } from '../../core/team/wire';
import type { AuditLogEntry } from '../../core/team/wire';

export interface AuditFilter {
  userId?: number;
  datasetId?: string;
  rowKey?: string;
  /** Entries with a larger id than this (0: from the start). */
  after?: number;
  limit?: number;
}

export const AUDIT_PAGE = 500;
export const AUDIT_EXPORT_LIMIT = 100_000;

interface AuditRow {
  id: number;
  at: Date | string;
  user_id: number | null;
  username: string;
  display_name: string | null;
  action: string;
  dataset_id: string | null;
  row_key: string | null;
  field: string | null;
  // jsonb: SQL NULL arrives as null, JSON null too; has_old / has_new tell them apart.
  old_value: unknown;
  new_value: unknown;
  has_old: boolean;
  has_new: boolean;
  note: string | null;
  source: string | null;
  mutation_id: string | null;
  detail: Record<string, unknown> | null;
}

/** Audit entries oldest first, with the id to ask `after` for the next page (null on the last). */
export async function auditEntries(
  db: Db,
  filter: AuditFilter,
): Promise<{ entries: AuditLogEntry[]; nextAfter: number | null }> {
  const conditions = ['a.id > $1'];
  const params: unknown[] = [filter.after ?? 0];
  const where = (column: string, value: unknown) => {
    if (value === undefined || value === '') return;
    params.push(value);
    conditions.push(`${column} = $${params.length}`);
  };
  where('a.user_id', filter.userId);
  where('a.dataset_id', filter.datasetId);
  where('a.row_key', filter.rowKey);
  const limit = Math.max(1, Math.min(filter.limit ?? AUDIT_PAGE, AUDIT_EXPORT_LIMIT));
  const { rows } = await db.query<AuditRow>(
    `select a.id, a.at, a.user_id, a.username, u.display_name, a.action, a.dataset_id, a.row_key, a.field,
            a.old_value, a.new_value, a.old_value is not null as has_old, a.new_value is not null as has_new,
            a.note, a.source, a.mutation_id, a.detail
       from audit_log a left join users u on u.id = a.user_id
      where ${conditions.join(' and ')}
      order by a.id limit ${limit + 1}`,
    params,
  );
  const page = rows.slice(0, limit);
  const entries = page.map((row): AuditLogEntry => ({
    id: Number(row.id),
    at: isoTime(row.at),
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name ?? row.username,
    action: row.action,
    datasetId: row.dataset_id,
    rowKey: row.row_key,
    field: row.field,
    ...(row.has_old ? { oldValue: row.old_value } : {}),
    ...(row.has_new ? { newValue: row.new_value } : {}),
    note: row.note,
    source: row.source,
    mutationId: row.mutation_id,
    detail: row.detail,
  }));
  return { entries, nextAfter: rows.length > limit ? entries[entries.length - 1].id : null };
}

/** Audit entries as a CSV for people. */
export function auditCsv(entries: readonly AuditLogEntry[], locale: Locale): string {
  const labels = COLUMN_LABELS[locale];
  const rows = entries.map((entry) => [
    chinaTime(entry.at),
    entry.displayName === entry.username || !entry.username
      ? entry.displayName
      : `${entry.displayName} (${entry.username})`,
    labelOf(ACTION_LABELS, locale, entry.action),
    entry.datasetId ?? '',
    entry.rowKey ?? '',
    entry.field ? labelOf(FIELD_LABELS, locale, entry.field) : '',
    valueLabel(entry.oldValue, locale),
    valueLabel(entry.newValue, locale),
    entry.note ?? '',
    entry.source ? labelOf(SOURCE_LABELS, locale, entry.source) : '',
    entry.mutationId ?? '',
  ]);
  return textTableCsv({ header: AUDIT_COLUMNS.map((column) => labels[column]), rows });
}
