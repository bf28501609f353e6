// What the app hands the user as a file: catch the download a click starts, and read it back as
// text, CSV rows (RFC 4180, as the exports write them) or the first sheet of an XLSX workbook.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { waitTimeoutMs } from './browser';

export interface Downloaded {
  /** Where Playwright saved the file (removed with the browser). */
  path: string;
  bytes: Buffer;
  /** The bytes as UTF-8, a leading byte-order mark kept. */
  text: string;
}

/** The file `click` makes the page download. */
export async function download(
  page: Page,
  click: () => Promise<unknown>,
  timeout = waitTimeoutMs(),
): Promise<Downloaded> {
  const event = page.waitForEvent('download', { timeout });
  await click();
  const path = await (await event).path();
  const bytes = readFileSync(path);
  return { path, bytes, text: bytes.toString('utf8') };
}

/** The lines of a CSV file, without the byte-order mark and the line ends. */
export const csvLines = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);

/** RFC 4180 fields of one line (the exports quote only cells that need it). */
export const csvFields = (line: string) =>
  [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) =>
    m[1].replace(/^"|"$/g, '').replace(/""/g, '"'),
  );

/** The first sheet of an XLSX file, each cell as text ('' when empty). */
export async function xlsxRows(bytes: Buffer): Promise<string[][]> {
  const rows = await readSheet(bytes);
  return rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
}
