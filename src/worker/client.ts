// The page's handle on the engine worker. Typed arrays passed in are transferred, not copied: after
// a call the caller's arrays are detached (byteLength 0) and must not be reused.
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { EngineApi } from './engine.worker';
import type { EngineUrls, SampleInfo, StationCounts } from './engine';
import type { Level } from '../core/summary/areaTable';
import type { SummaryInput } from '../core/summary/summarize';
import type { CoverageResult } from '../core/coverage/model';
import type { RadiusTable } from '../core/coverage/radius';
import type { SuggestOptions, Suggestion } from '../core/coverage/suggest';
import type { StationColumns, TargetColumns } from '../core/coverage/types';

export interface EngineClient {
  ready: Promise<{ indexBuildMs: number }>;
  assign(lon: Float64Array, lat: Float64Array): Promise<Int16Array>;
  summarize(level: Level, input: SummaryInput): Promise<Awaited<ReturnType<EngineApi['summarize']>>>;
  coverage(stations: StationColumns, targets: TargetColumns, options?: { asOfYear?: number; radiusTable?: RadiusTable }): Promise<CoverageResult>;
  suggest(targets: TargetColumns, uncovered: Uint8Array, k: number, options: SuggestOptions): Promise<Suggestion>;
  loadSample(seed?: number): Promise<SampleInfo>;
  clearSample(): Promise<void>;
  stationCounts(level: Level, asOfYear: number): Promise<StationCounts | null>;
}

const columnBuffers = (columns: object) => Object.values(columns).filter(ArrayBuffer.isView).map((view) => (view as Uint8Array).buffer as ArrayBuffer);

const buffersOf = (input: SummaryInput) => [
  input.county.buffer, input.include?.buffer, input.covered?.buffer,
  ...(input.categorical ?? []).map((c) => c.codes.buffer), ...(input.numeric ?? []).map((n) => n.values.buffer),
].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);

export function startEngine(urls: EngineUrls): EngineClient {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'atlas-engine' });
  const remote: Remote<EngineApi> = wrap<EngineApi>(worker);
  const ready = remote.init(urls);
  return {
    ready,
    assign: async (lon, lat) => { await ready; return remote.assign(transfer(lon, [lon.buffer as ArrayBuffer]), transfer(lat, [lat.buffer as ArrayBuffer])); },
    summarize: async (level, input) => { await ready; return remote.summarize(level, transfer(input, buffersOf(input))); },
    coverage: async (stations, targets, options) => {
      await ready;
      return remote.coverage(transfer(stations, columnBuffers(stations)), transfer(targets, columnBuffers(targets)), options) as Promise<CoverageResult>;
    },
    loadSample: async (seed) => { await ready; return remote.loadSample(seed); },
    clearSample: async () => { await ready; return remote.clearSample(); },
    stationCounts: async (level, asOfYear) => { await ready; return remote.stationCounts(level, asOfYear); },
    suggest: async (targets, uncovered, k, { onProgress, ...options }) => {
      await ready;
      return remote.suggest(transfer(targets, columnBuffers(targets)), transfer(uncovered, [uncovered.buffer as ArrayBuffer]), k, options, onProgress && proxy(onProgress));
    },
  };
}
