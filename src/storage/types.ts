// The shapes the browser persistence layer stores. A dataset is columnar (one array per column, all
// of length rowCount) so a 130k-row import is a handful of typed arrays, which IndexedDB stores
// natively by structured clone: never JSON-encode them.
//
// Rules relied on:
// - Metadata and columns are stored apart so listing datasets never reads the heavy arrays.
// - Status edits are core/tracking/edits.ts's records, stored as they are.
import type { SlideRecord } from '../core/slidesFile';

export type { ColumnArray, StoredDataset } from '../core/storedDataset';
export type { Datum } from '../core/import/datum';
import type { StoredDataset } from '../core/storedDataset';

/** What listDatasets() returns: everything but the columns, plus their approximate size. */
export interface DatasetMetadata extends Omit<StoredDataset, 'columns' | 'dictionaries'> {
  /** Approximate bytes of the columns and dictionaries (typed arrays exactly, strings at 2 bytes a character). */
  byteSize: number;
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
