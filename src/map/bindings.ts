// The one place where the store drives the map: selection, basemap, theme, the data layers'
// settings and every intent a component sends (src/state/mapIntents.ts). The camera's resting view
// goes back to the store. Each binding applies the current state at once, then follows changes.
import type { MapController } from './MapController';
import { useAtlas } from '../state/store';
import { useLayers } from '../state/layers';
import { cameraRested, useMapIntents } from '../state/mapIntents';
import { hoverPoint, inspectRow, useInspect } from '../state/inspect';
import { drawInspectMarker } from './overlays/inspectMarker';

/** Binds the map to the store; returns the unbinding. */
export function bindMapToStore(controller: MapController): () => void {
  const { camera, overlays, annotations } = controller;
  const selection = () => {
    const { selectedAdcode, areas } = useAtlas.getState();
    const level = selectedAdcode ? (areas.get(selectedAdcode)?.level ?? null) : null;
    controller.setSelection(selectedAdcode, level);
  };
  const settings = () => {
    const { asOfYear, layerInfo } = useAtlas.getState();
    overlays.setSettings(useLayers.getState(), asOfYear, layerInfo?.operators ?? [], layerInfo?.bands ?? []);
  };
  const atlas = () => {
    const { basemapUrlTemplate, theme } = useAtlas.getState();
    controller.setBasemap(basemapUrlTemplate);
    controller.setTheme(theme);
  };
  const reportCamera = () => cameraRested(camera.getView(), camera.viewBounds());
  // Points: hovering names one (a station cell its counts), clicking opens the inspector on it;
  // the inspected point is marked. A cell click only selects its county, as it did before cells
  // were clickable: at province zoom cells cover most of the map.
  controller.setPointListeners({
    hover: (hit, at) => hoverPoint(hit && at ? { ...hit, ...at } : null),
    click: (hit) => {
      if (hit.kind !== 'stationCells') inspectRow(hit.kind, hit.row, hit.together);
    },
  });
  const inspectMarker = () => {
    const { inspection } = useInspect.getState();
    const { lon, lat } = inspection ?? {};
    drawInspectMarker(
      controller.map,
      inspection && lon != null && lat != null
        ? { lon, lat, label: inspection.name || inspection.code }
        : null,
    );
  };

  selection();
  settings();
  atlas();
  const intents = useMapIntents.getState();
  controller.setChoropleth(intents.choropleth.level, intents.choropleth.colours);
  annotations.setGapHighlight(intents.gapHighlight);
  annotations.setSuggestedSites(intents.suggestedSites);
  annotations.setSuggestTargets(intents.suggestTargets);
  annotations.setPreviewPoints(intents.importPreview.lon, intents.importPreview.lat);

  const stops = [
    useAtlas.subscribe((s, p) => {
      if (s.selectedAdcode !== p.selectedAdcode || s.areas !== p.areas) selection();
      if (s.asOfYear !== p.asOfYear || s.layerInfo !== p.layerInfo) settings();
      if (s.basemapUrlTemplate !== p.basemapUrlTemplate || s.theme !== p.theme) atlas();
    }),
    useLayers.subscribe(settings),
    useMapIntents.subscribe((s, p) => {
      if (s.focus && s.focus !== p.focus) {
        const focus = s.focus;
        if (focus.kind === 'bounds') camera.fitBounds(focus.bounds);
        else if (focus.kind === 'point') camera.flyTo(focus.lon, focus.lat, focus.zoom);
        else camera.setView(focus.camera, focus.animate);
      }
      if (s.choropleth !== p.choropleth) controller.setChoropleth(s.choropleth.level, s.choropleth.colours);
      if (s.gapHighlight !== p.gapHighlight) annotations.setGapHighlight(s.gapHighlight);
      if (s.suggestedSites !== p.suggestedSites) annotations.setSuggestedSites(s.suggestedSites);
      if (s.suggestTargets !== p.suggestTargets) annotations.setSuggestTargets(s.suggestTargets);
      if (s.importPreview !== p.importPreview)
        annotations.setPreviewPoints(s.importPreview.lon, s.importPreview.lat);
    }),
    camera.onViewChange(reportCamera),
    useInspect.subscribe((s, p) => s.inspection !== p.inspection && inspectMarker()),
    () => controller.setPointListeners(null),
  ];
  controller.map.once('load', reportCamera);
  return () => stops.forEach((stop) => stop());
}
