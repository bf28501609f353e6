// The one engine worker of the page, started on first use (after the map has drawn, so it does not
// compete with the cold load).
import countiesUrl from '../../geodata/counties.geojson?url';
import areasUrl from '../../geodata/areas.json?url';
import { startEngine, type EngineClient } from '../worker/client';

let engine: EngineClient | undefined;

export function getEngine(): EngineClient {
  engine ??= startEngine({ counties: new URL(countiesUrl, location.href).href, areas: new URL(areasUrl, location.href).href });
  return engine;
}
