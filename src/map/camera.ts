// The camera: areas fitted clear of the side panel, flights to places, and the view that links and
// slides carry. Knows nothing of the store: the bindings module (bindings.ts) drives it.
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Bounds } from '../core/areas';
import type { ViewCamera } from '../core/viewState';

// Keeps fitted areas clear of the side panel (320 px wide, 12 px from the edge).
export const PADDING = { left: 352, right: 56, top: 24, bottom: 24 };
/** The side panel's strip, left out of "the view the reader sees". */
const PANEL_STRIP_PX = 332;

export const GUIZHOU_BOUNDS: Bounds = [103.6, 24.62, 109.59, 29.22];

export class MapCamera {
  constructor(private readonly map: MaplibreMap) {}

  fitBounds(bounds: Bounds): void {
    this.map.fitBounds(bounds, { padding: PADDING, duration: 800 });
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
