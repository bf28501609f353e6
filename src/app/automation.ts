// The test and automation hook (window.atlas): where a place is on screen, what the map draws and
// the engine, without reaching into MapLibre. Browser tests use it through this one type.
//
// Rules relied on: a layer refresh starts in the same task as the store change that asks for it
// (src/state/layerData.ts follows the store synchronously), so `settled()` called after a user's
// action sees that refresh; each finished refresh leaves one 'layers-refresh' performance measure.
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { MapController } from '../map/MapController';
import { layersSettled } from '../state/layerData';
import { pointTilesServed, pointTilesServedInWorkers } from '../map/tileProtocol';
import { rowOf } from '../map/overlays/pointHits';
import type { EngineClient } from '../worker/client';

export interface AtlasAutomation {
  project(lon: number, lat: number): { x: number; y: number };
  view(): { center: [number, number]; zoom: number; moving: boolean };
  engine(): EngineClient;
  /** How many features of a layer are drawn in the current view. */
  renderedCount(layerId: string): number;
  /** How many station and village tiles the engine has made for the map so far. */
  pointTilesServed(): number;
  /** Of those, how many MapLibre's workers asked the engine for directly (not through the page). */
  pointTilesServedInWorkers(): number;
  /** The data points of a layer drawn in the view: their layer row and screen position. */
  renderedPoints(layerId: string): Array<{ row: number; x: number; y: number }>;
  jumpTo(lon: number, lat: number, zoom: number): void;
  /** The colour an area is drawn with by the choropleth (feature-state), if any. */
  areaFill(level: 'county' | 'prefecture', adcode: string): string | null;
  /** Assigns points in the engine worker; reports whether the inputs were transferred (detached). */
  assign(lon: number[], lat: number[]): Promise<{ counties: number[]; inputsTransferred: boolean }>;
  /**
   * Resolves once no layer refresh is running or queued and the map is idle: no camera movement,
   * every source and tile loaded, the last change drawn.
   */
  settled(): Promise<void>;
  /** How many layer refreshes (figures and map data for the year and filter) have finished. */
  refreshesFinished(): number;
  /**
   * The camera's last 100 movements, oldest first, each from its movestart to its moveend in ms: a
   * jump starts and ends in one task (~0 ms), a flight lasts its duration however slow the frames.
   */
  cameraMoves(): number[];
}

declare global {
  interface Window {
    atlas?: AtlasAutomation;
  }
}

export function installAutomation(controller: MapController, engine: () => EngineClient): void {
  const { map } = controller;
  const cameraMoves: number[] = [];
  let moveStarted = 0;
  map.on('movestart', () => (moveStarted = performance.now()));
  map.on('moveend', () => {
    if (cameraMoves.push(performance.now() - moveStarted) > 100) cameraMoves.shift();
  });
  window.atlas = {
    project: (lon, lat) => {
      const { x, y } = map.project([lon, lat]);
      return { x, y };
    },
    view: () => ({
      center: map.getCenter().toArray() as [number, number],
      zoom: map.getZoom(),
      moving: map.isMoving(),
    }),
    engine,
    renderedCount: (layerId) => map.queryRenderedFeatures({ layers: [layerId] }).length,
    pointTilesServed,
    pointTilesServedInWorkers,
    renderedPoints: (layerId) =>
      map.queryRenderedFeatures({ layers: [layerId] }).flatMap((feature) => {
        if (feature.geometry.type !== 'Point') return [];
        const { x, y } = map.project(feature.geometry.coordinates as [number, number]);
        return [{ row: rowOf(feature), x, y }];
      }),
    jumpTo: (lon, lat, zoom) => map.jumpTo({ center: [lon, lat], zoom }),
    areaFill: (level, adcode) => {
      const state = map.getFeatureState({
        source: level === 'county' ? 'counties' : 'prefectures',
        id: adcode,
      });
      return typeof state.fill === 'string' ? state.fill : null;
    },
    assign: async (lon, lat) => {
      const lonArray = Float64Array.from(lon),
        latArray = Float64Array.from(lat);
      const counties = await engine().assign(lonArray, latArray);
      return {
        counties: [...counties],
        inputsTransferred: lonArray.byteLength === 0 && latArray.byteLength === 0,
      };
    },
    settled: async () => {
      // A refresh may start while the map draws (reaching the station zoom asks for one): go round
      // until a pass finishes no refresh.
      let finished: number;
      do {
        finished = refreshesFinished();
        await layersSettled();
        await mapIdle(map);
        await layersSettled();
      } while (refreshesFinished() !== finished);
    },
    refreshesFinished,
    cameraMoves: () => [...cameraMoves],
  };
}

const refreshesFinished = () => performance.getEntriesByName('layers-refresh').length;

/** The next 'idle' after a repaint: fired once nothing moves, loads or waits to be drawn. */
const mapIdle = (map: MaplibreMap) =>
  new Promise<void>((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
