// The site suggester's picks on the map: a numbered marker per pick and its modelled coverage disc,
// and the targets it aimed at: a ring each, vermilion while no pick covers it, violet once one does.
//
// Rules relied on:
// - The map has no glyph server and renders only CJK text from local fonts, so a symbol layer
//   cannot draw the ranks' digits: each pick is a maplibregl.Marker with a small DOM element (at
//   most 200 of them, the suggester's largest K).
// - A disc is a polygon of the points at the radius on the model's sphere (core/coverage/disc),
//   so what it takes in is what the model counts, at every latitude (a circle layer sized in
//   pixels per metre is exact at one latitude only).
// - The same picks again (the same array) change nothing; so do the same targets.
// - Targets are rings (no text), so one circle layer draws them, above the discs; they can number
//   tens of thousands over the province in 2020, so their features carry one property only.
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection, Point, Polygon } from 'geojson';
import { discRing } from '../core/coverage/disc';
import { VILLAGE_STATUS_COLOURS } from '../core/palette';
import type { SiteMarker, TargetMarkers } from '../core/coverage/suggest';

export const SITE_SOURCE = 'suggested-sites';
export const SITE_DISC_LAYER = 'suggested-site-discs';
export const SITE_DISC_LINE_LAYER = 'suggested-site-disc-lines';
export const SITE_COLOUR = '#7c3aed';
export const TARGET_SOURCE = 'suggest-targets';
export const TARGET_LAYER = 'suggest-target-rings';
/** The village layer's "no" colour: an aimed-at target no pick covers yet. */
export const TARGET_COLOUR = VILLAGE_STATUS_COLOURS.no;

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
    // Below the target rings when they are drawn already.
    const below = map.getLayer(TARGET_LAYER) ? TARGET_LAYER : undefined;
    map.addLayer(
      {
        id: SITE_DISC_LAYER,
        type: 'fill',
        source: SITE_SOURCE,
        paint: { 'fill-color': SITE_COLOUR, 'fill-opacity': 0.12 },
      },
      below,
    );
    map.addLayer(
      {
        id: SITE_DISC_LINE_LAYER,
        type: 'line',
        source: SITE_SOURCE,
        paint: { 'line-color': SITE_COLOUR, 'line-width': 1.5, 'line-opacity': 0.8 },
      },
      below,
    );
  }
  return map.getSource(SITE_SOURCE) as GeoJSONSource;
}

const drawnTargets = new WeakMap<maplibregl.Map, TargetMarkers | null>();

/** Replaces the aimed-at targets drawn on a map (a loaded style); null removes them. */
export function drawSuggestTargets(map: maplibregl.Map, targets: TargetMarkers | null): void {
  if ((drawnTargets.get(map) ?? null) === targets) return;
  drawnTargets.set(map, targets);
  const source = map.getSource(TARGET_SOURCE) as GeoJSONSource | undefined;
  if (source) {
    source.setData(targetPoints(targets));
    return;
  }
  if (!targets) return;
  map.addSource(TARGET_SOURCE, { type: 'geojson', data: targetPoints(targets) });
  map.addLayer({
    id: TARGET_LAYER,
    type: 'circle',
    source: TARGET_SOURCE,
    paint: {
      // Thin and faint over the whole province (thousands of targets must not hide the map
      // beneath), bold once a county fills the view.
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 1.6, 8, 3, 10, 6, 14, 9],
      'circle-color': 'rgba(0, 0, 0, 0)',
      'circle-stroke-color': ['case', ['==', ['get', 'p'], 1], SITE_COLOUR, TARGET_COLOUR],
      'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 6, 0.8, 8, 1.5, 10, 2.5, 14, 3],
      'circle-stroke-opacity': ['interpolate', ['linear'], ['zoom'], 6, 0.45, 9, 0.95],
    },
  });
}

/** p: 1 when a pick covers the target. */
function targetPoints(targets: TargetMarkers | null): FeatureCollection<Point> {
  const features: FeatureCollection<Point>['features'] = [];
  if (targets)
    for (let i = 0; i < targets.lon.length; i++)
      features.push({
        type: 'Feature',
        properties: { p: targets.coveredByPick[i] },
        geometry: { type: 'Point', coordinates: [targets.lon[i], targets.lat[i]] },
      });
  return { type: 'FeatureCollection', features };
}
