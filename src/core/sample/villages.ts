// SAMPLE statuses of the real village-level units: synthetic positions (layout.ts) and synthetic
// reported years of fiber, gigabit fiber (千兆) and 5G. Codes, names, townships and kinds are real
// (NBS 2023); everything else is invented, and every row carries the sample flag.
//
// Rules the statuses follow (the plan's facts; the shares between them are assumptions):
// - Every unit had fiber (and 4G) by the end of 2017: fiberYear ≤ 2017 for all.
// - Each year's statuses are set by rank, not by coin flips, so the cumulative share of units with
//   a status by the end of each year is exactly the share in the tables below (for each kind).
//   Residents' committees (urban) come earlier than village committees.
// - 5G: administrative villages (village committees) over 50 % by the end of 2022 (reported
//   "> 50 %"), 92 % by 2025 ("basically all"). Units are ranked by the year the coverage model
//   first covers them with the sample's stations plus noise (about a year; for one unit in 20 a
//   random year), so reported years follow the model mostly but not always: real reports
//   disagree with models, and those disagreements are what planners check. The disc model
//   covers more than is reported (it ignores terrain, and overstates coverage in karst valleys),
//   so most disagreements are "modelled yes, reported no". Every township has at least one unit
//   with 5G by 2021 (5G reached every township in 2021).
// - Gigabit: ranked by distance from the county seat plus noise, Guiyang (the "gigabit city")
//   first; every township has at least one gigabit unit by 2025 (the plan's township target).
// - A year of 0 means "not yet by 2025".
import type { CountyProperties } from '../areas';
import { haversineMeters } from '../coverage/stationGrid';
import { SAMPLE_YEARS } from './calibration';
import { normal, streamFor } from './draw';
import { VILLAGE_KINDS, type Layout, type TownshipTable, type VillageTable } from './layout';

/** Cumulative share of units with the status by the end of each year, per kind (assumptions). */
type ShareTable = Record<(typeof VILLAGE_KINDS)[number], Readonly<Record<number, number>>>;

export const FIBER_SHARES: ShareTable = {
  village_committee: { 2013: 0.1, 2014: 0.25, 2015: 0.5, 2016: 0.75, 2017: 1 },
  residents_committee: { 2010: 0.15, 2011: 0.3, 2012: 0.5, 2013: 0.7, 2014: 0.88, 2015: 1 },
};
export const GIGABIT_SHARES: ShareTable = {
  village_committee: { 2020: 0.01, 2021: 0.04, 2022: 0.1, 2023: 0.2, 2024: 0.32, 2025: 0.45 },
  residents_committee: { 2019: 0.02, 2020: 0.1, 2021: 0.3, 2022: 0.55, 2023: 0.75, 2024: 0.88, 2025: 0.95 },
};
export const FIVE_G_SHARES: ShareTable = {
  village_committee: { 2019: 0.005, 2020: 0.08, 2021: 0.3, 2022: 0.55, 2023: 0.72, 2024: 0.84, 2025: 0.92 },
  residents_committee: { 2019: 0.05, 2020: 0.5, 2021: 0.85, 2022: 0.95, 2023: 0.98, 2024: 0.995, 2025: 1 },
};

/** Spread, in years, of the reported 5G year around the modelled one. */
const FIVE_G_NOISE_YEARS = 1;
/** Share of units whose report ignores the model: a station missing from the data, a unit placed
 * wrongly, a mistaken report. Their rank comes from a year drawn at random. */
const UNEXPLAINED_SHARE = 0.05;
/** Distance from the seat that delays fiber and gigabit by about one rank-year, in km. */
const KM_PER_YEAR = 10;
const GUIYANG = '520100';
const GUIYANG_GIGABIT_LEAD_YEARS = 1;
const EVERY_TOWNSHIP_5G_BY = 2021;
const EVERY_TOWNSHIP_GIGABIT_BY = 2025;

export interface VillageStatuses {
  /** The real table (codes, names, township, county, kind), in the same order as every column. */
  villages: VillageTable;
  /** Synthetic positions, WGS84. */
  lon: Float64Array;
  lat: Float64Array;
  fiberYear: Int16Array;
  /** 0 = no gigabit fiber yet. */
  gigabitYear: Int16Array;
  /** Reported year of 5G coverage; 0 = not reported covered yet. */
  fiveGYear: Int16Array;
  /** What the coverage model says with the sample's stations (first year covered, 0 = never): the
   * reported years were drawn around it. */
  modelledFiveGYear: Int16Array;
  /** 1 on every row: positions and statuses are sample data. */
  sample: Uint8Array;
}

export interface VillageStatusInputs {
  counties: readonly Pick<CountyProperties, 'seat' | 'prefectureAdcode'>[];
  townships: TownshipTable;
  layout: Layout;
  /** First year the model covers each unit with 5G (coverageYear.ts), 0 = never. */
  modelledFiveGYear: Int16Array;
}

export function generateVillageStatuses(
  seed: number,
  villages: VillageTable,
  inputs: VillageStatusInputs,
): VillageStatuses {
  const { counties, townships, layout, modelledFiveGYear } = inputs;
  const n = villages.code.length;
  if (modelledFiveGYear.length !== n || layout.villageLon.length !== n)
    throw new RangeError('the layout and the modelled years must have one entry per village');
  const random = streamFor(seed, 'villages');
  const seatKm = Float64Array.from({ length: n }, (_, i) => {
    const [lon, lat] = counties[villages.county[i]].seat;
    return haversineMeters(layout.villageLon[i], layout.villageLat[i], lon, lat) / 1000;
  });
  const never = SAMPLE_YEARS[SAMPLE_YEARS.length - 1] + 2;
  const fiberScore = Float64Array.from(seatKm, (km) => km / KM_PER_YEAR + normal(random));
  const gigabitScore = Float64Array.from(
    seatKm,
    (km, i) =>
      km / KM_PER_YEAR +
      normal(random) -
      (counties[villages.county[i]].prefectureAdcode === GUIYANG ? GUIYANG_GIGABIT_LEAD_YEARS : 0),
  );
  const fiveGScore = Float64Array.from(modelledFiveGYear, (year) => {
    const unexplained = random() < UNEXPLAINED_SHARE,
      anyYear = SAMPLE_YEARS[0] + random() * (never - SAMPLE_YEARS[0]);
    return (unexplained ? anyYear : year || never) + FIVE_G_NOISE_YEARS * normal(random);
  });

  const fiberYear = yearsByRank(fiberScore, villages.kind, FIBER_SHARES);
  const gigabitYear = yearsByRank(gigabitScore, villages.kind, GIGABIT_SHARES);
  const fiveGYear = yearsByRank(fiveGScore, villages.kind, FIVE_G_SHARES);
  everyTownshipBy(EVERY_TOWNSHIP_5G_BY, fiveGYear, fiveGScore, villages.township, townships.code.length);
  everyTownshipBy(
    EVERY_TOWNSHIP_GIGABIT_BY,
    gigabitYear,
    gigabitScore,
    villages.township,
    townships.code.length,
  );
  return {
    villages,
    lon: layout.villageLon,
    lat: layout.villageLat,
    fiberYear,
    gigabitYear,
    fiveGYear,
    modelledFiveGYear,
    sample: new Uint8Array(n).fill(1),
  };
}

/**
 * Per unit, the year its status starts: units of each kind sorted by score (lowest first) take the
 * years in order, so that by the end of each year the table's share of them has the status.
 */
function yearsByRank(score: Float64Array, kind: Uint8Array, shares: ShareTable): Int16Array {
  const years = new Int16Array(score.length);
  VILLAGE_KINDS.forEach((kindName, code) => {
    const members = Array.from({ length: score.length }, (_, i) => i).filter((i) => kind[i] === code);
    members.sort((a, b) => score[a] - score[b] || a - b);
    const table = Object.entries(shares[kindName])
      .map(([year, share]) => [Number(year), Math.round(share * members.length)] as const)
      .sort((a, b) => a[0] - b[0]);
    let rank = 0;
    for (const [year, cumulative] of table) for (; rank < cumulative; rank++) years[members[rank]] = year;
  });
  return years;
}

/** In each township with no unit having the status by `year`, its best-scored unit gets it then. */
function everyTownshipBy(
  year: number,
  years: Int16Array,
  score: Float64Array,
  township: Uint32Array,
  townshipCount: number,
): void {
  const best = new Int32Array(townshipCount).fill(-1),
    reached = new Uint8Array(townshipCount);
  for (let i = 0; i < years.length; i++) {
    const t = township[i];
    if (years[i] !== 0 && years[i] <= year) reached[t] = 1;
    if (best[t] === -1 || score[i] < score[best[t]]) best[t] = i;
  }
  for (let t = 0; t < townshipCount; t++) if (!reached[t] && best[t] >= 0) years[best[t]] = year;
}
