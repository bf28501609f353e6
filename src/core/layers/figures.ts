// Per area (every county, every prefecture, the province) the counts behind every metric of every
// layer, as of a year; each layer's module counts its own (registry.ts lists them).
//
// Rules relied on:
// - Rows are counties (county index order), then prefectures (areas.json order), then the
//   province (520000); a prefecture or the province is the sum of its counties.
// - Rows outside Guizhou (county −1) are not in any area.
// - A layer without data counts 0 throughout.
import type { AreaIndex } from '../areas';
import { FIGURES, LAYER_NAMES, LAYERS, type Figure, type LayerSet, type ModelledKey } from './registry';
import type { StationFilter } from './stationFilter';

export { FIGURES, type Figure };

/** First year each target is modelled covered (0 never), from the stations (all of them). */
export type ModelledYears = Partial<Record<ModelledKey, Int16Array>>;

export interface FigureInputs {
  layers: LayerSet;
  /** Stations passing the filter and on air by asOfYear; and by the end of 2020. */
  stationMask?: Uint8Array;
  stationMaskAt2020?: Uint8Array;
  /** Instead of the masks: the filter they are made by (the stations are then counted without a pass over them). */
  stationFilter?: StationFilter;
  modelled: ModelledYears;
  asOfYear: number;
}

export interface FigureTable {
  adcodes: string[];
  figures: Record<Figure, Float64Array>;
}

export const PROVINCE_ADCODE = '520000';

export function computeAreaFigures(areas: AreaIndex, inputs: FigureInputs): FigureTable {
  const countyCount = areas.counties.length;
  const county = Object.fromEntries(FIGURES.map((name) => [name, new Float64Array(countyCount)])) as Record<
    Figure,
    Float64Array
  >;
  for (const name of LAYER_NAMES) {
    const columns = inputs.layers[name];
    if (columns) LAYERS[name].countFigures(columns, county, inputs);
  }
  return withTotals(areas, county);
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
