// The engine the UI talks to through the worker: state (the county index, the area tables) plus
// plain functions over src/core. Inputs and outputs are plain data and typed arrays, so they cross
// the thread boundary by transfer; everything heavy runs here, never on the page.
import type { AreaIndex, CountyCollection } from '../core/areas';
import { assignCounties, countyIndexOf, type CountyIndex } from '../core/assign/countyIndex';
import { fetchJson, fetchText } from './fetch';
import { areaTable, type Level } from '../core/summary/areaTable';
import { builtBy, summarize, type Summary, type SummaryInput } from '../core/summary/summarize';
import { DEFAULT_SAMPLE_SEED, generateSample, type Sample } from '../core/sample/generate';
import { computeCoverage, type CoverageResult } from '../core/coverage/model';
import { DEFAULT_RADIUS_METERS, stationRadiiMeters, type RadiusTable } from '../core/coverage/radius';
import { seatColumns } from '../core/coverage/seats';
import { suggestSites, type SuggestOptions, type Suggestion } from '../core/coverage/suggest';
import type { StationColumns, TargetColumns } from '../core/coverage/types';

export interface EngineUrls { counties: string; areas: string; villages: string; relocationSites: string; scenicAreas: string }

/** What the page learns of a loaded sample: small, no point arrays. */
export interface SampleInfo {
  seed: number; label: string; generationMs: number;
  stations5g: number; stations4g: number; villages: number; relocationSites: number; scenicAreas: number;
}

/** Per area, the stations on air by a year: what the side panel shows. */
export interface StationCounts { level: Level; asOfYear: number; adcodes: string[]; fiveG: number[]; fourG: number[]; per10kFiveG: number[]; fiveGAt2020: number[] }

export class Engine {
  private countyIndex?: CountyIndex;
  private areas?: AreaIndex;
  private urls?: EngineUrls;
  private sample?: Sample;

  /** Fetches the boundaries from the app's origin and builds the county index. */
  async init(urls: EngineUrls): Promise<{ indexBuildMs: number }> {
    const [counties, areas] = await Promise.all([fetchJson<CountyCollection>(urls.counties), fetchJson<AreaIndex>(urls.areas)]);
    const started = performance.now();
    this.countyIndex = countyIndexOf(counties).index;
    this.areas = areas;
    this.urls = urls;
    return { indexBuildMs: performance.now() - started };
  }

  /** County index (ascending adcode) of every point, −1 outside Guizhou. */
  assign(lon: Float64Array, lat: Float64Array): Int16Array {
    return assignCounties(this.ready().countyIndex, lon, lat);
  }

  summarize(level: Level, input: SummaryInput): Summary {
    return summarize(areaTable(this.ready().areas, level), input);
  }

  /** Modelled 5G/4G coverage of targets; radii from the band/setting table (editable by the user). */
  coverage(stations: StationColumns, targets: TargetColumns, options: { asOfYear?: number; radiusTable?: RadiusTable } = {}): CoverageResult {
    const radii = stationRadiiMeters(stations, seatColumns(this.ready().areas), options.radiusTable ?? DEFAULT_RADIUS_METERS);
    return computeCoverage(stations, radii, targets, { asOfYear: options.asOfYear });
  }

  suggest(targets: TargetColumns, uncovered: Uint8Array, k: number, options: SuggestOptions): Suggestion {
    return suggestSites(targets, uncovered, k, options);
  }

  /** Generates the seeded sample here in the worker (nothing large is shipped or stored). */
  async loadSample(seed = DEFAULT_SAMPLE_SEED): Promise<SampleInfo> {
    const { countyIndex, areas } = this.ready();
    const [villagesCsv, relocationSitesCsv, scenicAreasCsv] = await Promise.all([this.urls!.villages, this.urls!.relocationSites, this.urls!.scenicAreas].map(fetchText));
    const started = performance.now();
    const sample = generateSample(seed, { areas, countyIndex, villagesCsv, relocationSitesCsv, scenicAreasCsv });
    this.sample = sample;
    return {
      seed, label: sample.label, generationMs: performance.now() - started,
      stations5g: sample.stations.fiveGCount, stations4g: sample.stations.lon.length - sample.stations.fiveGCount,
      villages: sample.villages.lon.length, relocationSites: sample.relocationSites.lon.length, scenicAreas: sample.scenicAreas.lon.length,
    };
  }

  clearSample(): void {
    this.sample = undefined;
  }

  /** 5G and 4G stations on air by the end of `asOfYear` per area, from the loaded sample. */
  stationCounts(level: Level, asOfYear: number): StationCounts | null {
    if (!this.sample) return null;
    const { stations } = this.sample;
    const include = builtBy(stations.buildYear, asOfYear);
    const fiveG = include.slice(), fourG = include.slice();
    for (let i = 0; i < include.length; i++) (i < stations.fiveGCount ? fourG : fiveG)[i] = 0;
    const table = areaTable(this.ready().areas, level);
    const five = summarize(table, { county: stations.county, include: fiveG }), four = summarize(table, { county: stations.county, include: fourG });
    const fiveGAt2020 = builtBy(stations.buildYear, 2020);
    for (let i = stations.fiveGCount; i < fiveGAt2020.length; i++) fiveGAt2020[i] = 0;
    const baseline = summarize(table, { county: stations.county, include: fiveGAt2020 });
    return {
      level, asOfYear, adcodes: table.adcodes,
      fiveG: five.rows.map((r) => r.count), fourG: four.rows.map((r) => r.count), per10kFiveG: five.rows.map((r) => r.per10k ?? 0),
      fiveGAt2020: baseline.rows.map((r) => r.count),
    };
  }

  private ready() {
    if (!this.countyIndex || !this.areas) throw new Error('engine not initialised: call init() first');
    return { countyIndex: this.countyIndex, areas: this.areas };
  }
}
