// What the tools draw on top of the data layers: the first rows of a file being imported, the site
// suggester's picks and the ring around the place picked in the gap list.
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { SOURCE } from './layers';
import { drawSuggestedSites, drawSuggestTargets, type SiteMarker } from './siteMarkers';
import type { TargetMarkers } from '../core/coverage/suggest';
import { drawGapHighlight } from './gapHighlight';

/** Runs a style change now, or once the style has loaded (calls made before are kept in order). */
export type AfterLoad = (apply: () => void) => void;

export class MapAnnotations {
  constructor(
    private readonly map: MaplibreMap,
    private readonly afterLoad: AfterLoad,
  ) {}

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

  /** Draws the site suggester's picks (numbered markers and coverage discs); null removes them. */
  setSuggestedSites(sites: readonly SiteMarker[] | null): void {
    this.afterLoad(() => drawSuggestedSites(this.map, sites));
  }

  /** Rings the targets the site suggester aimed at; null removes them. */
  setSuggestTargets(targets: TargetMarkers | null): void {
    this.afterLoad(() => drawSuggestTargets(this.map, targets));
  }

  /** Rings the place picked in the gap list; null removes the ring. */
  setGapHighlight(point: { lon: number; lat: number } | null): void {
    this.afterLoad(() => drawGapHighlight(this.map, point));
  }
}
