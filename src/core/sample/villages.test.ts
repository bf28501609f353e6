import { describe, expect, test } from 'vitest';
import {
  RESIDENTS_COMMITTEE,
  VILLAGE_COMMITTEE,
  type Layout,
  type TownshipTable,
  type VillageTable,
} from './layout';
import { FIVE_G_SHARES, GIGABIT_SHARES, generateVillageStatuses } from './villages';

// 1,000 village committees and 200 residents' committees in 40 townships of one county, on a line
// eastwards from the seat; the model covers the western half early and the rest late or never.
const n = 1_200,
  townshipCount = 40;
const kind = Uint8Array.from({ length: n }, (_, i) => (i < 1_000 ? VILLAGE_COMMITTEE : RESIDENTS_COMMITTEE));
const township = Uint32Array.from({ length: n }, (_, i) => i % townshipCount);
const villages: VillageTable = {
  code: Array.from({ length: n }, (_, i) => `5201010010${String(i).padStart(2, '0')}`),
  name: Array.from({ length: n }, (_, i) => `村${i}`),
  townshipCode: Array.from(township, (t) => `520101${100 + t}`),
  countyAdcode: new Array(n).fill('520101'),
  kind,
  county: new Int16Array(n),
  township,
};
const townships: TownshipTable = {
  code: Array.from({ length: townshipCount }, (_, t) => `520101${100 + t}`),
  name: Array.from({ length: townshipCount }, (_, t) => `镇${t}`),
  county: new Int16Array(townshipCount),
  kind: new Uint8Array(townshipCount).fill(1),
  villageCount: new Uint32Array(townshipCount).fill(n / townshipCount),
  residentsCommitteeCount: new Uint32Array(townshipCount).fill(5),
};
const layout: Layout = {
  townshipLon: new Float64Array(townshipCount),
  townshipLat: new Float64Array(townshipCount),
  villageLon: Float64Array.from({ length: n }, (_, i) => 106 + (i % 500) * 0.002),
  villageLat: new Float64Array(n).fill(26),
};
const modelledFiveGYear = Int16Array.from({ length: n }, (_, i) =>
  i % 500 < 250 ? 2020 : i % 3 === 0 ? 0 : 2023,
);
const inputs = {
  counties: [{ seat: [106, 26] as [number, number], prefectureAdcode: '520300' }],
  townships,
  layout,
  modelledFiveGYear,
};

describe('generateVillageStatuses', () => {
  const statuses = generateVillageStatuses(1, villages, inputs);
  const share = (years: Int16Array, k: number, year: number) => {
    let have = 0,
      all = 0;
    for (let i = 0; i < n; i++)
      if (kind[i] === k) {
        all++;
        if (years[i] !== 0 && years[i] <= year) have++;
      }
    return have / all;
  };

  test("fiber by 2017 everywhere; residents' committees earlier than village committees", () => {
    expect(statuses.fiberYear.every((y) => y >= 2010 && y <= 2017)).toBe(true);
    expect(share(statuses.fiberYear, RESIDENTS_COMMITTEE, 2014)).toBeGreaterThan(
      share(statuses.fiberYear, VILLAGE_COMMITTEE, 2014),
    );
  });

  test('cumulative 5G and gigabit shares follow the tables (only the township rule can add a few)', () => {
    for (const [year, target] of Object.entries(FIVE_G_SHARES.village_committee)) {
      const actual = share(statuses.fiveGYear, VILLAGE_COMMITTEE, Number(year));
      expect(actual).toBeGreaterThanOrEqual(target - 1e-9);
      expect(actual).toBeLessThanOrEqual(target + townshipCount / 1_000);
    }
    expect(share(statuses.gigabitYear, RESIDENTS_COMMITTEE, 2025)).toBeCloseTo(
      GIGABIT_SHARES.residents_committee[2025],
      2,
    );
  });

  test('reported 5G follows the model: units the model covers early are reported earlier', () => {
    let early = 0,
      earlyReported = 0,
      late = 0,
      lateReported = 0;
    for (let i = 0; i < 1_000; i++) {
      const reported = statuses.fiveGYear[i] !== 0 && statuses.fiveGYear[i] <= 2021;
      if (modelledFiveGYear[i] === 2020) {
        early++;
        if (reported) earlyReported++;
      } else {
        late++;
        if (reported) lateReported++;
      }
    }
    expect(earlyReported / early).toBeGreaterThan(3 * (lateReported / late));
  });

  test('every township has 5G by 2021 and gigabit fiber by 2025', () => {
    for (const [years, by] of [
      [statuses.fiveGYear, 2021],
      [statuses.gigabitYear, 2025],
    ] as const) {
      const reached = new Set<number>();
      for (let i = 0; i < n; i++) if (years[i] !== 0 && years[i] <= by) reached.add(township[i]);
      expect(reached.size).toBe(townshipCount);
    }
  });

  test('same seed, same statuses; every row is flagged as sample', () => {
    expect(generateVillageStatuses(1, villages, inputs)).toEqual(statuses);
    expect(generateVillageStatuses(2, villages, inputs).fiveGYear).not.toEqual(statuses.fiveGYear);
    expect(statuses.sample.every((flag) => flag === 1)).toBe(true);
  });

  test('inputs of the wrong length are refused', () => {
    expect(() =>
      generateVillageStatuses(1, villages, { ...inputs, modelledFiveGYear: new Int16Array(3) }),
    ).toThrow(RangeError);
  });
});
