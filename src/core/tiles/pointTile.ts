// One Mapbox Vector Tile (MVT 2.1) of a point layer, written straight from its columns with the
// protobuf writer `pbf`: the engine worker answers MapLibre's tile requests with these, so the map
// never receives one GeoJSON feature per point (130,000 stations were 16 MB of GeoJSON text).
//
// Rules relied on:
// - Each feature is one point, its id the layer row (the inspector asks the engine about that row);
//   its properties are the layer's one-letter columns, numbers or strings, as in its GeoJSON before.
// - A point is written in the tile that contains it and no other (no buffer): MapLibre does not clip
//   circles at tile edges, so a dot near a seam is still drawn whole, and drawn once.
// - Integers are written as uint/sint values, other numbers (NaN too) as doubles: MapLibre reads
//   them back as the same numbers, so the layers' filter expressions work unchanged.
import { PbfWriter } from 'pbf';
import { INDEX_ZOOM, tileRange, type PointTileIndex } from './pointTileIndex';

export const TILE_EXTENT = 4096;

/** A property column: one number or string per layer row. */
export type TileColumn = ArrayLike<number> | readonly string[];

export interface PointTileLayer {
  /** The MVT layer name (the style layers' `source-layer`). */
  name: string;
  index: PointTileIndex;
  properties: Readonly<Record<string, TileColumn>>;
}

/** The column 0, 1, … count − 1: a layer's row as a property (`i`), for the inspector. */
export function rowNumbers(count: number): Uint32Array {
  const rows = new Uint32Array(count);
  for (let i = 0; i < count; i++) rows[i] = i;
  return rows;
}

const POINT = 1;
const MOVE_TO_ONE = (1 << 3) | 1;
const zigzag = (n: number) => (n << 1) ^ (n >> 31);

interface LayerWriting {
  layer: PointTileLayer;
  columns: TileColumn[];
  keys: string[];
  start: number;
  end: number;
  scale: number;
  x: number;
  y: number;
}

/** The tile z/x/y of the layer as MVT bytes (a layer with no features when none fall in it). */
export function encodePointTile(layer: PointTileLayer, z: number, x: number, y: number): Uint8Array {
  const [start, end] = tileRange(layer.index, z, x, y);
  const keys = Object.keys(layer.properties);
  const pbf = new PbfWriter();
  const writing: LayerWriting = {
    layer,
    columns: keys.map((key) => layer.properties[key]),
    keys,
    start,
    end,
    scale: 2 ** z,
    x,
    y,
  };
  pbf.writeMessage(3, writeLayer, writing);
  return pbf.finish();
}

function writeLayer(writing: LayerWriting, pbf: PbfWriter): void {
  const { layer, columns, keys, start, end, scale, x, y } = writing;
  const { index } = layer;
  pbf.writeVarintField(15, 2);
  pbf.writeStringField(1, layer.name);
  pbf.writeVarintField(5, TILE_EXTENT);
  const values = new ValueTable();
  const tags: number[] = new Array(keys.length * 2);
  const geometry = [MOVE_TO_ONE, 0, 0];
  const feature = { row: 0, tags, geometry };
  const deeper = Math.log2(scale) > INDEX_ZOOM;
  for (let k = start; k < end; k++) {
    const px = Math.round((index.x[k] * scale - x) * TILE_EXTENT);
    const py = Math.round((index.y[k] * scale - y) * TILE_EXTENT);
    // Below zoom 16 the range is the zoom-16 tile's: keep only this tile's points.
    if (deeper && (px < 0 || py < 0 || px >= TILE_EXTENT || py >= TILE_EXTENT)) continue;
    const row = index.rows[k];
    for (let p = 0; p < columns.length; p++) {
      tags[2 * p] = p;
      tags[2 * p + 1] = values.indexOf(columns[p][row]);
    }
    geometry[1] = zigzag(px);
    geometry[2] = zigzag(py);
    feature.row = row;
    pbf.writeMessage(2, writeFeature, feature);
  }
  for (const key of keys) pbf.writeStringField(3, key);
  for (const value of values.list) pbf.writeMessage(4, writeValue, value);
}

function writeFeature(feature: { row: number; tags: number[]; geometry: number[] }, pbf: PbfWriter): void {
  pbf.writeVarintField(1, feature.row);
  if (feature.tags.length) pbf.writePackedVarint(2, feature.tags);
  pbf.writeVarintField(3, POINT);
  pbf.writePackedVarint(4, feature.geometry);
}

function writeValue(value: number | string, pbf: PbfWriter): void {
  if (typeof value === 'string') pbf.writeStringField(1, value);
  else if (Number.isInteger(value) && value >= 0) pbf.writeVarintField(5, value);
  else if (Number.isInteger(value)) pbf.writeSVarintField(6, value);
  else pbf.writeDoubleField(3, value);
}

/** The tile's values, each once (MVT shares one value table among all keys of a layer). */
class ValueTable {
  readonly list: Array<number | string> = [];
  private readonly numbers = new Map<number, number>();
  private readonly strings = new Map<string, number>();

  indexOf(value: number | string): number {
    const table = typeof value === 'string' ? this.strings : this.numbers;
    let at = (table as Map<number | string, number>).get(value);
    if (at === undefined) {
      at = this.list.length;
      this.list.push(value);
      (table as Map<number | string, number>).set(value, at);
    }
    return at;
  }
}
