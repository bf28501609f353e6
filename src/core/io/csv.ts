// CSV writing, one rule for every export: RFC 4180 — a cell holding a comma, quote or line break is
// quoted, its quotes doubled. Text is data, never markup and never a formula: a cell starting with
// `=`, `+`, `-`, `@`, a tab or a carriage return would run as a formula when the file is opened in
// Excel or LibreOffice (CSV injection, OWASP), so such text gets a leading `'`. A plain number such
// as `-3.5` or `+86` stays as written, so negative figures remain numbers in a spreadsheet.
// The price: a file re-read by a program keeps the `'` in front of such text.
// A cell holding `;` or a tab is quoted too: where a spreadsheet's list separator is `;` (most of
// Europe) an unquoted `x;=1+1` would be split into two cells, the second a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function csvCell(text: string): string {
  const safe = FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
