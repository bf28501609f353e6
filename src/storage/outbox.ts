// The outbox of team mode: status edits of server datasets made in this browser, kept on disk
// until the server has applied them. An edit is queued here (not in `edits`) and counts at once as
// pending; editSync sends the queue in order and records each answer.
//
// Rules relied on:
// - Queuing resolves only once the entry is on disk (durability 'strict', db.ts): a tab closed or
//   a phone restarted right after "saved" keeps it.
// - An entry leaves the outbox only when applied, in the same transaction that stores the server's
//   edit (teamEdits.ts). A conflict or a refusal keeps it, with the server's reason: never dropped.
// - Its mutation id is made once, when queued: every retry sends the same one, so the server
//   applies it at most once.
// - Its base version is what this browser knew of the field when the person made the edit (not at
//   sending time: a pull meanwhile must not turn someone else's change into a silent overwrite).
//   When an earlier entry of the same field was still waiting, its result is the base instead.
import { inTransaction, DATABASE_NAME, type AtlasTransaction } from './db';
import { StorageError } from './errors';
import { highestVersionWithin, putTeamEditsWithin, teamEditsWithin } from './teamEdits';
import type { OutboxEntry, ServerEdit, StatusEdit, StoredEdit } from './types';

/** Pending edits are keyed after every server edit (whose ids stay far below). */
export const PENDING_KEY_BASE = 2 ** 40;

/** An edit that counts now but that the server has not applied yet. */
export type PendingEdit = StoredEdit & { pending: true };

/** Whether an entry still counts toward the status (waiting or sent without a definite answer). */
export const isWaiting = (entry: OutboxEntry): boolean => entry.state === 'pending' || entry.state === 'sent';

const bySequence = (a: OutboxEntry, b: OutboxEntry) => a.sequence - b.sequence;

/** A waiting entry as one of its dataset's edits, marked pending. */
export function pendingEditOf(entry: OutboxEntry): PendingEdit {
  const { datasetId, rowKey, field, kind, value, date, note, author, source, editedAt } = entry;
  return {
    key: PENDING_KEY_BASE + entry.sequence,
    datasetId,
    rowKey,
    field,
    kind,
    value,
    date,
    note,
    author,
    source,
    editedAt,
    pending: true,
  };
}

/** Queues a checked edit in the open transaction; the caller has checked that its dataset exists. */
export async function enqueueWithin(
  transaction: AtlasTransaction<['datasets', 'edits', 'teamEdits', 'outbox'], 'readwrite'>,
  edit: Required<StatusEdit>,
): Promise<OutboxEntry> {
  const outbox = transaction.objectStore('outbox');
  const queued = await outbox.getAll();
  const earlier = queued
    .filter(
      (entry) =>
        isWaiting(entry) &&
        entry.datasetId === edit.datasetId &&
        entry.rowKey === edit.rowKey &&
        entry.field === edit.field,
    )
    .sort(bySequence)
    .pop();
  const entry: OutboxEntry = {
    ...edit,
    mutationId: crypto.randomUUID(),
    sequence: queued.reduce((highest, other) => Math.max(highest, other.sequence), 0) + 1,
    baseVersion: await highestVersionWithin(transaction, edit.datasetId, edit.rowKey, edit.field),
    state: 'pending',
    attempts: 0,
  };
  if (earlier) entry.afterMutationId = earlier.mutationId;
  await outbox.add(entry);
  return entry;
}

/** Every outbox entry (of one dataset, or all), in sending order. */
export function listOutbox(datasetId?: string, databaseName: string = DATABASE_NAME): Promise<OutboxEntry[]> {
  return inTransaction(
    databaseName,
    ['outbox'],
    'readonly',
    { code: 'read-failed', what: 'reading the outbox' },
    async (transaction) => {
      const store = transaction.objectStore('outbox');
      const entries =
        datasetId === undefined ? await store.getAll() : await store.index('byDatasetId').getAll(datasetId);
      return entries.sort(bySequence);
    },
  );
}

/**
 * The base version to send with an entry: the version its earlier entry of the same field made,
 * when that one was applied; otherwise the version known when the edit was made.
 */
export function baseVersionOf(entry: OutboxEntry, databaseName: string = DATABASE_NAME): Promise<number> {
  if (!entry.afterMutationId) return Promise.resolve(entry.baseVersion);
  return inTransaction(
    databaseName,
    ['teamEdits'],
    'readonly',
    { code: 'read-failed', what: `reading the base of ${entry.rowKey}` },
    async (transaction) => {
      const applied = (await teamEditsWithin(transaction, entry.datasetId, entry.rowKey)).find(
        (edit) => edit.mutationId === entry.afterMutationId,
      );
      return applied ? Math.max(applied.version, entry.baseVersion) : entry.baseVersion;
    },
  );
}

/** Changes one entry (still there) in one transaction; resolves with it changed, or null when gone. */
function updateEntry(
  mutationId: string,
  change: (entry: OutboxEntry) => OutboxEntry,
  databaseName: string,
): Promise<OutboxEntry | null> {
  return inTransaction(
    databaseName,
    ['outbox'],
    'readwrite',
    { code: 'write-failed', what: `updating outbox entry ${mutationId}` },
    async (transaction) => {
      const store = transaction.objectStore('outbox');
      const entry = await store.get(mutationId);
      // Gone: applied meanwhile (a pull or another tab stored the server's edit).
      if (!entry) return null;
      const changed = change(entry);
      await store.put(changed);
      return changed;
    },
  );
}

/** Records that the entry is being sent (once more); it keeps counting until an answer comes. */
export function markSent(
  mutationId: string,
  at: Date = new Date(),
  databaseName: string = DATABASE_NAME,
): Promise<OutboxEntry | null> {
  return updateEntry(
    mutationId,
    (entry) => ({
      ...entry,
      state: isWaiting(entry) ? 'sent' : entry.state,
      attempts: entry.attempts + 1,
      lastAttemptAt: at.toISOString(),
    }),
    databaseName,
  );
}

/** The server applied the entry: its edit is stored and the entry removed, in one transaction. */
export function markApplied(
  mutationId: string,
  edit: ServerEdit,
  databaseName: string = DATABASE_NAME,
): Promise<void> {
  if (edit.mutationId !== mutationId)
    return Promise.reject(
      new StorageError('invalid', `the server answered ${mutationId} with the edit of ${edit.mutationId}`),
    );
  return inTransaction(
    databaseName,
    ['teamEdits', 'outbox'],
    'readwrite',
    { code: 'write-failed', what: `storing the applied edit ${mutationId}` },
    async (transaction) => {
      await putTeamEditsWithin(transaction, [edit], 'answered');
    },
  );
}

/** The field moved since the entry's base: kept as a conflict with the server's reason. */
export function markConflict(
  mutationId: string,
  conflict: { reason: string; conflictId?: number; current?: ServerEdit | null },
  databaseName: string = DATABASE_NAME,
): Promise<OutboxEntry | null> {
  return updateEntry(
    mutationId,
    (entry) => ({
      ...entry,
      state: 'conflict',
      reason: conflict.reason,
      conflictId: conflict.conflictId,
      current: conflict.current ?? null,
    }),
    databaseName,
  );
}

/** The server refused the entry (no right, invalid): kept as rejected with its message. */
export function markRejected(
  mutationId: string,
  reason: string,
  databaseName: string = DATABASE_NAME,
): Promise<OutboxEntry | null> {
  return updateEntry(mutationId, (entry) => ({ ...entry, state: 'rejected', reason }), databaseName);
}
