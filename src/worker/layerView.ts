// The layers as loaded in the engine worker and what the page needs of them for a given time and
// station filter: the area figures and the GeoJSON each layer declares (src/core/layers/registry.ts
// lists them; the station cells stand for the single stations at low zooms). Work is cached by
// what it depends on: station radii and the modelled first-covered years once per loaded layer
// set, so a change of year or station filter only recounts (a few ms).
//
// Rules relied on:
// - Modelled coverage counts every station on air, whatever the filter: it answers "is this place
//   covered", which does not depend on which operators the map is showing.
// - A source is in a view's result only when the page must redraw it: one refreshed with the rows
//   after the layers change, one refreshed per view every time, one sent on request (the single
//   stations) never. A layer without data sends an empty collection, so the map clears it.
import type { AreaIndex } from '../core/areas';
import { nearest, type NearestResult } from '../core/coverage/stationGrid';
import { stationGrid } from './stationGrids';
import { stationRadiiMeters } from '../core/coverage/radius';
import { seatColumns } from '../core/coverage/seats';
import type { GeojsonInputs } from '../core/layers/definition';
import type { LayerSource } from '../core/layers/encoding';
import { computeAreaFigures, type FigureTable } from '../core/layers/figures';
import { EMPTY_COLLECTION } from '../core/layers/geojsonText';
import { modelledYearsOf, type ModelledCoverage } from '../core/layers/modelled';
import {
  LAYER_NAMES,
  LAYERS,
  type LayerName,
  type LayerSet,
  type ModelledKey,
  type OverlaySourceName,
} from '../core/layers/registry';
import {
  filteredStations,
  NO_STATION_FILTER,
  stationFilterMask,
  type StationFilter,
} from '../core/layers/stationFilter';
import { townshipRows, type TownshipRow } from '../core/layers/townships';
import { PLAN_LAST_YEAR } from '../core/planYears';

export interface LayerInfo {
  sources: Partial<Record<LayerName, LayerSource & { rows: number }>>;
  operators: readonly string[];
  bands: readonly string[];
  /** Bumped whenever the station layer is replaced: the page then asks for stationGeojson again. */
  stationsVersion: number;
  /** Stations loaded per technology, whatever the filter: a modelled metric without its own has no value. */
  stationCounts?: { '5G': number; '4G': number };
}

export interface ViewRequest {
  asOfYear: number;
  filter: StationFilter;
}

/** The figures and, by source name, the GeoJSON texts the map must redraw (see the rules above). */
export interface ViewResult extends Partial<Record<OverlaySourceName, string>> {
  figures: FigureTable;
  timings: { figuresMs: number; modelledMs: number; totalMs: number };
}

/** The modelled first-covered years, and the stations (all of them) and radii they came from. */
export type Modelled = ModelledCoverage;

/** What the planning tools (gaps, suggestions, comparisons) read: the loaded layers and the model. */
export interface LayerSnapshot {
  layers: LayerSet;
  modelled: Modelled;
}

export class LayerView {
  private layers: LayerSet = {};
  private radiiMeters?: Float32Array;
  private modelled?: Modelled;
  /** Whether the sources refreshed with the rows have been sent since the layers last changed. */
  private rowsSent = false;
  private stationsVersion = 0;
  private lastRequest: ViewRequest = { asOfYear: PLAN_LAST_YEAR, filter: NO_STATION_FILTER };

  constructor(private readonly areas: AreaIndex) {}

  setLayers(layers: LayerSet): LayerInfo {
    // The same layers again (a source chosen that was already shown) keep the cached model.
    if (LAYER_NAMES.every((name) => layers[name] === this.layers[name])) return this.info();
    if (layers.stations !== this.layers.stations) {
      this.stationsVersion++;
      this.radiiMeters = layers.stations && stationRadiiMeters(layers.stations, seatColumns(this.areas));
    }
    this.layers = layers;
    this.modelled = undefined;
    this.rowsSent = false;
    return this.info();
  }

  info(): LayerInfo {
    const sources: LayerInfo['sources'] = {};
    for (const name of LAYER_NAMES) {
      const layer = this.layers[name];
      if (layer) sources[name] = { ...layer.source, rows: layer.lon.length };
    }
    return {
      sources,
      operators: this.layers.stations?.operators ?? [],
      bands: this.layers.stations?.bands ?? [],
      stationsVersion: this.stationsVersion,
      stationCounts: technologyCounts(this.layers.stations?.technology),
    };
  }

  /** The single stations (5G, and 4G when asked) as GeoJSON: sent only on request, they are large. */
  stationGeojson(includeFourG: boolean): string {
    return this.write('stations', 'stations', this.inputs(this.lastRequest, includeFourG));
  }

  view(request: ViewRequest): ViewResult {
    const started = performance.now();
    this.modelledYears();
    const modelledMs = performance.now() - started;
    const { stations } = this.layers;
    const stationMask = stations && stationFilterMask(stations, request.filter, request.asOfYear);
    const figures = this.figures(request, stationMask);
    const figuresMs = performance.now() - started - modelledMs;
    this.lastRequest = request;
    const inputs = this.inputs(request, false, stationMask);
    const geojson: Partial<Record<OverlaySourceName, string>> = {};
    for (const name of LAYER_NAMES)
      for (const [source, { refresh }] of Object.entries(LAYERS[name].geojson))
        if (refresh === 'view' || (refresh === 'rows' && !this.rowsSent))
          geojson[source as OverlaySourceName] = this.write(name, source, inputs);
    this.rowsSent = true;
    return { figures, ...geojson, timings: { figuresMs, modelledMs, totalMs: performance.now() - started } };
  }

  /** The area figures alone, e.g. for another year to compare with. */
  figures({ asOfYear, filter }: ViewRequest, stationMask?: Uint8Array): FigureTable {
    const { stations } = this.layers;
    return computeAreaFigures(this.areas, {
      layers: this.layers,
      modelled: this.modelledYears(),
      asOfYear,
      stationMask: stationMask ?? (stations && stationFilterMask(stations, filter, asOfYear)),
      stationMaskAt2020: stations && stationFilterMask(stations, filter, 2020),
    });
  }

  snapshot(): LayerSnapshot {
    return { layers: this.layers, modelled: this.modelledYears() };
  }

  townships(
    countyAdcode: string,
    asOfYear: number,
    townshipNames: ReadonlyMap<string, string>,
  ): TownshipRow[] {
    const county = this.areas.counties.findIndex((c) => c.adcode === countyAdcode);
    const { villages } = this.layers;
    return villages && county >= 0
      ? townshipRows(villages, county, asOfYear, this.modelled?.villages5g, townshipNames)
      : [];
  }

  /** One GeoJSON source of a layer; an empty collection while the layer has no data. */
  private write(name: LayerName, source: string, inputs: GeojsonInputs<ModelledKey>): string {
    const columns = this.layers[name];
    return columns ? LAYERS[name].geojson[source].write(columns, inputs) : EMPTY_COLLECTION;
  }

  private inputs(
    { asOfYear }: ViewRequest,
    includeFourG: boolean,
    stationMask?: Uint8Array,
  ): GeojsonInputs<ModelledKey> {
    return {
      asOfYear,
      modelled: this.modelledYears(),
      stationMask,
      stationRadiiMeters: this.radiiMeters,
      includeFourG,
      // Metres to the nearest 5G station on air by the year: a few hundred targets, so per view.
      nearest5gMeters: (lon, lat) => {
        const grid = stationGrid(this.modelledYears().columns, '5G', asOfYear);
        const meters = new Float64Array(lon.length).fill(Infinity);
        const found: NearestResult = { index: -1, meters: Infinity };
        if (grid.count > 0)
          for (let i = 0; i < meters.length; i++)
            meters[i] = nearest(grid, lon[i], lat[i], Infinity, found).meters;
        return meters;
      },
    };
  }

  /** First modelled 5G (and 4G for villages) year of every target, by all stations. */
  private modelledYears(): Modelled {
    if (this.modelled) return this.modelled;
    const { stations } = this.layers;
    const empty = {
      columns: {
        lon: new Float64Array(0),
        lat: new Float64Array(0),
        bandClass: new Uint8Array(0),
        buildYear: new Int16Array(0),
      },
      radiiMeters: new Float32Array(0),
    };
    const { columns, radiiMeters } = stations
      ? filteredStations(stations, this.radiiMeters!, NO_STATION_FILTER)
      : empty;
    this.modelled = { columns, radiiMeters, ...modelledYearsOf(columns, radiiMeters, this.layers) };
    return this.modelled;
  }
}

/** Stations per technology (0 = 5G, 1 = 4G in the layer's column). */
function technologyCounts(technology: Uint8Array | undefined): { '5G': number; '4G': number } {
  let fourG = 0;
  if (technology) for (let i = 0; i < technology.length; i++) fourG += technology[i];
  return { '5G': (technology?.length ?? 0) - fourG, '4G': fourG };
}
