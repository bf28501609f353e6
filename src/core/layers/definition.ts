// What one map layer declares, as data in one module: its rows (read from the seeded sample or an
// imported dataset), the GeoJSON MapLibre draws of them, the figures counted per county and the
// metrics read from those figures, the coverage the model works out for it, its settings and the
// letters a share link writes them with. registry.ts lists every layer; the worker's view, the
// figures, the metrics, the settings and the share link loop over that list (the model is
// kepler.gl's layer folders: columns, channels and config declared as data, one registry).
//
// Rules relied on:
// - Columns are parallel arrays, one element per row; `lon`/`lat` NaN when the position is
//   unknown (such rows still count in their area); `county` the county index (ascending adcode,
//   as in the county index), −1 outside Guizhou; statuses and categories as in encoding.ts.
// - Figures are sums over rows per county (prefectures and the province are sums of counties).
// - A share metric is a percentage of another figure of its layer, NaN when that is 0, so
//   "unknown" never reads as "no"; the layer says which figure it is a share of.
// - Modelled first-covered years come from every station on air, whatever the map's filter.
import type { Technology } from '../coverage/types';
import type { Sample } from '../sample/generate';
import type { StoredDataset } from '../storedDataset';
import type { TileColumn } from '../tiles/pointTile';
import type { LayerSource } from './encoding';

/** The columns every layer has. */
export interface LayerColumns {
  lon: Float64Array;
  lat: Float64Array;
  county: Int16Array;
  source: LayerSource;
}

/** What reading the sample needs besides the sample: county adcode → index, and the source to name. */
export interface SampleContext {
  countyOf: ReadonlyMap<string, number>;
  source: LayerSource;
}

export type MetricUnit = 'per10k' | 'perKm2' | 'stations' | 'percent';
export interface AreaSize {
  population2020: number;
  areaKm2: number;
}

interface MetricBasics {
  digits: number;
  /** The plan's 2025 target in the metric's unit. */
  target?: number;
  /** Modelled metrics come from the coverage model, not from reported statuses. */
  modelled?: boolean;
}

/** A metric: a share of one figure in another (a percentage), or a value worked out from the figures. */
export type MetricDefinition<F extends string> = MetricBasics &
  (
    | { unit: 'percent'; share: { part: F; whole: F } }
    | { unit: Exclude<MetricUnit, 'percent'>; value(f: Readonly<Record<F, number>>, area: AreaSize): number }
  );

/** Which stations the user has asked to see (stationFilter.ts has the rule). */
export interface StationFilter {
  /** Operator names to keep; empty = all. */
  operators: string[];
  /** Band names to keep; empty = all. */
  bands: string[];
  /** Built in or after this year (inclusive); 0 = no lower bound. */
  fromYear: number;
}

/** What counting a layer's figures for one year needs besides its rows. */
export interface CountInputs<M extends string> {
  asOfYear: number;
  /** The layer's first modelled years (0 = never), by the keys it declares in `modelled`. */
  modelled: Partial<Record<M, Int16Array>>;
  /** Stations passing the filter and on air by asOfYear; and by the end of 2020. */
  stationMask?: Uint8Array;
  stationMaskAt2020?: Uint8Array;
  /** Instead of the masks: the filter they are made by, so the stations are counted by kind, not row by row. */
  stationFilter?: StationFilter;
}

/** What writing a layer's map source needs besides its rows: what the worker knows for the view. */
export interface SourceInputs<M extends string> {
  asOfYear: number;
  modelled: Partial<Record<M, Int16Array>>;
  /** Stations passing the filter and on air by asOfYear (undefined without stations). */
  stationMask?: Uint8Array;
  /** Each station's modelled radius (undefined without stations). */
  stationRadiiMeters?: Float32Array;
  /** Metres from each point to the nearest 5G station on air by asOfYear (Infinity: none). */
  nearest5gMeters(lon: Float64Array, lat: Float64Array): Float64Array;
}

/**
 * A source the engine writes whole as GeoJSON text (small ones: the station cells, the places).
 * `refresh` says when the page needs it again: 'rows' only when the layer's rows change, 'view' on
 * every view (a new year or station filter).
 */
export interface GeojsonSource<C, M extends string> {
  format: 'geojson';
  refresh: 'rows' | 'view';
  write(columns: C, inputs: SourceInputs<M>): string;
}

/**
 * A source of point vector tiles the engine makes on demand from the columns (src/core/tiles), for
 * layers of up to millions of points: nothing is sent until the map asks for a tile, and a new
 * `refresh` only changes the tiles' address. Every row with a position is in the tiles; the
 * overlay's filter expressions choose what is drawn, as the figures do.
 */
export interface TileSource<C, M extends string> {
  format: 'tiles';
  refresh: 'rows' | 'view';
  /** The zoom from which the map draws (and asks for) the tiles. */
  minZoom: number;
  /** The feature properties by their one-letter names, one value per row (the feature id is the row). */
  properties(columns: C, inputs: SourceInputs<M>): Record<string, TileColumn>;
}

export type OverlaySource<C, M extends string> = GeojsonSource<C, M> | TileSource<C, M>;

/** A & B & … of a union A | B | …: e.g. every layer's settings in one type. */
export type AllOf<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

type KeysOfType<S, T> = { [K in keyof S]-?: S[K] extends T ? K : never }[keyof S] & string;

/** A setting with a fixed set of values, written in a share link as one of them. */
export type SettingChoice<S> = {
  [K in KeysOfType<S, string>]: { setting: K; values: readonly S[K][] };
}[KeysOfType<S, string>];

/** Settings a share link writes and reads in the layer's own way (the station filter). */
export interface LinkParams<S> {
  /** Calls `set` for each parameter worth writing (an empty filter writes none). */
  encode(settings: S, set: (key: string, value: string) => void): void;
  /** The settings the parameters give, over `defaults` for whatever is missing or invalid. */
  decode(get: (key: string) => string | undefined, defaults: S): Partial<S>;
}

export interface LayerSettingsDefinition<S> {
  defaults: S;
  /** The switch that shows the layer. */
  visible: KeysOfType<S, boolean>;
  /** How a share link writes the settings; every key and letter is unique across the layers. */
  link: {
    /** The parameter naming the layer's data source (sample, none, or a dataset). */
    source: string;
    /** One letter in `on=` per switch that is on. */
    switches: Record<string, KeysOfType<S, boolean>>;
    /** One parameter per setting with a fixed set of values. */
    choices: Record<string, SettingChoice<S>>;
    params?: LinkParams<S>;
  };
}

/**
 * One map layer. C its columns, F its figures, M its modelled-year keys, Id its metric ids, S its
 * settings, G its map sources; defineLayer infers them from what the layer lists (NoInfer marks
 * the places that must agree with those lists rather than add to them). Methods, not function
 * properties, so the registry can hold every layer as a LayerDefinition of the widest types.
 */
export interface LayerDefinition<
  C extends LayerColumns = LayerColumns,
  F extends string = string,
  M extends string = string,
  Id extends string = string,
  // any, not object: the registry holds layers whose settings have nothing in common
  S extends object = any,
  G extends string = string,
> {
  /** The import layers (src/core/import) whose datasets this layer draws. */
  datasetLayers: readonly string[];
  fromDataset(dataset: StoredDataset): C;
  /** The layer's rows in the seeded sample; a layer the sample does not generate has none. */
  fromSample?(sample: Sample, context: SampleContext): NoInfer<C>;
  /** First-covered years the model works out for every row, by key and technology. */
  modelled: Record<M, Technology>;
  figures: readonly F[];
  /** Adds the rows' counts as of inputs.asOfYear into `county` (one element per county). */
  countFigures(
    columns: NoInfer<C>,
    county: Record<NoInfer<F>, Float64Array>,
    inputs: CountInputs<NoInfer<M>>,
  ): void;
  /** In the order the panels list them. */
  metrics: Record<Id, MetricDefinition<NoInfer<F>>>;
  /** The map sources the engine writes for the layer, by name. */
  sources: Record<G, OverlaySource<NoInfer<C>, NoInfer<M>>>;
  settings: LayerSettingsDefinition<S>;
}

export const defineLayer = <
  C extends LayerColumns,
  F extends string,
  M extends string,
  Id extends string,
  S extends object,
  G extends string,
>(
  layer: LayerDefinition<C, F, M, Id, S, G>,
) => layer;
