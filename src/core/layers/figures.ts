// Per area (every county, every prefecture, the province) the counts behind every metric of the
// four layers, as of a year: stations on air, villages by status, townships with 5G, relocation
// sites and scenic areas covered, reported and modelled apart.
//
// Rules relied on:
// - Rows are counties (county index order), then prefectures (areas.json order), then the
//   province (520000); a prefecture or the province is the sum of its counties.
// - Rows outside Guizhou (county −1) are not in any area.
// - A share's denominator is the rows whose status is known (`…Known`): unknown is not "no".
// - A township (first 9 digits of a village code) has 5G when any of its villages has.
// - Scenic-area figures count 4A and 5A areas only, the plan's target.
import type { AreaIndex } from '../areas';
import { isGradedScenicArea, statusAt, VILLAGE_STATUSES, type LayerSet } from './types';

export const FIGURES = [
  'stations5g',
  'stations4g',
  'stations5gAt2020',
  'villages',
  'villagesWithPosition',
  'fiberKnown',
  'fiber',
  'gigabitKnown',
  'gigabit',
  'fourGKnown',
  'fourG',
  'fiveGKnown',
  'fiveG',
  'villagesModelled5g',
  'villagesModelled4g',
  'townships',
  'townshipsKnown5g',
  'townships5g',
  'townshipsModelled5g',
  'relocationSites',
  'relocationKnown',
  'relocationReported',
  'relocationModelled',
  'relocatedPopulation',
  'relocatedPopulationModelled',
  'scenicAreas',
  'scenicKnown',
  'scenicReported',
  'scenicModelled',
] as const;
export type Figure = (typeof FIGURES)[number];

/** First year each target is modelled covered (0 never), from the filtered stations. */
export interface ModelledYears {
  villages5g?: Int16Array;
  villages4g?: Int16Array;
  relocationSites5g?: Int16Array;
  scenicAreas5g?: Int16Array;
}

export interface FigureInputs {
  layers: LayerSet;
  /** Stations passing the filter and on air by asOfYear; and by the end of 2020. */
  stationMask?: Uint8Array;
  stationMaskAt2020?: Uint8Array;
  modelled: ModelledYears;
  asOfYear: number;
}

export interface FigureTable {
  adcodes: string[];
  figures: Record<Figure, Float64Array>;
}

export const PROVINCE_ADCODE = '520000';

const coveredBy = (firstYear: Int16Array | undefined, i: number, asOfYear: number) =>
  firstYear !== undefined && firstYear[i] !== 0 && firstYear[i] <= asOfYear ? 1 : 0;

export function computeAreaFigures(areas: AreaIndex, inputs: FigureInputs): FigureTable {
  const countyCount = areas.counties.length;
  const f = Object.fromEntries(FIGURES.map((name) => [name, new Float64Array(countyCount)])) as Record<
    Figure,
    Float64Array
  >;
  const { layers, modelled, asOfYear } = inputs;

  const { stations } = layers;
  if (stations && inputs.stationMask) {
    for (let i = 0; i < stations.lon.length; i++) {
      const c = stations.county[i];
      if (c < 0) continue;
      if (inputs.stationMask[i]) (stations.technology[i] === 0 ? f.stations5g : f.stations4g)[c]++;
      if (stations.technology[i] === 0 && inputs.stationMaskAt2020?.[i]) f.stations5gAt2020[c]++;
    }
  }

  const { villages } = layers;
  if (villages) {
    // Townships by code: state per township is 0 none seen, 1 known without 5G, 2 with 5G.
    const townshipReported = new Map<string, number>(),
      townshipModelled = new Map<string, number>();
    const townshipCounty = new Map<string, number>();
    for (let i = 0; i < villages.code.length; i++) {
      const c = villages.county[i];
      if (c < 0) continue;
      f.villages[c]++;
      if (Number.isFinite(villages.lon[i]) && Number.isFinite(villages.lat[i])) f.villagesWithPosition[c]++;
      for (const status of VILLAGE_STATUSES) {
        const flag = statusAt(villages.status[status][i], asOfYear);
        if (flag === 255) continue;
        f[`${status}Known`][c]++;
        f[status][c] += flag;
      }
      f.villagesModelled5g[c] += coveredBy(modelled.villages5g, i, asOfYear);
      f.villagesModelled4g[c] += coveredBy(modelled.villages4g, i, asOfYear);
      const township = villages.code[i].slice(0, 9);
      townshipCounty.set(township, c);
      const reported = statusAt(villages.status.fiveG[i], asOfYear);
      if (reported !== 255)
        townshipReported.set(township, Math.max(townshipReported.get(township) ?? 0, 1 + reported));
      if (modelled.villages5g)
        townshipModelled.set(
          township,
          Math.max(townshipModelled.get(township) ?? 0, 1 + coveredBy(modelled.villages5g, i, asOfYear)),
        );
    }
    for (const [township, c] of townshipCounty) {
      f.townships[c]++;
      const reported = townshipReported.get(township) ?? 0;
      if (reported > 0) f.townshipsKnown5g[c]++;
      if (reported === 2) f.townships5g[c]++;
      if (townshipModelled.get(township) === 2) f.townshipsModelled5g[c]++;
    }
  }

  const relocation = layers.relocationSites;
  if (relocation) {
    for (let i = 0; i < relocation.name.length; i++) {
      const c = relocation.county[i];
      if (c < 0) continue;
      f.relocationSites[c]++;
      const reported = statusAt(relocation.reported[i], asOfYear),
        isModelled = coveredBy(modelled.relocationSites5g, i, asOfYear);
      if (reported !== 255) {
        f.relocationKnown[c]++;
        f.relocationReported[c] += reported;
      }
      f.relocationModelled[c] += isModelled;
      const population = relocation.population[i];
      if (Number.isFinite(population)) {
        f.relocatedPopulation[c] += population;
        f.relocatedPopulationModelled[c] += isModelled * population;
      }
    }
  }

  const scenic = layers.scenicAreas;
  if (scenic) {
    for (let i = 0; i < scenic.name.length; i++) {
      const c = scenic.county[i];
      if (c < 0 || !isGradedScenicArea(scenic.level[i])) continue;
      f.scenicAreas[c]++;
      const reported = statusAt(scenic.reported[i], asOfYear);
      if (reported !== 255) {
        f.scenicKnown[c]++;
        f.scenicReported[c] += reported;
      }
      f.scenicModelled[c] += coveredBy(modelled.scenicAreas5g, i, asOfYear);
    }
  }
  return withTotals(areas, f);
}

/** Appends a row per prefecture and one for the province, each the sum of its counties. */
function withTotals(areas: AreaIndex, county: Record<Figure, Float64Array>): FigureTable {
  const countyCount = areas.counties.length,
    prefectureCount = areas.prefectures.length,
    rowCount = countyCount + prefectureCount + 1;
  const prefectureRow = new Map(areas.prefectures.map((p, k) => [p.adcode, countyCount + k]));
  const figures = {} as Record<Figure, Float64Array>;
  for (const name of FIGURES) {
    const column = new Float64Array(rowCount);
    column.set(county[name]);
    areas.counties.forEach((c, k) => {
      column[prefectureRow.get(c.prefectureAdcode)!] += county[name][k];
      column[rowCount - 1] += county[name][k];
    });
    figures[name] = column;
  }
  return {
    adcodes: [
      ...areas.counties.map((c) => c.adcode),
      ...areas.prefectures.map((p) => p.adcode),
      PROVINCE_ADCODE,
    ],
    figures,
  };
}
