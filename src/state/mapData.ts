// The port through which state sends the data layers' GeoJSON and tile versions to the map. State never imports the
// map: start-up (src/app/startup.ts) connects the map's overlays here, a unit test a fake.
import type { OverlaySourceName } from '../core/layers/types';

export interface MapDataPort {
  setLayerGeojson(name: OverlaySourceName, geojson: string | Uint8Array): void;
  setLayerTiles(name: OverlaySourceName, version: number): void;
}

let port: MapDataPort | null = null;

export function connectMapData(target: MapDataPort | null): void {
  port = target;
}

/** The connected map, or null before start-up (or after the map is gone). */
export const mapData = (): MapDataPort | null => port;
