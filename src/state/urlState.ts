// The view in the address bar: a link opened here shows the view it was copied from, and the
// address follows every change (history.replaceState, debounced), so copying it shares the view.
// Slides apply their views through the same `applyView`.
//
// Rules relied on:
// - Data stay local: a link names datasets by id and name only. A dataset this browser lacks, or
//   a sample that is not loaded, is reported by name in a banner (linkNotice), never left as a
//   silently empty map; its layer draws nothing rather than different data.
// - Sources are compared with the user's choices (not with what the engine reports), so a saved
//   choice still being restored cannot be mistaken for the one the view asks for.
// - The address is written only after the start-up view has been applied: a link is read before
//   anything can overwrite it.
import { create } from 'zustand';
import { LAYER_NAMES, type LayerName } from '../core/layers/types';
import { decodeView, encodeView, type ViewLayers, type ViewSource, type ViewState } from '../core/viewState';
import { PLAN_FIRST_YEAR, PLAN_LAST_YEAR } from '../core/planYears';
import { showCamera, useMapIntents } from './mapIntents';
import { refreshDatasets, useDatasets } from './datasets';
import { setLayerSource, useLayerSources } from './layerSources';
import { useLayers } from './layers';
import { useAtlas } from './store';

export interface MissingDataset {
  layer: LayerName;
  datasetId: string;
  name: string;
}

/** What the last applied view (a link or a slide) needs and this browser lacks. */
export const useLinkNotice = create<{ missingDatasets: MissingDataset[]; sampleNeeded: boolean }>()(() => ({
  missingDatasets: [],
  sampleNeeded: false,
}));

const URL_DELAY_MS = 150;
const OPTIONS = { years: [PLAN_FIRST_YEAR, PLAN_LAST_YEAR] } as const;

function layersOf(settings: ViewLayers): ViewLayers {
  const { update: _update, ...layers } = settings as ViewLayers & { update?: unknown };
  return layers;
}

/** The view as the app starts without a link (the layer settings' defaults, the last year). */
function defaultView(): ViewState {
  return {
    camera: null,
    selectedAdcode: null,
    asOfYear: useAtlas.getInitialState().asOfYear,
    layers: layersOf(useLayers.getInitialState()),
    sources: {},
    locale: useAtlas.getState().locale,
  };
}

/** The view shown now: camera, selection, year, layers, what each layer draws, language. */
export function currentView(): ViewState {
  const { selectedAdcode, asOfYear, locale, layerInfo } = useAtlas.getState();
  const sources: ViewState['sources'] = {};
  if (layerInfo) {
    for (const layer of LAYER_NAMES) {
      const source = layerInfo.sources[layer];
      sources[layer] = !source
        ? 'none'
        : source.kind === 'sample'
          ? 'sample'
          : { datasetId: source.datasetId ?? '', name: source.name };
    }
  }
  return {
    camera: useMapIntents.getState().camera?.view ?? null,
    selectedAdcode,
    asOfYear,
    layers: layersOf(useLayers.getState()),
    sources,
    locale,
  };
}

export const encodeCurrentView = () => encodeView(currentView());
export const decodeViewQuery = (query: string) => decodeView(query, defaultView(), OPTIONS);

const sameChoice = (wanted: ViewSource, layer: LayerName) => {
  const choice = useLayerSources.getState().choices[layer];
  if (wanted === 'sample') return choice === 'sample' || choice === undefined;
  // No choice draws the sample when loaded, so without it that is already nothing: an explicit
  // none would stop a sample loaded later from showing.
  if (wanted === 'none')
    return choice === null || (choice === undefined && useAtlas.getState().sample === null);
  return typeof choice === 'object' && choice !== null && choice.datasetId === wanted.datasetId;
};

let latestApply = 0;
const REFRESH_WAIT_LIMIT_MS = 5000;

/** Resolves when the area figures next change (a layer refresh has finished), or after a while regardless. */
function nextFigures(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timeout);
      stop();
      resolve();
    };
    const stop = useAtlas.subscribe((s, p) => {
      if (s.figures !== p.figures) done();
    });
    const timeout = setTimeout(done, REFRESH_WAIT_LIMIT_MS);
  });
}

/**
 * Shows a view: settings at once, then the camera jumped (or flown, with `animate`) there.
 * A flight waits for the data a new year, filter or source brings: drawn first, the map then
 * flies smoothly instead of stalling mid-air while the layers are rebuilt.
 */
export async function applyView(
  view: ViewState,
  options: { animate: boolean; offerSample?: boolean },
): Promise<void> {
  const applying = ++latestApply;
  const atlas = useAtlas.getState();
  if (view.locale !== atlas.locale) atlas.setLocale(view.locale);
  const newYear = view.asOfYear !== atlas.asOfYear;
  if (newYear) atlas.setAsOfYear(view.asOfYear);
  const selected = view.selectedAdcode && atlas.areas.has(view.selectedAdcode) ? view.selectedAdcode : null;
  if (selected !== atlas.selectedAdcode) atlas.select(selected);
  const current = useLayers.getState();
  const changed: Partial<ViewLayers> = Object.fromEntries(
    Object.entries(view.layers).filter(
      ([key, value]) => JSON.stringify(current[key as keyof ViewLayers]) !== JSON.stringify(value),
    ),
  );
  if (Object.keys(changed).length > 0) current.update(changed);

  const listed = new Set(useDatasets.getState().datasets.map((d) => d.id));
  const missingDatasets: MissingDataset[] = [];
  const changes: Promise<void>[] = [];
  for (const layer of LAYER_NAMES) {
    const wanted = view.sources[layer];
    if (wanted === undefined) continue;
    const missing = typeof wanted === 'object' && !listed.has(wanted.datasetId);
    if (missing) missingDatasets.push({ layer, ...wanted });
    // A missing dataset's layer draws nothing, even once a sample is loaded: the receiver's own
    // data would pass for the sender's.
    if (missing ? useLayerSources.getState().choices[layer] !== null : !sameChoice(wanted, layer)) {
      changes.push(
        setLayerSource(
          layer,
          missing || wanted === 'none'
            ? null
            : wanted === 'sample'
              ? 'sample'
              : { datasetId: wanted.datasetId },
        ),
      );
    }
  }
  const { sample, sampleStatus } = useAtlas.getState();
  const sampleNeeded =
    options.offerSample !== false &&
    Object.values(view.sources).includes('sample') &&
    sample === null &&
    sampleStatus !== 'loading';
  useLinkNotice.setState({ missingDatasets, sampleNeeded });

  // A new year or station filter refreshes the layers (layerData.ts) and ends with new figures.
  const refreshing = newYear || 'filter' in changed;
  if (view.camera && options.animate && (refreshing || changes.length > 0)) {
    await Promise.all([...changes, refreshing ? nextFigures() : undefined]);
    // A later view (the next slide, pressed meanwhile) has taken over the camera.
    if (applying === latestApply) showCamera(view.camera, true);
    return;
  }
  if (view.camera) showCamera(view.camera, options.animate);
  await Promise.all(changes);
}

let timer: ReturnType<typeof setTimeout> | undefined;
let following = false;

function writeUrl(): void {
  clearTimeout(timer);
  timer = undefined;
  const url = `${location.pathname}?${encodeCurrentView()}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`)
    history.replaceState(history.state, '', url);
}

const scheduleUrl = () => {
  clearTimeout(timer);
  timer = setTimeout(writeUrl, URL_DELAY_MS);
};

/** The address of the view shown now (a pending address update is written first). */
export function currentLink(): string {
  if (following) writeUrl();
  return location.href;
}

const settled = () =>
  new Promise<void>((resolve) => {
    if (useAtlas.getState().sampleStatus !== 'loading') {
      resolve();
      return;
    }
    const stop = useAtlas.subscribe((s) => {
      if (s.sampleStatus !== 'loading') {
        stop();
        resolve();
      }
    });
  });

/**
 * Applies the view of the address the page was opened with, then keeps the address in step.
 * Call once, after the engine is ready and the sample (when wanted) has started loading.
 */
export async function followUrlState(): Promise<void> {
  const opened = decodeViewQuery(location.search);
  // A reload opens this browser's own last address: a sample cleared just before is not offered again.
  const reloaded = performance
    .getEntriesByType('navigation')
    .some((entry) => (entry as PerformanceNavigationTiming).type === 'reload');
  await settled();
  await refreshDatasets();
  if (opened) await applyView(opened, { animate: false, offerSample: !reloaded });
  following = true;
  useAtlas.subscribe((s, p) => {
    if (
      s.selectedAdcode !== p.selectedAdcode ||
      s.asOfYear !== p.asOfYear ||
      s.locale !== p.locale ||
      s.layerInfo !== p.layerInfo
    )
      scheduleUrl();
  });
  useLayers.subscribe(scheduleUrl);
  useMapIntents.subscribe((s, p) => {
    if (s.camera !== p.camera) scheduleUrl();
  });
  scheduleUrl();
}
