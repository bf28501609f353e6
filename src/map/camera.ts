// The camera: areas fitted clear of the side panel, flights to places, and the view that links and
// slides carry. Knows nothing of the store: the bindings module (bindings.ts) drives it.
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Bounds } from '../core/areas';
import type { ViewCamera } from '../core/viewState';

// Keeps fitted areas clear of the side panel (320 px wide, 12 px from the edge).
export const PADDING = { left: 352, right: 56, top: 24, bottom: 24 };
/** The side panel's strip, left out of "the view the reader sees". */
const PANEL_STRIP_PX = 332;

/**
 * The padding of a fitted area: beside the side panel, or on a phone (narrower than 600 px, where the
 * panel is the bottom sheet of src/ui/BottomSheet.tsx) above the sheet, at most half high, and the
 * year slider over it. The sheet's heights are the page's CSS lengths `--sheet-height|half`.
 */
export function fitPadding(container: HTMLElement): typeof PADDING {
  if (container.clientWidth >= 600) return PADDING;
  const style = getComputedStyle(container);
  const sheetPx = Math.min(
    parseFloat(style.getPropertyValue('--sheet-height')) || 0,
    parseFloat(style.getPropertyValue('--sheet-half')) || container.clientHeight * 0.4,
  );
  return { left: 16, right: 60, top: 16, bottom: Math.round(sheetPx) + 64 };
}

/**
 * How far the map pans: around Guizhou. A phone's tall screen shows so much latitude at the
 * province's zoom that it needs room to the south to lift the province above the sheet.
 */
export function panLimits(container: HTMLElement): [[number, number], [number, number]] {
  const south = container.clientWidth >= 600 ? 20 : 14;
  return [
    [97, south],
    [116, 33],
  ];
}

export const GUIZHOU_BOUNDS: Bounds = [103.6, 24.62, 109.59, 29.22];

export class MapCamera {
  constructor(private readonly map: MaplibreMap) {}

  fitBounds(bounds: Bounds): void {
    this.map.fitBounds(bounds, { padding: fitPadding(this.map.getContainer()), duration: 800 });
  }

  /** Centres a place (a gap, a suggested site, a changed village) at a street-level zoom. */
  flyTo(lon: number, lat: number, zoom: number): void {
    this.map.flyTo({ center: [lon, lat], zoom: Math.max(zoom, this.map.getZoom()), duration: 800 });
  }

  /** [west, south, east, north] of what the reader sees: the map beside the side panel. */
  viewBounds(): Bounds {
    const { clientWidth: width, clientHeight: height } = this.map.getContainer();
    const left = Math.min(PANEL_STRIP_PX, width / 2);
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

  /** The camera, for a shared link or a slide. */
  getView(): ViewCamera {
    const { lng, lat } = this.map.getCenter();
    return { lon: lng, lat, zoom: this.map.getZoom() };
  }

  /** Moves the camera there: a smooth flight between slides, or a jump. */
  setView(view: ViewCamera, animate: boolean): void {
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
}
