// The place picked in the gap list, ringed on the map so it can be found at street zoom even with
// the village layer off. One point source and one circle layer, added on first use on top of the
// other layers (the base style does not carry them, and the style is never replaced).
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';

export const GAP_HIGHLIGHT_SOURCE = 'gap-highlight';
export const GAP_HIGHLIGHT_LAYER = 'gap-highlight-ring';

const collection = (point: { lon: number; lat: number } | null): FeatureCollection<Point> => ({
  type: 'FeatureCollection',
  features: point
    ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [point.lon, point.lat] } }]
    : [],
});

/** Rings the point, or (null) removes the ring. */
export function drawGapHighlight(map: MaplibreMap, point: { lon: number; lat: number } | null): void {
  const source = map.getSource(GAP_HIGHLIGHT_SOURCE) as GeoJSONSource | undefined;
  if (source) {
    source.setData(collection(point));
    return;
  }
  if (!point) return;
  map.addSource(GAP_HIGHLIGHT_SOURCE, { type: 'geojson', data: collection(point) });
  map.addLayer({
    id: GAP_HIGHLIGHT_LAYER,
    type: 'circle',
    source: GAP_HIGHLIGHT_SOURCE,
    paint: {
      'circle-radius': 13,
      'circle-color': 'rgba(0, 0, 0, 0)',
      'circle-stroke-color': '#c2410c',
      'circle-stroke-width': 3.5,
    },
  });
}
