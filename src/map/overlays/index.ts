// Every layer's overlay on the map, one module each (src/core/layers/registry.ts lists the layers):
// the map's style (layers.ts) and its data and settings (overlayData.ts) loop over OVERLAYS, in
// the registry's order, which is also the drawing order, bottom to top.
import type { AllOf } from '../../core/layers/definition';
import { LAYER_NAMES, type LayerName, type OverlaySourceName } from '../../core/layers/registry';
import type { LayerOverlay } from './layerOverlay';
import { relocationOverlay } from './relocationSites';
import { scenicOverlay } from './scenicAreas';
import { stationOverlay } from './stations';
import { villageOverlay } from './villages';

export { STATION_POINT_MIN_ZOOM } from './stations';
export type { OverlayContext } from './layerOverlay';

export const OVERLAYS = {
  stations: stationOverlay,
  villages: villageOverlay,
  relocationSites: relocationOverlay,
  scenicAreas: scenicOverlay,
} satisfies { [K in LayerName]: LayerOverlay<K> };

/** Every overlay source's MapLibre id by the name the engine gives its GeoJSON. */
export const OVERLAY_SOURCE: Readonly<Record<OverlaySourceName, string>> = Object.assign(
  {},
  ...LAYER_NAMES.map((name) => OVERLAYS[name].sources),
);

/** Every overlay style layer's id by its short name (discs, cells, stations, villages …). */
export const OVERLAY_LAYER: Readonly<AllOf<(typeof OVERLAYS)[LayerName]['layerIds']>> = Object.assign(
  {},
  ...LAYER_NAMES.map((name) => OVERLAYS[name].layerIds),
);
