// Bytes to text for files saved in China: UTF-8 (with or without BOM) or GB18030 (a superset of
// GBK, what Excel in China saves as "CSV"), decided from the bytes, never by a silent fallback.
//
// Rules:
// - A UTF-8 BOM means UTF-8; bytes that are valid UTF-8 are UTF-8.
// - Otherwise each line is looked at: "UTF-8" when it is valid UTF-8 holding a 3- or 4-byte
//   sequence (Chinese in UTF-8) and does not also read as Chinese in GBK, "not UTF-8" when it has
//   an invalid byte.
// - GB18030 only when it clearly explains the bytes: no line is UTF-8, the whole file is valid
//   GB18030, and ≥ 80 % of its double-byte characters lie in the GB2312 area where Chinese text lives
//   (GBK text: ~100 %; UTF-8 read as GBK: ~30 %).
// - Else, when the lines that are not UTF-8 are few (≤ 3, or ≤ 1 % of the lines), the text is
//   UTF-8 and those lines are returned for the caller to report; their bad bytes read as U+FFFD.
// - Else the file mixes encodings: EncodingError, and the caller asks the user to choose.
// - Lines end at LF, CR LF or a lone CR, counted from 1, as io/table.ts counts rows.
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';
/** An encoding the user chose, overriding detection. */
export type ForcedEncoding = 'utf-8' | 'gb18030';
export const FORCED_ENCODINGS: readonly ForcedEncoding[] = ['utf-8', 'gb18030'];

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Lines (1-based) holding bytes that are not valid in `encoding`; they read as U+FFFD in `text`. */
  invalidLines: number[];
}

/** The bytes fit neither encoding well enough to choose one. */
export class EncodingError extends Error {
  constructor(
    readonly utf8Lines: number,
    readonly otherLines: number,
    readonly firstOtherLine: number,
  ) {
    super(`${otherLines} lines are not UTF-8 (first: line ${firstOtherLine}) and ${utf8Lines} lines are`);
    this.name = 'EncodingError';
  }
}

const GB_SHARE_NEEDED = 0.8;
const fewLines = (lineCount: number) => Math.max(3, Math.floor(lineCount * 0.01));

const isContinuation = (b: number | undefined) => b !== undefined && b >= 0x80 && b <= 0xbf;

/** Length of the valid UTF-8 sequence starting at `i` (1 for ASCII), or 0 when the byte is invalid. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return isContinuation(bytes[i + 1]) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const c = bytes[i + 1];
    const low = b === 0xe0 ? 0xa0 : 0x80,
      high = b === 0xed ? 0x9f : 0xbf;
    return c !== undefined && c >= low && c <= high && isContinuation(bytes[i + 2]) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const c = bytes[i + 1];
    const low = b === 0xf0 ? 0x90 : 0x80,
      high = b === 0xf4 ? 0x8f : 0xbf;
    return c !== undefined &&
      c >= low &&
      c <= high &&
      isContinuation(bytes[i + 2]) &&
      isContinuation(bytes[i + 3])
      ? 4
      : 0;
  }
  return 0;
}

/** Calls `onLine(line, start, end)` for every line; `end` excludes the line break. Returns the line count. */
function forEachLine(bytes: Uint8Array, onLine: (line: number, start: number, end: number) => void): number {
  let line = 1,
    start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x0a && b !== 0x0d) continue;
    onLine(line++, start, i);
    if (b === 0x0d && bytes[i + 1] === 0x0a) i++;
    start = i + 1;
  }
  if (start < bytes.length) onLine(line, start, bytes.length);
  else line--;
  return line;
}

/** GB18030's structure on one line: whether a byte cannot be read, and its double-byte characters. */
function scanGb18030(bytes: Uint8Array, start: number, end: number) {
  let invalid = false,
    doubleBytes = 0,
    common = 0;
  for (let i = start; i < end;) {
    const b = bytes[i];
    if (b <= 0x80) {
      i++;
      continue;
    }
    const c = bytes[i + 1];
    if (b === 0xff || i + 1 >= end) {
      invalid = true;
      i++;
    } else if (c >= 0x30 && c <= 0x39) {
      const d = bytes[i + 2],
        e = bytes[i + 3];
      if (i + 3 < end && d >= 0x81 && d <= 0xfe && e >= 0x30 && e <= 0x39) i += 4;
      else {
        invalid = true;
        i++;
      }
    } else if ((c >= 0x40 && c <= 0x7e) || (c >= 0x80 && c <= 0xfe)) {
      doubleBytes++;
      // The GB2312 area (lead A1–F7, trail A1–FE): hanzi and full-width punctuation.
      if (b >= 0xa1 && b <= 0xf7 && c >= 0xa1) common++;
      i += 2;
    } else {
      invalid = true;
      i++;
    }
  }
  return { invalid, doubleBytes, common };
}

const readsAsChinese = (scan: ReturnType<typeof scanGb18030>) =>
  !scan.invalid && scan.doubleBytes > 0 && scan.common / scan.doubleBytes >= GB_SHARE_NEEDED;

interface Utf8Survey {
  lineCount: number;
  /** Lines that are valid UTF-8 holding a 3- or 4-byte sequence, and do not also read as Chinese in GBK. */
  utf8Lines: number;
  /** Lines with an invalid byte: all of them when `keepAll`, else at most enough to decide. */
  invalidLines: number[];
  invalidLineCount: number;
}

function surveyUtf8(bytes: Uint8Array, keepAll: boolean): Utf8Survey {
  const survey: Utf8Survey = { lineCount: 0, utf8Lines: 0, invalidLines: [], invalidLineCount: 0 };
  const kept = keepAll ? Infinity : 1 + fewLines(bytes.length);
  survey.lineCount = forEachLine(bytes, (line, start, end) => {
    let long = false;
    for (let i = start; i < end;) {
      if (bytes[i] < 0x80) {
        i++;
        continue;
      }
      const length = utf8SequenceLength(bytes, i);
      if (length === 0 || i + length > end) {
        survey.invalidLineCount++;
        if (survey.invalidLines.length < kept) survey.invalidLines.push(line);
        return;
      }
      if (length >= 3) long = true;
      i += length;
    }
    // A few short GBK lines are valid UTF-8 by accident (about 1 in 10,000); they read as Chinese
    // in GBK too, so they are no evidence either way.
    if (long && !readsAsChinese(scanGb18030(bytes, start, end))) survey.utf8Lines++;
  });
  return survey;
}

/** The lines GB18030 cannot read, and the share of double-byte characters in the GB2312 area. */
function surveyGb18030(bytes: Uint8Array): { invalidLines: number[]; commonShare: number } {
  const invalidLines: number[] = [];
  let doubleBytes = 0,
    common = 0;
  forEachLine(bytes, (line, start, end) => {
    const scan = scanGb18030(bytes, start, end);
    if (scan.invalid) invalidLines.push(line);
    doubleBytes += scan.doubleBytes;
    common += scan.common;
  });
  return { invalidLines, commonShare: doubleBytes === 0 ? 0 : common / doubleBytes };
}

const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);
const gb18030 = (bytes: Uint8Array) => new TextDecoder('gb18030').decode(bytes);

/** The text when the bytes are valid UTF-8, else null. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes a file's bytes; `forced` skips detection. Throws EncodingError on a mixed file. */
export function decodeText(bytes: Uint8Array, forced?: ForcedEncoding): DecodedText {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (forced === 'gb18030') {
    return { text: gb18030(body), encoding: 'gb18030', invalidLines: surveyGb18030(body).invalidLines };
  }
  const encoding = hasBom ? 'utf-8-bom' : 'utf-8';
  const valid = strictUtf8(body);
  if (valid !== null) return { text: valid, encoding, invalidLines: [] };
  if (hasBom || forced === 'utf-8')
    return { text: utf8(body), encoding, invalidLines: surveyUtf8(body, true).invalidLines };

  const survey = surveyUtf8(body, false);
  if (survey.utf8Lines === 0) {
    const gb = surveyGb18030(body);
    if (gb.invalidLines.length === 0 && gb.commonShare >= GB_SHARE_NEEDED)
      return { text: gb18030(body), encoding: 'gb18030', invalidLines: [] };
  }
  if (survey.invalidLineCount <= fewLines(survey.lineCount))
    return { text: utf8(body), encoding: 'utf-8', invalidLines: survey.invalidLines };
  throw new EncodingError(survey.utf8Lines, survey.invalidLineCount, survey.invalidLines[0]);
}

/** The bytes of line `line` (1-based, counted as decodeText counts), without its line break. */
export function lineBytes(bytes: Uint8Array, line: number): Uint8Array {
  let current = 1,
    start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x0a && b !== 0x0d) continue;
    if (current === line) return bytes.subarray(start, i);
    current++;
    if (b === 0x0d && bytes[i + 1] === 0x0a) i++;
    start = i + 1;
  }
  return current === line ? bytes.subarray(start) : new Uint8Array(0);
}

/** Line `line` read in each encoding, for a person to choose between them; at most `chars` characters. */
export function lineInEachEncoding(
  bytes: Uint8Array,
  line: number,
  chars = 120,
): Record<ForcedEncoding, string> {
  // A character is at most 4 bytes in either encoding: decode no more than needed.
  const text = lineBytes(bytes, line).subarray(0, chars * 4);
  const clip = (s: string) => (s.length > chars ? `${s.slice(0, chars - 1)}…` : s);
  return { 'utf-8': clip(utf8(text)), gb18030: clip(gb18030(text)) };
}

/** How an encoding is named to people: "UTF-8", "UTF-8 with BOM", "GB18030". */
export function encodingLabel(encoding: string): string {
  return encoding === 'utf-8-bom' ? 'UTF-8 with BOM' : encoding.toUpperCase();
}
