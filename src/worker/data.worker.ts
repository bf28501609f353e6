// The data worker: reads users' files in (import) and writes datasets out (export), off the page.
// A fresh worker serves each job, so cancelling a job is terminating its worker: nothing
// half-done survives, and a save is either committed in one IndexedDB transaction or absent.
import { expose, transfer } from 'comlink';
import { datasetWithEdits } from '../core/layers/fromDataset';
import { editsFor } from '../storage/edits';
import writeXlsxFile from 'write-excel-file/universal';
import {
  datasetTable,
  datasetTableForPeople,
  datasetToGeoJson,
  tableToCsv,
  type DatasetWords,
} from '../core/export/datasetTable';
import { textTableCsv, textTableXlsx } from '../core/export/textTable';
import { loadDataset } from '../storage/datasets';
import { ImportJob, type GeodataUrls, type Inspection } from './importJob';
import { InputError, type ProblemParams } from '../core/io/table';

export interface FileProblem {
  code: string;
  params: ProblemParams;
  message: string;
}
import type { DatasetKind, Mapping } from '../core/import/mapping';
import type { Datum } from '../core/import/datum';
import type { Locale } from '../core/format';
import type { ForcedEncoding } from '../core/io/decode';

let job: ImportJob | undefined;

export type ExportFormat = 'csv' | 'geojson' | 'xlsx';
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  /** Rows the format cannot hold (GeoJSON: rows without coordinates), said to the user. */
  rowsLeftOut: number;
  rowCount: number;
}

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  geojson: 'application/geo+json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const api = {
  /**
   * Reads a file (bytes transferred in), in the encoding the user chose if any, and guesses its
   * layer, column mapping and datum. A file that cannot be read comes back as a problem (code and
   * parameters), since an Error crossing the worker boundary keeps only its message.
   */
  async inspect(
    urls: GeodataUrls,
    fileName: string,
    bytes: Uint8Array,
    onProgress?: (fraction: number) => void,
    encoding?: ForcedEncoding,
  ): Promise<{ inspection: Inspection } | { problem: FileProblem }> {
    job = new ImportJob(urls);
    try {
      return { inspection: await job.inspect(fileName, bytes, { onProgress, encoding }) };
    } catch (error) {
      if (error instanceof InputError)
        return { problem: { code: error.code, params: error.params, message: error.message } };
      throw error;
    }
  },
  async validate(
    layer: DatasetKind,
    mapping: Mapping,
    datum: Datum,
    onProgress?: (fraction: number) => void,
  ) {
    const report = await job!.validate(layer, mapping, datum, onProgress);
    return transfer(report, [
      report.previewLon.buffer as ArrayBuffer,
      report.previewLat.buffer as ArrayBuffer,
    ]);
  },
  rejectedCsv(locale: Locale) {
    const bytes = job!.rejectedCsv(locale);
    return transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },
  save: (name: string) => job!.save(name),

  /** With `words`, CSV and XLSX are the table for people (translated headings, county code and name). */
  async exportDataset(id: string, format: ExportFormat, words?: DatasetWords): Promise<ExportedFile> {
    // Exported as it stands now: the team's status edits applied, as every view shows it.
    const dataset = datasetWithEdits(await loadDataset(id), await editsFor(id));
    let bytes: Uint8Array;
    let rowsLeftOut = 0;
    if (words && format !== 'geojson') {
      const table = datasetTableForPeople(dataset, words);
      bytes =
        format === 'csv'
          ? new TextEncoder().encode(textTableCsv(table))
          : new Uint8Array(await (await writeXlsxFile(textTableXlsx(table)).toBlob()).arrayBuffer());
    } else if (format === 'csv')
      bytes = new TextEncoder().encode(tableToCsv(datasetTable(dataset), { byteOrderMark: true }));
    else if (format === 'geojson') {
      const geojson = datasetToGeoJson(dataset);
      bytes = new TextEncoder().encode(geojson.text);
      rowsLeftOut = geojson.leftOut;
    } else {
      const { header, rows } = datasetTable(dataset);
      // Every cell is written as a string cell: text can never become a formula.
      const sheet = [header, ...rows].map((row) => row.map((value) => ({ value, type: String })));
      bytes = new Uint8Array(await (await writeXlsxFile(sheet).toBlob()).arrayBuffer());
    }
    const fileName = `${dataset.name.replace(/[\\/:*?"<>|]/g, '_')}.${format}`;
    return transfer({ fileName, mimeType: MIME[format], bytes, rowsLeftOut, rowCount: dataset.rowCount }, [
      bytes.buffer as ArrayBuffer,
    ]);
  },
};

export type DataWorkerApi = typeof api;
expose(api);
