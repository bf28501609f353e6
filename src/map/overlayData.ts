// The data layers' sources and settings. GeoJSON reaches MapLibre's worker as blob URLs, so parsing
// and tiling happen there and the page never holds the features; point tiles come from the engine
// worker through the tile protocol (tileProtocol.ts), and new data only change their address.
// Settings and the year only change expressions, each layer's overlay applying its own (overlays/).
//
// Rules relied on: an older blob URL may still be queued in MapLibre's worker, so it is revoked only
// once its source has loaded again; revoking earlier makes the fetch fail (ERR_FILE_NOT_FOUND).
import type { GeoJSONSource, Map as MaplibreMap, VectorTileSource } from 'maplibre-gl';
import type { AfterLoad } from './annotations';
import { LAYER_NAMES, type OverlaySourceName } from '../core/layers/registry';
import type { LayerSettings } from '../core/layerSettings';
import { OVERLAY_SOURCE, OVERLAYS } from './overlays';
import { tileAddress } from './tileProtocol';

export class MapOverlays {
  /** Per overlay source: the URL it should show and older ones to revoke once it has loaded. */
  private readonly blobUrls = new Map<string, { current: string; stale: string[] }>();

  constructor(
    private readonly map: MaplibreMap,
    private readonly afterLoad: AfterLoad,
  ) {
    map.on('sourcedata', (e) => {
      if (e.sourceId && e.isSourceLoaded) this.revokeLoadedBlobs(e.sourceId);
    });
  }

  /** Replaces a data layer's GeoJSON. */
  setLayerGeojson(name: OverlaySourceName, geojson: string | Uint8Array): void {
    const id = OVERLAY_SOURCE[name];
    const url = URL.createObjectURL(new Blob([geojson as BlobPart], { type: 'application/geo+json' }));
    const entry = this.blobUrls.get(id);
    this.blobUrls.set(id, { current: url, stale: entry ? [...entry.stale, entry.current] : [] });
    this.afterLoad(() => (this.map.getSource(id) as GeoJSONSource).setData(url));
  }

  /** Points a tile source at a new version of its tiles: MapLibre drops the old ones and asks again. */
  setLayerTiles(name: OverlaySourceName, version: number): void {
    const id = OVERLAY_SOURCE[name];
    this.afterLoad(() => (this.map.getSource(id) as VectorTileSource).setTiles([tileAddress(name, version)]));
  }

  /** Visibility, filters and colours of the data layers for the settings and year. */
  setSettings(
    settings: LayerSettings,
    asOfYear: number,
    operators: readonly string[],
    bands: readonly string[],
  ): void {
    const context = { asOfYear, operators, bands };
    this.afterLoad(() => {
      for (const name of LAYER_NAMES) OVERLAYS[name].apply(this.map, settings, context);
    });
  }

  private revokeLoadedBlobs(sourceId: string): void {
    const entry = this.blobUrls.get(sourceId);
    if (!entry?.stale.length || !this.map.isSourceLoaded(sourceId)) return;
    entry.stale.forEach((url) => URL.revokeObjectURL(url));
    entry.stale = [];
  }
}
