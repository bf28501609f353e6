// A view of the atlas (camera, selection, year, layer settings, each layer's data source, language)
// written as URL query parameters and read back: the shareable link, and the form a slide keeps.
//
// Rules relied on:
// - Versioned by `v=1`; a query without it (or with another version) is not a view and reads as null.
// - Decoding is tolerant: an unknown key or an invalid value is ignored and the default kept,
//   never an exception. A key left out means its default (encodeView leaves out only empty values:
//   no selection, no compare year, no station filter).
// - Precision for the audience: a view carries settings only — the camera, dataset ids and names,
//   metric, filters. Never a station's (or any point's) coordinates: the data stay in the browser
//   that holds them, and a receiver without a dataset is told which one is missing.
import { CLASS_METHODS } from './classify';
import type { Locale } from './format';
import type { LayerSettingsDefinition } from './layers/definition';
import { LAYER_NAMES, LAYERS, type LayerName } from './layers/registry';
import { linkChoice, linkInteger, linkList, linkNumbers } from './layers/linkValues';
import { METRIC_IDS } from './metrics';
import type { LayerSettings } from './layerSettings';

export const VIEW_VERSION = 1;

/** The layer settings a view fixes: the layer store's own. */
export type ViewLayers = LayerSettings;

/** What a layer draws: the synthetic sample, nothing, or a stored dataset (its name to tell a receiver who lacks it). */
export type ViewSource = 'sample' | 'none' | { datasetId: string; name: string };

export interface ViewCamera {
  lon: number;
  lat: number;
  zoom: number;
}

export interface ViewState {
  /** null: leave the map where it is. */
  camera: ViewCamera | null;
  selectedAdcode: string | null;
  asOfYear: number;
  layers: ViewLayers;
  /** A layer left out is drawn from whatever the receiver has chosen. */
  sources: Partial<Record<LayerName, ViewSource>>;
  locale: Locale;
}

export interface DecodeOptions {
  /** The years the time slider offers, first and last. */
  years: readonly [number, number];
}

// One letter per switch in `on=` (the switches that are on): each layer's, then the choropleth's.
// An object, so the letters are written in the order they always were ('4' first).
// Each layer's link names keys of its own settings, which are keys of the whole settings.
const link = (name: LayerName) => LAYERS[name].settings.link as LayerSettingsDefinition<ViewLayers>['link'];
const SWITCHES: Record<string, keyof ViewLayers> = Object.fromEntries([
  ...LAYER_NAMES.flatMap((name) => Object.entries(link(name).switches)),
  ['c', 'choroplethVisible'],
]);
// A Map, not an object: a link's `l=__proto__` must find nothing, not Object.prototype.
const LOCALE_OF_LETTERS = new Map<string, Locale>([
  ['zh', 'zh-CN'],
  ['en', 'en'],
]);

const round = (value: number, digits: number) => String(Number(value.toFixed(digits)));

/**
 * The view as query parameters (without the leading "?"), in a fixed order: camera, selection,
 * year, language, the choropleth, `on=`, the layers' choices, the layers' own parameters (the
 * station filter), the compare year, each layer's source.
 */
export function encodeView(view: ViewState): string {
  const params = new URLSearchParams({ v: String(VIEW_VERSION) });
  const set = (key: string, value: string) => params.set(key, value);
  if (view.camera) {
    set('c', `${round(view.camera.lon, 5)},${round(view.camera.lat, 5)}`);
    set('z', round(view.camera.zoom, 2));
  }
  if (view.selectedAdcode) set('sel', view.selectedAdcode);
  set('y', String(view.asOfYear));
  set('l', view.locale === 'en' ? 'en' : 'zh');
  const layers = view.layers;
  set('m', layers.metric);
  set('lv', layers.choroplethLevel);
  set('cm', layers.method);
  set('k', String(layers.classCount));
  if (layers.method === 'manual') set('br', linkList(layers.manualBreaks));
  set(
    'on',
    Object.entries(SWITCHES)
      .filter(([, field]) => layers[field])
      .map(([letter]) => letter)
      .join(''),
  );
  for (const name of LAYER_NAMES)
    for (const [key, { setting }] of Object.entries(link(name).choices)) set(key, String(layers[setting]));
  for (const name of LAYER_NAMES) link(name).params?.encode(layers, set);
  if (layers.compareFromYear !== null) set('cf', String(layers.compareFromYear));
  for (const name of LAYER_NAMES) {
    const source = view.sources[name];
    if (source === undefined) continue;
    const key = link(name).source;
    if (typeof source === 'string') set(key, source);
    else {
      set(key, `ds:${source.datasetId}`);
      if (source.name) set(`${key}n`, source.name);
    }
  }
  return params.toString();
}

/** The view a query describes, over `defaults` for whatever it leaves out or gets wrong; null when it is not a view. */
export function decodeView(
  query: string | URLSearchParams,
  defaults: ViewState,
  options: DecodeOptions,
): ViewState | null {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  if (params.get('v') !== String(VIEW_VERSION)) return null;
  const get = (key: string) => params.get(key) ?? undefined;
  const [firstYear, lastYear] = options.years;
  const year = (text: string | undefined, from: number, to: number) => {
    const value = linkInteger(text);
    return value !== undefined && value >= from && value <= to ? value : undefined;
  };

  const d = defaults.layers;
  const on = get('on');
  const switches =
    on === undefined
      ? {}
      : Object.fromEntries(Object.entries(SWITCHES).map(([letter, field]) => [field, on.includes(letter)]));
  const choices = Object.fromEntries(
    LAYER_NAMES.flatMap((name) =>
      Object.entries(link(name).choices).map(([key, { setting, values }]) => [
        setting,
        linkChoice(get(key), values) ?? d[setting],
      ]),
    ),
  );
  const own = LAYER_NAMES.map((name) => link(name).params?.decode(get, d));
  const breaks = linkNumbers(get('br'));
  const classCount = linkInteger(get('k'));
  const layers: ViewLayers = Object.assign({ ...d, ...switches }, choices, ...own, {
    metric: linkChoice(get('m'), METRIC_IDS) ?? d.metric,
    choroplethLevel: linkChoice(get('lv'), ['county', 'prefecture'] as const) ?? d.choroplethLevel,
    method: linkChoice(get('cm'), CLASS_METHODS) ?? d.method,
    classCount: classCount !== undefined && classCount >= 2 && classCount <= 11 ? classCount : d.classCount,
    manualBreaks: breaks && breaks.length >= 1 && breaks.length <= 10 ? breaks : [...d.manualBreaks],
    compareFromYear: year(get('cf'), firstYear, lastYear) ?? d.compareFromYear,
  });

  const sources: ViewState['sources'] = { ...defaults.sources };
  for (const name of LAYER_NAMES) {
    const key = link(name).source;
    const source = viewSource(get(key), get(`${key}n`));
    if (source !== undefined) sources[name] = source;
  }
  const selected = get('sel');
  return {
    camera: camera(get('c'), get('z')) ?? defaults.camera,
    selectedAdcode: selected !== undefined && /^52\d{4}$/.test(selected) ? selected : defaults.selectedAdcode,
    asOfYear: year(get('y'), firstYear, lastYear) ?? defaults.asOfYear,
    layers,
    sources,
    locale: LOCALE_OF_LETTERS.get(get('l') ?? '') ?? defaults.locale,
  };
}

function camera(centre: string | undefined, zoom: string | undefined): ViewCamera | undefined {
  const [lon, lat] = (centre ?? '').split(',').map((part) => (part.trim() === '' ? NaN : Number(part)));
  const z = zoom === undefined || zoom.trim() === '' ? NaN : Number(zoom);
  if (![lon, lat, z].every(Number.isFinite)) return undefined;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 85 || z < 0 || z > 24) return undefined;
  return { lon, lat, zoom: z };
}

function viewSource(text: string | undefined, name: string | undefined): ViewSource | undefined {
  if (text === 'sample' || text === 'none') return text;
  const id = text?.startsWith('ds:') ? text.slice(3) : '';
  if (!/^[\w-]{1,100}$/.test(id)) return undefined;
  return { datasetId: id, name: (name ?? '').slice(0, 200) };
}
