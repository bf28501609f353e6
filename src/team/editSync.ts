// Sends the outbox to the team server and brings the team's edits here: the sync of offline field
// edits. One EditSync per page (state/sync.ts starts it in team mode); it reports what waits, what
// was refused and why, and which datasets' edits changed so the layers are read again.
//
// Rules relied on:
// - The outbox goes in its order (sequence), one request at a time, each with the mutation id made
//   when the edit was queued: a retry (a lost answer, a second tab sending too) is applied once.
// - 201 applied: the server's edit replaces the entry (one transaction). 409: kept as a conflict with
//   the server's reason. 403 / 422 (and other refusals): kept as rejected with its message. 401: the
//   session is gone; nothing more is sent until the person signs in again. A network failure,
//   a timeout, 408, 429 or 5xx: the entry (and those after it) wait, retried with exponential
//   back-off (1 s doubling to 5 min, with jitter), at once when the browser comes back online.
// - 403 csrf-failed means this page has no current token (it started offline): the token is asked
//   for once (GET /api/me) and the request sent again.
// - Pulls (editPull.ts) run at start, after each push, and every 60 s while the page is visible.
import { ApiRequestError, apiJson } from './api';
import { pullTeamEdits, REQUEST_TIMEOUT_MS, retryable, type Outcome } from './editPull';
import { currentUser } from './session';
import { DATABASE_NAME } from '../storage/db';
import {
  baseVersionOf,
  isWaiting,
  listOutbox,
  markApplied,
  markConflict,
  markRejected,
  markSent,
} from '../storage/outbox';
import type { OutboxEntry, ServerEdit } from '../storage/types';

export const RETRY_FIRST_MS = 1_000;
export const RETRY_MOST_MS = 5 * 60_000;
export const PULL_EVERY_MS = 60_000;

/** The wait before retry number `failures` (1, 2, …): doubling from 1 s up to 5 min, 50–100 % of it. */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const nominal = Math.min(RETRY_MOST_MS, RETRY_FIRST_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(Math.max(RETRY_FIRST_MS, nominal * (0.5 + 0.5 * random())));
}

export interface SyncStatus {
  /** Edits waiting to be applied (counted already, marked pending). */
  waiting: number;
  conflicted: OutboxEntry[];
  rejected: OutboxEntry[];
  syncing: boolean;
  /** When a push and a pull last both reached the server (ISO), or null. */
  lastSyncAt: string | null;
  /** The server could not be reached on the last try. */
  offline: boolean;
  /** The session is gone: nothing is sent until the person signs in again. */
  needsSignIn: boolean;
  /** When the next retry is due (ms since 1970), or null when none is planned. */
  nextRetryAt: number | null;
}

export interface EditSyncOptions {
  databaseName?: string;
  /** The datasets whose edits changed here (applied, refused, pulled): read their layers again. */
  onEditsChanged?: (datasetIds: string[]) => void | Promise<void>;
  onStatus?: (status: SyncStatus) => void;
  random?: () => number;
  now?: () => Date;
  /** Runs `callback` after `delayMs`; returns what cancels it (a test passes its own clock). */
  schedule?: (callback: () => void, delayMs: number) => () => void;
}

const scheduleWithTimer = (callback: () => void, delayMs: number) => {
  const timer = setTimeout(callback, delayMs);
  return () => clearTimeout(timer);
};

export class EditSync {
  private readonly databaseName: string;
  private readonly schedule: NonNullable<EditSyncOptions['schedule']>;
  private readonly now: () => Date;
  private failures = 0;
  private cancelRetry: (() => void) | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  private stopListening: (() => void) | null = null;
  private lastPullAt = 0;
  private status: SyncStatus = {
    waiting: 0,
    conflicted: [],
    rejected: [],
    syncing: false,
    lastSyncAt: null,
    offline: false,
    needsSignIn: false,
    nextRetryAt: null,
  };

  constructor(private readonly options: EditSyncOptions = {}) {
    this.databaseName = options.databaseName ?? DATABASE_NAME;
    this.schedule = options.schedule ?? scheduleWithTimer;
    this.now = options.now ?? (() => new Date());
  }

  /** Syncs now, then on coming back online, every 60 s while visible, and on retries. */
  start(): Promise<void> {
    if (!this.started && typeof window !== 'undefined') {
      const online = () => void this.syncNow();
      const visible = () => {
        if (document.visibilityState === 'visible' && Date.now() - this.lastPullAt >= PULL_EVERY_MS)
          void this.kick();
      };
      const interval = setInterval(() => {
        // While a retry is planned, the back-off decides when the server is asked again.
        if (document.visibilityState === 'visible' && !this.cancelRetry) void this.kick();
      }, PULL_EVERY_MS);
      window.addEventListener('online', online);
      document.addEventListener('visibilitychange', visible);
      this.stopListening = () => {
        clearInterval(interval);
        window.removeEventListener('online', online);
        document.removeEventListener('visibilitychange', visible);
      };
    }
    this.started = true;
    return this.kick();
  }

  stop(): void {
    this.started = false;
    this.stopListening?.();
    this.stopListening = null;
    this.clearRetry();
  }

  /** A person asked (立即同步, a sign-in, back online): back-off starts over, and a sync runs now. */
  syncNow(): Promise<void> {
    this.failures = 0;
    this.status.needsSignIn = false;
    return this.kick();
  }

  /** Something changed (an edit queued): a sync runs now; a failure continues the back-off. */
  kick(): Promise<void> {
    this.clearRetry();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.round();
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Reads the outbox again and reports it (after an edit was queued, say). */
  async refresh(): Promise<SyncStatus> {
    const entries = await listOutbox(undefined, this.databaseName);
    this.status = {
      ...this.status,
      waiting: entries.filter(isWaiting).length,
      conflicted: entries.filter((entry) => entry.state === 'conflict'),
      rejected: entries.filter((entry) => entry.state === 'rejected'),
      nextRetryAt: this.cancelRetry ? this.status.nextRetryAt : null,
    };
    this.options.onStatus?.({ ...this.status });
    return this.status;
  }

  private clearRetry(): void {
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.status.nextRetryAt = null;
  }

  private async round(): Promise<void> {
    this.clearRetry();
    if (this.status.needsSignIn) return void (await this.refresh());
    this.status.syncing = true;
    await this.refresh();
    const changed = new Set<string>();
    let outcome: Outcome;
    try {
      outcome = await this.push(changed);
      if (outcome === 'done') outcome = await pullTeamEdits(this.databaseName, changed);
      if (outcome === 'done') this.lastPullAt = Date.now();
    } catch {
      // Storage failed (a full disk, say): the entries are where they were; try again later.
      outcome = 'retry';
    }
    // The edits are stored whatever the redraw does: its failure is reported, not the sync's.
    if (changed.size > 0)
      await Promise.resolve(this.options.onEditsChanged?.([...changed])).catch((error: unknown) =>
        console.warn('the layers could not be read again after a sync', error),
      );
    this.status.syncing = false;
    this.status.needsSignIn = outcome === 'sign-in';
    this.status.offline = outcome === 'retry';
    if (outcome === 'done') {
      this.failures = 0;
      this.status.lastSyncAt = this.now().toISOString();
    } else if (outcome === 'retry') {
      this.failures++;
      if (this.started) this.planRetry();
    }
    await this.refresh();
  }

  private planRetry(): void {
    const delayMs = retryDelayMs(this.failures, this.options.random);
    this.status.nextRetryAt = this.now().getTime() + delayMs;
    this.cancelRetry = this.schedule(() => {
      this.cancelRetry = null;
      void this.kick();
    }, delayMs);
  }

  /** Sends the waiting entries in order; stops at the first that must wait. */
  private async push(changed: Set<string>): Promise<Outcome> {
    const entries = (await listOutbox(undefined, this.databaseName)).filter(isWaiting);
    if (entries.length === 0) return 'done';
    const send = () => this.sendInOrder(entries, changed);
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    // One tab sends at a time (another would only get the same answers back).
    return locks ? locks.request('gca-outbox', send) : send();
  }

  private async sendInOrder(entries: OutboxEntry[], changed: Set<string>): Promise<Outcome> {
    for (const listed of entries) {
      const baseVersion = await baseVersionOf(listed, this.databaseName);
      // Gone (applied by another tab or a pull meanwhile), or refused meanwhile: nothing to send.
      const entry = await markSent(listed.mutationId, this.now(), this.databaseName);
      if (!entry || !isWaiting(entry)) continue;
      const outcome = await this.sendOne(entry, baseVersion, changed);
      if (outcome !== 'done') return outcome;
    }
    return 'done';
  }

  private async sendOne(
    entry: OutboxEntry,
    baseVersion: number,
    changed: Set<string>,
    tokenRenewed = false,
  ): Promise<Outcome> {
    const { mutationId, datasetId, rowKey, field, kind, value, date, note, source, editedAt } = entry;
    const body = {
      mutationId,
      datasetId,
      rowKey,
      field,
      kind,
      value,
      date,
      note,
      source,
      editedAt,
      baseVersion,
    };
    try {
      const answer = await apiJson<{ outcome: string; edit: ServerEdit }>('POST', '/api/status', {
        json: body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await markApplied(mutationId, answer.edit, this.databaseName);
    } catch (error) {
      if (retryable(error)) return 'retry';
      const refusal = error as ApiRequestError;
      if (refusal.status === 401) return 'sign-in';
      if (refusal.status === 403 && refusal.code === 'csrf-failed') {
        if (tokenRenewed) return 'sign-in';
        try {
          if (!(await currentUser())) return 'sign-in';
        } catch (renewal) {
          return retryable(renewal) ? 'retry' : 'sign-in';
        }
        return this.sendOne(entry, baseVersion, changed, true);
      }
      if (refusal.status === 409) {
        const conflict = (refusal.body ?? {}) as { conflictId?: number; current?: ServerEdit | null };
        await markConflict(
          mutationId,
          { reason: refusal.message, conflictId: conflict.conflictId, current: conflict.current ?? null },
          this.databaseName,
        );
      } else await markRejected(mutationId, refusal.message, this.databaseName);
    }
    changed.add(datasetId);
    return 'done';
  }
}
