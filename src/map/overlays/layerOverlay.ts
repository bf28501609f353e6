// What one map layer's overlay is (the model is MapLibre's one file per style-layer type): the
// GeoJSON sources the engine fills, the style layers drawn from them, and how the user's settings
// and the year apply. Data reach these sources once per change as GeoJSON blob URLs (see
// overlayData.ts); settings and the year only change expressions, so MapLibre never re-parses
// 326,000 stations for a filter.
//
// Rules relied on: source and layer ids are fixed (links, exports and tests name them); feature
// properties are the one-letter names each layer's core module writes.
import type { ExpressionSpecification, LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';
import type { LayerName, OverlaySourceOf, SettingsOf } from '../../core/layers/registry';

/** What the settings' expressions need besides the settings: the year and the station labels loaded. */
export interface OverlayContext {
  asOfYear: number;
  operators: readonly string[];
  bands: readonly string[];
}

export interface LayerOverlay<K extends LayerName> {
  /** The MapLibre source id of each GeoJSON source the engine writes for the layer. */
  sources: Record<OverlaySourceOf<K>, string>;
  /** Its style-layer ids by short name, for code that treats one specially (the map export). */
  layerIds: Record<string, string>;
  /** Its style layers, bottom to top, as the map starts (hidden ones with visibility none). */
  layers(): LayerSpecification[];
  /** Visibility, filters and colours for the settings and the year. */
  apply(map: MaplibreMap, settings: SettingsOf<K>, context: OverlayContext): void;
}

export const get = (name: string): ExpressionSpecification => ['get', name];

export const showLayer = (map: MaplibreMap, id: string, visible: boolean) =>
  map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
