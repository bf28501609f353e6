// The engine the UI talks to through the worker: state (the county index, the area tables) plus
// plain functions over src/core. Inputs and outputs are plain data and typed arrays, so they cross
// the thread boundary by transfer; everything heavy runs here, never on the page.
import type { AreaIndex, CountyCollection } from '../core/areas';
import { assignCounties, buildCountyIndex, type CountyIndex } from '../core/assign/countyIndex';
import { areaTable, type Level } from '../core/summary/areaTable';
import { summarize, type Summary, type SummaryInput } from '../core/summary/summarize';
import { computeCoverage, type CoverageResult } from '../core/coverage/model';
import { DEFAULT_RADIUS_METERS, stationRadiiMeters, type RadiusTable } from '../core/coverage/radius';
import { seatColumns } from '../core/coverage/seats';
import { suggestSites, type SuggestOptions, type Suggestion } from '../core/coverage/suggest';
import type { StationColumns, TargetColumns } from '../core/coverage/types';

export interface EngineUrls { counties: string; areas: string }

export class Engine {
  private countyIndex?: CountyIndex;
  private areas?: AreaIndex;

  /** Fetches the boundaries from the app's origin and builds the county index. */
  async init(urls: EngineUrls): Promise<{ indexBuildMs: number }> {
    const [counties, areas] = await Promise.all([fetchJson<CountyCollection>(urls.counties), fetchJson<AreaIndex>(urls.areas)]);
    const started = performance.now();
    counties.features.sort((a, b) => a.properties.adcode.localeCompare(b.properties.adcode));
    this.countyIndex = buildCountyIndex(counties.features.map((f) => f.geometry));
    this.areas = areas;
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

  private ready() {
    if (!this.countyIndex || !this.areas) throw new Error('engine not initialised: call init() first');
    return { countyIndex: this.countyIndex, areas: this.areas };
  }
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json() as Promise<T>;
}
