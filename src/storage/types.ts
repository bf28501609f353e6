// The shapes the browser persistence layer stores. A dataset is columnar (one array per column, all
// of length rowCount) so a 130k-row import is a handful of typed arrays, which IndexedDB stores
// natively by structured clone: never JSON-encode them.
//
// Rules relied on:
// - Metadata and columns are stored apart so listing datasets never reads the heavy arrays.
// - Status edits are core/tracking/edits.ts's records, stored as they are.
// - In team mode a server dataset's edits are the server's (ServerEdit, as GET
//   /api/datasets/:id/edits answers them) plus the outbox of edits made here and not yet applied.
import type { SlideRecord } from '../core/slidesFile';

export type { ColumnArray, StoredDataset } from '../core/storedDataset';
export type { Datum } from '../core/import/datums';
import type { StoredDataset } from '../core/storedDataset';

/** What listDatasets() returns: everything but the columns, plus their approximate size. */
export interface DatasetMetadata extends Omit<StoredDataset, 'columns' | 'dictionaries'> {
  /** Approximate bytes of the columns and dictionaries (typed arrays exactly, strings at 2 bytes a character). */
  byteSize: number;
  /** Present when the dataset is a copy of the team server's (team mode); absent for local imports. */
  origin?: { kind: 'server'; version: number; uploadedBy: string; uploadedAt: string; etag: string };
}

import type { EditKind, EditSource, StatusEdit } from '../core/tracking/edits';

export type { ServerEdit } from '../core/team/wire';
import type { ServerEdit } from '../core/team/wire';

/** A server edit as kept here; `answered`: kept from the answer to our own edit, not yet pulled. */
export interface TeamEditRecord extends ServerEdit {
  answered?: true;
}

/**
 * Where an outbox entry stands. pending: not sent yet; sent: sent without a definite answer (the
 * request failed or the server erred; it may have applied it). Both count as if applied. conflict:
 * the field moved since the edit's base (a reviewer decides); rejected: refused (no right, invalid).
 * Conflicted and rejected entries no longer count, but are kept. Applied entries leave the outbox.
 */
export type OutboxState = 'pending' | 'sent' | 'conflict' | 'rejected';

/** An edit of a server dataset made here, waiting for (or refused by) the server. */
export interface OutboxEntry extends Required<Omit<StatusEdit, 'kind' | 'author' | 'source'>> {
  kind: EditKind;
  author: string;
  source: EditSource;
  /** Client-generated (uuid): the server applies it at most once, however often it is sent. */
  mutationId: string;
  /** Grows with every entry queued: the sending order, and its key among edits (2^40 + sequence). */
  sequence: number;
  /** The highest server version of this row and field known here when the edit was made (0: none). */
  baseVersion: number;
  /** An earlier entry of the same row and field still waiting then: its result is this one's base. */
  afterMutationId?: string;
  state: OutboxState;
  /** How often it was sent; the last time (ISO) it was. */
  attempts: number;
  lastAttemptAt?: string;
  /** The server's message for a conflict or a refusal, in the user's language. */
  reason?: string;
  conflictId?: number;
  /** The server's current edit of the field when it answered with a conflict. */
  current?: ServerEdit | null;
}

export {
  STATUS_FIELDS,
  type StatusField,
  type StatusEdit,
  type StoredEdit,
  type EditKind,
  type EditSource,
} from '../core/tracking/edits';

/** A saved view for presentations (see core/slidesFile.ts); `position` orders the slides, lowest first. */
export interface StoredSlide extends SlideRecord {
  position: number;
}
