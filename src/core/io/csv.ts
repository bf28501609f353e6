// CSV writing, one rule for every export: RFC 4180 — a cell holding a comma, quote or line break is
// quoted, its quotes doubled; everything else is written verbatim (text is data, never markup).
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
