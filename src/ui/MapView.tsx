// Mounts the map controller once and keeps it in step with the store. React never holds geometry.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapController } from '../map/MapController';
import { loadBaseGeodata } from '../state/geodata';
import { getEngine } from '../state/engine';
import { loadSample } from '../state/sample';
import { followCompareInputs } from '../state/compare';
import { followLayerInputs, refreshLayers, wantStationDetail } from '../state/layerData';
import { restoreLayerSources } from '../state/layerSources';
import { followUrlState } from '../state/urlState';
import { useLayers } from '../state/layers';
import { useAtlas } from '../state/store';
import { HoverTooltip, type HoverState } from './HoverTooltip';
import { TimeSlider } from './TimeSlider';

let controller: MapController | null = null;
/** The mounted map controller, for components that zoom it (e.g. the prefecture list). */
export const mapController = () => controller;

export function MapView() {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<HoverState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const selectedAdcode = useAtlas((s) => s.selectedAdcode);
  const selectedLevel = useAtlas((s) =>
    s.selectedAdcode ? (s.areas.get(s.selectedAdcode)?.level ?? null) : null,
  );
  const basemap = useAtlas((s) => s.basemapUrlTemplate);
  const layerSettings = useLayers();
  const asOfYear = useAtlas((s) => s.asOfYear);
  const layerInfo = useAtlas((s) => s.layerInfo);
  const theme = useAtlas((s) => s.theme);

  useEffect(() => {
    const element = container.current!;
    const created = new MapController(element, {
      onHover: (adcode, point) => setHover(adcode && point ? { adcode, ...point } : null),
      onSelect: (adcode) => useAtlas.getState().select(adcode),
      onStationZoom: wantStationDetail,
    });
    controller = created;
    loadBaseGeodata()
      .then((data) => created.setGeodata(data))
      .then(() =>
        created.map.once('idle', () => {
          performance.mark('map-ready');
          element.dataset.mapReady = 'true';
          void getEngine().ready.then(() => {
            element.dataset.engineReady = 'true';
            followLayerInputs();
            followCompareInputs();
            void getEngine()
              .areaPinyin()
              .then((names) => useAtlas.getState().setAreaPinyin(names));
            void restoreLayerSources();
            if (useAtlas.getState().sampleWanted) void loadSample();
            else void refreshLayers();
            void followUrlState();
          });
        }),
      )
      .catch((e: Error) => setError(e.message));
    // Test and automation hook: where a place is on screen, without reaching into MapLibre.
    (window as unknown as { atlas: object }).atlas = {
      project: (lon: number, lat: number) => created.map.project([lon, lat]),
      view: () => ({
        center: created.map.getCenter().toArray(),
        zoom: created.map.getZoom(),
        moving: created.map.isMoving(),
      }),
      engine: getEngine,
      /** How many features of a layer are drawn in the current view. */
      renderedCount: (layerId: string) => created.map.queryRenderedFeatures({ layers: [layerId] }).length,
      jumpTo: (lon: number, lat: number, zoom: number) => created.map.jumpTo({ center: [lon, lat], zoom }),
      /** The colour an area is drawn with by the choropleth (feature-state), if any. */
      areaFill: (level: 'county' | 'prefecture', adcode: string) =>
        created.map.getFeatureState({ source: level === 'county' ? 'counties' : 'prefectures', id: adcode })
          .fill ?? null,
      /** Assigns points in the engine worker; reports whether the inputs were transferred (detached). */
      assign: async (lon: number[], lat: number[]) => {
        const lonArray = Float64Array.from(lon),
          latArray = Float64Array.from(lat);
        const counties = await getEngine().assign(lonArray, latArray);
        return {
          counties: [...counties],
          inputsTransferred: lonArray.byteLength === 0 && latArray.byteLength === 0,
        };
      },
    };
    return () => {
      created.destroy();
      controller = null;
    };
  }, []);

  useEffect(() => controller?.setSelection(selectedAdcode, selectedLevel), [selectedAdcode, selectedLevel]);
  useEffect(() => controller?.setBasemap(basemap), [basemap]);
  useEffect(() => controller?.setTheme(theme), [theme]);
  useEffect(
    () =>
      controller?.setUiLabels({ map: t('map.label'), zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') }),
    [t],
  );
  useEffect(
    () =>
      controller?.setOverlays(layerSettings, asOfYear, layerInfo?.operators ?? [], layerInfo?.bands ?? []),
    [layerSettings, asOfYear, layerInfo],
  );

  return (
    <main className="map-wrap">
      <div ref={container} className="map" data-testid="map" aria-label={t('appTitle')} role="application" />
      {hover && <HoverTooltip {...hover} />}
      <TimeSlider />
      {error && (
        <div className="map-error" role="alert">
          {t('loadError', { message: error })}
        </div>
      )}
    </main>
  );
}
