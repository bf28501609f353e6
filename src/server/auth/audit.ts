// Appending to the audit log: who did what, when, to what, from which value to which.
//
// Rules relied on:
// - audit_log is append-only (a trigger refuses UPDATE, DELETE and TRUNCATE); this is its only writer
//   besides the tracking routes, which may call it too.
// - Write the entry with the same transaction handle as the change it describes, so a change is
//   never kept without its entry (or the other way round).
// - Values are stored as jsonb: they are passed as JSON text and cast, because the pg driver would
//   turn a JavaScript array into a PostgreSQL array literal.
import type { Db } from '../types';

export interface AuditEntry {
  /** Who did it: null when nobody is signed in (a failed sign-in with an unknown name). */
  userId: number | null;
  /** Their user name (or the name tried, for a failed sign-in). */
  username: string;
  /** What happened: 'login', 'login.failed', 'logout', 'user.create', 'user.update', … */
  action: string;
  datasetId?: string | null;
  rowKey?: string | null;
  field?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  note?: string | null;
  source?: string | null;
  mutationId?: string | null;
  /** Anything else worth keeping (the user changed, the address a sign-in came from, …). */
  detail?: unknown;
}

const asJson = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.query(
    `insert into audit_log
       (user_id, username, action, dataset_id, row_key, field, old_value, new_value, note, source,
        mutation_id, detail)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11, $12::jsonb)`,
    [
      entry.userId,
      entry.username,
      entry.action,
      entry.datasetId ?? null,
      entry.rowKey ?? null,
      entry.field ?? null,
      asJson(entry.oldValue),
      asJson(entry.newValue),
      entry.note ?? null,
      entry.source ?? null,
      entry.mutationId ?? null,
      asJson(entry.detail),
    ],
  );
}
