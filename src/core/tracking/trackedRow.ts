// One village's or site's statuses as the status editor and the inspector show them: for each
// field a person can edit, the sheet's value, the value now, and whether an edit, a field check or
// a dispute stands behind it (from the layer's tracking, tracking.ts).
import { statusAt } from '../layers/encoding';
import type { PlaceLayer } from '../layers/places';
import {
  EDITABLE_FIELDS,
  rowKeysOf,
  rowTracking,
  VILLAGE_STATUS_OF,
  type TrackedLayerName,
} from '../layers/tracking';
import type { VillageLayer } from '../layers/villages';
import type { StatusField } from './edits';
import type { Verification } from './currentStatus';

/** 1 yes, 0 no, 255 unknown (as statusAt). */
export type Flag = 0 | 1 | 255;

export interface StatusCell {
  /** The sheet's value, before edits. */
  reported: Flag;
  /** The value now: reported, or the latest change or field check. */
  current: Flag;
  edited: boolean;
  verification: Verification | null;
  /** Day, who and note of the edit that decided the value (or disputes it). */
  date?: string;
  author?: string;
  note?: string;
}

export interface TrackedRow {
  row: number;
  rowKey: string;
  name: string;
  /** The county index of the row (ascending adcode, as in the county index); −1 outside Guizhou. */
  county: number;
  /** The dataset the edits go to; null when the rows are the sample's (not editable). */
  datasetId: string | null;
  sourceName: string;
  fields: Partial<Record<StatusField, StatusCell>>;
}

/** The cell of one field of one row: `code` now, the tracking of the row's edits if any. */
export function statusCell(
  code: number,
  tracking: ReturnType<typeof rowTracking>[StatusField],
  year: number,
): StatusCell {
  const current = statusAt(code, year);
  return tracking
    ? {
        reported: statusAt(tracking.reportedCode, year),
        current,
        edited: tracking.edited,
        verification: tracking.verification,
        date: tracking.last.date,
        author: tracking.last.author ?? '',
        note: tracking.last.note,
      }
    : { reported: current, current, edited: false, verification: null };
}

/** One row, found by its key or its index in the layer. */
export function trackedRow(
  layer: TrackedLayerName,
  rows: VillageLayer | PlaceLayer,
  which: string | number,
  asOfYear: number,
): TrackedRow | null {
  const keys = 'code' in rows ? rowKeysOf(rows.code) : rows.key;
  const row = typeof which === 'number' ? which : keys.indexOf(which);
  if (row < 0 || row >= keys.length) return null;
  const rowKey = keys[row];
  const edits = rowTracking(rows.tracking, row);
  const fields: TrackedRow['fields'] = {};
  for (const field of EDITABLE_FIELDS[layer]) {
    const code = 'code' in rows ? rows.status[VILLAGE_STATUS_OF[field]][row] : rows.reported[row];
    fields[field] = statusCell(code, edits[field], asOfYear);
  }
  return {
    row,
    rowKey,
    name: rows.name[row],
    county: rows.county[row],
    datasetId: rows.source.kind === 'dataset' ? (rows.source.datasetId ?? null) : null,
    sourceName: rows.source.name,
    fields,
  };
}
