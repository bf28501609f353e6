// Every map layer, in the order the panels, the map and the share link list them. A new layer is
// its own module (see definition.ts) and one line here; the compiler then names what the map
// (src/map/overlays/index.ts), the panel (src/ui/layers/registry.ts) and the i18n labels still lack.
//
// Rules relied on: every figure, metric id, modelled key, map source, settings key and
// share-link key or letter is unique across the layers (registry.test.ts checks it), so the
// catalogues below can be flat.
import type { LayerDefinition } from './definition';
import { relocationSites } from './relocationSites';
import { scenicAreas } from './scenicAreas';
import { stations } from './stations';
import { villages } from './villages';

export const LAYER_NAMES = ['stations', 'villages', 'relocationSites', 'scenicAreas'] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

const DEFINITIONS = { stations, villages, relocationSites, scenicAreas } satisfies Record<
  LayerName,
  LayerDefinition
>;
type Definitions = typeof DEFINITIONS;

/** Every layer, for code that treats them alike (the precise types are below). */
export const LAYERS: Readonly<Record<LayerName, LayerDefinition>> = DEFINITIONS;

export type ColumnsOf<K extends LayerName> = ReturnType<Definitions[K]['fromDataset']>;
/** The loaded layers; a layer without data is absent. */
export type LayerSet = { [K in LayerName]?: ColumnsOf<K> };

export type Figure = Definitions[LayerName]['figures'][number];
export type MetricId = { [K in LayerName]: keyof Definitions[K]['metrics'] & string }[LayerName];
/** The first-covered year columns the model works out (villages5g, relocationSites5g …). */
export type ModelledKey = { [K in LayerName]: keyof Definitions[K]['modelled'] & string }[LayerName];
/** The map's data sources the engine writes (GeoJSON or tiles), and those of one layer. */
export type OverlaySourceOf<K extends LayerName> = keyof Definitions[K]['sources'] & string;
export type OverlaySourceName = { [K in LayerName]: OverlaySourceOf<K> }[LayerName];
export type SettingsOf<K extends LayerName> = Definitions[K]['settings']['defaults'];

const flat = <T>(each: (name: LayerName) => readonly T[]): T[] => LAYER_NAMES.flatMap(each);

export const FIGURES = flat((name) => LAYERS[name].figures) as readonly Figure[];
export const METRIC_IDS = flat((name) => Object.keys(LAYERS[name].metrics)) as readonly MetricId[];
export const OVERLAY_SOURCE_NAMES = flat((name) =>
  Object.keys(LAYERS[name].sources),
) as readonly OverlaySourceName[];
/** The sources drawn from point tiles the engine makes (the others are GeoJSON it writes). */
export const TILE_SOURCE_NAMES = flat((name) =>
  Object.entries(LAYERS[name].sources).flatMap(([source, { format }]) =>
    format === 'tiles' ? [source] : [],
  ),
) as readonly OverlaySourceName[];
