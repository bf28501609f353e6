// The committed geodata against the facts it must hold: official codes and names, valid polygons
// with their seats inside, areas and populations that add up to Guizhou's.
import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import booleanValid from '@turf/boolean-valid';
import kinks from '@turf/kinks';
import Papa from 'papaparse';
import * as polyclip from 'polyclip-ts';
import area from '@turf/area';
import { describe, expect, test } from 'vitest';
import {
  buildAreaIndex,
  type AreaIndex,
  type CountyCollection,
  type NeighbourCollection,
  type PrefectureCollection,
} from '../../src/core/areas';

const read = (name: string) => readFileSync(`geodata/${name}`, 'utf8');
const csv = <T>(name: string) => Papa.parse<T>(read(name), { header: true, skipEmptyLines: true }).data;
const counties: CountyCollection = JSON.parse(read('counties.geojson'));
const prefectures: PrefectureCollection = JSON.parse(read('prefectures.geojson'));
const province = JSON.parse(read('province.geojson'));
const divisions = csv<{ code: string; name: string; level: string; parentCode: string }>('divisions.csv');
const villages = csv<{
  code: string;
  name: string;
  townshipCode: string;
  townshipName: string;
  countyAdcode: string;
  kind: string;
}>('villages.csv');
const prefectureTotals = csv<{ adcode: string; name: string; population2020: string }>(
  'sources/prefectures-population-2020.csv',
);
const countyCensus = csv<{
  adcode: string;
  name: string;
  population2020: string;
  precision: string;
  source: string;
}>('sources/counties-population-2020.csv');

const GUIZHOU_POPULATION_2020 = 38_562_148;
const GUIZHOU_OFFICIAL_AREA_KM2 = 176_167;

describe('counties.geojson', () => {
  test('holds the 88 NBS 2023 counties, with their official codes, names and prefectures', () => {
    const official = divisions.filter((d) => d.level === 'county');
    expect(official).toHaveLength(88);
    expect(counties.features).toHaveLength(88);
    const byCode = new Map(counties.features.map((f) => [f.properties.adcode, f.properties]));
    expect(byCode.size).toBe(88);
    for (const d of official) {
      expect(byCode.get(d.code)?.name, d.code).toBe(d.name);
      expect(byCode.get(d.code)?.prefectureAdcode, d.code).toBe(d.parentCode);
    }
    // The two DataV legacy codes must be gone.
    expect(byCode.has('520221')).toBe(false);
    expect(byCode.has('520522')).toBe(false);
    expect(byCode.get('520204')?.name).toBe('水城区');
    expect(byCode.get('520581')?.name).toBe('黔西市');
  });

  test('every polygon is valid: closed rings, no self-intersections', () => {
    for (const f of counties.features) {
      for (const polygon of f.geometry.coordinates)
        for (const ring of polygon) {
          expect(ring.length, f.properties.name).toBeGreaterThanOrEqual(4);
          expect(ring[0], f.properties.name).toEqual(ring[ring.length - 1]);
        }
      expect(kinks(f).features, f.properties.name).toHaveLength(0);
      expect(booleanValid(f), f.properties.name).toBe(true);
    }
  });

  test("every county's seat lies inside its own polygon and no other", () => {
    for (const f of counties.features) {
      const containing = counties.features.filter((g) => booleanPointInPolygon(f.properties.seat, g));
      expect(
        containing.map((g) => g.properties.name),
        f.properties.name,
      ).toEqual([f.properties.name]);
    }
  });

  test("areas sum to Guizhou's official ~176,167 km² within 3 %, and counties tile the province", () => {
    const sum = counties.features.reduce((s, f) => s + f.properties.areaKm2, 0);
    expect(Math.abs(sum - GUIZHOU_OFFICIAL_AREA_KM2) / GUIZHOU_OFFICIAL_AREA_KM2).toBeLessThan(0.03);
    // Shared borders come from one topology: no overlaps or gaps, so the parts sum to the whole.
    expect(Math.abs(sum - province.features[0].properties.areaKm2)).toBeLessThan(1);
  });

  test('counties tile the province: neighbours do not overlap, and almost no slivers are left between them', () => {
    const boxes = counties.features.map((f) =>
      f.geometry.coordinates
        .flat(2)
        .reduce(
          (b, [x, y]) => [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)],
          [Infinity, Infinity, -Infinity, -Infinity],
        ),
    );
    let overlapKm2 = 0;
    counties.features.forEach((a, i) =>
      counties.features.forEach((b, j) => {
        if (
          j <= i ||
          boxes[i][0] > boxes[j][2] ||
          boxes[j][0] > boxes[i][2] ||
          boxes[i][1] > boxes[j][3] ||
          boxes[j][1] > boxes[i][3]
        )
          return;
        const shared = polyclip.intersection(
          a.geometry.coordinates as polyclip.Geom,
          b.geometry.coordinates as polyclip.Geom,
        );
        if (shared.length) overlapKm2 += area({ type: 'MultiPolygon', coordinates: shared }) / 1e6;
      }),
    );
    // What remains is rounding to 6 decimals along ~20,000 km of borders: about one hectare in all.
    expect(overlapKm2).toBeLessThan(0.02);
    const holes = province.features[0].geometry.coordinates.flatMap((polygon: number[][][]) =>
      polygon.slice(1),
    );
    const holeKm2 = holes.reduce(
      (s: number, ring: number[][]) => s + area({ type: 'Polygon', coordinates: [ring] }) / 1e6,
      0,
    );
    expect(holeKm2).toBeLessThan(0.2);
  }, 60_000);

  test('populations are 2020 census integers summing to 38,562,148, each prefecture to its census total', () => {
    const total = counties.features.reduce((s, f) => s + f.properties.population2020, 0);
    expect(total).toBe(GUIZHOU_POPULATION_2020);
    for (const p of prefectureTotals) {
      const sum = counties.features
        .filter((f) => f.properties.prefectureAdcode === p.adcode)
        .reduce((s, f) => s + f.properties.population2020, 0);
      expect(sum, p.adcode).toBe(Number(p.population2020));
    }
    for (const f of counties.features) {
      expect(Number.isInteger(f.properties.population2020)).toBe(true);
      expect(f.properties.populationSource).toBe('census');
    }
  });

  test("every county's figure is its exact census figure from the NBS county tabulation, with its source", () => {
    expect(countyCensus).toHaveLength(88);
    const byCode = new Map(counties.features.map((f) => [f.properties.adcode, f.properties]));
    for (const row of countyCensus) {
      expect(row.precision, row.adcode).toBe('exact');
      expect(row.source, row.adcode).toMatch(/中国人口普查分县资料—2020/);
      expect(byCode.get(row.adcode)?.population2020, row.adcode).toBe(Number(row.population2020));
    }
  });

  test('census figures found are carried unchanged (Xifeng 219,835; Weining 1,280,116)', () => {
    const byName = new Map(counties.features.map((f) => [f.properties.name, f.properties]));
    expect(byName.get('息烽县')).toMatchObject({ population2020: 219_835, populationSource: 'census' });
    expect(byName.get('威宁彝族回族苗族自治县')).toMatchObject({
      population2020: 1_280_116,
      populationSource: 'census',
    });
  });
});

describe('prefectures.geojson and province.geojson', () => {
  test('every ring of every level is closed and made of at least four finite positions', () => {
    for (const f of [...counties.features, ...prefectures.features, ...province.features]) {
      for (const polygon of f.geometry.coordinates)
        for (const ring of polygon) {
          expect(ring.length, f.properties.name).toBeGreaterThanOrEqual(4);
          expect(
            ring.every((p: number[]) => p.length === 2 && p.every(Number.isFinite)),
            f.properties.name,
          ).toBe(true);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
        }
    }
  });

  test('9 prefectures dissolved from their counties, with summed population and area', () => {
    expect(prefectures.features).toHaveLength(9);
    for (const p of prefectures.features) {
      const members = counties.features.filter((f) => f.properties.prefectureAdcode === p.properties.adcode);
      expect(p.properties.countyCount).toBe(members.length);
      expect(p.properties.population2020).toBe(members.reduce((s, f) => s + f.properties.population2020, 0));
      expect(
        Math.abs(p.properties.areaKm2 - members.reduce((s, f) => s + f.properties.areaKm2, 0)),
      ).toBeLessThan(0.5);
      expect(booleanValid(p), p.properties.name).toBe(true);
      expect(booleanPointInPolygon(p.properties.labelPoint, p), p.properties.name).toBe(true);
    }
    expect(province.features[0].properties.population2020).toBe(GUIZHOU_POPULATION_2020);
  });
});

describe('villages.csv', () => {
  test('lists the 17,964 village-level units with unique 12-digit codes in known counties', () => {
    expect(villages).toHaveLength(17_964);
    const countyCodes = new Set(counties.features.map((f) => f.properties.adcode));
    expect(new Set(villages.map((v) => v.code)).size).toBe(17_964);
    for (const v of villages) {
      expect(v.code).toMatch(/^52\d{10}$/);
      expect(countyCodes.has(v.countyAdcode), v.code).toBe(true);
      expect(v.townshipCode).toBe(v.code.slice(0, 9));
      expect(v.countyAdcode).toBe(v.code.slice(0, 6));
      expect(v.townshipName).not.toBe('');
    }
  });

  test('kinds come from the name: 村委会 vs 居委会/社区', () => {
    const kind = (name: string) => villages.find((v) => v.name === name)?.kind;
    expect(kind('纪念塔社区')).toBe('residents_committee');
    const villageCommittees = villages.filter((v) => v.kind === 'village_committee');
    expect(villageCommittees.every((v) => !/社区|居民委员会|居委会/.test(v.name))).toBe(true);
    expect(villageCommittees.length).toBeGreaterThan(13_000);
  });
});

describe('areas.json', () => {
  test('the populations the app ships: 88 counties summing to 38,562,148, each prefecture to its bulletin total', () => {
    const index: AreaIndex = JSON.parse(read('areas.json'));
    expect(index.counties).toHaveLength(88);
    expect(index.counties.reduce((s, c) => s + c.population2020, 0)).toBe(GUIZHOU_POPULATION_2020);
    expect(prefectureTotals).toHaveLength(9);
    expect(prefectureTotals.reduce((s, p) => s + Number(p.population2020), 0)).toBe(GUIZHOU_POPULATION_2020);
    for (const p of prefectureTotals) {
      const members = index.counties.filter((c) => c.prefectureAdcode === p.adcode);
      expect(members.length, p.name).toBeGreaterThan(0);
      expect(
        members.reduce((s, c) => s + c.population2020, 0),
        p.name,
      ).toBe(Number(p.population2020));
      expect(index.prefectures.find((q) => q.adcode === p.adcode)?.population2020, p.name).toBe(
        Number(p.population2020),
      );
    }
  });

  test('is exactly the index of the boundary files: same properties, bounds around each geometry', () => {
    const index: AreaIndex = JSON.parse(read('areas.json'));
    const neighbours: NeighbourCollection = JSON.parse(read('neighbours.geojson'));
    expect(index).toEqual(buildAreaIndex(counties, prefectures, neighbours));
    expect(index.counties).toHaveLength(88);
    expect(index.neighbours.map((n) => n.name).sort()).toEqual([
      '云南省',
      '四川省',
      '广西壮族自治区',
      '湖南省',
      '重庆市',
    ]);
  });
});
