// Downloads a text table as CSV or XLSX (the XLSX writer is loaded only when asked for).
import type { RowTable } from '../core/export/datasetTable';
import { textTableCsv, textTableXlsx } from '../core/export/textTable';
import { downloadBytes } from '../state/datasets';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SAMPLE_NOTE = '示例数据 / sample data';

export async function downloadTable(
  table: RowTable,
  notes: readonly string[],
  baseName: string,
  format: 'csv' | 'xlsx',
): Promise<void> {
  const fileName = `${baseName}.${format}`.replace(/[\\/:*?"<>|]/g, '_');
  if (format === 'csv') {
    downloadBytes(textTableCsv(table, notes), fileName, 'text/csv;charset=utf-8');
    return;
  }
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const blob = await writeXlsxFile(textTableXlsx(table, notes)).toBlob();
  downloadBytes(new Uint8Array(await blob.arrayBuffer()), fileName, XLSX_MIME);
}
