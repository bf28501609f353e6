// What the UI asks of the map, as store actions: components never hold the map. Focus an area or a
// place, show a view, draw annotations and the choropleth's colours; src/map/bindings.ts carries
// them out. The camera's resting view comes back here, for links and the gap list's "this view".
//
// Rules relied on: a focus is an event, not a state: each request carries a new sequence number,
// so asking twice for the same place flies there twice.
import { create } from 'zustand';
import type { Bounds } from '../core/areas';
import type { SiteMarker, TargetMarkers } from '../core/coverage/suggest';
import type { ViewCamera } from '../core/viewState';
import { useAtlas } from './store';

export type Focus =
  | { kind: 'bounds'; bounds: Bounds }
  | { kind: 'point'; lon: number; lat: number; zoom: number }
  | { kind: 'view'; camera: ViewCamera; animate: boolean };

export type ChoroplethColours = Map<string, { fill: string; meets: boolean }>;

/** The area under the pointer and where the pointer is, for the tooltip. */
export interface HoverState {
  adcode: string;
  x: number;
  y: number;
}

interface MapIntents {
  hover: HoverState | null;
  focus: (Focus & { sequence: number }) | null;
  /** Where the camera came to rest last, and the box the reader sees beside the side panel. */
  camera: { view: ViewCamera; bounds: Bounds } | null;
  gapHighlight: { lon: number; lat: number } | null;
  suggestedSites: readonly SiteMarker[] | null;
  /** The targets the site suggester aimed at, drawn with its picks. */
  suggestTargets: TargetMarkers | null;
  choropleth: { level: 'county' | 'prefecture'; colours: ChoroplethColours | null };
  importPreview: { lon: Float64Array; lat: Float64Array };
}

const NO_POINTS = { lon: new Float64Array(0), lat: new Float64Array(0) };

export const useMapIntents = create<MapIntents>()(() => ({
  hover: null,
  focus: null,
  camera: null,
  gapHighlight: null,
  suggestedSites: null,
  suggestTargets: null,
  choropleth: { level: 'county', colours: null },
  importPreview: NO_POINTS,
}));

let sequence = 0;
const request = (focus: Focus) => useMapIntents.setState({ focus: { ...focus, sequence: ++sequence } });

/** Fits an area (county, prefecture or the province) beside the side panel. */
export function focusArea(adcode: string): void {
  const area = useAtlas.getState().areas.get(adcode);
  if (area) request({ kind: 'bounds', bounds: area.bounds });
}

export const focusBounds = (bounds: Bounds) => request({ kind: 'bounds', bounds });

/** Centres a place at least at `zoom`; places without a position are ignored. */
export function focusPoint(lon: number, lat: number, zoom: number): void {
  if (Number.isFinite(lon) && Number.isFinite(lat)) request({ kind: 'point', lon, lat, zoom });
}

/** Moves the camera to a link's or a slide's view: a flight, or a jump. */
export const showCamera = (camera: ViewCamera, animate: boolean) =>
  request({ kind: 'view', camera, animate });

export const highlightGap = (point: { lon: number; lat: number } | null) =>
  useMapIntents.setState({ gapHighlight: point });

export const showSuggestedSites = (sites: readonly SiteMarker[] | null) =>
  useMapIntents.setState({ suggestedSites: sites });

export const showSuggestTargets = (targets: TargetMarkers | null) =>
  useMapIntents.setState({ suggestTargets: targets });

export const showChoropleth = (level: 'county' | 'prefecture', colours: ChoroplethColours | null) =>
  useMapIntents.setState({ choropleth: { level, colours } });

export const showImportPreview = (lon: Float64Array, lat: Float64Array) =>
  useMapIntents.setState({ importPreview: { lon, lat } });

export const clearImportPreview = () => useMapIntents.setState({ importPreview: NO_POINTS });

/** Reported by the map's bindings whenever the camera comes to rest. */
export const cameraRested = (view: ViewCamera, bounds: Bounds) =>
  useMapIntents.setState({ camera: { view, bounds } });

/** Reported by the map as the pointer moves over an area or leaves the areas. */
export const hoverAt = (hover: HoverState | null) => useMapIntents.setState({ hover });

/** Selects an area and fits it: what choosing an area in a list, a table or the search does. */
export function selectArea(adcode: string): void {
  useAtlas.getState().select(adcode);
  focusArea(adcode);
}
