// The review queue: changes that arrived on a field that had moved since their base version. The
// county's editors and the administrators see them and decide: accept (the proposed value becomes
// the field's next version, recorded by the reviewer, naming the proposer) or reject (closed,
// nothing changes).
//
// Rules relied on:
// - An editor sees and resolves only conflicts of counties in their area (core/team/roles.ts);
//   administrators see and resolve all.
// - A conflict is resolved once: the row is locked while deciding, and a second decision is 409.
// - Accepting applies on top of the field's version at that moment, never on the old base, so it
//   overwrites nothing silently: the reviewer saw the current value beside the proposal.
import { randomUUID } from 'node:crypto';
import { areaIncludes, canResolveConflicts, type RoleHolder } from '../../core/team/roles';
import { appendAudit } from '../auth/audit';
import { ApiError } from '../errors';
import type { Caller, Db } from '../types';
import { currentEdit, insertEditVersion, type ProposedEdit } from './applyMutation';
import { acceptedNote, CONFLICT_STATUS_LABELS, type Locale } from './labels';
import { isoTime, serverEditFromRow, type EditRow, type ServerEdit } from './serverEdit';

export type ConflictStatus = 'open' | 'accepted' | 'rejected';

export interface Conflict {
  id: number;
  datasetId: string;
  rowKey: string;
  rowName: string;
  countyCode: string;
  field: string;
  baseVersion: number;
  /** The field's version when the change arrived. */
  currentVersion: number;
  proposed: ProposedEdit;
  /** The field's latest edit now (what accepting would build on). */
  current: ServerEdit | null;
  createdBy: number;
  createdByName: string;
  createdAt: string;
  status: ConflictStatus;
  resolvedBy: number | null;
  resolvedByName: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
}

interface ConflictRow {
  id: number;
  dataset_id: string;
  row_key: string;
  row_name: string | null;
  county_code: string;
  field: string;
  base_version: number;
  current_version: number;
  proposed: ProposedEdit;
  current_edit: EditRow | null;
  created_by: number;
  created_by_name: string;
  created_at: Date | string;
  status: ConflictStatus;
  resolved_by: number | null;
  resolved_by_name: string | null;
  resolved_at: Date | string | null;
  resolution_note: string | null;
}

const SELECT_CONFLICTS = `
  select c.id, c.dataset_id, c.row_key, r.name as row_name, c.county_code, c.field, c.base_version,
         c.current_version, c.proposed, to_jsonb(e) as current_edit, c.created_by,
         creator.display_name as created_by_name, c.created_at, c.status, c.resolved_by,
         resolver.display_name as resolved_by_name, c.resolved_at, c.resolution_note
    from conflicts c
    left join dataset_rows r on r.dataset_id = c.dataset_id and r.row_key = c.row_key
    join users creator on creator.id = c.created_by
    left join users resolver on resolver.id = c.resolved_by
    left join lateral (
      select s.id, s.dataset_id, s.row_key, s.field, s.kind, s.value, s.date, s.note, s.author,
             s.author_id, s.source, s.edited_at, s.version, s.mutation_id
        from status_edits s
       where s.dataset_id = c.dataset_id and s.row_key = c.row_key and s.field = c.field
       order by s.version desc limit 1
    ) e on true`;

function conflictFromRow(row: ConflictRow): Conflict {
  return {
    id: Number(row.id),
    datasetId: row.dataset_id,
    rowKey: row.row_key,
    rowName: row.row_name ?? '',
    countyCode: row.county_code,
    field: row.field,
    baseVersion: row.base_version,
    currentVersion: row.current_version,
    proposed: row.proposed,
    current: row.current_edit ? serverEditFromRow(row.current_edit) : null,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: isoTime(row.created_at),
    status: row.status,
    resolvedBy: row.resolved_by,
    resolvedByName: row.resolved_by_name,
    resolvedAt: row.resolved_at === null ? null : isoTime(row.resolved_at),
    resolutionNote: row.resolution_note,
  };
}

export interface ConflictFilter {
  status?: ConflictStatus | 'all';
  datasetId?: string;
  rowKey?: string;
}

const LIST_LIMIT = 1000;

/**
 * Conflicts oldest first, those `visibleTo` may review (administrators all, editors those of their
 * area) or all of them ('everyone': a row's history is read by every signed-in user).
 */
export async function listConflicts(
  db: Db,
  visibleTo: RoleHolder | 'everyone',
  filter: ConflictFilter = {},
): Promise<Conflict[]> {
  const narrowTo = visibleTo === 'everyone' || visibleTo.role === 'admin' ? null : visibleTo.areas;
  const conditions: string[] = [];
  const params: unknown[] = [];
  const where = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  const status = filter.status ?? 'open';
  if (status !== 'all') where((p) => `c.status = ${p}`, status);
  if (filter.datasetId) where((p) => `c.dataset_id = ${p}`, filter.datasetId);
  if (filter.rowKey) where((p) => `c.row_key = ${p}`, filter.rowKey);
  if (narrowTo) {
    // The same rule as areaIncludes, so the database narrows before the limit applies.
    const counties = narrowTo.filter((area) => !area.endsWith('00'));
    const prefixes = narrowTo.filter((area) => area.endsWith('00')).map((area) => area.slice(0, 4));
    params.push(counties, prefixes);
    conditions.push(
      `(c.county_code = any($${params.length - 1}::text[]) or left(c.county_code, 4) = any($${params.length}::text[]))`,
    );
  }
  const { rows } = await db.query<ConflictRow>(
    `${SELECT_CONFLICTS}
     ${conditions.length > 0 ? `where ${conditions.join(' and ')}` : ''}
     order by c.id limit ${LIST_LIMIT}`,
    params,
  );
  return rows.filter((row) => !narrowTo || areaIncludes(narrowTo, row.county_code)).map(conflictFromRow);
}

async function conflictById(db: Db, id: number): Promise<Conflict> {
  const { rows } = await db.query<ConflictRow>(`${SELECT_CONFLICTS} where c.id = $1`, [id]);
  if (!rows[0]) throw new ApiError(404, 'not-found', { what: `conflict ${id}` });
  return conflictFromRow(rows[0]);
}

export type Decision = 'accept' | 'reject';

const MAX_ATTEMPTS = 5;

/** Accepts or rejects an open conflict; `edit` is the new version an acceptance made. */
export async function resolveConflict(
  db: Db,
  caller: Caller,
  conflictId: number,
  decision: Decision,
  resolutionNote: string,
  locale: Locale,
): Promise<{ conflict: Conflict; edit?: ServerEdit }> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ county_code: string; status: ConflictStatus }>(
      `select county_code, status from conflicts where id = $1 for update`,
      [conflictId],
    );
    const locked = rows[0];
    if (!locked) throw new ApiError(404, 'not-found', { what: `conflict ${conflictId}` });
    if (!canResolveConflicts(caller, locked.county_code))
      throw caller.role === 'editor'
        ? new ApiError(403, 'outside-area', { area: caller.areas.join('、') || '—' })
        : new ApiError(403, 'forbidden');
    if (locked.status !== 'open')
      throw new ApiError(409, 'conflict-closed', { status: CONFLICT_STATUS_LABELS[locale][locked.status] });

    const conflict = await conflictById(tx, conflictId);
    const { proposed } = conflict;
    let edit: ServerEdit | undefined;
    let before = conflict.current;
    if (decision === 'accept') {
      for (let attempt = 0; attempt < MAX_ATTEMPTS && !edit; attempt += 1) {
        before = await currentEdit(tx, conflict.datasetId, conflict.rowKey, conflict.field);
        edit =
          (await insertEditVersion(
            tx,
            {
              datasetId: conflict.datasetId,
              rowKey: conflict.rowKey,
              field: conflict.field as ServerEdit['field'],
              kind: proposed.kind,
              value: proposed.value,
              date: proposed.date,
              note: acceptedNote(locale, proposed, resolutionNote),
              author: caller.displayName,
              authorId: caller.userId,
              source: proposed.source,
              editedAt: new Date().toISOString(),
              mutationId: randomUUID(),
            },
            before?.version ?? 0,
          )) ?? undefined;
      }
      if (!edit) throw new ApiError(409, 'conflict', { detail: 'the field keeps changing; try again' });
    }
    await tx.query(
      `update conflicts set status = $2, resolved_by = $3, resolved_at = now(), resolution_note = $4 where id = $1`,
      [conflictId, decision === 'accept' ? 'accepted' : 'rejected', caller.userId, resolutionNote],
    );
    await appendAudit(tx, {
      userId: caller.userId,
      username: caller.username,
      action: decision === 'accept' ? 'conflict.accept' : 'conflict.reject',
      datasetId: conflict.datasetId,
      rowKey: conflict.rowKey,
      field: conflict.field,
      oldValue: before ? before.value : undefined,
      newValue: proposed.value,
      note: resolutionNote,
      source: proposed.source,
      mutationId: proposed.mutationId,
      detail: {
        conflictId,
        proposedBy: proposed.author,
        proposedById: proposed.authorId,
        ...(edit ? { editId: edit.id, version: edit.version, editMutationId: edit.mutationId } : {}),
      },
    });
    return { conflict: await conflictById(tx, conflictId), ...(edit ? { edit } : {}) };
  });
}
