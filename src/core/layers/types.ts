// The four layers' data as the map, the figures and the panels read them, whatever they came
// from (the seeded sample or a user's imported dataset): columns, never one object per point.
//
// Rules relied on:
// - `county` is the county index (ascending adcode, as in the county index); −1 outside Guizhou.
// - A status column holds a year code (see statusAt): 0 no, −1 unknown, 1 yes since an unknown
//   year, otherwise the year it became true. One encoding serves dated sample statuses and a
//   team's undated yes/no sheet alike, and the time slider needs no recomputation.
// - Positions unknown (a village known only by its code) are NaN; such rows still count in areas.
import type { StationColumns } from '../coverage/types';

export const STATUS_NO = 0,
  STATUS_UNKNOWN = -1,
  STATUS_YES_UNDATED = 1;
export const UNKNOWN_CATEGORY = 255;

/** 1 yes, 0 no, 255 unknown: a status code as of the end of `year`. */
export function statusAt(code: number, year: number): 0 | 1 | 255 {
  if (code === STATUS_UNKNOWN) return 255;
  if (code === STATUS_NO) return 0;
  return code === STATUS_YES_UNDATED || code <= year ? 1 : 0;
}

export interface StationLayer extends StationColumns {
  county: Int16Array;
  /** 0 = 5G, 1 = 4G. */
  technology: Uint8Array;
  /** Index into `operators`, UNKNOWN_CATEGORY when the file has none. */
  operator: Uint8Array;
  operators: readonly string[];
  /** Index into `bands`, UNKNOWN_CATEGORY when the file has none. */
  band: Uint8Array;
  bands: readonly string[];
  source: LayerSource;
}

export const VILLAGE_STATUSES = ['fiber', 'gigabit', 'fourG', 'fiveG'] as const;
export type VillageStatus = (typeof VILLAGE_STATUSES)[number];

export interface VillageLayer {
  /** 12-digit NBS codes; the township is the first 9 digits. */
  code: string[];
  name: string[];
  county: Int16Array;
  lon: Float64Array;
  lat: Float64Array;
  status: Record<VillageStatus, Int16Array>;
  source: LayerSource;
}

export interface PlaceLayer {
  name: string[];
  county: Int16Array;
  lon: Float64Array;
  lat: Float64Array;
  /** 1 when the position is not surveyed (drawn hollow). */
  approximate: Uint8Array;
  /** Reported 5G coverage as a status code. */
  reported: Int16Array;
  /** Relocated residents (relocation sites), NaN when unknown. */
  population: Float64Array;
  /** Scenic-area grade as given ('5A', '4A', 'red-tourism' …); '' for relocation sites. */
  level: string[];
  source: LayerSource;
}

/** Where a layer's rows come from, as the UI names it. */
export interface LayerSource {
  kind: 'sample' | 'dataset';
  name: string;
  datasetId?: string;
}

export interface LayerSet {
  stations?: StationLayer;
  villages?: VillageLayer;
  relocationSites?: PlaceLayer;
  scenicAreas?: PlaceLayer;
}

export type LayerName = keyof LayerSet;
export const LAYER_NAMES: readonly LayerName[] = ['stations', 'villages', 'relocationSites', 'scenicAreas'];

/** 4A and 5A scenic areas: the ones the plan's deep-coverage target names. */
export const isGradedScenicArea = (level: string) => /^[45]A/.test(level.trim());

/** The map's data sources the engine writes GeoJSON for. */
export type OverlaySourceName = 'stations' | 'stationCells' | 'villages' | 'relocationSites' | 'scenicAreas';
