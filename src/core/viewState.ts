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
import { LAYER_NAMES, type LayerName } from './layers/types';
import { METRIC_IDS } from './metrics';
import { COVERAGE_BASES, VILLAGE_COLOURINGS, type LayerSettings } from './layerSettings';

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

// One letter per switch in `on=` (the switches that are on).
const SWITCHES = {
  s: 'stationsVisible',
  d: 'discsVisible',
  '4': 'fourGVisible',
  v: 'villagesVisible',
  r: 'relocationVisible',
  a: 'scenicVisible',
  c: 'choroplethVisible',
} as const satisfies Record<string, keyof ViewLayers>;
const SOURCE_KEYS: Record<LayerName, string> = {
  stations: 'st',
  villages: 'vi',
  relocationSites: 'rs',
  scenicAreas: 'sc',
};
// A Map, not an object: a link's `l=__proto__` must find nothing, not Object.prototype.
const LOCALE_OF_LETTERS = new Map<string, Locale>([
  ['zh', 'zh-CN'],
  ['en', 'en'],
]);

const round = (value: number, digits: number) => String(Number(value.toFixed(digits)));
const list = (values: readonly (string | number)[]) => values.join(',');

/** The view as query parameters (without the leading "?"). */
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
  if (layers.method === 'manual') set('br', list(layers.manualBreaks));
  set(
    'on',
    Object.entries(SWITCHES)
      .filter(([, field]) => layers[field])
      .map(([letter]) => letter)
      .join(''),
  );
  set('vc', layers.villageColouring);
  set('rb', layers.relocationBasis);
  if (layers.filter.operators.length) set('op', list(layers.filter.operators));
  if (layers.filter.bands.length) set('bd', list(layers.filter.bands));
  if (layers.filter.fromYear) set('fy', String(layers.filter.fromYear));
  if (layers.compareFromYear !== null) set('cf', String(layers.compareFromYear));
  for (const layer of LAYER_NAMES) {
    const source = view.sources[layer];
    if (source === undefined) continue;
    const key = SOURCE_KEYS[layer];
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
    const value = integer(text);
    return value !== undefined && value >= from && value <= to ? value : undefined;
  };

  const d = defaults.layers;
  const on = get('on');
  const switches =
    on === undefined
      ? {}
      : Object.fromEntries(Object.entries(SWITCHES).map(([letter, field]) => [field, on.includes(letter)]));
  const breaks = numbers(get('br'));
  const classCount = integer(get('k'));
  const fromYear = integer(get('fy'));
  const layers: ViewLayers = {
    ...d,
    ...switches,
    metric: oneOf(get('m'), METRIC_IDS) ?? d.metric,
    choroplethLevel: oneOf(get('lv'), ['county', 'prefecture'] as const) ?? d.choroplethLevel,
    method: oneOf(get('cm'), CLASS_METHODS) ?? d.method,
    classCount: classCount !== undefined && classCount >= 2 && classCount <= 11 ? classCount : d.classCount,
    manualBreaks: breaks && breaks.length >= 1 && breaks.length <= 10 ? breaks : [...d.manualBreaks],
    villageColouring: oneOf(get('vc'), VILLAGE_COLOURINGS) ?? d.villageColouring,
    relocationBasis: oneOf(get('rb'), COVERAGE_BASES) ?? d.relocationBasis,
    filter: {
      operators: names(get('op')) ?? [...d.filter.operators],
      bands: names(get('bd')) ?? [...d.filter.bands],
      fromYear:
        fromYear !== undefined && (fromYear === 0 || (fromYear >= 1990 && fromYear <= 2100))
          ? fromYear
          : d.filter.fromYear,
    },
    compareFromYear: year(get('cf'), firstYear, lastYear) ?? d.compareFromYear,
  };

  const sources: ViewState['sources'] = { ...defaults.sources };
  for (const layer of LAYER_NAMES) {
    const source = viewSource(get(SOURCE_KEYS[layer]), get(`${SOURCE_KEYS[layer]}n`));
    if (source !== undefined) sources[layer] = source;
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

function integer(text: string | undefined): number | undefined {
  return text !== undefined && /^-?\d{1,6}$/.test(text) ? Number(text) : undefined;
}

function oneOf<T extends string>(text: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((value) => value === text);
}

/** Comma-separated finite numbers in ascending order, or undefined. */
function numbers(text: string | undefined): number[] | undefined {
  if (!text) return undefined;
  const values = text.split(',').map((part) => (part.trim() === '' ? NaN : Number(part)));
  return values.every(Number.isFinite) && values.every((value, i) => i === 0 || value > values[i - 1])
    ? values
    : undefined;
}

/** Comma-separated labels (operators, bands), or undefined when there are none. */
function names(text: string | undefined): string[] | undefined {
  const values = text
    ?.split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && part.length <= 100);
  return values && values.length > 0 && values.length <= 50 ? values : undefined;
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
