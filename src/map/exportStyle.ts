// The style an exported map is drawn with: the live map's style (map.getStyle()) with exact station
// positions left out unless the user asks for them (issue 7: station coordinates are sensitive).
// Rules: without exact positions the station point and disc layers are hidden and the stations
// source emptied, so no coordinate can reach the image, and the ~10 km cells stand in at every
// zoom (the station tiles' address answers empty tiles); a GeoJSON source that no visible layer
// draws is emptied, so the hidden map does not fetch and parse it again.
import type { GeoJSONSourceSpecification, StyleSpecification, VectorSourceSpecification } from 'maplibre-gl';
import { OVERLAY_LAYER, OVERLAY_SOURCE } from './overlays';
import { NO_TILES } from './tileProtocol';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

export function exportStyle(
  style: StyleSpecification,
  options: { exactStations: boolean },
): StyleSpecification {
  const copy = structuredClone(style);
  const exactLayers: string[] = [OVERLAY_LAYER.stations, OVERLAY_LAYER.discs];
  for (const layer of copy.layers) {
    if (options.exactStations) continue;
    if (exactLayers.includes(layer.id)) layer.layout = { ...layer.layout, visibility: 'none' };
    if (layer.id === OVERLAY_LAYER.cells) delete layer.maxzoom;
  }
  const drawn = new Set(
    copy.layers
      .filter((l) => l.layout?.visibility !== 'none' && 'source' in l)
      .map((l) => (l as { source: string }).source),
  );
  for (const [id, source] of Object.entries(copy.sources)) {
    if (source.type === 'vector' && !options.exactStations && id === OVERLAY_SOURCE.stations)
      (source as VectorSourceSpecification).tiles = [NO_TILES];
    if (source.type !== 'geojson') continue;
    if (!drawn.has(id) || (!options.exactStations && id === OVERLAY_SOURCE.stations))
      (source as GeoJSONSourceSpecification).data = EMPTY;
  }
  return copy;
}
