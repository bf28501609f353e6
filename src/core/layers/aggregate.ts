// Stations summed into square cells for the low zooms, where 130,000 points would be a smear:
// one circle per cell sized by its count and coloured by the operator with the most stations.
// 5G stations only: the layer is the 5G build-out (4G points are an option from zoom 9).
// Recomputed in the worker on each filter change (one pass over the stations, a few ms).
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
  const { west, south, cellDegrees, columns, rows } = grid;
  const cells = columns * rows,
    operatorCount = stations.operators.length + 1;
  const counts = new Uint32Array(cells),
    byOperator = new Uint32Array(cells * operatorCount);
  const sumLon = new Float64Array(cells),
    sumLat = new Float64Array(cells);
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i] || stations.technology[i] !== 0) continue;
    const x = Math.floor((stations.lon[i] - west) / cellDegrees),
      y = Math.floor((stations.lat[i] - south) / cellDegrees);
    if (!(x >= 0 && x < columns && y >= 0 && y < rows)) continue;
    const cell = y * columns + x,
      operator = stations.operator[i];
    counts[cell]++;
    sumLon[cell] += stations.lon[i];
    sumLat[cell] += stations.lat[i];
    byOperator[cell * operatorCount + (operator === UNKNOWN_CATEGORY ? operatorCount - 1 : operator)]++;
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
