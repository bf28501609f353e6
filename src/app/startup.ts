// Start-up of the app in the browser, called by the map's component once its container exists:
// the engine (started on first use), the map and its bindings to the store, the restored state
// (saved layer sources, the sample when wanted, the link's view), the automation hook and the
// mode check (local, or a team server's).
//
// Rules relied on: the engine starts only after the map's first full draw, so it does not compete
// with the cold load; the link is read after the sample (when wanted) has started loading.
import { MapController } from '../map/MapController';
import { bindMapToStore } from '../map/bindings';
import { setMapHandle } from '../map/handle';
import { startEngine } from '../worker/client';
import { followCompareInputs } from '../state/compare';
import { getEngine, provideEngine } from '../state/engine';
import { loadBaseGeodata } from '../state/geodata';
import { followLayerInputs, refreshLayers } from '../state/layerData';
import { askTilesFromWorkers, registerTileProtocol } from '../map/tileProtocol';
import { TILE_SOURCE_NAMES } from '../core/layers/registry';
import { restoreLayerSources } from '../state/layerSources';
import { connectMapData } from '../state/mapData';
import { hoverAt } from '../state/mapIntents';
import { loadSample } from '../state/sample';
import { useAtlas } from '../state/store';
import { followUrlState } from '../state/urlState';
import { startTeamMode, useTeam } from '../state/team';
import { openTeamViewLink, pendingTeamViewId } from '../state/teamViews';
import { viewIdOf } from '../team/views';
import { installAutomation } from './automation';
import { followBasemapOrigin } from './basemapOrigin';
import { engineUrls } from './engineUrls';

let following = false;

/** Starts the atlas in `container`; returns what stops it (the map is removed). */
export function startAtlas(container: HTMLElement, onError: (message: string) => void): () => void {
  provideEngine(() => startEngine(engineUrls()));
  registerTileProtocol((source, z, x, y) => getEngine().tile(source, z, x, y), TILE_SOURCE_NAMES);
  // One health check (once per page) decides local or team mode; local mode goes on as before.
  // In team mode the edit sync starts, and the service worker keeps the app for offline field work:
  // their code loads then, so a page without a team server never fetches it.
  const stopWatchingMode = useTeam.subscribe(({ mode }) => {
    if (mode !== 'team') return;
    stopWatchingMode();
    void import('../state/sync').then(({ startEditSync }) => startEditSync());
    void import('../team/serviceWorkerRegistration').then(({ registerServiceWorker }) =>
      registerServiceWorker(),
    );
  });
  void startTeamMode();
  // The area index is asked for before the map is made: making it (its WebGL context, its style)
  // holds the page for a while, and the index has arrived by the time the style has loaded.
  // (Handing the boundaries to the first style instead measured slower: 4.1 vs 3.8 s to the first
  // idle in software rendering, the first frames then drawing everything at once.)
  const geodata = loadBaseGeodata();
  const controller = new MapController(container, {
    onHover: (adcode, point) => hoverAt(adcode && point ? { adcode, ...point } : null),
    onSelect: (adcode) => useAtlas.getState().select(adcode),
  });
  setMapHandle(controller);
  connectMapData(controller.overlays);
  const unbind = bindMapToStore(controller);
  const unfollowBasemap = followBasemapOrigin();
  installAutomation(controller, getEngine);
  geodata
    .then((data) => controller.setGeodata(data))
    .then(() =>
      controller.map.once('idle', () => {
        performance.mark('map-ready');
        container.dataset.mapReady = 'true';
        void getEngine().ready.then(() => {
          container.dataset.engineReady = 'true';
          restoreState();
        });
      }),
    )
    .catch((e: Error) => onError(e.message));
  return () => {
    unbind();
    unfollowBasemap();
    connectMapData(null);
    setMapHandle(null);
    controller.destroy();
  };
}

/** Once per page: the store's followers, the saved sources, the sample and the link's view. */
function restoreState(): void {
  if (following) return;
  following = true;
  askTilesFromWorkers((page) => getEngine().serveTiles(page));
  followLayerInputs();
  followCompareInputs();
  void getEngine()
    .areaPinyin()
    .then((names) => useAtlas.getState().setAreaPinyin(names));
  void restoreLayerSources();
  if (useAtlas.getState().sampleWanted) void loadSample();
  else void refreshLayers();
  // A team link (`?view=<id>`) is read before the address follows the view, and opened after.
  const pending = pendingTeamViewId();
  const teamViewId =
    viewIdOf(location.search) ?? (pending && viewIdOf(`?view=${encodeURIComponent(pending)}`));
  void followUrlState().then(() => openTeamViewLink(teamViewId));
}
