// The marker at the point the inspector shows (clicked, or found by the search): a hollow ring
// around it, so it reads on every layer colour and even when the point's layer is switched off
// (the village layer starts hidden). A DOM marker, not a style layer: one element, drawn above
// the canvas, styled by src/ui/inspector.css (class inspect-marker).
import * as maplibregl from 'maplibre-gl';

const markers = new WeakMap<maplibregl.Map, maplibregl.Marker>();

/** Places the marker at the point, or (null) removes it. */
export function drawInspectMarker(
  map: maplibregl.Map,
  point: { lon: number; lat: number; label: string } | null,
): void {
  const marker = markers.get(map);
  if (!point) {
    marker?.remove();
    markers.delete(map);
    return;
  }
  const element = marker?.getElement() ?? document.createElement('div');
  element.classList.add('inspect-marker');
  element.dataset.testid = 'inspect-marker';
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', point.label);
  element.title = point.label;
  if (marker) marker.setLngLat([point.lon, point.lat]);
  else markers.set(map, new maplibregl.Marker({ element }).setLngLat([point.lon, point.lat]).addTo(map));
}
