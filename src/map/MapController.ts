// The only code that touches MapLibre. Owns one map: loads the base geodata into fixed sources once,
// reports hover and click by adcode, and follows the selection and basemap settings it is given.
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, MapLayerMouseEvent, MapMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection, Point } from 'geojson';
import type { AreaIndex, Bounds } from '../core/areas';
import { LABEL_FONT_FAMILY, LAYER, SOURCE, baseStyle } from './layers';
import {
  OVERLAY_LAYER,
  OVERLAY_SOURCE,
  STATION_POINT_MIN_ZOOM,
  operatorColour,
  relocationColour,
  scenicColour,
  stationFilterExpression,
  villageColour,
  type OverlaySettings,
  type OverlaySource,
} from './overlays';
import { drawSuggestedSites, type SiteMarker } from './siteMarkers';
import { drawGapHighlight } from './gapHighlight';

export interface BaseGeodata {
  areas: AreaIndex;
  /** Absolute URLs of the boundary GeoJSON files on the app's origin. */
  boundaryUrls: { counties: string; prefectures: string; province: string; neighbours: string };
}

export interface MapCallbacks {
  onHover: (adcode: string | null, point: { x: number; y: number } | null) => void;
  onSelect: (adcode: string | null) => void;
  /** Once, when the map first reaches the zoom where single stations are drawn. */
  onStationZoom: () => void;
}

// MapLibre finds its worker beside its own module; once bundled that guess is wrong, so say where.
maplibregl.setWorkerUrl(maplibreWorkerUrl);

// Keeps fitted areas clear of the side panel (320 px wide, 12 px from the edge).
const PADDING = { left: 352, right: 56, top: 24, bottom: 24 };

export const GUIZHOU_BOUNDS: Bounds = [103.6, 24.62, 109.59, 29.22];

type Named = { name: string; adcode: string };
const labelPoints = <T extends Named>(
  areas: T[],
  position: (area: T) => [number, number],
): FeatureCollection<Point> => ({
  type: 'FeatureCollection',
  features: areas.map((a) => ({
    type: 'Feature',
    properties: { name: a.name, adcode: a.adcode },
    geometry: { type: 'Point', coordinates: position(a) },
  })),
});

/**
 * The high-contrast theme's paint, for projectors: darker and thicker boundaries, bolder selection
 * and label halos, opaque choropleth fills. Whatever the light style had is restored from the style.
 */
type PaintProperty = Parameters<maplibregl.Map['setPaintProperty']>[1];
const HIGH_CONTRAST_PAINT: ReadonlyArray<[layer: string, property: PaintProperty, value: unknown]> = [
  ['county-line', 'line-color', '#3b4550'],
  ['county-line', 'line-width', ['interpolate', ['linear'], ['zoom'], 6, 1.2, 10, 2.6]],
  ['prefecture-line', 'line-color', '#000000'],
  ['prefecture-line', 'line-width', ['interpolate', ['linear'], ['zoom'], 6, 3, 10, 5]],
  ['province-line', 'line-color', '#000000'],
  ['province-line', 'line-width', ['interpolate', ['linear'], ['zoom'], 6, 4, 10, 6]],
  [LAYER.countySelected, 'line-width', 5.5],
  [LAYER.prefectureSelected, 'line-width', 5],
  [LAYER.densityCounty, 'fill-opacity', ['case', ['==', ['feature-state', 'fill'], null], 0, 1]],
  [LAYER.densityPrefecture, 'fill-opacity', ['case', ['==', ['feature-state', 'fill'], null], 0, 1]],
  [LAYER.targetMetCounty, 'line-width', 3.5],
  [LAYER.targetMetPrefecture, 'line-width', 3.5],
  ['county-label', 'text-color', '#000000'],
  ['county-label', 'text-halo-width', 2.4],
  ['prefecture-label', 'text-color', '#000000'],
  ['prefecture-label', 'text-halo-width', 3],
];

export class MapController {
  readonly map: maplibregl.Map;
  private hoveredAdcode: string | null = null;
  private basemapTemplate = '';
  private readonly ready: Promise<void>;
  private loaded = false;
  private choroplethShown = false;
  /** Per overlay source: the URL it should show and older ones to revoke once it has loaded. */
  private readonly blobUrls = new Map<string, { current: string; stale: string[] }>();
  /** The light style's value of each property the high-contrast theme changes, read before its first change. */
  private readonly lightPaint = new Map<string, unknown>();

  constructor(
    container: HTMLElement,
    private readonly callbacks: MapCallbacks,
  ) {
    this.map = new maplibregl.Map({
      container,
      style: baseStyle(),
      bounds: GUIZHOU_BOUNDS,
      fitBoundsOptions: { padding: PADDING },
      maxBounds: [
        [97, 20],
        [116, 33],
      ],
      minZoom: 4.5,
      maxZoom: 14,
      localIdeographFontFamily: LABEL_FONT_FAMILY,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
      fadeDuration: 0,
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    this.ready = new Promise((resolve) =>
      this.map.once('load', () => {
        performance.mark('map-load');
        this.loaded = true;
        resolve();
      }),
    );
    this.map.on('mousemove', LAYER.countyFill, (e: MapLayerMouseEvent) =>
      this.setHover(this.adcodeAt(e), e.point),
    );
    this.map.on('mouseleave', LAYER.countyFill, () => this.setHover(null, null));
    const reachStationZoom = () => {
      if (this.map.getZoom() < STATION_POINT_MIN_ZOOM - 0.5) return;
      this.map.off('zoomend', reachStationZoom);
      this.callbacks.onStationZoom();
    };
    this.map.on('zoomend', reachStationZoom);
    this.map.on('sourcedata', (e) => {
      if (e.sourceId && e.isSourceLoaded) this.revokeLoadedBlobs(e.sourceId);
    });
    this.map.on('click', (e: MapMouseEvent) => {
      const [feature] = this.map.queryRenderedFeatures(e.point, { layers: [LAYER.countyFill] });
      this.callbacks.onSelect(feature ? String(feature.properties.adcode) : null);
    });
  }

  /** Called once: boundary files go to MapLibre's worker by URL, labels from the small index. */
  async setGeodata({ areas, boundaryUrls }: BaseGeodata): Promise<void> {
    await this.ready;
    const set = (id: string, data: FeatureCollection | string) =>
      (this.map.getSource(id) as GeoJSONSource).setData(data);
    set(SOURCE.neighbours, boundaryUrls.neighbours);
    set(SOURCE.province, boundaryUrls.province);
    set(SOURCE.prefectures, boundaryUrls.prefectures);
    set(SOURCE.counties, boundaryUrls.counties);
    set(
      SOURCE.prefectureLabels,
      labelPoints(areas.prefectures, (p) => p.labelPoint),
    );
    set(
      SOURCE.neighbourLabels,
      labelPoints(areas.neighbours, (p) => p.labelPoint),
    );
    set(
      SOURCE.countySeats,
      labelPoints(areas.counties, (p) => p.seat),
    );
  }

  setSelection(adcode: string | null, level: 'county' | 'prefecture' | null): void {
    this.afterLoad(() => {
      this.map.setFilter(LAYER.countySelected, [
        '==',
        ['get', 'adcode'],
        level === 'county' ? (adcode ?? '') : '',
      ]);
      this.map.setFilter(LAYER.prefectureSelected, [
        '==',
        ['get', 'adcode'],
        level === 'prefecture' ? (adcode ?? '') : '',
      ]);
    });
  }

  /**
   * Colours areas of one level (adcode → CSS colour, and whether it meets the plan's target) for a
   * choropleth; `null` clears it. Only feature-state changes: the boundaries are not sent again.
   */
  setChoropleth(
    level: 'county' | 'prefecture',
    colors: Map<string, { fill: string; meets: boolean }> | null,
  ): void {
    this.afterLoad(() => {
      for (const source of [SOURCE.counties, SOURCE.prefectures]) this.map.removeFeatureState({ source });
      if (this.hoveredAdcode)
        this.map.setFeatureState({ source: SOURCE.counties, id: this.hoveredAdcode }, { hover: true });
      this.choroplethShown = colors !== null;
      this.map.setPaintProperty(LAYER.prefectureFill, 'fill-opacity', this.prefectureFillOpacity());
      if (!colors) return;
      const source = level === 'county' ? SOURCE.counties : SOURCE.prefectures;
      for (const [adcode, state] of colors) this.map.setFeatureState({ source, id: adcode }, state);
    });
  }

  /** Shows (or with empty arrays, clears) the first rows of a file being imported. */
  setPreviewPoints(lon: Float64Array, lat: Float64Array): void {
    const features: FeatureCollection<Point>['features'] = [];
    for (let i = 0; i < lon.length; i++) {
      if (Number.isFinite(lon[i]) && Number.isFinite(lat[i]))
        features.push({
          type: 'Feature',
          properties: {},
          geometry: { type: 'Point', coordinates: [lon[i], lat[i]] },
        });
    }
    this.afterLoad(() =>
      (this.map.getSource(SOURCE.importPreview) as GeoJSONSource).setData({
        type: 'FeatureCollection',
        features,
      }),
    );
  }

  /**
   * Replaces a data layer's GeoJSON. The text goes to MapLibre's worker as a blob URL, so parsing
   * and tiling happen there and the page never holds the features.
   */
  setLayerGeojson(name: OverlaySource, geojson: string | Uint8Array): void {
    const id = OVERLAY_SOURCE[name];
    const url = URL.createObjectURL(new Blob([geojson as BlobPart], { type: 'application/geo+json' }));
    const entry = this.blobUrls.get(id);
    // An older URL may still be queued in MapLibre's worker: it is revoked only once the source
    // has loaded (see revokeLoadedBlobs), or fetching it would fail.
    this.blobUrls.set(id, { current: url, stale: entry ? [...entry.stale, entry.current] : [] });
    this.afterLoad(() => (this.map.getSource(id) as GeoJSONSource).setData(url));
  }

  private revokeLoadedBlobs(sourceId: string): void {
    const entry = this.blobUrls.get(sourceId);
    if (!entry?.stale.length || !this.map.isSourceLoaded(sourceId)) return;
    entry.stale.forEach((url) => URL.revokeObjectURL(url));
    entry.stale = [];
  }

  /** Visibility, filters and colours of the data layers for the settings and year. */
  setOverlays(
    settings: OverlaySettings,
    asOfYear: number,
    operators: readonly string[],
    bands: readonly string[],
  ): void {
    this.afterLoad(() => {
      const show = (id: string, visible: boolean) =>
        this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
      show(OVERLAY_LAYER.cells, settings.stationsVisible);
      show(OVERLAY_LAYER.stations, settings.stationsVisible);
      show(OVERLAY_LAYER.discs, settings.stationsVisible && settings.discsVisible);
      const stationFilter = stationFilterExpression(
        settings.filter,
        asOfYear,
        operators,
        bands,
        settings.fourGVisible,
      );
      this.map.setFilter(OVERLAY_LAYER.stations, stationFilter);
      this.map.setFilter(OVERLAY_LAYER.discs, stationFilter);
      this.map.setPaintProperty(OVERLAY_LAYER.stations, 'circle-color', operatorColour(operators));
      show(OVERLAY_LAYER.villages, settings.villagesVisible);
      this.map.setPaintProperty(
        OVERLAY_LAYER.villages,
        'circle-color',
        villageColour(settings.villageColouring, asOfYear),
      );
      show(OVERLAY_LAYER.relocation, settings.relocationVisible);
      const relocation = relocationColour(settings.relocationBasis, asOfYear);
      this.map.setPaintProperty(OVERLAY_LAYER.relocation, 'circle-color', relocation);
      this.map.setPaintProperty(OVERLAY_LAYER.relocation, 'circle-stroke-color', [
        'case',
        ['==', ['get', 'a'], 1],
        relocation,
        '#ffffff',
      ]);
      show(OVERLAY_LAYER.scenic, settings.scenicVisible);
      show(OVERLAY_LAYER.scenicLabels, settings.scenicVisible);
      this.map.setPaintProperty(OVERLAY_LAYER.scenic, 'circle-color', scenicColour());
    });
  }

  /** Centres a place (a gap, a suggested site, a changed village) at a street-level zoom. */
  flyTo(lon: number, lat: number, zoom: number): void {
    this.map.flyTo({ center: [lon, lat], zoom: Math.max(zoom, this.map.getZoom()), duration: 800 });
  }

  /** Draws the site suggester's picks (numbered markers and coverage discs); null removes them. */
  setSuggestedSites(sites: readonly SiteMarker[] | null): void {
    this.afterLoad(() => drawSuggestedSites(this.map, sites));
  }

  fitBounds(bounds: Bounds): void {
    this.map.fitBounds(bounds, { padding: PADDING, duration: 800 });
  }

  /** Rings the place picked in the gap list; null removes the ring. */
  setGapHighlight(point: { lon: number; lat: number } | null): void {
    this.afterLoad(() => drawGapHighlight(this.map, point));
  }

  /** [west, south, east, north] of what the reader sees: the map beside the side panel (its 332 px strip left out). */
  viewBounds(): Bounds {
    const { clientWidth: width, clientHeight: height } = this.map.getContainer();
    const left = Math.min(332, width / 2);
    const corners = [
      [left, 0],
      [width, 0],
      [width, height],
      [left, height],
    ].map(([x, y]) => this.map.unproject([x, y]));
    const lons = corners.map((c) => c.lng),
      lats = corners.map((c) => c.lat);
    return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  }

  /**
   * What an export needs to draw this view again in a hidden map (src/map/exportMap.ts): the style,
   * the view the reader sees, the choropleth's feature-states of these areas (not the hover) and the
   * largest canvas side this browser's WebGL can draw.
   */
  exportSnapshot(areas: { counties: readonly string[]; prefectures: readonly string[] }) {
    const featureStates: Array<{ source: string; id: string; state: { fill: string; meets: boolean } }> = [];
    for (const [source, ids] of [
      [SOURCE.counties, areas.counties],
      [SOURCE.prefectures, areas.prefectures],
    ] as const) {
      for (const id of ids) {
        const { fill, meets } = this.map.getFeatureState({ source, id });
        if (typeof fill === 'string')
          featureStates.push({ source, id, state: { fill, meets: meets === true } });
      }
    }
    const gl = this.map.painter.context.gl;
    const viewport = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
    const maxCanvasSidePx = Math.min(
      gl.getParameter(gl.MAX_TEXTURE_SIZE) as number,
      gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number,
      viewport[0],
      viewport[1],
    );
    return {
      style: this.map.getStyle(),
      bounds: this.viewBounds(),
      bearing: this.map.getBearing(),
      featureStates,
      maxCanvasSidePx,
    };
  }

  /** Light (the style as built) or high contrast (HIGH_CONTRAST_PAINT over it). */
  setTheme(theme: 'light' | 'highContrast'): void {
    this.afterLoad(() => {
      for (const [layer, property, value] of HIGH_CONTRAST_PAINT) {
        const key = `${layer}|${property}`;
        if (!this.lightPaint.has(key)) this.lightPaint.set(key, this.map.getPaintProperty(layer, property));
        this.map.setPaintProperty(
          layer,
          property,
          (theme === 'highContrast' ? value : this.lightPaint.get(key)) as never,
        );
      }
    });
  }

  /** Names of the map and its zoom buttons in the reader's language (MapLibre's own are English). */
  setUiLabels(labels: { map: string; zoomIn: string; zoomOut: string }): void {
    const container = this.map.getContainer();
    this.map.getCanvas().setAttribute('aria-label', labels.map);
    for (const [selector, label] of [
      ['.maplibregl-ctrl-zoom-in', labels.zoomIn],
      ['.maplibregl-ctrl-zoom-out', labels.zoomOut],
    ]) {
      const button = container.querySelector(selector);
      button?.setAttribute('title', label);
      button?.setAttribute('aria-label', label);
    }
  }

  /** The camera, for a shared link or a slide. */
  getView(): { lon: number; lat: number; zoom: number } {
    const { lng, lat } = this.map.getCenter();
    return { lon: lng, lat, zoom: this.map.getZoom() };
  }

  /** Moves the camera there: a smooth flight between slides (skipped under reduced motion), or a jump. */
  setView(view: { lon: number; lat: number; zoom: number }, animate: boolean): void {
    const camera = { center: [view.lon, view.lat] as [number, number], zoom: view.zoom };
    if (animate) this.map.flyTo({ ...camera, duration: 1600 });
    else this.map.jumpTo(camera);
  }

  /** Calls `listener` whenever the camera comes to rest; returns the unsubscribe. */
  onViewChange(listener: () => void): () => void {
    this.map.on('moveend', listener);
    return () => {
      this.map.off('moveend', listener);
    };
  }

  /** Adds, replaces or (with '') removes the online raster basemap under the Guizhou layers. */
  setBasemap(template: string): void {
    if (template === this.basemapTemplate) return;
    this.basemapTemplate = template;
    this.afterLoad(() => {
      if (this.map.getLayer(LAYER.basemap)) this.map.removeLayer(LAYER.basemap);
      if (this.map.getSource(SOURCE.basemap)) this.map.removeSource(SOURCE.basemap);
      this.map.setPaintProperty(LAYER.prefectureFill, 'fill-opacity', this.prefectureFillOpacity());
      if (!template) return;
      this.map.addSource(SOURCE.basemap, { type: 'raster', tiles: [template], tileSize: 256 });
      this.map.addLayer({ id: LAYER.basemap, type: 'raster', source: SOURCE.basemap }, 'neighbour-fill');
    });
  }

  destroy(): void {
    this.map.remove();
  }

  /** The prefecture tint steps back behind a choropleth or an online basemap. */
  private prefectureFillOpacity(): number {
    return this.choroplethShown ? 0.15 : this.basemapTemplate ? 0.35 : 0.9;
  }

  /** Style changes must wait for the style; calls made before then are applied in order on load. */
  private afterLoad(apply: () => void): void {
    if (this.loaded) apply();
    else void this.ready.then(apply);
  }

  private adcodeAt(e: MapLayerMouseEvent): string | null {
    return e.features?.[0] ? String(e.features[0].properties.adcode) : null;
  }

  private setHover(adcode: string | null, point: { x: number; y: number } | null): void {
    this.callbacks.onHover(adcode, point);
    if (adcode === this.hoveredAdcode) return;
    if (this.hoveredAdcode)
      this.map.setFeatureState({ source: SOURCE.counties, id: this.hoveredAdcode }, { hover: false });
    if (adcode) this.map.setFeatureState({ source: SOURCE.counties, id: adcode }, { hover: true });
    this.map.getCanvas().style.cursor = adcode ? 'pointer' : '';
    this.hoveredAdcode = adcode;
  }
}
