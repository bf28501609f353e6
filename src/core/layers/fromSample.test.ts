import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { AreaIndex, CountyCollection } from '../areas';
import { countyIndexOf } from '../assign/countyIndex';
import { DEFAULT_SAMPLE_SEED, generateSample } from '../sample/generate';
import { GUIZHOU_CELLS, stationCells } from './aggregate';
import { computeAreaFigures, FIGURES, PROVINCE_ADCODE } from './figures';
import { layersFromSample } from './fromSample';
import { NO_STATION_FILTER, stationFilterMask } from './stationFilter';

// The real geodata and the default sample, as scripts/sample.ts builds it; read once, never mutated.
const read = (path: string) => readFileSync(`geodata/${path}`, 'utf8');
const areas = JSON.parse(read('areas.json')) as AreaIndex;
const { index: countyIndex, counties } = countyIndexOf(
  JSON.parse(read('counties.geojson')) as CountyCollection,
);
const sample = generateSample(DEFAULT_SAMPLE_SEED, {
  areas,
  countyIndex,
  villagesCsv: read('villages.csv'),
  relocationSitesCsv: read('sources/relocation-sites.csv'),
  scenicAreasCsv: read('sources/scenic-areas.csv'),
});
const layers = layersFromSample(
  sample,
  areas.counties.map((c) => c.adcode),
);
const stationMask = stationFilterMask(layers.stations!, NO_STATION_FILTER, 2025);
const table = computeAreaFigures(areas, {
  layers,
  modelled: {},
  asOfYear: 2025,
  stationMask,
  stationMaskAt2020: stationFilterMask(layers.stations!, NO_STATION_FILTER, 2020),
});
const rowOf = (adcode: string) => table.adcodes.indexOf(adcode);

describe('the default sample as layers, as of 2025 with no filter', () => {
  test('province totals: 130,000 5G and 196,000 4G stations, 17,964 villages', () => {
    const province = rowOf(PROVINCE_ADCODE);
    expect(province).toBe(table.adcodes.length - 1);
    expect([
      table.figures.stations5g[province],
      table.figures.stations4g[province],
      table.figures.villages[province],
    ]).toEqual([130_000, 196_000, 17_964]);
    expect(table.figures.stations5gAt2020[province]).toBe(20_721);
  });

  test('every prefecture row is the sum of its counties, and the province the sum of the prefectures', () => {
    expect(areas.prefectures).toHaveLength(9);
    for (const name of FIGURES) {
      const column = table.figures[name];
      let provinceSum = 0;
      for (const prefecture of areas.prefectures) {
        const sum = areas.counties.reduce(
          (s, c) => s + (c.prefectureAdcode === prefecture.adcode ? column[rowOf(c.adcode)] : 0),
          0,
        );
        expect(column[rowOf(prefecture.adcode)], `${name} ${prefecture.name}`).toBe(sum);
        provinceSum += column[rowOf(prefecture.adcode)];
      }
      expect(column[rowOf(PROVINCE_ADCODE)], name).toBe(provinceSum);
    }
  });

  test('息烽县 (520122) has as many 5G stations as the sample has 5G rows in its county', () => {
    const xifeng = counties.findIndex((f) => f.properties.adcode === '520122');
    expect(areas.counties[xifeng].name).toBe('息烽县');
    const { stations } = sample;
    let count = 0;
    for (let i = 0; i < stations.lon.length; i++)
      if (stations.technology[i] === 0 && stations.county[i] === xifeng) count++;
    expect(count).toBeGreaterThan(0);
    expect(table.figures.stations5g[rowOf('520122')]).toBe(count);
  });

  test('the sample has no village 4G status: none is known', () => {
    expect(table.figures.fourGKnown[rowOf(PROVINCE_ADCODE)]).toBe(0);
    expect(table.figures.fiveGKnown[rowOf(PROVINCE_ADCODE)]).toBe(17_964);
  });

  test('relocation sites keep their residents and reported status; scenic areas their grade', () => {
    const { relocationSites, scenicAreas } = sample;
    const residents = relocationSites.header.indexOf('relocated_population');
    const expectedResidents = relocationSites.rows.reduce(
      (sum, row) => sum + (row[residents]?.trim() ? Number(row[residents]) : 0),
      0,
    );
    const reported = relocationSites.reportedFiveGYear.filter(
      (year, i) => relocationSites.reportedFiveGCovered[i] === 1 && year <= 2025,
    ).length;
    const level = scenicAreas.header.indexOf('level');
    const graded = scenicAreas.rows.filter((row) => /^[45]A/.test(row[level])).length;
    const province = rowOf(PROVINCE_ADCODE);
    expect(table.figures.relocationSites[province]).toBe(20);
    expect(table.figures.relocatedPopulation[province]).toBe(expectedResidents);
    expect([table.figures.relocationKnown[province], table.figures.relocationReported[province]]).toEqual([
      20,
      reported,
    ]);
    expect(table.figures.scenicAreas[province]).toBe(graded);
  });

  test('the station cells hold every 5G station on air', () => {
    const cells = JSON.parse(stationCells(layers.stations!, stationMask, GUIZHOU_CELLS)) as {
      features: Array<{ properties: { n: number } }>;
    };
    expect(cells.features.reduce((sum, f) => sum + f.properties.n, 0)).toBe(130_000);
  });
});
