// The one MapLibre map of the page, split by concern as MapLibre splits its Map: this class owns the
// map, the base layers (boundaries, labels), hover, click and selection, the theme and the basemap;
// `camera` moves it (camera.ts), `overlays` draws the data layers (overlayData.ts), `annotations`
// the tools' marks (annotations.ts), and `snapshot` is what an export redraws (snapshot.ts).
// It knows nothing of the store: src/map/bindings.ts connects the two.
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, MapLayerMouseEvent, MapMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection, Point } from 'geojson';
import type { BaseGeodata } from '../core/areas';
import { LABEL_FONT_FAMILY, LAYER, SOURCE, baseStyle } from './layers';
import { OVERLAY_SOURCE } from './overlays';
import { TILE_SOURCE_NAMES } from '../core/layers/registry';
import { fitPadding, GUIZHOU_BOUNDS, MapCamera, panLimits } from './camera';
import { MapOverlays } from './overlayData';
import { MapAnnotations } from './annotations';
import { exportSnapshot, type ExportSnapshot } from './snapshot';
import { bordersWithoutWindow } from '../core/neighbourBorders';
import { pointUnder, PointPicker, type PointHit } from './overlays/pointHits';

export type { BaseGeodata };
export type { PointHit };

/** Listeners of the data points under the pointer (see setPointListeners). */
export interface PointListeners {
  hover: (hit: PointHit | null, point: { x: number; y: number } | null) => void;
  click: (hit: PointHit) => void;
}

export interface MapCallbacks {
  onHover: (adcode: string | null, point: { x: number; y: number } | null) => void;
  onSelect: (adcode: string | null) => void;
}

// MapLibre finds its worker beside its own module; once bundled that guess is wrong, so say where.
maplibregl.setWorkerUrl(maplibreWorkerUrl);

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
  readonly camera: MapCamera;
  readonly overlays: MapOverlays;
  readonly annotations: MapAnnotations;
  private hoveredAdcode: string | null = null;
  private basemapTemplate = '';
  private readonly ready: Promise<void>;
  private loaded = false;
  private choroplethShown = false;
  /** The light style's value of each property the high-contrast theme changes, read before its first change. */
  private readonly lightPaint = new Map<string, unknown>();
  /** Whether a source's new data is still being parsed, tiled or drawn (see `onPreparingChange`). */
  private preparing = false;
  /** Who hears of data points hovered and clicked (setPointListeners). */
  private pointListeners: PointListeners | null = null;
  private pointHoverWired = false;
  private readonly pointPicker = new PointPicker();
  private readonly preparingListeners = new Set<(preparing: boolean) => void>();

  constructor(
    container: HTMLElement,
    private readonly callbacks: MapCallbacks,
  ) {
    this.map = new maplibregl.Map({
      container,
      style: baseStyle(),
      bounds: GUIZHOU_BOUNDS,
      fitBoundsOptions: { padding: fitPadding(container) },
      maxBounds: panLimits(container),
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
    const afterLoad = (apply: () => void) => this.afterLoad(apply);
    this.camera = new MapCamera(this.map);
    this.overlays = new MapOverlays(this.map, afterLoad);
    this.annotations = new MapAnnotations(this.map, afterLoad);
    this.map.on('mousemove', LAYER.countyFill, (e: MapLayerMouseEvent) =>
      this.setHover(this.adcodeAt(e), e.point),
    );
    this.map.on('mouseleave', LAYER.countyFill, () => this.setHover(null, null));
    // New data for a source (setData: a 'dataloading' without a tile) is parsed and tiled in
    // MapLibre's worker, and the stations' and villages' tiles are made by the engine as the map
    // asks; 'idle' comes once every source and tile has loaded and the result is drawn.
    const pointTileSources = new Set(TILE_SOURCE_NAMES.map((name) => OVERLAY_SOURCE[name]));
    this.map.on('dataloading', (e) => {
      if (e.dataType === 'source' && (!e.tile || pointTileSources.has(e.sourceId))) this.setPreparing(true);
    });
    this.map.on('idle', () => this.setPreparing(false));
    this.map.on('click', (e: MapMouseEvent) => {
      // A point under the pointer opens its inspector; the county under it is selected either way,
      // so a click that selects a county still does when a village or a station cell lies there.
      this.clickPoint(e);
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
    void fetch(boundaryUrls.neighbours)
      .then((response) => response.json())
      .then((outlines) => set(SOURCE.neighbourBorders, bordersWithoutWindow(outlines)))
      .catch(() => undefined);
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

  /** What an export needs to draw this view again (see snapshot.ts). */
  snapshot(areas: { counties: readonly string[]; prefectures: readonly string[] }): ExportSnapshot {
    return exportSnapshot(this.map, this.camera.viewBounds(), areas);
  }

  /**
   * Calls `listener` with whether the map is preparing new data (from a source's new data until the
   * map is next idle), now and on every change; returns what stops it.
   */
  onPreparingChange(listener: (preparing: boolean) => void): () => void {
    this.preparingListeners.add(listener);
    listener(this.preparing);
    return () => this.preparingListeners.delete(listener);
  }

  /**
   * Reports the data point (station, village, site, scenic area, station cell) under the pointer
   * as it moves (null when none) and the one clicked (its county is selected too).
   */
  setPointListeners(listeners: PointListeners | null): void {
    this.pointListeners = listeners;
    if (this.pointHoverWired || !listeners) return;
    this.pointHoverWired = true;
    let frame = 0;
    let last: { x: number; y: number } | null = null;
    // One hit test per frame, however fast the pointer moves.
    this.map.on('mousemove', (e: MapMouseEvent) => {
      last = e.point;
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        const hit = last && this.loaded ? pointUnder(this.map, last) : null;
        this.pointListeners?.hover(hit, last);
      });
    });
    this.map.getCanvas().addEventListener('mouseleave', () => {
      last = null;
      this.pointListeners?.hover(null, null);
    });
  }

  destroy(): void {
    this.map.remove();
  }

  private clickPoint(e: MapMouseEvent): void {
    const hit = this.pointListeners && this.loaded ? this.pointPicker.pick(this.map, e.point) : null;
    if (hit) this.pointListeners!.click(hit);
  }

  private setPreparing(preparing: boolean): void {
    if (preparing === this.preparing) return;
    this.preparing = preparing;
    this.preparingListeners.forEach((listener) => listener(preparing));
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
