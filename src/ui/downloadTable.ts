// Downloads a table as CSV or XLSX (the XLSX writer is loaded only when asked for). File names lose
// the characters Windows does not allow in them.
import { textTableCsv, textTableXlsx, type RowTable, type XlsxCell } from '../core/export/textTable';
import { SAMPLE_LABEL } from '../core/export/sourceNote';
import { downloadBytes } from '../state/datasets';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SAMPLE_NOTE = SAMPLE_LABEL;

const safeName = (name: string) => name.replace(/[\\/:*?"<>|]/g, '_');

/** A CSV text (already with its BOM) or the rows of one XLSX sheet, as `${baseName}.csv|xlsx`. */
export async function downloadSheet(content: string | XlsxCell[][], baseName: string): Promise<void> {
  if (typeof content === 'string') {
    downloadBytes(content, safeName(`${baseName}.csv`), 'text/csv;charset=utf-8');
    return;
  }
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const blob = await writeXlsxFile(content).toBlob();
  downloadBytes(new Uint8Array(await blob.arrayBuffer()), safeName(`${baseName}.xlsx`), XLSX_MIME);
}

export function downloadTable(
  table: RowTable,
  notes: readonly string[],
  baseName: string,
  format: 'csv' | 'xlsx',
): Promise<void> {
  return downloadSheet(format === 'csv' ? textTableCsv(table, notes) : textTableXlsx(table, notes), baseName);
}
