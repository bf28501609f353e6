// The page's handle on the engine worker, derived from the worker's own API (engine.worker.ts):
// every call waits for the worker's start-up first. Only the calls that transfer typed arrays or
// pass a progress callback are written out here.
//
// Rules relied on: typed arrays passed in are transferred, not copied: after a call the caller's
// arrays are detached (byteLength 0) and must not be reused.
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { EngineApi } from './engine.worker';
import type { EngineUrls } from './engine';
import type { Level } from '../core/summary/areaTable';
import type { SummaryInput } from '../core/summary/summarize';
import type { CoverageResult } from '../core/coverage/model';
import type { RadiusTable } from '../core/coverage/radius';
import type { SuggestOptions, Suggestion } from '../core/coverage/suggest';
import type { StationColumns, TargetColumns } from '../core/coverage/types';
import type { SuggestRequest, SuggestResult } from './suggestView';

type Progress = (done: number, total: number) => void;

/** The calls written out: their inputs are transferred, or they take a progress callback. */
interface TransferringCalls {
  assign(lon: Float64Array, lat: Float64Array): Promise<Int16Array>;
  summarize(level: Level, input: SummaryInput): ReturnType<Remote<EngineApi>['summarize']>;
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
  suggestSites(request: SuggestRequest, onProgress?: Progress): Promise<SuggestResult>;
}

export type EngineClient = Omit<Remote<EngineApi>, 'init' | keyof TransferringCalls> &
  TransferringCalls & {
    /** Resolves once the worker has loaded the county index (with how long building it took). */
    ready: Promise<{ indexBuildMs: number }>;
  };

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
  const remote = wrap<EngineApi>(worker);
  const ready = remote.init(urls);
  const transferring: TransferringCalls = {
    assign: (lon, lat) =>
      remote.assign(transfer(lon, [lon.buffer as ArrayBuffer]), transfer(lat, [lat.buffer as ArrayBuffer])),
    summarize: (level, input) => remote.summarize(level, transfer(input, buffersOf(input))),
    coverage: (stations, targets, options) =>
      remote.coverage(
        transfer(stations, columnBuffers(stations)),
        transfer(targets, columnBuffers(targets)),
        options,
      ) as Promise<CoverageResult>,
    suggest: (targets, uncovered, k, { onProgress, ...options }) =>
      remote.suggest(
        transfer(targets, columnBuffers(targets)),
        transfer(uncovered, [uncovered.buffer as ArrayBuffer]),
        k,
        options,
        onProgress && proxy(onProgress),
      ),
    suggestSites: (request, onProgress) => remote.suggestSites(request, onProgress && proxy(onProgress)),
  };
  // Any other name is the worker's method of that name, called once the worker is ready.
  return new Proxy({} as EngineClient, {
    get(_, name) {
      if (name === 'ready') return ready;
      if (name === 'then' || typeof name !== 'string') return undefined;
      const call =
        (transferring as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[name] ??
        (remote as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[name];
      return async (...args: unknown[]) => {
        await ready;
        return call(...args);
      };
    },
  });
}
