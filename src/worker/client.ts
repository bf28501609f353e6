// The page's handle on the engine worker. Typed arrays passed in are transferred, not copied: after
// a call the caller's arrays are detached (byteLength 0) and must not be reused.
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { EngineApi } from './engine.worker';
import type { EngineUrls, LayerSourceChoice, SampleInfo } from './engine';
import type { LayerInfo, ViewRequest, ViewResult } from './layerView';
import type { TownshipRow } from '../core/layers/townships';
import type { FigureTable } from '../core/layers/figures';
import type { ChangeSummary } from '../core/planning/changes';
import type { VintageComparison } from '../core/planning/vintages';
import type { LayerName } from '../core/layers/types';
import type { Level } from '../core/summary/areaTable';
import type { SummaryInput } from '../core/summary/summarize';
import type { CoverageResult } from '../core/coverage/model';
import type { RadiusTable } from '../core/coverage/radius';
import type { SuggestOptions, Suggestion } from '../core/coverage/suggest';
import type { StationColumns, TargetColumns } from '../core/coverage/types';
import type { SearchHit } from '../core/search/searchIndex';
import type { GapListRequest, GapListResult } from './planningView';
import type { SuggestRequest, SuggestResult } from './suggestView';

export interface EngineClient {
  ready: Promise<{ indexBuildMs: number }>;
  assign(lon: Float64Array, lat: Float64Array): Promise<Int16Array>;
  summarize(level: Level, input: SummaryInput): Promise<Awaited<ReturnType<EngineApi['summarize']>>>;
  coverage(
    stations: StationColumns,
    targets: TargetColumns,
    options?: { asOfYear?: number; radiusTable?: RadiusTable },
  ): Promise<CoverageResult>;
  suggest(
    targets: TargetColumns,
    uncovered: Uint8Array,
    k: number,
    options: SuggestOptions,
  ): Promise<Suggestion>;
  /** The site suggester over the loaded layers; onProgress(done, total) as it builds candidates and picks. */
  suggestSites(
    request: SuggestRequest,
    onProgress?: (done: number, total: number) => void,
  ): Promise<SuggestResult>;
  loadSample(seed?: number): Promise<SampleInfo>;
  clearSample(): Promise<void>;
  layerInfo(): Promise<LayerInfo>;
  /** Draws a layer from the sample, a stored dataset (read by the worker itself) or nothing. */
  setLayerSource(layer: LayerName, source: LayerSourceChoice): Promise<LayerInfo>;
  /** UTF-8 GeoJSON of the 5G (and optionally 4G) stations, for MapLibre to fetch from a blob URL. */
  stationGeojson(includeFourG: boolean): Promise<Uint8Array>;
  view(request: ViewRequest): Promise<ViewResult>;
  figuresAt(request: ViewRequest): Promise<FigureTable>;
  changes(fromYear: number, toYear: number): Promise<ChangeSummary>;
  /** Two stored datasets of one layer as vintages; rejects with a VintageError (see vintageRefusalOf) when they cannot be compared. */
  compareVintages(
    olderDatasetId: string,
    newerDatasetId: string,
    asOfYear: number,
  ): Promise<VintageComparison>;
  townships(countyAdcode: string, asOfYear: number): Promise<TownshipRow[]>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
  /** adcode → the area's name in pinyin, for English mode. */
  areaPinyin(): Promise<Record<string, string>>;
  /** The gap list (and its disagreements) of an area or a box as of a year. */
  gapList(request: GapListRequest): Promise<GapListResult>;
}

const columnBuffers = (columns: object) =>
  Object.values(columns)
    .filter(ArrayBuffer.isView)
    .map((view) => (view as Uint8Array).buffer as ArrayBuffer);

const buffersOf = (input: SummaryInput) =>
  [
    input.county.buffer,
    input.include?.buffer,
    input.covered?.buffer,
    ...(input.categorical ?? []).map((c) => c.codes.buffer),
    ...(input.numeric ?? []).map((n) => n.values.buffer),
  ].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);

export function startEngine(urls: EngineUrls): EngineClient {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'atlas-engine',
  });
  const remote: Remote<EngineApi> = wrap<EngineApi>(worker);
  const ready = remote.init(urls);
  return {
    ready,
    assign: async (lon, lat) => {
      await ready;
      return remote.assign(
        transfer(lon, [lon.buffer as ArrayBuffer]),
        transfer(lat, [lat.buffer as ArrayBuffer]),
      );
    },
    summarize: async (level, input) => {
      await ready;
      return remote.summarize(level, transfer(input, buffersOf(input)));
    },
    coverage: async (stations, targets, options) => {
      await ready;
      return remote.coverage(
        transfer(stations, columnBuffers(stations)),
        transfer(targets, columnBuffers(targets)),
        options,
      ) as Promise<CoverageResult>;
    },
    loadSample: async (seed) => {
      await ready;
      return remote.loadSample(seed);
    },
    clearSample: async () => {
      await ready;
      return remote.clearSample();
    },
    layerInfo: async () => {
      await ready;
      return remote.layerInfo();
    },
    setLayerSource: async (layer, source) => {
      await ready;
      return remote.setLayerSource(layer, source);
    },
    stationGeojson: async (includeFourG) => {
      await ready;
      return remote.stationGeojson(includeFourG);
    },
    view: async (request) => {
      await ready;
      return remote.view(request);
    },
    figuresAt: async (request) => {
      await ready;
      return remote.figuresAt(request);
    },
    changes: async (fromYear, toYear) => {
      await ready;
      return remote.changes(fromYear, toYear);
    },
    compareVintages: async (olderDatasetId, newerDatasetId, asOfYear) => {
      await ready;
      return remote.compareVintages(olderDatasetId, newerDatasetId, asOfYear);
    },
    townships: async (countyAdcode, asOfYear) => {
      await ready;
      return remote.townships(countyAdcode, asOfYear);
    },
    search: async (query, limit) => {
      await ready;
      return remote.search(query, limit);
    },
    areaPinyin: async () => {
      await ready;
      return remote.areaPinyin();
    },
    gapList: async (request) => {
      await ready;
      return remote.gapList(request);
    },
    suggest: async (targets, uncovered, k, { onProgress, ...options }) => {
      await ready;
      return remote.suggest(
        transfer(targets, columnBuffers(targets)),
        transfer(uncovered, [uncovered.buffer as ArrayBuffer]),
        k,
        options,
        onProgress && proxy(onProgress),
      );
    },
    suggestSites: async (request, onProgress) => {
      await ready;
      return remote.suggestSites(request, onProgress && proxy(onProgress));
    },
  };
}
