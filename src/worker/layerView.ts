// The layers as loaded in the engine worker and what the page needs of them for a given time and
// station filter: the area figures and the map sources each layer declares (src/core/layers/
// registry.ts lists them): GeoJSON texts for the small ones, point tiles made on request for the
// stations and villages (the station cells stand for the single stations at low zooms). Work is
// cached by what it depends on: station radii and the modelled first-covered years once per loaded
// layer set, so a change of year or station filter only recounts (a few ms); the places' nearest 5G
// station for every year once per layer set too, so a year change builds no station grid; the
// stations' figures by kind of station (stations.ts), without a pass over them; a tile index once
// per layer's rows, built when the map first asks for one of its tiles.
//
// Rules relied on:
// - Modelled coverage counts every station on air, whatever the filter: it answers "is this place
//   covered", which does not depend on which operators the map is showing.
// - A source is in a view's result only when the page must redraw it: one refreshed with the rows
//   after the layers change, one refreshed per view when its text differs from the one last sent
//   (a station filter leaves the places as they were, and MapLibre need not parse them again). A
//   GeoJSON source comes as its text (an empty collection without data, so the map clears it); a
//   tile source as a new version number for its tiles' address, so MapLibre drops its cached
//   tiles and asks again.
// - Tiles hold every positioned row: the overlays' filter expressions choose what is drawn, so a
//   filter, year or 4G switch never sends a point again.
import type { AreaIndex } from '../core/areas';
import { nearestByYear, nearestMetersAt, type NearestByYear } from '../core/coverage/nearestByYear';
import { stationRadiiMeters } from '../core/coverage/radius';
import { seatColumns } from '../core/coverage/seats';
import type { SourceInputs, TileSource } from '../core/layers/definition';
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
import { encodePointTile, type PointTileLayer } from '../core/tiles/pointTile';
import { buildPointTileIndex, type PointTileIndex } from '../core/tiles/pointTileIndex';

export interface LayerInfo {
  sources: Partial<Record<LayerName, LayerSource & { rows: number }>>;
  operators: readonly string[];
  bands: readonly string[];
  /** Bumped whenever the station layer is replaced (tools that read the stations start again). */
  stationsVersion: number;
  /** Stations loaded per technology, whatever the filter: a modelled metric without its own has no value. */
  stationCounts?: { '5G': number; '4G': number };
}

export interface ViewRequest {
  asOfYear: number;
  filter: StationFilter;
}

/** The figures and what the map must redraw (see the rules above). */
export interface ViewResult {
  figures: FigureTable;
  /** GeoJSON texts by source name. */
  geojson: Partial<Record<OverlaySourceName, string>>;
  /** New versions of tile sources, by source name: the tiles' address changes with it. */
  tiles: Partial<Record<OverlaySourceName, number>>;
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
  /** The GeoJSON text last sent per source since the layers last changed. */
  private readonly geojsonSent = new Map<string, string>();
  /** Per point layer (by its lon column): the nearest 5G station by year, for the modelled stations. */
  private nearest5g = new WeakMap<Float64Array, NearestByYear>();
  private stationsVersion = 0;
  /** Per tile source: its layer as the tiles are written (made on the first tile asked for). */
  private readonly tileSources = new Map<string, { layer?: PointTileLayer; make?: () => PointTileLayer }>();
  /** Tile versions count up across every source and reload, so an address never comes back. */
  private tileVersion = 0;
  private readonly tileIndexes = new WeakMap<Float64Array, PointTileIndex>();

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
    this.geojsonSent.clear();
    this.nearest5g = new WeakMap();
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

  /** Makes the tile sources' layers not made yet (their index above all), so the first zoom need not. */
  warmTiles(): void {
    for (const entry of this.tileSources.values()) if (entry.make) entry.layer ??= entry.make();
  }

  /** Tile z/x/y of a tile source as MVT bytes (no features while its layer has no data). */
  tile(source: OverlaySourceName, z: number, x: number, y: number): Uint8Array {
    const entry = this.tileSources.get(source);
    if (!entry?.make) return new Uint8Array(0);
    entry.layer ??= entry.make();
    return encodePointTile(entry.layer, z, x, y);
  }

  view(request: ViewRequest): ViewResult {
    const started = performance.now();
    this.modelledYears();
    const modelledMs = performance.now() - started;
    const { stations } = this.layers;
    const stationMask = stations && stationFilterMask(stations, request.filter, request.asOfYear);
    const figures = this.figures(request);
    const figuresMs = performance.now() - started - modelledMs;
    const inputs = this.inputs(request, stationMask);
    const geojson: ViewResult['geojson'] = {};
    const tiles: ViewResult['tiles'] = {};
    for (const name of LAYER_NAMES)
      for (const [source, definition] of Object.entries(LAYERS[name].sources)) {
        if (definition.refresh === 'rows' && this.rowsSent) continue;
        if (definition.format === 'geojson') {
          const columns = this.layers[name];
          const text = columns ? definition.write(columns, inputs) : EMPTY_COLLECTION;
          if (this.geojsonSent.get(source) === text) continue;
          this.geojsonSent.set(source, text);
          geojson[source as OverlaySourceName] = text;
        } else tiles[source as OverlaySourceName] = this.prepareTiles(name, source, definition, inputs);
      }
    this.rowsSent = true;
    const timings = { figuresMs, modelledMs, totalMs: performance.now() - started };
    return { figures, geojson, tiles, timings };
  }

  /** The area figures alone, e.g. for another year to compare with. */
  figures({ asOfYear, filter }: ViewRequest): FigureTable {
    // The stations are counted by kind (stations.ts): no mask is needed for them.
    return computeAreaFigures(this.areas, {
      layers: this.layers,
      modelled: this.modelledYears(),
      asOfYear,
      stationFilter: filter,
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

  /** A tile source's next version; its layer is made when the map first asks for one of its tiles. */
  private prepareTiles(
    name: LayerName,
    source: string,
    definition: TileSource<NonNullable<LayerSet[LayerName]>, ModelledKey>,
    inputs: SourceInputs<ModelledKey>,
  ): number {
    const columns = this.layers[name];
    this.tileSources.set(source, {
      make:
        columns &&
        (() => ({
          name: source,
          index: this.tileIndex(columns.lon, columns.lat),
          properties: definition.properties(columns, inputs),
        })),
    });
    return ++this.tileVersion;
  }

  private tileIndex(lon: Float64Array, lat: Float64Array): PointTileIndex {
    let index = this.tileIndexes.get(lon);
    if (!index) this.tileIndexes.set(lon, (index = buildPointTileIndex(lon, lat)));
    return index;
  }

  private inputs({ asOfYear }: ViewRequest, stationMask?: Uint8Array): SourceInputs<ModelledKey> {
    return {
      asOfYear,
      modelled: this.modelledYears(),
      stationMask,
      stationRadiiMeters: this.radiiMeters,
      // Metres to the nearest 5G station on air by the year: a few hundred targets, every year
      // worked out on the first view.
      nearest5gMeters: (lon, lat) => {
        let table = this.nearest5g.get(lon);
        if (!table)
          this.nearest5g.set(lon, (table = nearestByYear(this.modelledYears().columns, '5G', lon, lat)));
        return nearestMetersAt(table, asOfYear, lon.length);
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
