// One import, step by step, inside the data worker: read the file, let the user map its columns,
// validate every row, then store the accepted rows in IndexedDB in one transaction. The page only
// ever receives small things: the header, a few preview rows, counts, the first problems, each
// text clipped to PAGE_TEXT_CHARS, so no file can make the page clone megabytes; the rejected rows
// go out as bytes, transferred.
import { countyIndexOf } from '../core/assign/countyIndex';
import { fetchJson, fetchText } from './fetch';
import type { CountyCollection } from '../core/areas';
import { rejectedRowsCsv } from '../core/import/dataset';
import { tableRow, type ImportedTable } from '../core/import/importedTable';
import {
  guessDatum,
  guessDatasetKind,
  guessMapping,
  type DatumGuess,
  type DatasetKind,
  type Mapping,
} from '../core/import/mapping';
import { englishMessage, type Problem } from '../core/import/problems';
import { readFile } from '../core/import/readers';
import { xmldomParser } from '../core/import/xmlParser';
import {
  parseVillageCodes,
  validateRows,
  type ValidationContext,
  type ValidationResult,
} from '../core/import/validate';
import type { Datum } from '../core/import/datum';
import type { Locale } from '../core/format';
import { saveDataset } from '../storage/datasets';
import type { DatasetMetadata } from '../storage/types';
import { toStoredDataset } from '../core/storedDataset';
export { toStoredDataset };
import { problemMessage } from '../core/import/messages';
import { clipText } from '../core/import/limits';
import type { ForcedEncoding } from '../core/io/decode';

export interface GeodataUrls {
  counties: string;
  villages: string;
}
/** A row of the file as read, for a person to judge the encoding by. */
export interface SampleRow {
  row: number;
  text: string;
}
export interface Inspection {
  fileName: string;
  format: string;
  /** The encoding the text was read in ('utf-8', 'utf-8-bom', 'gb18030', a .cpg's); none for XLSX. */
  encoding?: string;
  /** Set when the user chose the encoding. */
  encodingForced?: ForcedEncoding;
  /** Whether the file can be read again in another encoding (text files, Shapefile attributes). */
  encodingSwitchable: boolean;
  /** The first row holding other than ASCII (else the first row), as decoded. */
  sample?: SampleRow;
  /** Rows holding bytes the encoding could not read, and the first of them. */
  invalidByteRows: number;
  firstInvalidByteRow?: SampleRow;
  rowCount: number;
  header: string[];
  previewRows: string[][];
  layer: DatasetKind;
  mapping: Mapping;
  datum: DatumGuess;
  readerProblemCount: number;
}
export interface ValidationReport {
  acceptedCount: number;
  rejectedCount: number;
  problemCount: number;
  /** The first problems in row order, for the on-screen report (the CSV download has them all). */
  problems: Problem[];
  previewLon: Float64Array;
  previewLat: Float64Array;
}

const PREVIEW_ROWS = 20,
  PREVIEW_POINTS = 2_000,
  REPORTED_PROBLEMS = 500,
  /** Any one text sent to the page: a cell, a column name, a problem's value. */
  PAGE_TEXT_CHARS = 200,
  SAMPLE_CHARS = 160,
  /** Rows looked through for a sample holding other than ASCII. */
  SAMPLE_SEARCH_ROWS = 1_000;

const clip = (text: string) => clipText(text, PAGE_TEXT_CHARS);
// Rows are read with tableRow: a CSV table keeps its rows in its text, and only these few are made.
const sampleOf = (table: ImportedTable, i: number): SampleRow => ({
  row: table.rowNumbers[i],
  text: clipText(
    tableRow(table, i)
      .map((cell) => cell.slice(0, SAMPLE_CHARS))
      .join(', '),
    SAMPLE_CHARS,
  ),
});

/** The first row holding other than ASCII, else the first row: where an encoding shows. */
function sampleRow(table: ImportedTable): SampleRow | undefined {
  const rows = Math.min(table.rowNumbers.length, SAMPLE_SEARCH_ROWS);
  for (let i = 0; i < rows; i++)
    if (tableRow(table, i).some((cell) => /[^\x00-\x7f]/.test(cell))) return sampleOf(table, i);
  return table.rowNumbers.length > 0 ? sampleOf(table, 0) : undefined;
}

/** A problem fit for the page: its column and text parameters clipped. */
const pageProblem = (problem: Problem): Problem => ({
  ...problem,
  column: problem.column === undefined ? undefined : clip(problem.column),
  params: Object.fromEntries(
    Object.entries(problem.params).map(([key, value]) => [
      key,
      typeof value === 'string' ? clip(value) : value,
    ]),
  ),
});

export class ImportJob {
  private table?: ImportedTable;
  private fileName = '';
  private result?: ValidationResult;
  private layer?: DatasetKind;
  private datum?: Datum;
  private context?: Promise<Omit<ValidationContext, 'datum'>>;

  constructor(private readonly urls: GeodataUrls) {}

  async inspect(
    fileName: string,
    bytes: Uint8Array,
    options: { onProgress?: (fraction: number) => void; encoding?: ForcedEncoding } = {},
  ): Promise<Inspection> {
    this.context ??= loadContext(this.urls);
    // Workers have no DOMParser: KML is parsed with xmldom here.
    const table = await readFile(fileName, bytes, { parseXml: xmldomParser, ...options });
    this.table = table;
    this.fileName = fileName;
    this.result = undefined;
    const layer = guessDatasetKind(table.header);
    const mapping = guessMapping(table.header, layer);
    const invalid = table.rowProblems.filter((p) => p.code === 'invalid-bytes');
    const firstInvalid = invalid.length > 0 ? table.rowNumbers.indexOf(invalid[0].row!) : -1;
    return {
      fileName,
      format: table.format,
      encoding: table.encoding,
      encodingForced: options.encoding,
      encodingSwitchable: table.format !== 'xlsx' && table.encoding !== undefined,
      sample: sampleRow(table),
      invalidByteRows: invalid.length,
      firstInvalidByteRow: firstInvalid === -1 ? undefined : sampleOf(table, firstInvalid),
      rowCount: table.rowNumbers.length,
      header: table.header.map(clip),
      previewRows: Array.from({ length: Math.min(PREVIEW_ROWS, table.rowNumbers.length) }, (_, i) =>
        tableRow(table, i).map(clip),
      ),
      layer,
      mapping,
      readerProblemCount: table.rowProblems.length,
      datum: guessDatum({ header: table.header, mapping, fileName, crs: table.crs, format: table.format }),
    };
  }

  async validate(
    layer: DatasetKind,
    mapping: Mapping,
    datum: Datum,
    onProgress?: (fraction: number) => void,
  ): Promise<ValidationReport> {
    if (!this.table) throw new Error('no file read yet');
    const context = { ...(await this.context!), datum };
    const result = validateRows(this.table, mapping, layer, context, onProgress);
    this.result = result;
    this.layer = layer;
    this.datum = datum;
    const { accepted } = result;
    const previewCount = Math.min(PREVIEW_POINTS, accepted.rowCount);
    return {
      acceptedCount: accepted.rowCount,
      rejectedCount: result.rejected.length,
      problemCount: result.problems.length,
      problems: result.problems.slice(0, REPORTED_PROBLEMS).map(pageProblem),
      previewLon: accepted.lon.slice(0, previewCount),
      previewLat: accepted.lat.slice(0, previewCount),
    };
  }

  /** Every rejected row as it was in the file, with its row number and the reasons in the user's language (UTF-8 bytes). */
  rejectedCsv(locale: Locale): Uint8Array {
    if (!this.table || !this.result) throw new Error('nothing validated yet');
    const localise = (problem: Problem) =>
      problemMessage(problem, locale, (x) => englishMessage({ ...x, row: undefined }));
    const labels = locale === 'zh-CN' ? { row: '行号', reason: '原因' } : { row: 'row', reason: 'reason' };
    return new TextEncoder().encode(
      rejectedRowsCsv(
        this.table.header,
        this.result.rejected,
        (problem) => (problem.column ? `${problem.column}：` : '') + localise(problem),
        labels,
      ),
    );
  }

  /** Stores the accepted rows; resolves once the write is durable. */
  async save(name: string): Promise<DatasetMetadata> {
    if (!this.result || !this.layer || !this.datum) throw new Error('nothing validated yet');
    return saveDataset(
      toStoredDataset(this.result.accepted, { name, sourceFile: this.fileName, datum: this.datum }),
    );
  }
}

async function loadContext(urls: GeodataUrls): Promise<Omit<ValidationContext, 'datum'>> {
  const [collection, villagesCsv] = await Promise.all([
    fetchJson<CountyCollection>(urls.counties),
    fetchText(urls.villages),
  ]);
  const { index, counties } = countyIndexOf(collection);
  return {
    countyIndex: index,
    countyAdcodes: counties.map((f) => f.properties.adcode),
    villageCodes: parseVillageCodes(villagesCsv),
  };
}
