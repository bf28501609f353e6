// The base cartography of Guizhou: fixed source and layer ids, drawn from our own geodata only.
// No `glyphs` URL: MapLibre renders every label locally from system fonts, so no font request
// leaves the app's origin.
import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import { LAYER_NAMES, LAYERS } from '../core/layers/registry';
import { tileAddress } from './tileProtocol';
import { OVERLAYS } from './overlays';

export const SOURCE = {
  neighbours: 'neighbours',
  /** The neighbours' borders without the window they were cut to (core/neighbourBorders.ts). */
  neighbourBorders: 'neighbour-borders',
  province: 'province',
  prefectures: 'prefectures',
  counties: 'counties',
  prefectureLabels: 'prefecture-labels',
  neighbourLabels: 'neighbour-labels',
  countySeats: 'county-seats',
  basemap: 'basemap',
  importPreview: 'import-preview',
} as const;

export const LAYER = {
  countyFill: 'county-fill',
  countySelected: 'county-selected-line',
  prefectureSelected: 'prefecture-selected-line',
  basemap: 'basemap-raster',
  prefectureFill: 'prefecture-fill',
  densityCounty: 'density-county-fill',
  densityPrefecture: 'density-prefecture-fill',
  targetMetCounty: 'target-met-county-line',
  targetMetPrefecture: 'target-met-prefecture-line',
} as const;

/** Zoom at which county names replace prefecture names. */
export const COUNTY_LABEL_MIN_ZOOM = 7.4;

export const LABEL_FONT_FAMILY =
  '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

// Nine soft, distinguishable hues (ColorBrewer Pastel1 + Set3 picks) so prefectures read apart
// without competing with the coverage layers that later draw on top.
const PREFECTURE_COLOURS: Record<string, string> = {
  '520100': '#fbd5c7',
  '520200': '#d6e6c3',
  '520300': '#c9dbee',
  '520400': '#efe3b8',
  '520500': '#e2d2ea',
  '520600': '#c8e7e1',
  '522300': '#f6cfe0',
  '522600': '#dfe8b9',
  '522700': '#f3dcc1',
};
const prefectureColour: ExpressionSpecification = [
  'match',
  ['get', 'adcode'],
  ...Object.entries(PREFECTURE_COLOURS).flat(),
  '#e6e6e6',
] as unknown as ExpressionSpecification;
const emptyCollection = { type: 'FeatureCollection' as const, features: [] };

// The data layers' sources: GeoJSON ones empty until the engine sends their text (points need no
// tiles beyond zoom 12, MapLibre over-zooms them: a shallower index builds faster); tile ones at
// version 0 (empty) until the engine's first view gives them a version. Point tiles stop at zoom 14:
// a tile unit there is ~0.6 m, and deeper zooms over-zoom.
const POINT_TILE_MAX_ZOOM = 14;
const overlaySources = (): Record<string, SourceSpecification> =>
  Object.fromEntries(
    LAYER_NAMES.flatMap((name) =>
      Object.entries(OVERLAYS[name].sources).map(([source, id]) => {
        const definition = LAYERS[name].sources[source];
        const specification: SourceSpecification =
          definition.format === 'tiles'
            ? {
                type: 'vector',
                tiles: [tileAddress(source, 0)],
                minzoom: definition.minZoom,
                maxzoom: POINT_TILE_MAX_ZOOM,
              }
            : { type: 'geojson', data: emptyCollection, maxzoom: 12 };
        return [id, specification];
      }),
    ),
  );

export function baseStyle(): StyleSpecification {
  const geojson = (promoteId?: string) => ({
    type: 'geojson' as const,
    data: emptyCollection,
    ...(promoteId ? { promoteId } : {}),
  });
  return {
    version: 8,
    sources: {
      [SOURCE.neighbours]: geojson(),
      [SOURCE.neighbourBorders]: geojson(),
      [SOURCE.province]: geojson(),
      [SOURCE.prefectures]: geojson('adcode'),
      [SOURCE.counties]: geojson('adcode'),
      [SOURCE.prefectureLabels]: geojson(),
      [SOURCE.neighbourLabels]: geojson(),
      [SOURCE.countySeats]: geojson(),
      [SOURCE.importPreview]: geojson(),
      ...overlaySources(),
    },
    layers: baseLayers(),
  };
}

function baseLayers(): LayerSpecification[] {
  return [
    // The neighbours' colour: beyond the window they are cut to, the land looks the same.
    { id: 'background', type: 'background', paint: { 'background-color': '#f6f6f3' } },
    { id: 'neighbour-fill', type: 'fill', source: SOURCE.neighbours, paint: { 'fill-color': '#f6f6f3' } },
    {
      id: 'neighbour-line',
      type: 'line',
      source: SOURCE.neighbourBorders,
      paint: { 'line-color': '#b3bac2', 'line-width': 1, 'line-dasharray': [3, 2] },
    },
    {
      id: LAYER.prefectureFill,
      type: 'fill',
      source: SOURCE.prefectures,
      paint: { 'fill-color': prefectureColour, 'fill-opacity': 0.9 },
    },
    // Choropleths: colour per area through feature-state, so a new classification costs 88 state
    // updates, never a new upload of the boundaries. Opacity (not colour alpha) hides unset areas.
    ...(
      [
        [LAYER.densityPrefecture, SOURCE.prefectures],
        [LAYER.densityCounty, SOURCE.counties],
      ] as const
    ).map(([id, source]): LayerSpecification => ({
      id,
      type: 'fill',
      source,
      paint: {
        'fill-color': ['coalesce', ['feature-state', 'fill'], '#000000'],
        'fill-opacity': ['case', ['==', ['feature-state', 'fill'], null], 0, 0.88],
      },
    })),
    {
      id: LAYER.countyFill,
      type: 'fill',
      source: SOURCE.counties,
      // Hover shows through opacity, not colour alpha: a fill MapLibre deems opaque is drawn in its
      // opaque pass and would hide the prefecture lines drawn above it.
      paint: {
        'fill-color': '#ffffff',
        'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.55, 0],
      },
    },
    {
      id: 'county-line',
      type: 'line',
      source: SOURCE.counties,
      paint: {
        'line-color': '#8a96a3',
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.5, 10, 1.4],
      },
    },
    {
      id: 'prefecture-line',
      type: 'line',
      source: SOURCE.prefectures,
      paint: { 'line-color': '#3e4a56', 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1.7, 10, 3] },
    },
    {
      id: 'province-line',
      type: 'line',
      source: SOURCE.province,
      paint: { 'line-color': '#24313d', 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 2.2, 10, 4] },
    },
    // Areas that meet the plan's target for the current metric: a dark inner outline, so the target
    // reads on the map itself and not only in the legend.
    ...(
      [
        [LAYER.targetMetPrefecture, SOURCE.prefectures],
        [LAYER.targetMetCounty, SOURCE.counties],
      ] as const
    ).map(([id, source]): LayerSpecification => ({
      id,
      type: 'line',
      source,
      paint: {
        'line-color': '#14532d',
        'line-width': 2.2,
        'line-offset': 1.6,
        'line-opacity': ['case', ['boolean', ['feature-state', 'meets'], false], 0.9, 0],
      },
    })),
    // The data layers, in the registry's order, bottom to top.
    ...LAYER_NAMES.flatMap((name) => OVERLAYS[name].layers()),
    {
      id: LAYER.prefectureSelected,
      type: 'line',
      source: SOURCE.prefectures,
      filter: ['==', ['get', 'adcode'], ''],
      paint: { 'line-color': '#c2410c', 'line-width': 3 },
    },
    {
      id: LAYER.countySelected,
      type: 'line',
      source: SOURCE.counties,
      filter: ['==', ['get', 'adcode'], ''],
      paint: { 'line-color': '#c2410c', 'line-width': 3.5 },
    },
    {
      // Rows of a file being imported, before the user accepts it: hollow, so they read as provisional.
      id: 'import-preview',
      type: 'circle',
      source: SOURCE.importPreview,
      paint: {
        'circle-radius': 4,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': '#7c3aed',
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'county-seat',
      type: 'circle',
      source: SOURCE.countySeats,
      minzoom: COUNTY_LABEL_MIN_ZOOM - 0.6,
      paint: {
        'circle-radius': 3,
        'circle-color': '#24313d',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.2,
      },
    },
    {
      id: 'county-label',
      type: 'symbol',
      source: SOURCE.countySeats,
      minzoom: COUNTY_LABEL_MIN_ZOOM,
      layout: {
        'text-field': ['get', 'name'],
        'text-size': 13,
        'text-offset': [0, 0.9],
        'text-anchor': 'top',
        'text-padding': 3,
      },
      paint: { 'text-color': '#1f2933', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
    },
    {
      id: 'prefecture-label',
      type: 'symbol',
      source: SOURCE.prefectureLabels,
      maxzoom: COUNTY_LABEL_MIN_ZOOM,
      layout: {
        'text-field': ['get', 'name'],
        'text-size': ['interpolate', ['linear'], ['zoom'], 5, 12, 7, 16],
        'text-max-width': 6,
      },
      paint: { 'text-color': '#1f2933', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    },
    {
      id: 'neighbour-label',
      type: 'symbol',
      source: SOURCE.neighbourLabels,
      maxzoom: 8,
      layout: { 'text-field': ['get', 'name'], 'text-size': 13 },
      paint: { 'text-color': '#8a939c', 'text-halo-color': '#f6f6f3', 'text-halo-width': 1.5 },
    },
  ];
}
