// The page's one map, set by start-up (src/app/startup.ts). Only for what must reach the map itself
// (an export's snapshot, the automation hook, the zoom buttons' labels): everything else goes
// through store intents (src/state/mapIntents.ts) and the bindings (bindings.ts).
import type { MapController } from './MapController';

let current: MapController | null = null;

export const mapHandle = (): MapController | null => current;

export function setMapHandle(controller: MapController | null): void {
  current = controller;
}
