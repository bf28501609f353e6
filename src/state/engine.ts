// The engine worker state talks to, provided once by start-up (src/app/startup.ts) or by a unit test
// with a fake. Started on first use, so the worker does not compete with the map's cold load.
import type { EngineClient } from '../worker/client';

let start: (() => EngineClient) | null = null;
let engine: EngineClient | undefined;

export function provideEngine(starter: () => EngineClient): void {
  start = starter;
  engine = undefined;
}

export function getEngine(): EngineClient {
  if (!start) throw new Error('the engine is used before start-up provided it');
  engine ??= start();
  return engine;
}
