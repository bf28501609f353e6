// One import, step by step, inside the data worker: read the file, let the user map its columns,
// validate every row, then store the accepted rows in IndexedDB in one transaction. The page only
// ever receives small things: the header, a few preview rows, counts, the first problems.
import { countyIndexOf } from '../core/assign/countyIndex';
import { fetchJson, fetchText } from './fetch';
import type { CountyCollection } from '../core/areas';
import { rejectedRowsCsv } from '../core/import/dataset';
import type { ImportedTable } from '../core/import/importedTable';
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

export interface GeodataUrls {
  counties: string;
  villages: string;
}
export interface Inspection {
  fileName: string;
  format: string;
  encoding?: string;
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
  REPORTED_PROBLEMS = 500;

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
    onProgress?: (fraction: number) => void,
  ): Promise<Inspection> {
    this.context ??= loadContext(this.urls);
    // Workers have no DOMParser: KML is parsed with xmldom here.
    const table = await readFile(fileName, bytes, { parseXml: xmldomParser, onProgress });
    this.table = table;
    this.fileName = fileName;
    this.result = undefined;
    const layer = guessDatasetKind(table.header);
    const mapping = guessMapping(table.header, layer);
    return {
      fileName,
      format: table.format,
      encoding: table.encoding,
      rowCount: table.rows.length,
      header: table.header,
      previewRows: table.rows.slice(0, PREVIEW_ROWS),
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
      problems: result.problems.slice(0, REPORTED_PROBLEMS),
      previewLon: accepted.lon.slice(0, previewCount),
      previewLat: accepted.lat.slice(0, previewCount),
    };
  }

  /** Every rejected row as it was in the file, with its row number and the reasons in the user's language. */
  rejectedCsv(locale: Locale): string {
    if (!this.table || !this.result) throw new Error('nothing validated yet');
    const localise = (problem: Problem) =>
      problemMessage(problem, locale, (x) => englishMessage({ ...x, row: undefined }));
    const labels = locale === 'zh-CN' ? { row: '行号', reason: '原因' } : { row: 'row', reason: 'reason' };
    return rejectedRowsCsv(
      this.table.header,
      this.result.rejected,
      (problem) => (problem.column ? `${problem.column}：` : '') + localise(problem),
      labels,
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
