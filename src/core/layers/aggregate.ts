// Stations summed into square cells for the low zooms, where 130,000 points would be a smear:
// one circle per cell sized by its count and coloured by the operator with the most stations.
// 5G stations only: the layer is the 5G build-out (4G points are an option from zoom 9).
// Recomputed in the worker on each filter change (one pass over the stations, a few ms; each
// station's cell is worked out once per loaded station layer).
import { UNKNOWN_CATEGORY } from './encoding';
import type { StationLayer } from './stationColumns';

export interface CellGrid {
  west: number;
  south: number;
  cellDegrees: number;
  columns: number;
  rows: number;
}

/** GeoJSON (text) of the non-empty cells: properties n count, o most common operator code. */
export function stationCells(stations: StationLayer, mask: Uint8Array, grid: CellGrid): string {
  const { columns, rows } = grid;
  const cells = columns * rows,
    operatorCount = stations.operators.length + 1;
  const counts = new Uint32Array(cells),
    byOperator = new Uint32Array(cells * operatorCount);
  const sumLon = new Float64Array(cells),
    sumLat = new Float64Array(cells);
  const { rows: gridRows, cells: gridCells } = stationCellIndex(stations, grid);
  const { lon, lat, operator } = stations;
  for (let k = 0; k < gridRows.length; k++) {
    const i = gridRows[k];
    if (!mask[i]) continue;
    const cell = gridCells[k],
      code = operator[i];
    counts[cell]++;
    sumLon[cell] += lon[i];
    sumLat[cell] += lat[i];
    byOperator[cell * operatorCount + (code === UNKNOWN_CATEGORY ? operatorCount - 1 : code)]++;
  }
  const features: string[] = [];
  for (let cell = 0; cell < cells; cell++) {
    if (counts[cell] === 0) continue;
    let top = 0;
    for (let o = 1; o < operatorCount; o++)
      if (byOperator[cell * operatorCount + o] > byOperator[cell * operatorCount + top]) top = o;
    const operator = top === operatorCount - 1 ? UNKNOWN_CATEGORY : top;
    // Drawn at the cell's centre of mass, so a cell with one town sits on the town.
    const lon = sumLon[cell] / counts[cell],
      lat = sumLat[cell] / counts[cell];
    features.push(
      `{"type":"Feature","geometry":{"type":"Point","coordinates":[${lon.toFixed(4)},${lat.toFixed(4)}]},"properties":{"n":${counts[cell]},"o":${operator}}}`,
    );
  }
  return `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
}

/** 0.1° cells over Guizhou's bounds, 103.5–109.6° E, 24.6–29.3° N (about 10 km; some 2,900 cells):
 * 威宁 reaches west of 103.6° and 道真 north of 29.2°, and a station outside the grid is not drawn. */
export const GUIZHOU_CELLS: CellGrid = { west: 103.5, south: 24.6, cellDegrees: 0.1, columns: 61, rows: 47 };

// The 5G stations within the grid and their cells, made once per station rows and grid: a filter
// or year change then only adds up, without the divisions and bounds tests, and skips the 4G rows.
interface StationCellIndex {
  /** The rows of the 5G stations within the grid, ascending (the sums then add in row order). */
  rows: Int32Array;
  /** Each one's cell. */
  cells: Int32Array;
}
const cellIndexes = new WeakMap<
  Float64Array,
  { stations: StationLayer; grid: CellGrid; index: StationCellIndex }
>();

function stationCellIndex(stations: StationLayer, grid: CellGrid): StationCellIndex {
  const cached = cellIndexes.get(stations.lon);
  if (cached?.stations === stations && cached.grid === grid) return cached.index;
  const { west, south, cellDegrees, columns, rows } = grid;
  const inGrid: number[] = [],
    cells: number[] = [];
  for (let i = 0; i < stations.lon.length; i++) {
    if (stations.technology[i] !== 0) continue;
    const x = Math.floor((stations.lon[i] - west) / cellDegrees),
      y = Math.floor((stations.lat[i] - south) / cellDegrees);
    if (!(x >= 0 && x < columns && y >= 0 && y < rows)) continue;
    inGrid.push(i);
    cells.push(y * columns + x);
  }
  const index = { rows: Int32Array.from(inGrid), cells: Int32Array.from(cells) };
  cellIndexes.set(stations.lon, { stations, grid, index });
  return index;
}
