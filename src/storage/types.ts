// The shapes the browser persistence layer stores. A dataset is columnar (one array per column, all
// of length rowCount) so a 130k-row import is a handful of typed arrays, which IndexedDB stores
// natively by structured clone: never JSON-encode them.
//
// Rules relied on:
// - Metadata and columns are stored apart so listing datasets never reads the heavy arrays.
// - An edit's value is true / false, or null when the team marks the status as unknown again.
import type { SlideRecord } from '../core/slidesFile';

export type { ColumnArray, StoredDataset } from '../core/storedDataset';
export type { Datum } from '../core/import/datum';
import type { StoredDataset } from '../core/storedDataset';

/** What listDatasets() returns: everything but the columns, plus their approximate size. */
export interface DatasetMetadata extends Omit<StoredDataset, 'columns' | 'dictionaries'> {
  /** Approximate bytes of the columns and dictionaries (typed arrays exactly, strings at 2 bytes a character). */
  byteSize: number;
}

export const STATUS_FIELDS = ['fiber', 'gigabit', '4g', '5g', 'covered'] as const;
export type StatusField = (typeof STATUS_FIELDS)[number];

/** One change of one status of one row (village code, site id…), as a person entered it. */
export interface StatusEdit {
  datasetId: string;
  rowKey: string;
  field: StatusField;
  value: boolean | null;
  /** The day the status changed on the ground, yyyy-mm-dd. */
  date: string;
  note: string;
  /** ISO 8601 timestamp of when the edit was recorded. */
  editedAt: string;
}

/** An edit as stored: `key` grows with every edit recorded, so it orders the history. */
export interface StoredEdit extends StatusEdit {
  key: number;
}

/** A saved view for presentations (see core/slidesFile.ts); `position` orders the slides, lowest first. */
export interface StoredSlide extends SlideRecord {
  position: number;
}
