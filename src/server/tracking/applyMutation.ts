// One status change sent by a browser (POST /api/status), applied at most once: it becomes the
// next version of its row's field, or a conflict in the review queue when that field moved since
// the version the change was based on, or a refusal when the sender may not edit the row's county.
//
// Rules relied on:
// - Everything happens in one transaction, which first claims the mutation id (the primary key of
//   `mutations`). A retry, even one running at the same moment, waits for or finds the first
//   claim and gets its stored answer — status and body — unchanged, and changes nothing.
// - Refusals for the area are stored like outcomes, so a retry gets the same 403 even if rights
//   change later; invalid requests (422, 404) are not stored: they change nothing either way.
// - Versions count per (dataset, row, field), so changes to different fields of one row merge.
//   The unique key (dataset, row, field, version) decides a race between two changes from the same
//   base on any isolation level: the insert that loses does nothing and its change is a conflict.
// - Rights are the caller's now (role and areas from the session's user row), not when the change
//   was queued offline.
import { canEditCounty } from '../../core/team/roles';
import { editProblem, type EditKind, type EditSource, type StatusField } from '../../core/tracking/edits';
import { appendAudit } from '../auth/audit';
import { ApiError, errorMessage, type ErrorCode } from '../errors';
import type { Caller, Db } from '../types';
import { FIELD_LABELS } from './labels';
import { EDIT_COLUMNS, serverEditFromRow, type EditRow, type ServerEdit } from './serverEdit';

/** The body of POST /api/status. */
export interface StatusMutation {
  mutationId: string;
  datasetId: string;
  rowKey: string;
  field: StatusField;
  kind: EditKind;
  value: boolean | null;
  date: string;
  note: string;
  source: EditSource;
  editedAt: string;
  /** The field's version the change was made on (0: no edit yet). */
  baseVersion: number;
}

import type { ProposedEdit } from '../../core/team/wire';
export type { ProposedEdit } from '../../core/team/wire';

export type MutationBody =
  | { outcome: 'applied'; edit: ServerEdit }
  | { outcome: 'conflict'; conflictId: number; current: ServerEdit | null; message: string }
  | { error: ErrorCode; message: string };

export interface MutationAnswer {
  status: number;
  body: MutationBody;
}

type Outcome = 'applied' | 'conflict' | 'rejected';
type Locale = 'zh-CN' | 'en';

export async function applyMutation(
  db: Db,
  caller: Caller,
  mutation: StatusMutation,
  locale: Locale,
): Promise<MutationAnswer> {
  return db.transaction(async (tx) => {
    const claimed = await tx.query(
      `insert into mutations (id, user_id, outcome, response) values ($1, $2, 'rejected', '{}')
       on conflict (id) do nothing returning id`,
      [mutation.mutationId, caller.userId],
    );
    if (claimed.rows.length === 0) return storedAnswer(tx, caller, mutation.mutationId);
    const { outcome, answer } = await decide(tx, caller, mutation, locale);
    await tx.query(`update mutations set outcome = $2, response = $3::jsonb where id = $1`, [
      mutation.mutationId,
      outcome,
      JSON.stringify(answer),
    ]);
    return answer;
  });
}

async function storedAnswer(tx: Db, caller: Caller, mutationId: string): Promise<MutationAnswer> {
  const { rows } = await tx.query<{ user_id: number; response: MutationAnswer }>(
    `select user_id, response from mutations where id = $1`,
    [mutationId],
  );
  const stored = rows[0];
  if (!stored) throw new Error(`mutation ${mutationId} was claimed but is not stored`);
  if (stored.user_id !== caller.userId) throw new ApiError(422, 'mutation-reused');
  return stored.response;
}

/** The row a change targets, with its county (for the area check). Throws 404 when unknown. */
export async function trackedRow(
  db: Db,
  datasetId: string,
  rowKey: string,
): Promise<{ countyCode: string; name: string }> {
  const { rows } = await db.query<{ county_code: string | null; name: string | null }>(
    `select r.county_code, r.name from datasets d
       left join dataset_rows r on r.dataset_id = d.id and r.row_key = $2
      where d.id = $1`,
    [datasetId, rowKey],
  );
  if (rows.length === 0) throw new ApiError(404, 'not-found', { what: datasetId });
  const row = rows[0];
  if (row.county_code === null) throw new ApiError(404, 'not-found', { what: `${datasetId} / ${rowKey}` });
  return { countyCode: row.county_code, name: row.name ?? '' };
}

/** The latest edit of one field of one row, or null before the first. */
export async function currentEdit(
  db: Db,
  datasetId: string,
  rowKey: string,
  field: string,
): Promise<ServerEdit | null> {
  const { rows } = await db.query<EditRow>(
    `select ${EDIT_COLUMNS} from status_edits
      where dataset_id = $1 and row_key = $2 and field = $3
      order by version desc limit 1`,
    [datasetId, rowKey, field],
  );
  return rows[0] ? serverEditFromRow(rows[0]) : null;
}

/** Inserts the next version of a field on top of `baseVersion`; null when that version is taken. */
export async function insertEditVersion(
  db: Db,
  edit: Omit<ServerEdit, 'id' | 'version'>,
  baseVersion: number,
): Promise<ServerEdit | null> {
  const { rows } = await db.query<EditRow>(
    `insert into status_edits
       (dataset_id, row_key, field, kind, value, date, note, author_id, author, source, edited_at, version, mutation_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     on conflict (dataset_id, row_key, field, version) do nothing
     returning ${EDIT_COLUMNS}`,
    [
      edit.datasetId,
      edit.rowKey,
      edit.field,
      edit.kind,
      edit.value,
      edit.date,
      edit.note,
      edit.authorId,
      edit.author,
      edit.source,
      edit.editedAt,
      baseVersion + 1,
      edit.mutationId,
    ],
  );
  return rows[0] ? serverEditFromRow(rows[0]) : null;
}

function validate(mutation: StatusMutation): void {
  const problem = editProblem(mutation);
  if (problem) throw new ApiError(422, 'invalid', { detail: problem });
  if (!Number.isFinite(Date.parse(mutation.editedAt)))
    throw new ApiError(422, 'invalid', { detail: `editedAt "${mutation.editedAt}" is not a time` });
  if (!Number.isInteger(mutation.baseVersion) || mutation.baseVersion < 0)
    throw new ApiError(422, 'invalid', { detail: 'baseVersion must be a whole number ≥ 0' });
}

async function decide(
  tx: Db,
  caller: Caller,
  mutation: StatusMutation,
  locale: Locale,
): Promise<{ outcome: Outcome; answer: MutationAnswer }> {
  validate(mutation);
  const row = await trackedRow(tx, mutation.datasetId, mutation.rowKey);
  const audit = {
    userId: caller.userId,
    username: caller.username,
    datasetId: mutation.datasetId,
    rowKey: mutation.rowKey,
    field: mutation.field,
    note: mutation.note,
    source: mutation.source,
    mutationId: mutation.mutationId,
  };

  if (!canEditCounty(caller, row.countyCode)) {
    const code: ErrorCode = caller.role === 'editor' ? 'outside-area' : 'forbidden';
    const area = caller.areas.join('、') || '—';
    await appendAudit(tx, {
      ...audit,
      action: 'status.rejected',
      newValue: mutation.value,
      detail: { reason: code, countyCode: row.countyCode, kind: mutation.kind, role: caller.role },
    });
    const body = { error: code, message: errorMessage(code, locale, { area }) };
    return { outcome: 'rejected', answer: { status: 403, body } };
  }

  const current = await currentEdit(tx, mutation.datasetId, mutation.rowKey, mutation.field);
  const currentVersion = current?.version ?? 0;
  if (mutation.baseVersion > currentVersion)
    throw new ApiError(422, 'invalid', {
      detail: `baseVersion ${mutation.baseVersion} is newer than the current version ${currentVersion}`,
    });

  if (mutation.baseVersion === currentVersion) {
    const edit = await insertEditVersion(
      tx,
      {
        datasetId: mutation.datasetId,
        rowKey: mutation.rowKey,
        field: mutation.field,
        kind: mutation.kind,
        value: mutation.value,
        date: mutation.date,
        note: mutation.note,
        author: caller.displayName,
        authorId: caller.userId,
        source: mutation.source,
        editedAt: mutation.editedAt,
        mutationId: mutation.mutationId,
      },
      currentVersion,
    );
    if (edit) {
      await appendAudit(tx, {
        ...audit,
        action: `status.${mutation.kind}`,
        oldValue: current ? current.value : undefined,
        newValue: mutation.value,
        detail: { editId: edit.id, version: edit.version, date: mutation.date, editedAt: mutation.editedAt },
      });
      return { outcome: 'applied', answer: { status: 201, body: { outcome: 'applied', edit } } };
    }
  }

  // The field moved since the base (or another change from the same base won the race just now).
  const latest = await currentEdit(tx, mutation.datasetId, mutation.rowKey, mutation.field);
  const proposed: ProposedEdit = {
    mutationId: mutation.mutationId,
    kind: mutation.kind,
    value: mutation.value,
    date: mutation.date,
    note: mutation.note,
    source: mutation.source,
    editedAt: mutation.editedAt,
    author: caller.displayName,
    authorId: caller.userId,
  };
  const { rows } = await tx.query<{ id: number }>(
    `insert into conflicts
       (mutation_id, dataset_id, row_key, county_code, field, base_version, current_version, proposed, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9) returning id`,
    [
      mutation.mutationId,
      mutation.datasetId,
      mutation.rowKey,
      row.countyCode,
      mutation.field,
      mutation.baseVersion,
      latest?.version ?? 0,
      JSON.stringify(proposed),
      caller.userId,
    ],
  );
  const conflictId = Number(rows[0].id);
  await appendAudit(tx, {
    ...audit,
    action: 'status.conflict',
    oldValue: latest ? latest.value : undefined,
    newValue: mutation.value,
    detail: {
      conflictId,
      kind: mutation.kind,
      baseVersion: mutation.baseVersion,
      currentVersion: latest?.version ?? 0,
    },
  });
  const message = errorMessage('edit-conflict', locale, {
    field: FIELD_LABELS[locale][mutation.field],
    author: latest?.author ?? '—',
  });
  return {
    outcome: 'conflict',
    answer: { status: 409, body: { outcome: 'conflict', conflictId, current: latest, message } },
  };
}
