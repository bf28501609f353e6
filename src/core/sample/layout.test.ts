import type { MultiPolygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { assignCounties, buildCountyIndex } from '../assign/countyIndex';
import { mulberry32 } from '../coverage/random';
import { haversineMeters } from '../coverage/stationGrid';
import {
  parseVillages,
  placeTownshipsAndVillages,
  RESIDENTS_COMMITTEE,
  STREET,
  TOWN,
  townSigmaMeters,
  VILLAGE_COMMITTEE,
} from './layout';

const square = (x: number, y: number, size: number): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [x, y],
        [x + size, y],
        [x + size, y + size],
        [x, y + size],
        [x, y],
      ],
    ],
  ],
});
const counties = [
  { adcode: '520101', seat: [106.1, 26.1] as [number, number], population2020: 400_000 },
  { adcode: '520102', seat: [106.5, 26.1] as [number, number], population2020: 150_000 },
];
const index = buildCountyIndex([square(106, 26, 0.3), square(106.3, 26, 0.3)], 0.01);
const csv = `code,name,townshipCode,townshipName,countyAdcode,kind
520101001001,一社区,520101001,甲街道,520101,residents_committee
520101001002,二社区,520101001,甲街道,520101,residents_committee
520101100001,三村,520101100,乙镇,520101,village_committee
520102100001,城关社区,520102100,城关镇,520102,residents_committee
520102100002,四村,520102100,城关镇,520102,village_committee
520102201001,五村,520102201,丙乡,520102,village_committee
520102201002,六村,520102201,丙乡,520102,village_committee
`;

describe('parseVillages', () => {
  const { villages, townships } = parseVillages(csv, counties);

  test('reads every unit, its kind, county and township', () => {
    expect(villages.code).toHaveLength(7);
    expect(Array.from(villages.kind)).toEqual([
      RESIDENTS_COMMITTEE,
      RESIDENTS_COMMITTEE,
      VILLAGE_COMMITTEE,
      RESIDENTS_COMMITTEE,
      VILLAGE_COMMITTEE,
      VILLAGE_COMMITTEE,
      VILLAGE_COMMITTEE,
    ]);
    expect(Array.from(villages.county)).toEqual([0, 0, 0, 1, 1, 1, 1]);
    expect(Array.from(villages.township)).toEqual([0, 0, 1, 2, 2, 3, 3]);
  });

  test('township kinds come from the code: 0xx street, 1xx town, 2xx township', () => {
    expect(townships.code).toEqual(['520101001', '520101100', '520102100', '520102201']);
    expect(Array.from(townships.kind)).toEqual([STREET, TOWN, TOWN, 2]);
    expect(Array.from(townships.villageCount)).toEqual([2, 1, 2, 2]);
    expect(Array.from(townships.residentsCommitteeCount)).toEqual([2, 0, 1, 0]);
  });

  test('an unknown county or kind stops with the row', () => {
    expect(() =>
      parseVillages(
        csv.replace('520102201002,六村,520102201,丙乡,520102', '520102201002,六村,520102201,丙乡,520199'),
        counties,
      ),
    ).toThrow(/row 8: county 520199/);
    expect(() =>
      parseVillages(
        csv.replace('六村,520102201,丙乡,520102,village_committee', '六村,520102201,丙乡,520102,hamlet'),
        counties,
      ),
    ).toThrow(/kind hamlet/);
  });
});

describe('placeTownshipsAndVillages', () => {
  const { villages, townships } = parseVillages(csv, counties);
  const layout = placeTownshipsAndVillages(mulberry32(1), index, counties, villages, townships);

  test('every township and village lies in its county', () => {
    expect(Array.from(assignCounties(index, layout.townshipLon, layout.townshipLat))).toEqual(
      Array.from(townships.county),
    );
    expect(Array.from(assignCounties(index, layout.villageLon, layout.villageLat))).toEqual(
      Array.from(villages.county),
    );
  });

  test('streets, and the seat town of a county without streets, sit near the seat', () => {
    const fromSeat = (k: number) =>
      haversineMeters(layout.townshipLon[k], layout.townshipLat[k], ...counties[townships.county[k]].seat);
    expect(fromSeat(0)).toBeLessThan(4 * townSigmaMeters(counties[0]));
    expect(fromSeat(2)).toBeLessThan(2_500);
  });

  test('the same stream gives the same layout', () => {
    expect(placeTownshipsAndVillages(mulberry32(1), index, counties, villages, townships)).toEqual(layout);
  });
});
