// The page's handle on the engine worker. Typed arrays passed in are transferred, not copied: after
// a call the caller's arrays are detached (byteLength 0) and must not be reused.
import { transfer, wrap, type Remote } from 'comlink';
import type { EngineApi } from './engine.worker';
import type { EngineUrls } from './engine';
import type { Level } from '../core/summary/areaTable';
import type { SummaryInput } from '../core/summary/summarize';

export interface EngineClient {
  ready: Promise<{ indexBuildMs: number }>;
  assign(lon: Float64Array, lat: Float64Array): Promise<Int16Array>;
  summarize(level: Level, input: SummaryInput): Promise<Awaited<ReturnType<EngineApi['summarize']>>>;
}

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
  };
}
