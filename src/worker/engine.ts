// The engine the UI talks to through the worker: state (the county index, the area tables) plus
// plain functions over src/core. Inputs and outputs are plain data and typed arrays, so they cross
// the thread boundary by transfer; everything heavy runs here, never on the page.
import type { AreaIndex, CountyCollection } from '../core/areas';
import { assignCounties, countyIndexOf, type CountyIndex } from '../core/assign/countyIndex';
import { fetchJson, fetchText } from './fetch';
import { areaTable, type Level } from '../core/summary/areaTable';
import { summarize, type Summary, type SummaryInput } from '../core/summary/summarize';
import { DEFAULT_SAMPLE_SEED, generateSample } from '../core/sample/generate';
import { computeCoverage, type CoverageResult } from '../core/coverage/model';
import { DEFAULT_RADIUS_METERS, stationRadiiMeters, type RadiusTable } from '../core/coverage/radius';
import { seatColumns } from '../core/coverage/seats';
import { suggestSites, type SuggestOptions, type Suggestion } from '../core/coverage/suggest';
import type { StationColumns, TargetColumns } from '../core/coverage/types';
import { layersFromSample } from '../core/layers/fromSample';
import { parseVillages } from '../core/sample/layout';
import { LayerView, type LayerInfo, type ViewRequest, type ViewResult } from './layerView';
import type { TownshipRow } from '../core/layers/townships';
import { buildSearchIndex, search, type SearchHit, type SearchIndex } from '../core/search/searchIndex';

export interface EngineUrls { counties: string; areas: string; villages: string; relocationSites: string; scenicAreas: string }

/** What the page learns of a loaded sample: small, no point arrays. */
export interface SampleInfo {
  seed: number; label: string; generationMs: number;
  stations5g: number; stations4g: number; villages: number; relocationSites: number; scenicAreas: number;
}


export class Engine {
  private countyIndex?: CountyIndex;
  private areas?: AreaIndex;
  private urls?: EngineUrls;
  private layerView?: LayerView;
  private townshipNames?: Map<string, string>;

  /** Fetches the boundaries from the app's origin and builds the county index. */
  async init(urls: EngineUrls): Promise<{ indexBuildMs: number }> {
    const [counties, areas] = await Promise.all([fetchJson<CountyCollection>(urls.counties), fetchJson<AreaIndex>(urls.areas)]);
    const started = performance.now();
    this.countyIndex = countyIndexOf(counties).index;
    this.areas = areas;
    this.urls = urls;
    this.layerView = new LayerView(areas);
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
    this.layerView!.setLayers(layersFromSample(sample, areas.counties.map((c) => c.adcode)));
    return {
      seed, label: sample.label, generationMs: performance.now() - started,
      stations5g: sample.stations.fiveGCount, stations4g: sample.stations.lon.length - sample.stations.fiveGCount,
      villages: sample.villages.lon.length, relocationSites: sample.relocationSites.lon.length, scenicAreas: sample.scenicAreas.lon.length,
    };
  }

  private searchIndex?: Promise<SearchIndex>;

  /** Places matching what the user typed, best first; the index is built on the first search. */
  async search(query: string, limit?: number): Promise<SearchHit[]> {
    const { areas } = this.ready();
    // One promise, so searches typed while the index builds wait for it; a failed build is retried next time.
    this.searchIndex ??= fetchText(this.urls!.villages).then((villagesCsv) => buildSearchIndex(areas, villagesCsv))
      .catch((error: unknown) => { this.searchIndex = undefined; throw error; });
    return search(await this.searchIndex, query, limit);
  }

  clearSample(): void {
    this.layerView?.setLayers({});
  }

  layerInfo(): LayerInfo {
    return this.ready().layerView.info();
  }

  /** The 5G (and optionally 4G) stations as GeoJSON text for MapLibre (again when layerInfo's version changes). */
  stationGeojson(includeFourG: boolean): string {
    return this.ready().layerView.stationGeojson(includeFourG);
  }

  /** Figures, point layers and station cells for a year and station filter. */
  view(request: ViewRequest): ViewResult {
    return this.ready().layerView.view(request);
  }

  /** The selected county's townships (names from geodata/villages.csv, the NBS list). */
  async townships(countyAdcode: string, asOfYear: number): Promise<TownshipRow[]> {
    const { layerView, areas } = this.ready();
    if (!this.townshipNames) {
      const { townships } = parseVillages(await fetchText(this.urls!.villages), areas.counties);
      this.townshipNames = new Map(townships.code.map((code, k) => [code, townships.name[k]]));
    }
    return layerView.townships(countyAdcode, asOfYear, this.townshipNames);
  }

  private ready() {
    if (!this.countyIndex || !this.areas || !this.layerView) throw new Error('engine not initialised: call init() first');
    return { countyIndex: this.countyIndex, areas: this.areas, layerView: this.layerView };
  }
}
