// The engine the UI talks to through the worker: state (the county index, the area tables, the
// layers and the source chosen for each) plus plain functions over src/core. Inputs and outputs
// are plain data and typed arrays, so they cross the thread boundary by transfer; everything heavy
// runs here, never on the page.
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
import { layerFromDataset } from '../core/layers/fromDataset';
import { LAYER_NAMES, type LayerName, type LayerSet, type OverlaySourceName } from '../core/layers/types';
import { loadDataset } from '../storage/datasets';
import { editsFor, recordEdit, type ListedEdit, type NewStatusEdit } from '../storage/edits';
import {
  villageList,
  type TownshipTally,
  type VillageListRequest,
  type VillageListRow,
} from '../core/tracking/villageList';
import { countiesOfArea } from '../core/planning/gapList';
import { nearest, type NearestResult } from '../core/coverage/stationGrid';
import { stationGrid } from './stationGrids';
import type { LayerSource } from '../core/layers/encoding';
import type { TrackedLayerName } from '../core/layers/tracking';
import { trackedRow, type TrackedRow } from '../core/tracking/trackedRow';
import { StorageError } from '../storage/errors';
import { gapList, type GapListRequest, type GapListResult } from './planningView';
import { parseVillages } from '../core/sample/layout';
import { LayerView, type LayerInfo, type ViewRequest, type ViewResult } from './layerView';
import type { TownshipRow } from '../core/layers/townships';
import { suggestForScope, type SuggestRequest, type SuggestResult } from './suggestView';
import type { FigureTable } from '../core/layers/figures';
import { newlyCovered, type ChangeSummary } from '../core/planning/changes';
import {
  compareVintages,
  vintageLayerOf,
  VintageError,
  type VintageComparison,
} from '../core/planning/vintages';
import { buildSearchIndex, search, type SearchHit, type SearchIndex } from '../core/search/searchIndex';
import { placePinyin } from '../core/search/pinyin';
import { findVillage, inspectPoint, villagesBounds, type Inspection, type VillageFound } from './inspectView';

export interface VillageListQuery extends Omit<VillageListRequest, 'counties'> {
  /** The province, a prefecture or a county. */
  adcode: string;
  offset?: number;
  limit?: number;
}

export interface VillageListResult {
  total: number;
  rows: VillageListRow[];
  townships: TownshipTally[];
  /** Where the villages come from; null when no village layer is loaded. */
  source: LayerSource | null;
}

export interface EngineUrls {
  counties: string;
  areas: string;
  villages: string;
  relocationSites: string;
  scenicAreas: string;
}

/** What the page learns of a loaded sample: small, no point arrays. */
export interface SampleInfo {
  seed: number;
  label: string;
  generationMs: number;
  stations5g: number;
  stations4g: number;
  villages: number;
  relocationSites: number;
  scenicAreas: number;
}

/** Where a layer's rows come from: the sample (when loaded), one of the user's stored datasets, or none. */
export type LayerSourceChoice = 'sample' | { datasetId: string } | null;

export class Engine {
  private countyIndex?: CountyIndex;
  private areas?: AreaIndex;
  private urls?: EngineUrls;
  private layerView?: LayerView;
  private townshipNames?: Map<string, string>;
  /** The layers of the loaded sample, and of the datasets chosen for a layer. */
  private sampleLayers: LayerSet = {};
  private datasetLayers: LayerSet = {};
  /** The user's choice per layer; a layer without one draws the sample. */
  private sourceChoices: Partial<Record<LayerName, LayerSourceChoice>> = {};
  /** Per layer, the number of the latest setLayerSource call: a slower earlier one must not win. */
  private sourceRequests = new Map<LayerName, number>();

  /** Fetches the boundaries from the app's origin and builds the county index. */
  async init(urls: EngineUrls): Promise<{ indexBuildMs: number }> {
    const [counties, areas] = await Promise.all([
      fetchJson<CountyCollection>(urls.counties),
      fetchJson<AreaIndex>(urls.areas),
    ]);
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
  coverage(
    stations: StationColumns,
    targets: TargetColumns,
    options: { asOfYear?: number; radiusTable?: RadiusTable } = {},
  ): CoverageResult {
    const radii = stationRadiiMeters(
      stations,
      seatColumns(this.ready().areas),
      options.radiusTable ?? DEFAULT_RADIUS_METERS,
    );
    return computeCoverage(stations, radii, targets, { asOfYear: options.asOfYear });
  }

  suggest(targets: TargetColumns, uncovered: Uint8Array, k: number, options: SuggestOptions): Suggestion {
    return suggestSites(targets, uncovered, k, options);
  }

  /** K new 5G sites for the uncovered targets of an area as of a year, over the loaded layers. */
  suggestSites(request: SuggestRequest, onProgress?: (done: number, total: number) => void): SuggestResult {
    const { layerView, areas } = this.ready();
    return suggestForScope(layerView.snapshot(), areas, request, onProgress);
  }

  /** Generates the seeded sample here in the worker (nothing large is shipped or stored). */
  async loadSample(seed = DEFAULT_SAMPLE_SEED): Promise<SampleInfo> {
    const { countyIndex, areas } = this.ready();
    const [villagesCsv, relocationSitesCsv, scenicAreasCsv] = await Promise.all(
      [this.urls!.villages, this.urls!.relocationSites, this.urls!.scenicAreas].map(fetchText),
    );
    const started = performance.now();
    const sample = generateSample(seed, {
      areas,
      countyIndex,
      villagesCsv,
      relocationSitesCsv,
      scenicAreasCsv,
    });
    this.sampleLayers = layersFromSample(
      sample,
      areas.counties.map((c) => c.adcode),
    );
    this.showChosenLayers();
    return {
      seed,
      label: sample.label,
      generationMs: performance.now() - started,
      stations5g: sample.stations.fiveGCount,
      stations4g: sample.stations.lon.length - sample.stations.fiveGCount,
      villages: sample.villages.lon.length,
      relocationSites: sample.relocationSites.lon.length,
      scenicAreas: sample.scenicAreas.lon.length,
    };
  }

  private searchIndex?: Promise<SearchIndex>;

  /** Places matching what the user typed, best first; the index is built on the first search. */
  async search(query: string, limit?: number): Promise<SearchHit[]> {
    const { areas } = this.ready();
    // One promise, so searches typed while the index builds wait for it; a failed build is retried next time.
    this.searchIndex ??= fetchText(this.urls!.villages)
      .then((villagesCsv) => buildSearchIndex(areas, villagesCsv))
      .catch((error: unknown) => {
        this.searchIndex = undefined;
        throw error;
      });
    return search(await this.searchIndex, query, limit);
  }

  /** adcode → the area's name in pinyin ("Xifeng"), for English mode: pinyin-pro's dictionary stays in this worker. */
  areaPinyin(): Record<string, string> {
    const { areas } = this.ready();
    return Object.fromEntries(
      [...areas.prefectures, ...areas.counties].map((a) => [a.adcode, placePinyin(a.name)]),
    );
  }

  /** Drops the sample; layers showing a chosen dataset keep it. */
  clearSample(): void {
    this.sampleLayers = {};
    if (this.layerView) this.showChosenLayers();
  }

  /**
   * Chooses where a layer's rows come from. A dataset is read here from IndexedDB, so nothing
   * large crosses from the page. A dataset that no longer exists leaves the layer empty (choice
   * none): the returned info then has no source for the layer.
   */
  async setLayerSource(layer: LayerName, source: LayerSourceChoice): Promise<LayerInfo> {
    const { layerView } = this.ready();
    const request = (this.sourceRequests.get(layer) ?? 0) + 1;
    this.sourceRequests.set(layer, request);
    let choice = source,
      loaded: LayerSet[LayerName] = undefined;
    if (source !== null && source !== 'sample') {
      try {
        loaded = await this.trackedLayer(layer, source.datasetId);
      } catch (error) {
        if (!(error instanceof StorageError && error.code === 'not-found')) throw error;
        choice = null;
      }
    }
    if (this.sourceRequests.get(layer) !== request) return layerView.info();
    this.sourceChoices[layer] = choice;
    this.datasetLayers = { ...this.datasetLayers, [layer]: loaded };
    return this.showChosenLayers();
  }

  /** A stored dataset as its layer, with the team's edits of it applied. */
  private async trackedLayer<K extends LayerName>(layer: K, datasetId: string) {
    const [dataset, edits] = await Promise.all([loadDataset(datasetId), editsFor(datasetId)]);
    return layerFromDataset(layer, dataset, edits);
  }

  /**
   * Records a status edit (on disk before this resolves) and applies it: the layers showing its
   * dataset are read again with it, so every figure, list and the map count it from the next view.
   * An edit of a team server's dataset is queued for the server and counts at once, marked pending.
   */
  async recordEdit(edit: NewStatusEdit): Promise<{ edit: ListedEdit; info: LayerInfo }> {
    const stored = await recordEdit(edit);
    for (const name of LAYER_NAMES) {
      const choice = this.sourceChoices[name];
      if (choice && choice !== 'sample' && choice.datasetId === edit.datasetId)
        await this.setLayerSource(name, choice);
    }
    return { edit: stored, info: this.layerInfo() };
  }

  /** One row of a loaded layer, by its key or index: its name and each editable status, as of a year. */
  trackedRow(layer: TrackedLayerName, row: string | number, asOfYear: number): TrackedRow | null {
    const rows = this.ready().layerView.snapshot().layers[layer];
    return rows ? trackedRow(layer, rows, row, asOfYear) : null;
  }

  /** The edits of a dataset, or of one row of it, most recently recorded first (pending ones marked). */
  editHistory(datasetId: string, rowKey?: string): Promise<ListedEdit[]> {
    return editsFor(datasetId, rowKey);
  }

  /** Each layer from its chosen source, into the layer view. */
  private showChosenLayers(): LayerInfo {
    const layers: LayerSet = {};
    for (const name of LAYER_NAMES) {
      const choice = this.sourceChoices[name];
      const from =
        choice === undefined || choice === 'sample'
          ? this.sampleLayers
          : choice === null
            ? {}
            : this.datasetLayers;
      if (from[name]) Object.assign(layers, { [name]: from[name] });
    }
    return this.ready().layerView.setLayers(layers);
  }

  layerInfo(): LayerInfo {
    return this.ready().layerView.info();
  }

  /** One point tile (MVT bytes) of a tile source: the map's station and village tiles. */
  tile(source: OverlaySourceName, z: number, x: number, y: number): Uint8Array {
    return this.ready().layerView.tile(source, z, x, y);
  }

  /** Figures, point layers and station cells for a year and station filter. */
  view(request: ViewRequest): ViewResult {
    const { layerView } = this.ready();
    const result = layerView.view(request);
    // New tile data: index them once this answer is sent, before the map is zoomed in to ask.
    if (Object.keys(result.tiles).length > 0) setTimeout(() => layerView.warmTiles(), 0);
    return result;
  }

  /** Area figures for another year (the compare tool's "from" year). */
  figuresAt(request: ViewRequest): FigureTable {
    return this.ready().layerView.figures(request);
  }

  /** Villages, relocation sites and scenic areas newly covered by 5G after fromYear, by toYear. */
  changes(fromYear: number, toYear: number): ChangeSummary {
    const { layerView, areas } = this.ready();
    const { layers, modelled } = layerView.snapshot();
    return newlyCovered(areas, layers, modelled, fromYear, toYear);
  }

  /**
   * Two stored datasets of one map layer compared as vintages (older, newer) as of a year, over
   * the layers loaded now. Both are read here from IndexedDB, as setLayerSource does. Refuses
   * (VintageError) plain points, datasets of different layers and a dataset that is gone.
   */
  async compareVintages(
    olderDatasetId: string,
    newerDatasetId: string,
    asOfYear: number,
  ): Promise<VintageComparison> {
    const { layerView, areas } = this.ready();
    const [older, newer] = await Promise.all(
      [olderDatasetId, newerDatasetId].map(async (id) => {
        try {
          return await Promise.all([loadDataset(id), editsFor(id)]);
        } catch (error) {
          if (error instanceof StorageError && error.code === 'not-found')
            throw new VintageError('not-found', `dataset ${id} no longer exists`);
          throw error;
        }
      }),
    );
    const layer = vintageLayerOf(older[0], newer[0]);
    return compareVintages(
      areas,
      { [layer]: layerFromDataset(layer, ...older) },
      { [layer]: layerFromDataset(layer, ...newer) },
      layerView.snapshot(),
      asOfYear,
    );
  }

  /** Township code → name, from geodata/villages.csv (the NBS list), read once. */
  private async townshipNameMap(): Promise<Map<string, string>> {
    if (!this.townshipNames) {
      const { townships } = parseVillages(await fetchText(this.urls!.villages), this.ready().areas.counties);
      this.townshipNames = new Map(townships.code.map((code, k) => [code, townships.name[k]]));
    }
    return this.townshipNames;
  }

  /** The selected county's townships (names from geodata/villages.csv, the NBS list). */
  async townships(countyAdcode: string, asOfYear: number): Promise<TownshipRow[]> {
    const names = await this.townshipNameMap();
    return this.ready().layerView.townships(countyAdcode, asOfYear, names);
  }

  /**
   * The villages of an area (or one township of it) with their reported, current, verified and
   * modelled statuses, filtered and sorted; `limit` rows from `offset` (all when absent), with the
   * total and each township's tally.
   */
  async villageList(request: VillageListQuery): Promise<VillageListResult> {
    const { layerView, areas } = this.ready();
    const names = await this.townshipNameMap();
    const { layers, modelled } = layerView.snapshot();
    const villages = layers.villages;
    if (!villages) return { total: 0, rows: [], townships: [], source: null };
    const grid = stationGrid(modelled.columns, '5G', request.asOfYear);
    const found: NearestResult = { index: -1, meters: Infinity };
    const { rows, townships } = villageList(
      {
        villages,
        modelled5g: modelled.villages5g,
        modelled4g: modelled.villages4g,
        townshipNames: names,
        nearest5gMeters: (lon, lat) =>
          grid.count > 0 ? nearest(grid, lon, lat, Infinity, found).meters : Infinity,
      },
      { ...request, counties: countiesOfArea(areas, request.adcode) },
    );
    const offset = request.offset ?? 0;
    return {
      total: rows.length,
      rows: rows.slice(offset, request.limit === undefined ? undefined : offset + request.limit),
      townships,
      source: villages.source,
    };
  }

  /** Villages, relocation sites and 4A/5A scenic areas of an area or a box that need a look as of a year. */
  gapList(request: GapListRequest): GapListResult {
    const { layerView, areas } = this.ready();
    return gapList(areas, layerView.snapshot(), request);
  }

  // The inspector's and the search's questions about single points (src/worker/inspectView.ts).

  /** One point of a layer by its row (property i of the map's features), as of a year; null when gone. */
  async inspect(layer: LayerName, row: number, asOfYear: number): Promise<Inspection | null> {
    const names = await this.townshipNameMap();
    const { layerView, areas } = this.ready();
    return inspectPoint(layerView.snapshot(), areas, names, layer, row, asOfYear);
  }

  /** The loaded village with this 12-digit code, inspected as of a year; null when no village layer holds it. */
  async inspectVillage(code: string, asOfYear: number): Promise<VillageFound | null> {
    const names = await this.townshipNameMap();
    const { layerView, areas } = this.ready();
    return findVillage(layerView.snapshot(), areas, names, code, asOfYear);
  }

  /** Bounds of the loaded villages under a division code (a township's 9 digits); null when none is placed. */
  villageBounds(codePrefix: string): [number, number, number, number] | null {
    return villagesBounds(this.ready().layerView.snapshot(), codePrefix);
  }

  private ready() {
    if (!this.countyIndex || !this.areas || !this.layerView)
      throw new Error('engine not initialised: call init() first');
    return { countyIndex: this.countyIndex, areas: this.areas, layerView: this.layerView };
  }
}
