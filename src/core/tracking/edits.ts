// What the rural-connectivity team records about a village's or site's statuses: a changed status
// (desk work: a call, a report), a field check that verified it, or a dispute of it. Pure types and
// checks: storage keeps the records, currentStatus.ts turns them into the status every view shows.
//
// Rules relied on:
// - Records are never changed or deleted one by one: the history is the record.
// - `value` is true / false, or null for "unknown"; a dispute may carry the value the crew saw.
// - Records made before verification existed have no `kind` (they are status changes) and no
//   `author`: readers go through `kindOf` / `authorOf`.

export const STATUS_FIELDS = ['fiber', 'gigabit', '4g', '5g', 'covered'] as const;
export type StatusField = (typeof STATUS_FIELDS)[number];

/** set: the status changed; verify: seen in the field (the value then stands); dispute: doubted in the field. */
export const EDIT_KINDS = ['set', 'verify', 'dispute'] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/** Where the person was: at a desk, or in the field (a crew on a phone). */
export const EDIT_SOURCES = ['desk', 'field'] as const;
export type EditSource = (typeof EDIT_SOURCES)[number];

/** One change of one status of one row (village code, site id…), as a person entered it. */
export interface StatusEdit {
  datasetId: string;
  rowKey: string;
  field: StatusField;
  kind?: EditKind;
  value: boolean | null;
  /** The day of the change or check on the ground, yyyy-mm-dd. */
  date: string;
  note: string;
  /** Who recorded it, as they named themselves. */
  author?: string;
  source?: EditSource;
  /** ISO 8601 timestamp of when the edit was recorded. */
  editedAt: string;
}

/** An edit as stored: `key` grows with every edit recorded, so it orders edits of the same day. */
export interface StoredEdit extends StatusEdit {
  key: number;
}

export const kindOf = (edit: StatusEdit): EditKind => edit.kind ?? 'set';
export const authorOf = (edit: StatusEdit): string => edit.author ?? '';

/** A real calendar day written yyyy-mm-dd (rejects 2024-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

/** Why an edit cannot be recorded, or null when it can. */
export function editProblem(edit: Partial<StatusEdit>): string | null {
  if (typeof edit.rowKey !== 'string' || edit.rowKey === '') return 'a row key is required';
  if (!(STATUS_FIELDS as readonly unknown[]).includes(edit.field)) return `unknown field "${edit.field}"`;
  if (edit.kind !== undefined && !(EDIT_KINDS as readonly unknown[]).includes(edit.kind))
    return `unknown kind "${edit.kind}"`;
  if (edit.source !== undefined && !(EDIT_SOURCES as readonly unknown[]).includes(edit.source))
    return `unknown source "${edit.source}"`;
  if (edit.value !== true && edit.value !== false && edit.value !== null)
    return 'value must be true, false or null';
  if (typeof edit.date !== 'string' || !isCalendarDate(edit.date))
    return `date "${edit.date}" is not yyyy-mm-dd`;
  return null;
}

/** Oldest first by the day on the ground; edits of the same day in the order they were recorded. */
export const byDateThenKey = (a: StoredEdit, b: StoredEdit): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.key - b.key;
