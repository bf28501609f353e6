// Per-area summaries of assigned items: counts, counts by category, sums of numeric attributes,
// densities per km² and per 10,000 residents (2020 census), and the share flagged covered.
//
// Rules: items outside Guizhou (county −1) are summed in a separate `outside` row, never dropped;
// an item left out by the include mask (a filter, or "as of year") counts nowhere; a NaN numeric
// value adds nothing to its sum; a covered flag of 255 means "unknown" and counts in neither the
// numerator nor the denominator of the covered share.
import type { AreaTable } from './areaTable';
import { FLAG_UNKNOWN } from '../flags';

export { FLAG_UNKNOWN };

/** A categorical column, dictionary-encoded: codes[i] indexes labels. */
export interface CategoricalColumn {
  name: string;
  codes: Uint32Array;
  labels: string[];
}
export interface NumericColumn {
  name: string;
  values: Float64Array;
}

export interface SummaryInput {
  /** County index per item (from assignCounties); −1 outside Guizhou. */
  county: Int16Array;
  include?: Uint8Array;
  categorical?: CategoricalColumn[];
  numeric?: NumericColumn[];
  /** 1 covered, 0 not covered, 255 unknown. */
  covered?: Uint8Array;
}

export interface SummaryRow {
  adcode: string;
  name: string;
  count: number;
  perKm2: number | null;
  per10k: number | null;
  byCategory: Record<string, Record<string, number>>;
  sums: Record<string, number>;
  coveredCount: number | null;
  /** Covered items over items with a known flag; null when none is known. */
  coveredShare: number | null;
}

export interface Summary {
  level: AreaTable['level'];
  rows: SummaryRow[];
  outside: SummaryRow;
}

export function summarize(table: AreaTable, input: SummaryInput): Summary {
  const areaCount = table.adcodes.length;
  const outsideRow = areaCount; // one extra slot for items outside Guizhou
  const slots = areaCount + 1;
  const counts = new Float64Array(slots);
  const categorical = input.categorical ?? [];
  const numeric = input.numeric ?? [];
  const categoryCounts = categorical.map((c) => new Float64Array(slots * c.labels.length));
  const sums = numeric.map(() => new Float64Array(slots));
  const covered = new Float64Array(slots),
    known = new Float64Array(slots);
  const { county, include } = input;

  for (let i = 0; i < county.length; i++) {
    if (include && include[i] === 0) continue;
    const slot = county[i] < 0 ? outsideRow : table.rowOfCounty[county[i]];
    counts[slot]++;
    for (let c = 0; c < categorical.length; c++)
      categoryCounts[c][slot * categorical[c].labels.length + categorical[c].codes[i]]++;
    for (let n = 0; n < numeric.length; n++) {
      const v = numeric[n].values[i];
      if (v === v) sums[n][slot] += v;
    }
    if (input.covered) {
      const flag = input.covered[i];
      if (flag !== FLAG_UNKNOWN) {
        known[slot]++;
        if (flag === 1) covered[slot]++;
      }
    }
  }

  const row = (
    slot: number,
    adcode: string,
    name: string,
    population: number,
    areaKm2: number,
  ): SummaryRow => ({
    adcode,
    name,
    count: counts[slot],
    perKm2: areaKm2 > 0 ? counts[slot] / areaKm2 : null,
    per10k: population > 0 ? (counts[slot] * 10_000) / population : null,
    byCategory: Object.fromEntries(
      categorical.map((c, k) => [
        c.name,
        Object.fromEntries(
          c.labels.map((label, j) => [label, categoryCounts[k][slot * c.labels.length + j]]),
        ),
      ]),
    ),
    sums: Object.fromEntries(numeric.map((n, k) => [n.name, sums[k][slot]])),
    coveredCount: input.covered ? covered[slot] : null,
    coveredShare: input.covered && known[slot] > 0 ? covered[slot] / known[slot] : null,
  });
  return {
    level: table.level,
    rows: table.adcodes.map((adcode, r) =>
      row(r, adcode, table.names[r], table.population2020[r], table.areaKm2[r]),
    ),
    outside: row(outsideRow, 'outside', 'outside', 0, 0),
  };
}

/** Items built by the end of `year` (build year 0 = unknown, always included). */
export function builtBy(buildYear: Int16Array, year: number): Uint8Array {
  const include = new Uint8Array(buildYear.length);
  for (let i = 0; i < buildYear.length; i++) include[i] = buildYear[i] === 0 || buildYear[i] <= year ? 1 : 0;
  return include;
}

/** Dictionary-encodes strings (first-seen order), for categorical columns. */
export function encodeCategories(name: string, values: ArrayLike<string>): CategoricalColumn {
  const labels: string[] = [];
  const seen = new Map<string, number>();
  const codes = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let code = seen.get(values[i]);
    if (code === undefined) {
      code = labels.length;
      seen.set(values[i], code);
      labels.push(values[i]);
    }
    codes[i] = code;
  }
  return { name, codes, labels };
}
