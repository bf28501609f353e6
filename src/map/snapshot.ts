// What an export needs to draw the view again in a hidden map (src/map/exportMap.ts): the style,
// the view the reader sees, the choropleth's feature-states of the areas (not the hover) and the
// largest canvas side this browser's WebGL can draw.
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Bounds } from '../core/areas';
import { SOURCE } from './layers';

export interface ExportSnapshot {
  style: ReturnType<MaplibreMap['getStyle']>;
  bounds: Bounds;
  bearing: number;
  featureStates: Array<{ source: string; id: string; state: { fill: string; meets: boolean } }>;
  maxCanvasSidePx: number;
}

export function exportSnapshot(
  map: MaplibreMap,
  bounds: Bounds,
  areas: { counties: readonly string[]; prefectures: readonly string[] },
): ExportSnapshot {
  const featureStates: ExportSnapshot['featureStates'] = [];
  for (const [source, ids] of [
    [SOURCE.counties, areas.counties],
    [SOURCE.prefectures, areas.prefectures],
  ] as const) {
    for (const id of ids) {
      const { fill, meets } = map.getFeatureState({ source, id });
      if (typeof fill === 'string')
        featureStates.push({ source, id, state: { fill, meets: meets === true } });
    }
  }
  const gl = map.painter.context.gl;
  const viewport = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
  const maxCanvasSidePx = Math.min(
    gl.getParameter(gl.MAX_TEXTURE_SIZE) as number,
    gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number,
    viewport[0],
    viewport[1],
  );
  return { style: map.getStyle(), bounds, bearing: map.getBearing(), featureStates, maxCanvasSidePx };
}
