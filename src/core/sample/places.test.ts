import { describe, expect, test } from 'vitest';
import { generateRelocationSiteStatuses, generateScenicAreaStatuses, readPlaces } from './places';

const scenicCsv = `name,level,county_adcode,lon_wgs84,lat_wgs84,coord_quality,confidence_level
甲景区,5A,520111,106.68315,26.33459,"AMap POI coords (GCJ-02), converted to WGS84",high
乙景区,4A,520402,105.84,26.08,"approx (compiler knowledge, ~±5 km)",medium
丙景区,3A (per source),520122,106.72,27.04,derived: county seat shifted,low
`;
const relocationCsv = `name,county_adcode,relocated_population,lon_wgs84,lat_wgs84,coord_quality,confidence
丁安置点,520502,29000,105.28164,27.30546,county_seat_proxy (DataV county center),high
戊安置点,522301,,104.89553,25.09171,county_seat_proxy (DataV county center),low
`;

describe('readPlaces', () => {
  const scenic = readPlaces(scenicCsv, 'scenic.csv');

  test('keeps every source column and row unchanged, positions as given', () => {
    expect(scenic.header).toEqual([
      'name',
      'level',
      'county_adcode',
      'lon_wgs84',
      'lat_wgs84',
      'coord_quality',
      'confidence_level',
    ]);
    expect(scenic.rows[1]).toEqual([
      '乙景区',
      '4A',
      '520402',
      '105.84',
      '26.08',
      'approx (compiler knowledge, ~±5 km)',
      'medium',
    ]);
    expect(Array.from(scenic.lon)).toEqual([106.68315, 105.84, 106.72]);
    expect(scenic.name).toEqual(['甲景区', '乙景区', '丙景区']);
    expect(scenic.countyAdcode).toEqual(['520111', '520402', '520122']);
  });

  test('only a POI position counts as precise', () => {
    expect(Array.from(scenic.positionApproximate)).toEqual([0, 1, 1]);
    expect(Array.from(readPlaces(relocationCsv, 'relocation.csv').positionApproximate)).toEqual([1, 1]);
  });

  test('a missing column or a bad coordinate stops with its row', () => {
    expect(() => readPlaces(scenicCsv.replace('lon_wgs84', 'x'), 'scenic.csv')).toThrow(
      /no lon_wgs84 column/,
    );
    expect(() => readPlaces(scenicCsv.replace('105.84', 'east'), 'scenic.csv')).toThrow(
      /row 3: lon_wgs84 "east"/,
    );
  });
});

describe('synthetic statuses', () => {
  const scenic = readPlaces(scenicCsv, 'scenic.csv');
  const relocation = readPlaces(relocationCsv, 'relocation.csv');

  test('5A areas are reported covered by 2021 at the latest, even when the model covers them late', () => {
    for (let seed = 0; seed < 50; seed++) {
      const s = generateScenicAreaStatuses(seed, scenic, Int16Array.of(2025, 2025, 0));
      expect(s.reportedFiveGCovered[0]).toBe(1);
      expect(s.reportedFiveGYear[0]).toBeGreaterThanOrEqual(2019);
      expect(s.reportedFiveGYear[0]).toBeLessThanOrEqual(2021);
    }
  });

  test('relocation sites are reported from 2020; a year is given exactly when covered; every status is flagged', () => {
    let uncovered = 0;
    for (let seed = 0; seed < 100; seed++) {
      const s = generateRelocationSiteStatuses(seed, relocation, Int16Array.of(2019, 0));
      s.reportedFiveGYear.forEach((year, i) => {
        expect(year === 0).toBe(s.reportedFiveGCovered[i] === 0);
        if (year !== 0) expect(year).toBeGreaterThanOrEqual(2020);
      });
      uncovered += s.reportedFiveGCovered.filter((c) => c === 0).length;
      expect(Array.from(s.statusSample)).toEqual([1, 1]);
      expect(s.rows).toBe(relocation.rows);
    }
    // About one site in ten is left "not reported covered".
    expect(uncovered).toBeGreaterThan(5);
    expect(uncovered).toBeLessThan(45);
  });

  test('reproducible by seed', () => {
    expect(generateScenicAreaStatuses(3, scenic, Int16Array.of(2020, 2022, 0))).toEqual(
      generateScenicAreaStatuses(3, scenic, Int16Array.of(2020, 2022, 0)),
    );
    expect(() => generateScenicAreaStatuses(3, scenic, Int16Array.of(2020))).toThrow(RangeError);
  });
});
