// Bytes to text for spreadsheets saved in China: UTF-8 (with or without BOM), else GB18030 (a
// superset of GBK, what Excel in China saves as "CSV"). Valid UTF-8 is almost never valid-looking
// GBK by accident, so strict UTF-8 first is a safe order.
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
