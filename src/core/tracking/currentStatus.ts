// A row's current status: its reported value (the imported sheet) overridden by the team's later
// edits. This is the one place that happens; every figure, table, list, export and the map read
// the status columns it returns (core/layers/tracking.ts applies it to a whole layer).
//
// Rules relied on:
// - Edits apply in the order of their day on the ground; edits of the same day in the order they
//   were recorded. So a later day wins, and a correction entered today of an older day does not
//   override a change dated after it.
// - A status change and a field verification both set the value; a verification marks it
//   verified until a later change. A dispute does not change the value: it marks it disputed
//   (with what the crew saw) until a later change or verification settles it.
// - Status codes are year codes (layers/encoding.ts). "Yes" from an edit counts from the year of
//   its day; a row already yes by then keeps its earlier year. Days after the plan's last year
//   count in that year, so the year slider's last stop shows the latest status. "No" and
//   "unknown" hold for every year: the sheet and the edits keep no dated "no".
import { STATUS_NO, STATUS_UNKNOWN, STATUS_YES_UNDATED, statusAt } from '../layers/encoding';
import { byDateThenKey, kindOf, type StoredEdit } from './edits';

export type Verification = 'verified' | 'disputed';

/** What the edits made of one field of one row. */
export interface FieldTracking {
  /** The status code as imported, before any edit. */
  reportedCode: number;
  /** The status code now. */
  code: number;
  /** True when the value now comes from an edit (a change or a verification), not the sheet. */
  edited: boolean;
  verification: Verification | null;
  /** What a dispute says the value is (undefined when not disputed). */
  disputedValue?: boolean | null;
  /** The edit that decided the value, or the dispute standing against it. */
  last: StoredEdit;
  /** Every edit of this field, oldest first. */
  history: StoredEdit[];
}

export interface TrackedColumn {
  /** The status codes every view reads. Shares nothing with the reported column. */
  codes: Int16Array;
  /** Rows with at least one edit of this field, by row index. */
  rows: Map<number, FieldTracking>;
}

/** true / false / null (unknown) of a status code, ignoring when it became true. */
export const valueOfCode = (code: number): boolean | null =>
  code === STATUS_UNKNOWN ? null : code !== STATUS_NO;

function codeAfter(value: boolean | null, current: number, year: number): number {
  if (value === null) return STATUS_UNKNOWN;
  if (!value) return STATUS_NO;
  if (current === STATUS_YES_UNDATED) return current;
  return statusAt(current, year) === 1 ? current : year;
}

/**
 * The current status of one field: `reported` codes overridden by the edits of that field
 * (`edits`, any order), matched to rows through `rowOf` (row key → row index; edits of keys not
 * in it are left out and counted in `unmatched`).
 */
export function currentStatus(
  reported: Int16Array,
  rowOf: ReadonlyMap<string, number>,
  edits: readonly StoredEdit[],
  lastYear: number,
): TrackedColumn & { unmatched: number } {
  const codes = Int16Array.from(reported);
  const rows = new Map<number, FieldTracking>();
  let unmatched = 0;
  for (const edit of [...edits].sort(byDateThenKey)) {
    const row = rowOf.get(edit.rowKey);
    if (row === undefined) {
      unmatched++;
      continue;
    }
    let tracking = rows.get(row);
    if (!tracking) {
      tracking = {
        reportedCode: reported[row],
        code: reported[row],
        edited: false,
        verification: null,
        last: edit,
        history: [],
      };
      rows.set(row, tracking);
    }
    tracking.history.push(edit);
    tracking.last = edit;
    const kind = kindOf(edit);
    if (kind === 'dispute') {
      tracking.verification = 'disputed';
      tracking.disputedValue = edit.value;
      continue;
    }
    const year = Math.min(Number(edit.date.slice(0, 4)), lastYear);
    tracking.code = codes[row] = codeAfter(edit.value, codes[row], year);
    tracking.edited = true;
    tracking.verification = kind === 'verify' ? 'verified' : null;
    tracking.disputedValue = undefined;
  }
  return { codes, rows, unmatched };
}
