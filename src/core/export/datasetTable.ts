// A stored dataset back to rows and files: CSV (RFC 4180, with a BOM so Excel in China reads the
// Chinese), GeoJSON (points, WGS84) and the rows an XLSX writer needs. Text stays text: a name such
// as `<img src=x onerror=alert(1)>` is written verbatim, quoted where CSV needs it.
//
// Rules: integer-coded columns with a dictionary are written as their labels; NaN and the
// "unknown" code 255 of a flag column are written empty; lon/lat are written with 6 decimals.
// The table for people (datasetTableForPeople, what the dataset list's CSV and XLSX buttons
// write) also: headings in the reader's language; the county as its code and name (the stored
// column is an index into the county list, ascending adcode); statuses as yes / no / unknown in
// words; the layer's fields in the import's order (a field the file did not have, empty or unknown
// in every row, left out), the file's own extra columns after them under their own headers, the
// source row number last; numbers as stored, nothing rounded.
import type { ColumnArray, StoredDataset } from '../storedDataset';
import { DATASET_FIELDS, DATASET_KINDS, type DatasetKind } from '../import/mapping';
import type { RowTable } from './textTable';
import { FLAG_UNKNOWN } from '../flags';

export { tableToCsv, type RowTable } from './textTable';

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

/** Every column an import stores: each dataset kind's fields, the county index and the source row. */
export const DATASET_COLUMN_NAMES = [
  ...new Set(DATASET_KINDS.flatMap((kind) => DATASET_FIELDS[kind].map((spec) => spec.field))),
  'county',
  'sourceRow',
];
/** The columns the table for people writes in place of the county index. */
export const COUNTY_COLUMNS = ['countyCode', 'countyName'] as const;

/** What the table for people writes, already translated. */
export interface DatasetWords {
  /** Headings by stored column name (DATASET_COLUMN_NAMES) and for COUNTY_COLUMNS. */
  headings: Readonly<Record<string, string>>;
  status: { yes: string; no: string; unknown: string };
  /** The counties in the county index's order (ascending adcode). */
  counties: readonly { adcode: string; name: string }[];
}

type PeopleColumn = {
  name: string;
  heading: string;
  text: (i: number) => string;
  numberFormat: string | null;
  /** Whether row i holds anything (a flag other than unknown, a number, some text). */
  holds: (i: number) => boolean;
};

/** Whether any row of the column holds anything: a field the file did not have holds nothing. */
function anyHeld(column: PeopleColumn, rowCount: number): boolean {
  for (let i = 0; i < rowCount; i++) if (column.holds(i)) return true;
  return false;
}

function peopleColumn(dataset: StoredDataset, name: string, words: DatasetWords): PeopleColumn {
  const column = dataset.columns[name];
  const heading = Object.hasOwn(words.headings, name) ? words.headings[name] : name;
  const labels = dataset.dictionaries?.[name];
  if (Array.isArray(column))
    return { name, heading, text: (i) => column[i], numberFormat: null, holds: (i) => column[i] !== '' };
  if (labels) {
    const text = (i: number) => labels[column[i]] ?? '';
    return { name, heading, text, numberFormat: null, holds: (i) => text(i) !== '' };
  }
  if (column instanceof Uint8Array) {
    const { yes, no, unknown } = words.status;
    const text = (i: number) => (column[i] === 1 ? yes : column[i] === 0 ? no : unknown);
    return { name, heading, text, numberFormat: null, holds: (i) => column[i] === 0 || column[i] === 1 };
  }
  const coordinate = COORDINATE_COLUMNS.has(name);
  const text = (i: number) =>
    Number.isNaN(column[i]) ? '' : coordinate ? column[i].toFixed(6) : String(column[i]);
  return {
    name,
    heading,
    text,
    numberFormat: coordinate ? '0.000000' : '',
    holds: (i) => !Number.isNaN(column[i]),
  };
}

/** The dataset as people read it (see the rules above). */
export function datasetTableForPeople(dataset: StoredDataset, words: DatasetWords): RowTable {
  const stored = Object.keys(dataset.columns);
  const fieldOrder = (DATASET_FIELDS[dataset.layer as DatasetKind] ?? []).map((spec) => spec.field);
  const known = new Set(DATASET_COLUMN_NAMES);
  const fields = fieldOrder.filter((name) => name in dataset.columns && !COORDINATE_COLUMNS.has(name));
  const otherKnown = stored.filter(
    (name) => known.has(name) && !fieldOrder.includes(name) && !['county', 'sourceRow'].includes(name),
  );
  const extras = stored.filter((name) => !known.has(name));
  const ownFields = (names: string[]) =>
    names
      .map((name) => peopleColumn(dataset, name, words))
      .filter((column) => anyHeld(column, dataset.rowCount));
  const columns = ownFields([...fields, ...otherKnown]);
  const county = dataset.columns.county;
  if (county && !Array.isArray(county)) {
    const countyAt = (i: number) => words.counties[county[i]];
    columns.push(
      {
        name: 'countyCode',
        heading: words.headings.countyCode,
        text: (i) => countyAt(i)?.adcode ?? '',
        numberFormat: null,
        holds: (i) => countyAt(i) !== undefined,
      },
      {
        name: 'countyName',
        heading: words.headings.countyName,
        text: (i) => countyAt(i)?.name ?? '',
        numberFormat: null,
        holds: (i) => countyAt(i) !== undefined,
      },
    );
  }
  const present = (names: string[]) => names.filter((name) => name in dataset.columns);
  const coordinates = ownFields(present(['lon', 'lat']));
  // Both or neither: a file with positions keeps both columns even when one row lacks them.
  if (coordinates.length > 0)
    columns.push(...present(['lon', 'lat']).map((name) => peopleColumn(dataset, name, words)));
  for (const name of present([...extras, 'sourceRow'])) columns.push(peopleColumn(dataset, name, words));
  const rows: string[][] = new Array(dataset.rowCount);
  for (let i = 0; i < dataset.rowCount; i++) rows[i] = columns.map((column) => column.text(i));
  return {
    header: columns.map((column) => column.heading),
    rows,
    numberFormats: columns.map((column) => column.numberFormat),
  };
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
