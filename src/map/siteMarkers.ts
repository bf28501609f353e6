// The site suggester's picks on the map: a numbered marker per pick and its modelled coverage disc.
//
// Rules relied on:
// - The map has no glyph server and renders only CJK text from local fonts, so a symbol layer
//   cannot draw the ranks' digits: each pick is a maplibregl.Marker with a small DOM element (at
//   most 200 of them, the suggester's largest K).
// - A disc is a polygon of the points at the radius on the model's sphere (core/coverage/disc),
//   so what it takes in is what the model counts, at every latitude (a circle layer sized in
//   pixels per metre is exact at one latitude only).
// - The same picks again (the same array) change nothing.
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection, Polygon } from 'geojson';
import { discRing } from '../core/coverage/disc';
import type { SiteMarker } from '../core/coverage/suggest';

export const SITE_SOURCE = 'suggested-sites';
export const SITE_DISC_LAYER = 'suggested-site-discs';
export const SITE_DISC_LINE_LAYER = 'suggested-site-disc-lines';
export const SITE_COLOUR = '#7c3aed';

export type { SiteMarker };

interface Drawn {
  sites: readonly SiteMarker[] | null;
  markers: maplibregl.Marker[];
}
const drawn = new WeakMap<maplibregl.Map, Drawn>();

/** Replaces the picks drawn on a map (a loaded style); null removes them. */
export function drawSuggestedSites(map: maplibregl.Map, sites: readonly SiteMarker[] | null): void {
  const state = drawn.get(map) ?? { sites: null, markers: [] };
  if (state.sites === sites) return;
  state.markers.forEach((marker) => marker.remove());
  state.markers = (sites ?? []).map((site) =>
    new maplibregl.Marker({ element: markerElement(site) }).setLngLat([site.lon, site.lat]).addTo(map),
  );
  state.sites = sites;
  drawn.set(map, state);
  discSource(map).setData(discs(sites ?? []));
}

function markerElement(site: SiteMarker): HTMLElement {
  const element = document.createElement('div');
  element.className = 'site-marker';
  element.dataset.rank = String(site.rank);
  element.textContent = String(site.rank);
  element.title = site.label;
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', site.label);
  return element;
}

function discs(sites: readonly SiteMarker[]): FeatureCollection<Polygon> {
  return {
    type: 'FeatureCollection',
    features: sites.map((site) => ({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [discRing(site.lon, site.lat, site.radiusMeters)] },
    })),
  };
}

/** The discs' source and layers, added on first use (the base style does not carry them). */
function discSource(map: maplibregl.Map): GeoJSONSource {
  if (!map.getSource(SITE_SOURCE)) {
    map.addSource(SITE_SOURCE, { type: 'geojson', data: discs([]) });
    map.addLayer({
      id: SITE_DISC_LAYER,
      type: 'fill',
      source: SITE_SOURCE,
      paint: { 'fill-color': SITE_COLOUR, 'fill-opacity': 0.12 },
    });
    map.addLayer({
      id: SITE_DISC_LINE_LAYER,
      type: 'line',
      source: SITE_SOURCE,
      paint: { 'line-color': SITE_COLOUR, 'line-width': 1.5, 'line-opacity': 0.8 },
    });
  }
  return map.getSource(SITE_SOURCE) as GeoJSONSource;
}
