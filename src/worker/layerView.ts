// The four layers as loaded in the engine worker and what the page needs of them for a given
// time and station filter: the area figures, the GeoJSON MapLibre draws, the station cells for the
// low zooms. Work is cached by what it depends on: station radii and the modelled first-covered
// years once per loaded layer set, so a change of year or station filter only recounts (a few ms).
//
// Modelled coverage counts every station on air, whatever the filter: it answers "is this place
// covered", which does not depend on which operators the map is showing.
import type { AreaIndex } from '../core/areas';
import { nearest, type NearestResult } from '../core/coverage/stationGrid';
import { stationGrid } from './stationGrids';
import { stationRadiiMeters } from '../core/coverage/radius';
import { seatColumns } from '../core/coverage/seats';
import { computeAreaFigures, type FigureTable } from '../core/layers/figures';
import { modelledYearsOf, type ModelledCoverage } from '../core/layers/modelled';
import { placeFeatures, stationFeatures, villageFeatures } from '../core/layers/features';
import { GUIZHOU_CELLS, stationCells } from '../core/layers/aggregate';
import {
  filteredStations,
  NO_STATION_FILTER,
  stationFilterMask,
  type StationFilter,
} from '../core/layers/stationFilter';
import { townshipRows, type TownshipRow } from '../core/layers/townships';
import {
  LAYER_NAMES,
  type LayerName,
  type LayerSet,
  type LayerSource,
  type PlaceLayer,
} from '../core/layers/types';

export interface LayerInfo {
  sources: Partial<Record<LayerName, LayerSource & { rows: number }>>;
  operators: readonly string[];
  bands: readonly string[];
  /** Bumped whenever the station layer is replaced: the page then asks for stationGeojson again. */
  stationsVersion: number;
}

export interface ViewRequest {
  asOfYear: number;
  filter: StationFilter;
}

export interface ViewResult {
  figures: FigureTable;
  /** GeoJSON texts; villages only when the filter or the layer changed since the last view. */
  villages?: string;
  relocationSites: string;
  scenicAreas: string;
  stationCells: string;
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
  private villagesSent = false;
  private stationsVersion = 0;

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
    this.villagesSent = false;
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
    };
  }

  stationGeojson(includeFourG: boolean): string {
    const { stations } = this.layers;
    return stations ? stationFeatures(stations, this.radiiMeters!, includeFourG) : emptyCollection;
  }

  view({ asOfYear, filter }: ViewRequest): ViewResult {
    const started = performance.now();
    const modelled = this.modelledYears();
    const modelledMs = performance.now() - started;
    const { stations, villages, relocationSites, scenicAreas } = this.layers;
    const stationMask = stations && stationFilterMask(stations, filter, asOfYear);
    const figures = this.figures({ asOfYear, filter }, stationMask);
    const figuresMs = performance.now() - started - modelledMs;
    const villagesChanged = !this.villagesSent;
    this.villagesSent = true;
    return {
      figures,
      villages: villagesChanged
        ? villages
          ? villageFeatures(villages, modelled.villages5g!, modelled.villages4g!)
          : emptyCollection
        : undefined,
      relocationSites: this.placeGeojson(relocationSites, modelled.relocationSites5g, asOfYear),
      scenicAreas: this.placeGeojson(scenicAreas, modelled.scenicAreas5g, asOfYear),
      stationCells: stations ? stationCells(stations, stationMask!, GUIZHOU_CELLS) : emptyCollection,
      timings: { figuresMs, modelledMs, totalMs: performance.now() - started },
    };
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

  private placeGeojson(
    places: PlaceLayer | undefined,
    modelled5g: Int16Array | undefined,
    asOfYear: number,
  ): string {
    if (!places || !modelled5g) return emptyCollection;
    // Metres to the nearest 5G station on air by the year: a few hundred targets, so per view.
    const grid = stationGrid(this.modelledYears().columns, '5G', asOfYear);
    const meters = new Float64Array(places.lon.length).fill(Infinity);
    const found: NearestResult = { index: -1, meters: Infinity };
    if (grid.count > 0)
      for (let i = 0; i < meters.length; i++)
        meters[i] = nearest(grid, places.lon[i], places.lat[i], Infinity, found).meters;
    return placeFeatures(places, modelled5g, meters);
  }
}

const emptyCollection = '{"type":"FeatureCollection","features":[]}';
