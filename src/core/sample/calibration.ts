// How many sample stations exist at the end of each year, 2019–2025: the published figures where
// there are any, interpolated between them where there are none.
//
// Rules relied on:
// - Counts are cumulative at the end of the year. A station's build year is the year its count
//   first includes it, so the stations built in a year are the difference of two cumulative counts
//   and the counts by build year add up exactly to every published figure.
// - 5G, published: end 2019 1,467; end 2020 20,721; end 2022 84,300; end 2025 130,000 (the plan's
//   2025 target, 13 ten-thousands). 2021, 2023 and 2024 are not published: they are interpolated
//   linearly between the published points on either side, rounded to whole stations. The reported
//   126,000 of October 2025 is close to that line: linear within 2025 gives 127,461 at the end of
//   October, 1.2 % above the report.
// - 4G, published: 183,000 in 2020 and 196,000 in 2025 (the plan table's 18.3 and 19.6
//   ten-thousands). Years between are linear. The sample's 4G starts in 2019, and build year 2019
//   means "on air by the end of 2019": the whole network built 2013–2019 carries that year. Its
//   size is an assumption of the sample: the 2020–2025 pace (2,600 a year) carried back one year.
export const SAMPLE_FIRST_YEAR = 2019;
export const SAMPLE_LAST_YEAR = 2025;
export const SAMPLE_YEARS: readonly number[] = Array.from(
  { length: SAMPLE_LAST_YEAR - SAMPLE_FIRST_YEAR + 1 },
  (_, k) => SAMPLE_FIRST_YEAR + k,
);

/** Published cumulative 5G stations at the end of the year (see the header for sources). */
export const PUBLISHED_5G_STATIONS: Readonly<Record<number, number>> = {
  2019: 1_467,
  2020: 20_721,
  2022: 84_300,
  2025: 130_000,
};
/** Published cumulative 4G stations (the plan's baseline and target). */
export const PUBLISHED_4G_STATIONS: Readonly<Record<number, number>> = { 2020: 183_000, 2025: 196_000 };

export interface CalibrationRow {
  year: number;
  fiveGCumulative: number;
  fourGCumulative: number;
  fiveGBuilt: number;
  fourGBuilt: number;
  fiveGPublished: boolean;
  fourGPublished: boolean;
}

/**
 * Cumulative counts for every sample year: published points as given, the rest linear between the
 * nearest published points on either side, or along the nearest two when a year lies outside them.
 */
export function interpolateCumulative(published: Readonly<Record<number, number>>): Int32Array {
  const years = Object.keys(published)
    .map(Number)
    .sort((a, b) => a - b);
  if (years.length < 2) throw new RangeError('interpolation needs at least two published years');
  return Int32Array.from(SAMPLE_YEARS, (year) => {
    if (published[year] !== undefined) return published[year];
    let right = years.findIndex((y) => y > year);
    if (right <= 0) right = right === 0 ? 1 : years.length - 1;
    const y0 = years[right - 1],
      y1 = years[right];
    return Math.round(published[y0] + ((published[y1] - published[y0]) * (year - y0)) / (y1 - y0));
  });
}

export function calibrationTable(): CalibrationRow[] {
  const fiveG = interpolateCumulative(PUBLISHED_5G_STATIONS);
  const fourG = interpolateCumulative(PUBLISHED_4G_STATIONS);
  return SAMPLE_YEARS.map((year, k) => ({
    year,
    fiveGCumulative: fiveG[k],
    fourGCumulative: fourG[k],
    fiveGBuilt: k === 0 ? fiveG[0] : fiveG[k] - fiveG[k - 1],
    fourGBuilt: k === 0 ? fourG[0] : fourG[k] - fourG[k - 1],
    fiveGPublished: PUBLISHED_5G_STATIONS[year] !== undefined,
    fourGPublished: PUBLISHED_4G_STATIONS[year] !== undefined,
  }));
}
