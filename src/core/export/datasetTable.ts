// A stored dataset back to rows and files: CSV (RFC 4180, with a BOM so Excel in China reads the
// Chinese), GeoJSON (points, WGS84) and the rows an XLSX writer needs. Text stays text: a name such
// as `<img src=x onerror=alert(1)>` is written verbatim, quoted where CSV needs it.
//
// Rules: integer-coded columns with a dictionary are written as their labels; NaN and the
// "unknown" code 255 of a flag column are written empty; lon/lat are written with 6 decimals.
import type { ColumnArray, StoredDataset } from '../storedDataset';
import { csvCell } from '../io/csv';

export interface RowTable {
  header: string[];
  rows: string[][];
}

const FLAG_UNKNOWN = 255;
const COORDINATE_COLUMNS = new Set(['lon', 'lat']);

function cellText(column: ColumnArray, name: string, i: number, labels?: string[]): string {
  const value = column[i];
  if (typeof value === 'string') return value;
  if (labels) return labels[value] ?? '';
  if (Number.isNaN(value)) return '';
  if (column instanceof Uint8Array && value === FLAG_UNKNOWN) return '';
  return COORDINATE_COLUMNS.has(name) ? value.toFixed(6) : String(value);
}

export function datasetTable(dataset: StoredDataset): RowTable {
  const header = Object.keys(dataset.columns);
  const rows: string[][] = new Array(dataset.rowCount);
  for (let i = 0; i < dataset.rowCount; i++) {
    rows[i] = header.map((name) => cellText(dataset.columns[name], name, i, dataset.dictionaries?.[name]));
  }
  return { header, rows };
}

export function tableToCsv({ header, rows }: RowTable, options: { byteOrderMark?: boolean } = {}): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return (options.byteOrderMark ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

/** Points with coordinates become features with every other column as a property. */
/** GeoJSON points of the rows with coordinates; `leftOut` counts the rows without, which it cannot hold. */
export function datasetToGeoJson(dataset: StoredDataset): { text: string; leftOut: number } {
  const { header, rows } = datasetTable(dataset);
  const lon = dataset.columns.lon,
    lat = dataset.columns.lat;
  const features: unknown[] = [];
  rows.forEach((row, i) => {
    const x = lon?.[i],
      y = lat?.[i];
    if (typeof x !== 'number' || typeof y !== 'number' || Number.isNaN(x) || Number.isNaN(y)) return;
    const properties = Object.fromEntries(
      header.map((h, c) => [h, row[c]]).filter(([h]) => !COORDINATE_COLUMNS.has(h)),
    );
    features.push({
      type: 'Feature',
      properties,
      geometry: { type: 'Point', coordinates: [Number(x.toFixed(6)), Number(y.toFixed(6))] },
    });
  });
  return {
    text: JSON.stringify({ type: 'FeatureCollection', name: dataset.name, features }),
    leftOut: rows.length - features.length,
  };
}
