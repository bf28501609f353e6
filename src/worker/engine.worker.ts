// The worker's entry: exposes the engine over comlink, transferring typed-array results back.
import { expose, transfer } from 'comlink';
import { Engine, type LayerSourceChoice } from './engine';
import type { SummaryInput } from '../core/summary/summarize';
import type { Level } from '../core/summary/areaTable';
import type { SuggestOptions } from '../core/coverage/suggest';
import type { TargetColumns } from '../core/coverage/types';
import type { ViewRequest } from './layerView';
import type { SuggestRequest } from './suggestView';
import type { LayerName } from '../core/layers/types';
import type { GapListRequest } from './planningView';

const engine = new Engine();

const api = {
  init: engine.init.bind(engine),
  assign(lon: Float64Array, lat: Float64Array) {
    const county = engine.assign(lon, lat);
    return transfer(county, [county.buffer]);
  },
  summarize: (level: Level, input: SummaryInput) => engine.summarize(level, input),
  loadSample: (seed?: number) => engine.loadSample(seed),
  clearSample: () => engine.clearSample(),
  layerInfo: () => engine.layerInfo(),
  setLayerSource: (layer: LayerName, source: LayerSourceChoice) => engine.setLayerSource(layer, source),
  // Large texts go back as bytes by transfer: structured-cloning 30 MB of string would copy it.
  stationGeojson(includeFourG: boolean) {
    const bytes = new TextEncoder().encode(engine.stationGeojson(includeFourG));
    return transfer(bytes, [bytes.buffer]);
  },
  view: (request: ViewRequest) => engine.view(request),
  figuresAt: (request: ViewRequest) => engine.figuresAt(request),
  changes: (fromYear: number, toYear: number) => engine.changes(fromYear, toYear),
  compareVintages: (olderDatasetId: string, newerDatasetId: string, asOfYear: number) =>
    engine.compareVintages(olderDatasetId, newerDatasetId, asOfYear),
  townships: (countyAdcode: string, asOfYear: number) => engine.townships(countyAdcode, asOfYear),
  search: (query: string, limit?: number) => engine.search(query, limit),
  areaPinyin: () => engine.areaPinyin(),
  gapList: (request: GapListRequest) => engine.gapList(request),
  coverage(...args: Parameters<Engine['coverage']>) {
    const result = engine.coverage(...args);
    return transfer(
      result,
      Object.values(result).map((column) => column.buffer),
    );
  },
  suggest(
    targets: TargetColumns,
    uncovered: Uint8Array,
    k: number,
    options: Omit<SuggestOptions, 'onProgress'>,
    onProgress?: (done: number, total: number) => void,
  ) {
    // onProgress arrives as a comlink proxy; calls to it are fire-and-forget messages to the page.
    return engine.suggest(targets, uncovered, k, { ...options, onProgress });
  },
  suggestSites: (request: SuggestRequest, onProgress?: (done: number, total: number) => void) =>
    engine.suggestSites(request, onProgress),
};

export type EngineApi = typeof api;
expose(api);
