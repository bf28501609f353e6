// The layers' data as the map, the figures and the panels read them, gathered in one place for
// code outside src/core/layers: columns, never one object per point. Each layer's own module
// (registry.ts lists them) declares its columns; encoding.ts the codes they share.
//
// Rules relied on:
// - `county` is the county index (ascending adcode, as in the county index); −1 outside Guizhou.
// - Positions unknown (a village known only by its code) are NaN; such rows still count in areas.
export {
  STATUS_NO,
  STATUS_UNKNOWN,
  STATUS_YES_UNDATED,
  UNKNOWN_CATEGORY,
  statusAt,
  type LayerSource,
} from './encoding';
export type { StationLayer } from './stationColumns';
export { VILLAGE_STATUSES, type VillageLayer, type VillageStatus } from './villages';
export type { PlaceLayer } from './places';
export { isGradedScenicArea } from './scenicAreas';
export { LAYER_NAMES, type LayerName, type LayerSet, type OverlaySourceName } from './registry';
