// The encodings every layer's columns share, whatever the rows came from (the seeded sample or a
// user's imported dataset).
//
// Rules relied on:
// - A status column holds a year code (see statusAt): 0 no, −1 unknown, 1 yes since an unknown
//   year, otherwise the year it became true. One encoding serves dated sample statuses and a
//   team's undated yes/no sheet alike, and the time slider needs no recomputation.
// - A category column holds an index into its labels, UNKNOWN_CATEGORY when the row names none.
// - A modelled column holds the first year the coverage model covers the row, 0 for never.

export const STATUS_NO = 0,
  STATUS_UNKNOWN = -1,
  STATUS_YES_UNDATED = 1;
export const UNKNOWN_CATEGORY = 255;

/** 1 yes, 0 no, 255 unknown: a status code as of the end of `year`. */
export function statusAt(code: number, year: number): 0 | 1 | 255 {
  if (code === STATUS_UNKNOWN) return 255;
  if (code === STATUS_NO) return 0;
  return code === STATUS_YES_UNDATED || code <= year ? 1 : 0;
}

/** Where a layer's rows come from, as the UI names it. */
export interface LayerSource {
  kind: 'sample' | 'dataset';
  name: string;
  datasetId?: string;
}

/** 1 when a first-covered year column (0 = never) says row i is covered by the end of asOfYear. */
export const coveredBy = (firstYear: Int16Array | undefined, i: number, asOfYear: number) =>
  firstYear !== undefined && firstYear[i] !== 0 && firstYear[i] <= asOfYear ? 1 : 0;
