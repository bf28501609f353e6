// Reading one cell of a known kind: yes/no, years, dates, counts, technologies, scenic levels.
// Each reader returns the value, null for an empty cell, or INVALID: the caller names the problem.
//
// Rules:
// - Text is compared after NFKC (full-width digits and letters become ASCII) and trimming.
// - Yes/no accepts 是/否, 有/无, 已/未, Y/N, yes/no, 1/0, true/false, ✓/✗ (and ✔ × ✕); anything else is
//   a problem, never a silent "no".
// - Years are 2000–2030 (the plan's and the data's span); a date's year is held to the same range.
// - Numbers are plain decimals with an optional sign and exponent; thousands commas are ignored.

export const INVALID = Symbol('invalid');

/** A number as written in a cell ("106.7", "-3", "1,234", "2.5e3"), or null when it is none. */
export function parseNumber(value: string | undefined): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim().replace(/,/g, '');
  if (trimmed === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

export type Read<T> = T | null | typeof INVALID;

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2030;

const clean = (text: string | undefined) => (text ?? '').normalize('NFKC').trim();

const YES = new Set(['是', '有', '已', '已通', '通', 'y', 'yes', '1', 'true', 't', '✓', '✔', '√', '☑']);
const NO = new Set([
  '否',
  '无',
  '没有',
  '未',
  '未通',
  '不通',
  'n',
  'no',
  '0',
  'false',
  'f',
  '✗',
  '✘',
  '×',
  'x',
  '✕',
  '☐',
]);

export function readYesNo(text: string | undefined): Read<0 | 1> {
  const value = clean(text).toLowerCase();
  if (value === '') return null;
  if (YES.has(value)) return 1;
  if (NO.has(value)) return 0;
  return INVALID;
}

const DATE = /^(\d{4})\s*(?:年|[-/.])?\s*(?:(\d{1,2})\s*(?:月|[-/.])?\s*(?:(\d{1,2})\s*日?)?)?$/;

function readDateParts(text: string): { year: number; month?: number; day?: number } | typeof INVALID {
  const match = DATE.exec(text);
  if (!match) return INVALID;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return INVALID;
  if (day !== undefined && (day < 1 || day > new Date(Date.UTC(year, month!, 0)).getUTCDate()))
    return INVALID;
  return { year, month, day };
}

/** A year, also from a date ("2021-05-01", "2021年5月"): what a build date means for a station. */
export function readYear(text: string | undefined): Read<number> {
  const value = clean(text);
  if (value === '') return null;
  const parts = readDateParts(value);
  return parts === INVALID ? INVALID : parts.year;
}

/** A date as yyyy-mm-dd, yyyy-mm or yyyy, as precise as the cell. */
export function readDate(text: string | undefined): Read<{ iso: string; year: number }> {
  const value = clean(text);
  if (value === '') return null;
  const parts = readDateParts(value);
  if (parts === INVALID) return INVALID;
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = [String(parts.year), parts.month && pad(parts.month), parts.day && pad(parts.day)]
    .filter(Boolean)
    .join('-');
  return { iso, year: parts.year };
}

/** A whole number ≥ 0; "1,234", "1234人" and "1234户" are read as 1234. */
export function readCount(text: string | undefined): Read<number> {
  const value = clean(text).replace(/\s*[人户]$/, '');
  if (value === '') return null;
  const number = parseNumber(value);
  return number !== null && Number.isInteger(number) && number >= 0 ? number : INVALID;
}

export type Technology = '5G' | '4G';

export function readTechnology(text: string | undefined): Read<Technology> {
  const value = clean(text).toLowerCase();
  if (value === '') return null;
  if (/5\s*g|^nr\b|\bnr$|^sa$|^nsa$|新空口/.test(value)) return '5G';
  if (/4\s*g|lte|^fdd|^tdd/.test(value)) return '4G';
  return INVALID;
}

/** 5A, 5A级, AAAAA, AAAAA级 → "5A" (1A–5A). */
export function readScenicLevel(text: string | undefined): Read<string> {
  const value = clean(text)
    .toUpperCase()
    .replace(/级|景区|旅游景区|\s/g, '');
  if (value === '') return null;
  const digit = /^([1-5])A$/.exec(value);
  if (digit) return `${digit[1]}A`;
  if (/^A{1,5}$/.test(value)) return `${value.length}A`;
  return INVALID;
}

/** A 12-digit statistical village code (NBS), as text. */
export function readVillageCode(text: string | undefined): Read<string> {
  const value = clean(text);
  if (value === '') return null;
  return /^\d{12}$/.test(value) ? value : INVALID;
}
