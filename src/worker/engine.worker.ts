// The worker's entry: exposes the engine over comlink, transferring typed-array results back.
import { expose, transfer } from 'comlink';
import { Engine } from './engine';
import type { SummaryInput } from '../core/summary/summarize';
import type { Level } from '../core/summary/areaTable';

const engine = new Engine();

const api = {
  init: engine.init.bind(engine),
  assign(lon: Float64Array, lat: Float64Array) {
    const county = engine.assign(lon, lat);
    return transfer(county, [county.buffer]);
  },
  summarize: (level: Level, input: SummaryInput) => engine.summarize(level, input),
};

export type EngineApi = typeof api;
expose(api);
