// Encoding detection on bytes made here: UTF-8, GBK, UTF-8 with a few stray bytes, and a file that
// mixes both, which must be refused rather than garbled.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decodeText, EncodingError, lineInEachEncoding } from './decode';

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};
// "站号,运营商,频段,经度,纬度,建成年份\n…" and five station rows, saved as GBK.
const GBK_FILE = new Uint8Array(readFileSync('test/fixtures/cli/stations-gbk.csv'));
const GBK_LINE = GBK_FILE.subarray(0, GBK_FILE.indexOf(0x0a) + 1);
const GBK_TEXT = '站号,运营商,频段,经度,纬度,建成年份\n';
const utf8Rows = (n: number) =>
  utf8(Array.from({ length: n }, (_, i) => `S${i},贵阳市南明区站${i},106.7,26.5\n`).join(''));

describe('decodeText', () => {
  test('UTF-8, with or without BOM', () => {
    expect(decodeText(utf8('名称,lon\n'))).toEqual({
      text: '名称,lon\n',
      encoding: 'utf-8',
      invalidLines: [],
    });
    const bom = decodeText(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('名称\n')));
    expect([bom.text, bom.encoding]).toEqual(['名称\n', 'utf-8-bom']);
  });

  test('GBK text is read as GB18030 when it clearly is', () => {
    const decoded = decodeText(GBK_FILE);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text.startsWith(GBK_TEXT)).toBe(true);
    expect(decoded.invalidLines).toEqual([]);
  });

  test('UTF-8 apart from one line in GBK: UTF-8, and that line is named', () => {
    const decoded = decodeText(concat(utf8Rows(3), GBK_LINE, utf8Rows(2)));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.invalidLines).toEqual([4]);
    expect(decoded.text).toContain('贵阳市南明区站0');
    expect(decoded.text.split('\n')[3]).toContain('\uFFFD');
  });

  test('ASCII with one Latin-1 byte is UTF-8 with that line named, not Chinese', () => {
    const bytes = concat(utf8('name,lon,lat\nCaf'), new Uint8Array([0xe9]), utf8(',106.7,26.5\n'));
    expect(decodeText(bytes)).toMatchObject({ encoding: 'utf-8', invalidLines: [2] });
  });

  test('a file mixing UTF-8 and GBK lines is refused', () => {
    const mixed = concat(utf8Rows(10), ...Array.from({ length: 10 }, () => GBK_LINE));
    expect(() => decodeText(mixed)).toThrow(EncodingError);
    try {
      decodeText(mixed);
    } catch (e) {
      expect(e).toMatchObject({ utf8Lines: 10, otherLines: 10, firstOtherLine: 11 });
    }
  });

  test('a GBK file with a few UTF-8 lines is refused too, not read as GBK with garbled lines', () => {
    const mixed = concat(...Array.from({ length: 50 }, () => GBK_LINE), utf8Rows(2));
    expect(() => decodeText(mixed)).toThrow(EncodingError);
  });

  test('a forced encoding is used as told, with the lines it cannot read', () => {
    const mixed = concat(utf8Rows(10), ...Array.from({ length: 10 }, () => GBK_LINE));
    const asUtf8 = decodeText(mixed, 'utf-8');
    expect(asUtf8.encoding).toBe('utf-8');
    expect(asUtf8.invalidLines).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    const asGb = decodeText(GBK_FILE, 'gb18030');
    expect(asGb.text.startsWith(GBK_TEXT)).toBe(true);
    expect(decodeText(new Uint8Array([0x61, 0x0a, 0x81, 0x0a]), 'gb18030').invalidLines).toEqual([2]);
  });

  test('line numbers follow CR LF, LF and lone CR', () => {
    const bytes = concat(utf8('a\r\nb\rc\n'), new Uint8Array([0xe9]), utf8('\n'));
    expect(decodeText(bytes).invalidLines).toEqual([4]);
  });

  test('20,001 UTF-8 rows with two stray bytes at the end: UTF-8, the last line named, Chinese intact', () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => `GY-${i},贵阳基站${i},106.7,26.5`).join('\n');
    // 0xB9 0xF3 is 贵 in GBK: valid GB18030, not UTF-8.
    const decoded = decodeText(concat(utf8(`站号,名称,经度,纬度\n${rows}`), new Uint8Array([0xb9, 0xf3])));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.invalidLines).toEqual([20_002]);
    expect(decoded.text.split('\n')[1]).toBe('GY-0,贵阳基站0,106.7,26.5');
    expect(decoded.text.endsWith('26.5\uFFFD\uFFFD')).toBe(true);
  });
});

describe('lineInEachEncoding', () => {
  test('a line read both ways, for a person to choose', () => {
    const bytes = concat(utf8Rows(2), GBK_LINE);
    const line = lineInEachEncoding(bytes, 3);
    expect(line.gb18030).toBe(GBK_TEXT.trimEnd());
    expect(line['utf-8']).toContain('\uFFFD');
    expect(lineInEachEncoding(utf8('a\r\nb\rc'), 3)['utf-8']).toBe('c');
    expect(lineInEachEncoding(utf8('x'.repeat(500)), 1, 20)['utf-8']).toBe(`${'x'.repeat(19)}…`);
  });
});
