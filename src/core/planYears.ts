// The plan's years: the 14th Five-Year plan runs from its 2020 baseline to its 2025 targets. The
// year slider, compare, links and the station filter's first build years all read them here.
export const PLAN_FIRST_YEAR = 2020;
export const PLAN_LAST_YEAR = 2025;
/** The first build years a station filter offers: the sample starts one year before the plan. */
export const FIRST_BUILD_YEAR = 2019;

/** `from` … `to`, inclusive. */
export const yearsBetween = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
