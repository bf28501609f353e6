import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { AreaIndex, CountyCollection } from '../areas';
import { assignCounties, buildCountyIndex } from '../assign/countyIndex';
import { bandClassCode, parseBand } from '../coverage/radius';
import { buildPointGrid, nearest } from '../coverage/stationGrid';
import { PUBLISHED_4G_STATIONS, PUBLISHED_5G_STATIONS, SAMPLE_YEARS } from './calibration';
import { generateSample, type Sample, type SampleInputs } from './generate';
import { RESIDENTS_COMMITTEE, STREET, VILLAGE_COMMITTEE } from './layout';
import { NOT_SHARED, OFFERS_BY_TECHNOLOGY } from './operators';
import { stationId } from './stations';

// The real geodata, read once; nothing here is mutated. The sample is generated once per seed.
const counties: CountyCollection = JSON.parse(readFileSync('geodata/counties.geojson', 'utf8'));
counties.features.sort((a, b) => a.properties.adcode.localeCompare(b.properties.adcode));
const inputs: SampleInputs = {
  areas: JSON.parse(readFileSync('geodata/areas.json', 'utf8')) as AreaIndex,
  countyIndex: buildCountyIndex(counties.features.map((f) => f.geometry)),
  villagesCsv: readFileSync('geodata/villages.csv', 'utf8'),
  relocationSitesCsv: readFileSync('geodata/sources/relocation-sites.csv', 'utf8'),
  scenicAreasCsv: readFileSync('geodata/sources/scenic-areas.csv', 'utf8'),
};
const sample = generateSample(7, inputs);
const { stations, villages } = sample;

/** FNV-1a over the bytes of every typed array of the sample, in a fixed order. */
function fingerprint(s: Sample): string {
  const arrays = [
    s.stations.lon,
    s.stations.lat,
    s.stations.bandClass,
    s.stations.buildYear,
    s.stations.county,
    s.stations.serial,
    s.stations.operator,
    s.stations.sharedWith,
    s.stations.band,
    s.stations.placement,
    s.villages.lon,
    s.villages.lat,
    s.villages.fiberYear,
    s.villages.gigabitYear,
    s.villages.fiveGYear,
    s.relocationSites.reportedFiveGYear,
    s.scenicAreas.reportedFiveGYear,
  ];
  let hash = 0x811c9dc5;
  for (const array of arrays) {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  }
  return (hash >>> 0).toString(16);
}

const count = (n: number, keep: (i: number) => boolean) => {
  let k = 0;
  for (let i = 0; i < n; i++) if (keep(i)) k++;
  return k;
};
const byYear = (years: Int16Array, year: number, i: number) => years[i] !== 0 && years[i] <= year;

describe('calibration', () => {
  test.each(SAMPLE_YEARS)(
    'stations on air at the end of %i match the published or interpolated totals',
    (year) => {
      const fiveG = count(
        stations.lon.length,
        (i) => stations.technology[i] === 0 && stations.buildYear[i] <= year,
      );
      const fourG = count(
        stations.lon.length,
        (i) => stations.technology[i] === 1 && stations.buildYear[i] <= year,
      );
      const row = sample.calibration.find((r) => r.year === year)!;
      expect(fiveG).toBe(row.fiveGCumulative);
      expect(fourG).toBe(row.fourGCumulative);
      if (PUBLISHED_5G_STATIONS[year] !== undefined) expect(fiveG).toBe(PUBLISHED_5G_STATIONS[year]);
      if (PUBLISHED_4G_STATIONS[year] !== undefined) expect(fourG).toBe(PUBLISHED_4G_STATIONS[year]);
    },
  );

  test('the published figures hold exactly: 1,467 / 20,721 / 84,300 / 130,000 5G and 183,000 / 196,000 4G', () => {
    const fiveGBy = (year: number) => count(stations.fiveGCount, (i) => stations.buildYear[i] <= year);
    expect([2019, 2020, 2022, 2025].map(fiveGBy)).toEqual([1_467, 20_721, 84_300, 130_000]);
    expect(stations.lon.length - stations.fiveGCount).toBe(196_000);
    expect(count(stations.lon.length, (i) => i >= stations.fiveGCount && stations.buildYear[i] <= 2020)).toBe(
      183_000,
    );
  });

  test('5G per 10k residents by 2025 meets the plan (33.7 ≥ 33), and every county lies in a plausible range', () => {
    const population = inputs.areas.counties.reduce((sum, c) => sum + c.population2020, 0);
    expect(population).toBe(38_562_148);
    expect((stations.fiveGCount * 10_000) / population).toBeCloseTo(33.7, 1);
    const perCounty = new Float64Array(inputs.areas.counties.length);
    for (let i = 0; i < stations.fiveGCount; i++) perCounty[stations.county[i]]++;
    inputs.areas.counties.forEach((c, k) => {
      const per10k = (perCounty[k] * 10_000) / c.population2020;
      expect(per10k, c.name).toBeGreaterThan(15);
      expect(per10k, c.name).toBeLessThan(70);
    });
  });
});

describe('stations', () => {
  test('every station lies inside the county it was drawn for', () => {
    expect(Array.from(assignCounties(inputs.countyIndex, stations.lon, stations.lat))).toEqual(
      Array.from(stations.county),
    );
  });

  test('operator, band, technology and sharing are valid per operator, and every band parses to its technology', () => {
    const problems: string[] = [];
    for (let i = 0; i < stations.lon.length; i++) {
      const technology = stations.technologies[stations.technology[i]],
        band = stations.bands[stations.band[i]];
      const offer = OFFERS_BY_TECHNOLOGY[stations.technology[i]].find(
        (o) => o.operator === stations.operator[i] && o.band === band,
      );
      const parsed = parseBand(band, technology as '5G' | '4G');
      const sharedOk =
        stations.sharedWith[i] === NOT_SHARED ? true : offer?.sharedWith === stations.sharedWith[i];
      if (
        !offer ||
        !parsed?.startsWith(technology) ||
        stations.bandClass[i] !== bandClassCode(parsed) ||
        !sharedOk
      )
        problems.push(`${i}: ${stations.operators[stations.operator[i]]} ${technology} ${band}`);
      if (i < stations.fiveGCount !== (technology === '5G'))
        problems.push(`${i}: 5G stations must come first`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  test('电信 and 联通 share every 3.5 GHz station; 广电 builds only 700 MHz, shared with 移动', () => {
    const operator = (name: string) => stations.operators.indexOf(name);
    const telecomOrUnicom = [operator('中国电信'), operator('中国联通')];
    const problems: number[] = [];
    for (let i = 0; i < stations.fiveGCount; i++) {
      const band = stations.bands[stations.band[i]];
      if (band === 'n78' && !telecomOrUnicom.includes(stations.sharedWith[i])) problems.push(i);
      if (
        stations.operator[i] === operator('中国广电') &&
        (band !== 'n28' || stations.sharedWith[i] !== operator('中国移动'))
      )
        problems.push(i);
    }
    expect(problems).toEqual([]);
    expect(
      count(stations.fiveGCount, (i) => stations.operator[i] === operator('中国移动')) / stations.fiveGCount,
    ).toBeGreaterThan(0.4);
    expect(
      count(
        stations.lon.length,
        (i) => stations.bandClass[i] === bandClassCode('5G-low') && stations.buildYear[i] < 2021,
      ),
    ).toBe(0);
  });

  test('ids are unique and look like S5G-520122-00017', () => {
    const ids = new Set<string>();
    for (let i = 0; i < stations.lon.length; i++) ids.add(stationId(stations, inputs.areas.counties, i));
    expect(ids.size).toBe(stations.lon.length);
    for (const id of [...ids].slice(0, 1000)) expect(id).toMatch(/^S[45]G-52\d{4}-\d{5}$/);
    expect(stationId(stations, inputs.areas.counties, 0)).toMatch(/^S5G-52\d{4}-00001$/);
  });

  test('early 5G concentrates in towns and cities, later 5G spreads to the countryside', () => {
    const urbanShare = (year: number) => {
      const built = count(stations.fiveGCount, (i) => stations.buildYear[i] === year);
      return (
        count(stations.fiveGCount, (i) => stations.buildYear[i] === year && stations.placement[i] <= 1) /
        built
      );
    };
    expect(urbanShare(2019)).toBe(1);
    expect(urbanShare(2020)).toBeGreaterThan(0.85);
    expect(urbanShare(2025)).toBeLessThan(0.5);
  });

  test('every township centre that is not an urban street has a 5G station within 2 km by 2021', () => {
    const { townships } = sample;
    const mask = Uint8Array.from(stations.buildYear.subarray(0, stations.fiveGCount), (year) =>
      year <= 2021 ? 1 : 0,
    );
    const grid = buildPointGrid(
      stations.lon.subarray(0, stations.fiveGCount),
      stations.lat.subarray(0, stations.fiveGCount),
      1_000,
      mask,
    );
    const far: string[] = [];
    for (let k = 0; k < townships.code.length; k++) {
      if (
        townships.kind[k] !== STREET &&
        nearest(grid, townships.townshipLon[k], townships.townshipLat[k]).meters > 2_000
      )
        far.push(townships.name[k]);
    }
    expect(far).toEqual([]);
  });

  test('corridor stations stand in Guiyang, along the approximate corridors', () => {
    const corridor = stations.placements.indexOf('corridor');
    const inGuiyang = (i: number) => inputs.areas.counties[stations.county[i]].prefectureAdcode === '520100';
    expect(count(stations.lon.length, (i) => stations.placement[i] === corridor)).toBeGreaterThan(100);
    expect(count(stations.lon.length, (i) => stations.placement[i] === corridor && !inGuiyang(i))).toBe(0);
  });

  test('Guiyang is denser per km² than the province', () => {
    const guiyang = inputs.areas.counties
      .map((c, k) => [c, k] as const)
      .filter(([c]) => c.prefectureAdcode === '520100');
    const guiyangKm2 = guiyang.reduce((sum, [c]) => sum + c.areaKm2, 0),
      provinceKm2 = inputs.areas.counties.reduce((sum, c) => sum + c.areaKm2, 0);
    const inGuiyang = count(stations.fiveGCount, (i) => guiyang.some(([, k]) => k === stations.county[i]));
    expect(inGuiyang / guiyangKm2).toBeGreaterThan((2 * stations.fiveGCount) / provinceKm2);
  });
});

describe('villages', () => {
  const v = villages.villages,
    n = v.code.length;
  const shareOf = (kind: number, years: Int16Array, year: number) =>
    count(n, (i) => v.kind[i] === kind && byYear(years, year, i)) / count(n, (i) => v.kind[i] === kind);

  test('all 17,964 real units, each inside its county, flagged as sample', () => {
    expect(n).toBe(17_964);
    expect(Array.from(assignCounties(inputs.countyIndex, villages.lon, villages.lat))).toEqual(
      Array.from(v.county),
    );
    expect(villages.sample.every((flag) => flag === 1)).toBe(true);
    expect(v.code[0]).toBe('520102016001');
  });

  test('every unit had fiber by 2017; gigabit and 5G years are 0 or sample years', () => {
    expect(villages.fiberYear.every((year) => year >= 2010 && year <= 2017)).toBe(true);
    expect(villages.gigabitYear.every((year) => year === 0 || SAMPLE_YEARS.includes(year))).toBe(true);
    expect(villages.fiveGYear.every((year) => year === 0 || SAMPLE_YEARS.includes(year))).toBe(true);
  });

  test("administrative-village 5G: over 50 % by 2022, at least 90 % by 2025; residents' committees earlier", () => {
    expect(shareOf(VILLAGE_COMMITTEE, villages.fiveGYear, 2022)).toBeGreaterThan(0.5);
    expect(shareOf(VILLAGE_COMMITTEE, villages.fiveGYear, 2025)).toBeGreaterThanOrEqual(0.9);
    for (const year of SAMPLE_YEARS) {
      expect(shareOf(RESIDENTS_COMMITTEE, villages.fiveGYear, year)).toBeGreaterThan(
        shareOf(VILLAGE_COMMITTEE, villages.fiveGYear, year),
      );
      expect(shareOf(RESIDENTS_COMMITTEE, villages.gigabitYear, year)).toBeGreaterThan(
        shareOf(VILLAGE_COMMITTEE, villages.gigabitYear, year),
      );
    }
  });

  test('every township has a unit with 5G by 2021 and one with gigabit fiber by 2025', () => {
    const fiveG = new Set<number>(),
      gigabit = new Set<number>();
    for (let i = 0; i < n; i++) {
      if (byYear(villages.fiveGYear, 2021, i)) fiveG.add(v.township[i]);
      if (byYear(villages.gigabitYear, 2025, i)) gigabit.add(v.township[i]);
    }
    expect(fiveG.size).toBe(sample.townships.code.length);
    expect(gigabit.size).toBe(sample.townships.code.length);
  });

  test('reported 5G follows the modelled coverage but disagrees with it in both directions', () => {
    const villageCommittees = (keep: (i: number) => boolean) =>
      count(n, (i) => v.kind[i] === VILLAGE_COMMITTEE && keep(i));
    const modelledEarly = (i: number) => byYear(villages.modelledFiveGYear, 2020, i);
    const reported2021 = (i: number) => byYear(villages.fiveGYear, 2021, i);
    const reportedIfEarly =
      villageCommittees((i) => modelledEarly(i) && reported2021(i)) / villageCommittees(modelledEarly);
    const reportedIfLate =
      villageCommittees((i) => !modelledEarly(i) && reported2021(i)) /
      villageCommittees((i) => !modelledEarly(i));
    expect(reportedIfEarly).toBeGreaterThan(2 * reportedIfLate);
    const disagree = (year: number, reported: boolean) =>
      villageCommittees(
        (i) =>
          byYear(villages.fiveGYear, year, i) === reported &&
          byYear(villages.modelledFiveGYear, year, i) !== reported,
      );
    expect(disagree(2022, true)).toBeGreaterThan(0);
    expect(disagree(2022, false)).toBeGreaterThan(0);
  });
});

describe('relocation sites and scenic areas', () => {
  test('real rows and positions as given; only the status is synthetic, and flagged', () => {
    expect(sample.relocationSites.rows).toHaveLength(20);
    expect(sample.scenicAreas.rows).toHaveLength(62);
    for (const places of [sample.relocationSites, sample.scenicAreas]) {
      const lon = places.header.indexOf('lon_wgs84');
      places.rows.forEach((row, i) => expect(places.lon[i]).toBe(Number(row[lon])));
      expect(places.statusSample.every((flag) => flag === 1)).toBe(true);
      places.reportedFiveGYear.forEach((year, i) =>
        expect(year === 0).toBe(places.reportedFiveGCovered[i] === 0),
      );
    }
  });

  test('a county-seat stand-in or approximate position is flagged; a map POI is not', () => {
    const { scenicAreas: s } = sample;
    const flag = (name: string) => s.positionApproximate[s.name.indexOf(name)];
    expect(flag('黄果树旅游区')).toBe(0);
    expect(flag('龙宫景区')).toBe(1);
    expect(flag('施秉云台山')).toBe(1);
    expect(sample.relocationSites.positionApproximate.every((f) => f === 1)).toBe(true);
  });

  test('5A scenic areas are reported covered by 2021', () => {
    const { scenicAreas: s } = sample;
    const level = s.header.indexOf('level');
    const years = s.rows.flatMap((row, i) => (row[level].startsWith('5A') ? [s.reportedFiveGYear[i]] : []));
    expect(years).toHaveLength(9);
    for (const year of years) expect(year >= 2019 && year <= 2021, `${year}`).toBe(true);
  });
});

describe('reproducibility', () => {
  test('the same seed gives identical data; another seed differs', () => {
    const again = generateSample(7, inputs);
    expect(fingerprint(again)).toBe(fingerprint(sample));
    expect(Array.from(again.stations.lon.subarray(0, 100))).toEqual(
      Array.from(stations.lon.subarray(0, 100)),
    );
    const other = generateSample(8, inputs);
    expect(fingerprint(other)).not.toBe(fingerprint(sample));
    // Calibration does not depend on the seed.
    expect(count(other.stations.fiveGCount, (i) => other.stations.buildYear[i] <= 2022)).toBe(84_300);
  });
});
