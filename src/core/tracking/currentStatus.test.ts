import { expect, test } from 'vitest';
import { STATUS_NO, STATUS_UNKNOWN, STATUS_YES_UNDATED, statusAt } from '../layers/encoding';
import { currentStatus, valueOfCode } from './currentStatus';
import type { StoredEdit } from './edits';

let nextKey = 1;
const edit = (
  rowKey: string,
  date: string,
  value: boolean | null,
  more: Partial<StoredEdit> = {},
): StoredEdit => ({
  key: nextKey++,
  datasetId: 'd',
  rowKey,
  field: 'gigabit',
  value,
  date,
  note: '',
  editedAt: '2026-12-01T00:00:00Z',
  ...more,
});
const rows = new Map([
  ['a', 0],
  ['b', 1],
  ['c', 2],
]);

test('edits override the reported status; rows without edits keep it; the reported column is untouched', () => {
  const reported = Int16Array.of(STATUS_NO, STATUS_UNKNOWN, STATUS_YES_UNDATED);
  const { codes, rows: tracked } = currentStatus(reported, rows, [edit('a', '2026-03-01', true)], 2025);
  expect(valueOfCode(codes[0])).toBe(true);
  expect([...codes.slice(1)]).toEqual([STATUS_UNKNOWN, STATUS_YES_UNDATED]);
  expect([...reported]).toEqual([STATUS_NO, STATUS_UNKNOWN, STATUS_YES_UNDATED]);
  expect(tracked.get(0)).toMatchObject({ reportedCode: STATUS_NO, edited: true, verification: null });
  expect(tracked.has(1)).toBe(false);
});

test('a later day wins, whatever order the edits were recorded in; the same day goes by recording order', () => {
  const reported = Int16Array.of(STATUS_NO, STATUS_NO, STATUS_NO);
  const later = edit('a', '2026-05-01', true);
  const correctionOfEarlierDay = edit('a', '2026-04-01', false);
  const sameDayFirst = edit('b', '2026-06-01', true);
  const sameDaySecond = edit('b', '2026-06-01', false);
  const { codes, rows: tracked } = currentStatus(
    reported,
    rows,
    [sameDaySecond, later, sameDayFirst, correctionOfEarlierDay],
    2025,
  );
  expect(valueOfCode(codes[0])).toBe(true);
  expect(tracked.get(0)!.last).toBe(later);
  expect(tracked.get(0)!.history).toEqual([correctionOfEarlierDay, later]);
  expect(valueOfCode(codes[1])).toBe(false);
});

test('yes counts from the year of its day (days after the plan count in its last year); an earlier yes keeps its year', () => {
  const reported = Int16Array.of(STATUS_NO, 2021, STATUS_UNKNOWN);
  const { codes } = currentStatus(
    reported,
    rows,
    [edit('a', '2023-09-09', true), edit('b', '2024-01-01', true), edit('c', '2026-11-30', true)],
    2025,
  );
  expect([...codes]).toEqual([2023, 2021, 2025]);
  expect(statusAt(codes[0], 2022)).toBe(0);
  expect(statusAt(codes[2], 2025)).toBe(1);
});

test('a verification sets the value and marks it verified; a dispute marks it disputed without changing it', () => {
  const reported = Int16Array.of(STATUS_NO, STATUS_YES_UNDATED, STATUS_NO);
  const { codes, rows: tracked } = currentStatus(
    reported,
    rows,
    [
      edit('a', '2026-01-01', true, { kind: 'verify' }),
      edit('b', '2026-01-01', false, { kind: 'dispute', note: '山后无信号' }),
      edit('c', '2026-01-01', true, { kind: 'verify' }),
      edit('c', '2026-02-01', false),
    ],
    2025,
  );
  expect(tracked.get(0)).toMatchObject({ verification: 'verified', edited: true });
  expect(valueOfCode(codes[0])).toBe(true);
  expect(tracked.get(1)).toMatchObject({ verification: 'disputed', edited: false, disputedValue: false });
  expect(codes[1]).toBe(STATUS_YES_UNDATED);
  // A later change un-verifies.
  expect(tracked.get(2)).toMatchObject({ verification: null, edited: true });
  expect(valueOfCode(codes[2])).toBe(false);
});

test('unknown clears a status; edits of keys no row has are counted, not applied', () => {
  const reported = Int16Array.of(STATUS_YES_UNDATED, STATUS_NO, STATUS_NO);
  const result = currentStatus(
    reported,
    rows,
    [edit('a', '2026-01-01', null), edit('zz', '2026-01-01', true)],
    2025,
  );
  expect(result.codes[0]).toBe(STATUS_UNKNOWN);
  expect(result.unmatched).toBe(1);
});
