// Every row of an imported table checked against its layer's fields: accepted into the columnar
// dataset, or rejected with at least one problem naming the user's row and the file's column.
//
// Rules:
// - Nothing is dropped: each input row is either accepted or rejected, and a rejected row lists
//   every problem found, so one round of fixes suffices.
// - Positions are converted to WGS84 first, then placed with countyAt (−1 = outside Guizhou). A
//   point outside that lands inside with longitude and latitude swapped is 'lat-lon-swapped':
//   reported, not silently swapped back. A longitude past ±180 or a latitude past ±90 (1e309
//   included) is 'out-of-range', naming the value and the range. Any other point outside is 'outside-guizhou', unless the
//   context keeps such points (the CLI counts them in an "outside" row): then it is accepted with
//   county −1.
// - Villages may lack coordinates: the 12-digit code places them in their county (and township).
//   With coordinates, the code's county and the point's county must agree.
// - Ids (the village code for villages) are unique: the second and later rows with an id are
//   rejected, naming the first row that had it.
// - One check, two ways of reading: a CSV table read on the fast path is read from its text
//   (rowCells.ts), its plain coordinates placed in one batch (plainPoints.ts); any other table cell by
//   cell from its strings, point by point. Both give the same result (fastPath.test.ts).
import { countyAt, type CountyIndex } from '../assign/countyIndex';
import type { Table } from '../io/table';
import type { CsvRows } from './csvRows';
import { DatasetBuilder, FLAG_UNKNOWN, type ImportedDataset, type RejectedRow } from './dataset';
import { tableCell } from './importedTable';
import { pointToWgs84, type Datum } from './datum';
import { KeyIndex } from './keyIndex';
import { placePlainPoints } from './plainPoints';
import { rowCells, type RowCells } from './rowCells';
import { DATASET_FIELDS, type FieldSpec, type DatasetKind, type Mapping } from './mapping';
import type { Problem } from './problems';
import {
  INVALID,
  MAX_YEAR,
  MIN_YEAR,
  parseNumber,
  readCount,
  readDate,
  readScenicLevel,
  readTechnology,
  readVillageCode,
  readYear,
  readYesNo,
} from './values';

export interface ValidationContext {
  datum: Datum;
  countyIndex: CountyIndex;
  /** County adcodes in the order of the county index. */
  countyAdcodes: readonly string[];
  /** Guizhou's village codes → county adcode (geodata/villages.csv). */
  villageCodes: ReadonlyMap<string, string>;
  /** Accept points outside Guizhou with county −1 instead of rejecting them (not swapped ones). */
  keepPointsOutside?: boolean;
}

export interface ValidationResult {
  accepted: ImportedDataset;
  rejected: RejectedRow[];
  /** The mapping's problems (no row) followed by every rejected row's problems, in row order. */
  problems: Problem[];
}

const KIND_TECHNOLOGY: Partial<Record<DatasetKind, '5G' | '4G'>> = { stations5g: '5G', stations4g: '4G' };

function declare(builder: DatasetBuilder, spec: FieldSpec): void {
  switch (spec.kind) {
    case 'category':
    case 'technology':
    case 'scenicLevel':
      builder.declareCategorical(spec.field);
      break;
    case 'flag':
      builder.declareFlag(spec.field);
      break;
    case 'year':
    case 'count':
      builder.declareNumeric(spec.field);
      break;
    case 'id':
    case 'text':
    case 'villageCode':
    case 'date':
      builder.declareText(spec.field);
      break;
    case 'longitude':
    case 'latitude':
      break;
  }
}

/** `onProgress` receives the share of rows checked (0–1), every 10,000 rows. */
export function validateRows(
  table: Table & { rowProblems?: Problem[]; csv?: CsvRows },
  mapping: Mapping,
  layer: DatasetKind,
  context: ValidationContext,
  onProgress?: (fraction: number) => void,
): ValidationResult {
  const specs = DATASET_FIELDS[layer];
  const { header, rowNumbers } = table;
  const rowCount = rowNumbers.length;
  const cells = rowCells(table);
  const mappingProblems: Problem[] = specs
    .filter((s) => s.required && mapping[s.field] === undefined)
    .map((s) => ({ code: 'unmapped-field', params: { field: s.field } }));
  const readerProblems = new Map<number, Problem[]>();
  for (const problem of table.rowProblems ?? []) {
    if (problem.row !== undefined)
      readerProblems.set(problem.row, [...(readerProblems.get(problem.row) ?? []), problem]);
  }
  const countyOfAdcode = new Map(context.countyAdcodes.map((adcode, k) => [adcode, k]));
  const keyField = layer === 'villages' ? 'villageCode' : 'id';
  const keyColumn = mapping[keyField];
  const firstRowOfKey = new KeyIndex(
    (index) => tableCell(table, index, keyColumn!).trim(),
    keyColumn === undefined ? 0 : rowCount,
  );
  const lonColumn = mapping.lon,
    latColumn = mapping.lat;
  const coordinatesRequired = specs.some((s) => s.kind === 'longitude' && s.required);
  const expectedTechnology = KIND_TECHNOLOGY[layer];
  const placed =
    cells.readsPlainNumbers && lonColumn !== undefined && latColumn !== undefined
      ? placePlainPoints(
          cells,
          rowCount,
          { lon: lonColumn, lat: latColumn },
          context.datum,
          context.countyIndex,
        )
      : undefined;
  // Accepted rows' positions are written over the placed ones, behind the row being read.
  const builder = new DatasetBuilder(layer, rowCount, placed);
  const mappedSpecs = specs.filter((s) => s.kind !== 'longitude' && s.kind !== 'latitude');
  for (const spec of mappedSpecs) declare(builder, spec);
  const specColumns = mappedSpecs.map((spec) => mapping[spec.field]);
  // The fields read row by row: those with a column, and those missing from every row (required
  // but without a column). Any other field is empty in every row, without a problem.
  const checkedFields = mappedSpecs.flatMap((spec, f) =>
    specColumns[f] !== undefined || spec.required ? [f] : [],
  );
  // A field without a column is empty in every row: the builder fills it once, not row by row.
  const writers = mappedSpecs.flatMap((spec, f) => {
    if (specColumns[f] !== undefined) return [{ f, write: writer(builder, spec) }];
    builder.leaveEmpty(spec.field);
    return [];
  });
  const usedColumns = new Set(Object.values(mapping).filter((c): c is number => c !== undefined));
  const extraColumns = header.flatMap((name, c) =>
    usedColumns.has(c) ? [] : [{ c, name: uniqueName(name, c, header) }],
  );
  for (const { name } of extraColumns) builder.declareExtra(name);
  const extraWriters = extraColumns.map(({ c, name }) => ({ c, set: builder.extraSetter(name) }));

  const rejected: RejectedRow[] = [];
  const values = new Array<unknown>(mappedSpecs.length);
  // The current row's problems, and the helpers that read the current row (made once, not per row).
  const problems: Problem[] = [];
  let rowNumber = 0;
  const problem = (column: number | undefined, code: Problem['code'], params: Problem['params']) =>
    problems.push({
      code,
      row: rowNumber,
      column: column === undefined ? undefined : header[column],
      params,
    });
  const lonCell = () => (lonColumn === undefined ? '' : cells.trimmed(lonColumn)),
    latCell = () => (latColumn === undefined ? '' : cells.trimmed(latColumn));
  /** Each number outside its range, with the value as written and the range. */
  const outOfRange = (x: number | null, y: number | null) => {
    if (x !== null && !(Math.abs(x) <= 180))
      problem(lonColumn, 'out-of-range', { field: 'lon', value: lonCell(), min: -180, max: 180 });
    if (y !== null && !(Math.abs(y) <= 90))
      problem(latColumn, 'out-of-range', { field: 'lat', value: latCell(), min: -90, max: 90 });
  };
  for (let i = 0; i < rowCount; i++) {
    if (onProgress && i % 10_000 === 0) onProgress(i / rowCount);
    cells.at(i);
    rowNumber = rowNumbers[i];
    const readerProblem = readerProblems.size > 0 ? readerProblems.get(rowNumber) : undefined;
    if (problems.length > 0) problems.length = 0;
    if (readerProblem) problems.push(...readerProblem);

    // Fields other than coordinates.
    let villageCounty = -1,
      villageCountyAdcode = '',
      villageCode = '',
      key = '';
    for (let k = 0; k < checkedFields.length; k++) {
      const f = checkedFields[k],
        spec = mappedSpecs[f],
        column = specColumns[f];
      values[f] = null;
      const value = column === undefined ? '' : cells.trimmed(column);
      if (value === '') {
        if (spec.required) problem(column, 'missing-value', { field: spec.field });
        continue;
      }
      if (column === keyColumn) key = value;
      switch (spec.kind) {
        case 'id':
        case 'text':
        case 'category':
          values[f] = value;
          break;
        case 'flag': {
          const flag = readYesNo(value);
          if (flag === INVALID) problem(column, 'not-yes-no', { value });
          else values[f] = flag;
          break;
        }
        case 'year': {
          const year = readYear(value);
          if (year === INVALID) problem(column, 'not-a-year', { value });
          else if (year !== null && (year < MIN_YEAR || year > MAX_YEAR))
            problem(column, 'year-out-of-range', { value: year, min: MIN_YEAR, max: MAX_YEAR });
          else values[f] = year;
          break;
        }
        case 'date': {
          const date = readDate(value);
          if (date === INVALID) problem(column, 'not-a-date', { value });
          else if (date !== null && (date.year < MIN_YEAR || date.year > MAX_YEAR))
            problem(column, 'year-out-of-range', { value: date.year, min: MIN_YEAR, max: MAX_YEAR });
          else values[f] = date?.iso ?? null;
          break;
        }
        case 'count': {
          const count = readCount(value);
          if (count === INVALID) problem(column, 'not-a-count', { value });
          else values[f] = count;
          break;
        }
        case 'technology': {
          const technology = readTechnology(value);
          if (technology === INVALID) problem(column, 'unknown-technology', { value });
          else if (expectedTechnology && technology !== expectedTechnology)
            problem(column, 'technology-mismatch', { value, expected: expectedTechnology });
          else values[f] = technology;
          break;
        }
        case 'scenicLevel': {
          const level = readScenicLevel(value);
          if (level === INVALID) problem(column, 'invalid-scenic-level', { value });
          else values[f] = level;
          break;
        }
        case 'villageCode': {
          const code = readVillageCode(value);
          if (code === INVALID || code === null) {
            problem(column, 'invalid-village-code', { value });
            break;
          }
          const adcode = context.villageCodes.get(code);
          if (adcode === undefined) {
            problem(column, 'unknown-village-code', { value: code });
            break;
          }
          values[f] = code;
          villageCode = code;
          villageCountyAdcode = adcode;
          villageCounty = countyOfAdcode.get(adcode) ?? -1;
          break;
        }
      }
    }

    // Coordinates. A cell's text is made only to be quoted in a problem.
    let lon = NaN,
      lat = NaN,
      county = villageCounty;
    // A placed row's coordinates are plain numbers, read once for all rows (plainPoints.ts).
    const isPlaced = placed !== undefined && placed.plain[i] === 1;
    const lonBlank = !isPlaced && (lonColumn === undefined || cells.blank(lonColumn)),
      latBlank = !isPlaced && (latColumn === undefined || cells.blank(latColumn));
    if (!readerProblem && (!lonBlank || !latBlank || coordinatesRequired)) {
      // A row placed in a county is done with its numbers (NaN below: unread); any other row reads
      // them, a placed one again.
      const placedInCounty = isPlaced && placed.county[i] !== -1;
      let x: number | null = NaN,
        y: number | null = NaN;
      if (!placedInCounty) {
        if (lonBlank) problem(lonColumn, 'missing-value', { field: 'lon' });
        if (latBlank) problem(latColumn, 'missing-value', { field: 'lat' });
        x = lonBlank ? null : coordinate(cells, lonColumn!);
        y = latBlank ? null : coordinate(cells, latColumn!);
        if (!lonBlank && x === null) problem(lonColumn, 'not-a-number', { value: lonCell() });
        if (!latBlank && y === null) problem(latColumn, 'not-a-number', { value: latCell() });
      }
      if (x === null || y === null) outOfRange(x, y);
      else {
        let wx: number, wy: number, pointCounty: number;
        if (isPlaced) {
          wx = placed.lon[i];
          wy = placed.lat[i];
          pointCounty = placed.county[i];
        } else {
          const inRange = Math.abs(x) <= 180 && Math.abs(y) <= 90;
          [wx, wy] = inRange ? pointToWgs84(x, y, context.datum) : [NaN, NaN];
          pointCounty = inRange ? countyAt(context.countyIndex, wx, wy) : -1;
        }
        if (pointCounty !== -1) {
          lon = wx;
          lat = wy;
          if (villageCounty !== -1 && pointCounty !== villageCounty) {
            problem(mapping.villageCode, 'village-county-mismatch', {
              value: villageCode,
              codeCounty: villageCountyAdcode,
              pointCounty: context.countyAdcodes[pointCounty] ?? '',
            });
          }
          county = pointCounty;
        } else {
          const swappedInRange = Math.abs(y) <= 180 && Math.abs(x) <= 90;
          const [sx, sy] = swappedInRange ? pointToWgs84(y, x, context.datum) : [NaN, NaN];
          if (swappedInRange && countyAt(context.countyIndex, sx, sy) !== -1)
            problem(lonColumn, 'lat-lon-swapped', { lon: lonCell(), lat: latCell() });
          else if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) outOfRange(x, y);
          else if (context.keepPointsOutside) {
            lon = wx;
            lat = wy;
            county = -1;
          } else problem(lonColumn, 'outside-guizhou', { lon: lonCell(), lat: latCell() });
        }
      }
    }

    // Duplicate ids, named by the first row that had the id (accepted or not).
    if (key !== '') {
      const first = firstRowOfKey.firstRow(key, i);
      if (first !== i) problem(keyColumn, 'duplicate-id', { value: key, firstRow: rowNumbers[first] });
    }

    if (problems.length > 0) {
      rejected.push({ rowIndex: i, row: cells.cells(), problems: problems.slice() });
      continue;
    }
    builder.addRow(rowNumber, lon, lat, county);
    for (let w = 0; w < writers.length; w++) writers[w].write(values[writers[w].f]);
    for (let e = 0; e < extraWriters.length; e++) extraWriters[e].set(cells.raw(extraWriters[e].c));
  }
  return {
    accepted: builder.finish(),
    rejected,
    problems: [...mappingProblems, ...rejected.flatMap((r) => r.problems)],
  };
}

/** What stores a field's value (null: none) in the row being added. */
function writer(builder: DatasetBuilder, spec: FieldSpec): (value: unknown) => void {
  switch (spec.kind) {
    case 'category':
    case 'technology':
    case 'scenicLevel': {
      const set = builder.categorySetter(spec.field);
      return (value) => set((value as string | null) ?? '');
    }
    case 'flag': {
      const set = builder.flagSetter(spec.field);
      return (value) => set((value as number | null) ?? FLAG_UNKNOWN);
    }
    case 'year':
    case 'count': {
      const set = builder.numberSetter(spec.field);
      return (value) => set((value as number | null) ?? NaN);
    }
    case 'id':
    case 'text':
    case 'villageCode':
    case 'date': {
      const set = builder.textSetter(spec.field);
      return (value) => set((value as string | null) ?? '');
    }
    case 'longitude':
    case 'latitude':
      return () => {};
  }
}

/** A coordinate's number: a plain one read from the characters, any other from the trimmed text. */
function coordinate(cells: RowCells, column: number): number | null {
  const plain = cells.plainNumber(column);
  return Number.isNaN(plain) ? coordinateNumber(cells.trimmed(column)) : plain;
}

/** A coordinate's number; "Infinity" too (a GeoJSON number past a double's range, where the platform cannot say how it was written), so it is reported out of range. */
function coordinateNumber(cell: string): number | null {
  if (/^[-+]?Infinity$/.test(cell)) return cell.startsWith('-') ? -Infinity : Infinity;
  return parseNumber(cell);
}

/** A header name made unique among the header ("备注" twice → "备注", "备注 (2)"), and never empty. */
function uniqueName(name: string, column: number, header: readonly string[]): string {
  const base = name.trim() === '' ? `column ${column + 1}` : name;
  const earlier = header.slice(0, column).filter((h) => h === name).length;
  return earlier === 0 ? base : `${base} (${earlier + 1})`;
}

/** geodata/villages.csv (code, …, countyAdcode, …) → village code → county adcode. */
export function parseVillageCodes(csvText: string): Map<string, string> {
  const lines = csvText.replace(/^\uFEFF/, '').split(/\r?\n/);
  const columns = lines[0].split(',');
  const code = columns.indexOf('code'),
    county = columns.indexOf('countyAdcode');
  const codes = new Map<string, string>();
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    // Codes and adcodes are digits and come before any quoted name that could hold a comma.
    const cells = lines[i].split(',');
    codes.set(cells[code], cells[county]);
  }
  return codes;
}
