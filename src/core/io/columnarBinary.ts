// A StoredDataset as one compact binary body, the way the team server sends a shared dataset to the
// browser: typed-array columns as their raw bytes, text columns as one UTF-8 blob per column with
// offsets, so 130,000 villages travel as a few megabytes instead of JSON per row, and decode into
// exactly the dataset that was encoded.
//
// Layout (all integers little-endian):
//   0   "GCAC"                       magic
//   4   uint32 version               FORMAT_VERSION
//   8   uint32 header byte length    H
//   12  the header: UTF-8 JSON       { dataset metadata, dictionaries, columns: ColumnEntry[] }
//   …   zero padding to a multiple of 8: the body starts here; every offset below is from it
//   body: each column at an offset that is a multiple of 8 (padding between columns is zero)
// A typed column is its elements' bytes. A text column is a Uint32Array of count + 1 offsets into
// its text (in UTF-16 code units, so the text is decoded once and cut with slice), then the text's
// bytes: UTF-8, or UTF-16 code units when the joined text holds a lone surrogate (a JSON file's
// "\ud800"), which UTF-8 cannot carry.
//
// Rules relied on:
// - Decoding trusts nothing: a wrong magic or version, a header that is not the expected shape, a
//   column outside the body, offsets that go backwards or past the text, invalid UTF-8 → a plain
//   Error saying what is wrong. Every allocation is bounded by the input's own length.
// - Decoded columns are copies (each its own ArrayBuffer), so storing one in IndexedDB never drags
//   the whole body along.
// - The platform is little-endian (every one the app runs on): typed arrays are written as they lie.
import type { Datum } from '../import/datums';
import { DATUMS } from '../import/datums';
import type { ColumnArray, StoredDataset } from '../storedDataset';

export const FORMAT_VERSION = 1;
export const CONTENT_TYPE = 'application/vnd.gca.columnar';
const MAGIC = [0x47, 0x43, 0x41, 0x43]; // "GCAC"
const PREAMBLE_BYTES = 12;
const ALIGN = 8;

const TYPED = {
  f64: Float64Array,
  f32: Float32Array,
  i16: Int16Array,
  i32: Int32Array,
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
} as const;
type TypedName = keyof typeof TYPED;
type TypedColumn = Exclude<ColumnArray, string[]>;
type ColumnType = TypedName | 'utf8' | 'utf16';

interface ColumnEntry {
  name: string;
  type: ColumnType;
  /** From the start of the body, a multiple of 8. */
  offset: number;
  /** Bytes, the offsets of a text column included. */
  length: number;
  /** Values in the column. */
  count: number;
}

interface Header extends Omit<StoredDataset, 'columns'> {
  columns: ColumnEntry[];
}

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1)
  throw new Error('columnarBinary: a big-endian platform is not supported');

const typedNameOf = (column: TypedColumn): TypedName =>
  (Object.keys(TYPED) as TypedName[]).find((name) => column instanceof TYPED[name])!;

const alignUp = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

/** Whether the text has no lone surrogate, which UTF-8 cannot carry (the regex: a pair is one code point). */
const isWellFormed = (text: string): boolean => {
  const native = (text as string & { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(text) : !/\p{Cs}/u.test(text);
};

/** A text column as offsets + bytes, ready to be copied into the body. */
function textBody(values: readonly string[]): { type: 'utf8' | 'utf16'; parts: Uint8Array[] } {
  const offsets = new Uint32Array(values.length + 1);
  for (let i = 0; i < values.length; i++) offsets[i + 1] = offsets[i] + values[i].length;
  const joined = values.join('');
  const offsetBytes = new Uint8Array(offsets.buffer);
  if (isWellFormed(joined)) return { type: 'utf8', parts: [offsetBytes, new TextEncoder().encode(joined)] };
  const units = new Uint16Array(joined.length);
  for (let i = 0; i < joined.length; i++) units[i] = joined.charCodeAt(i);
  return { type: 'utf16', parts: [offsetBytes, new Uint8Array(units.buffer)] };
}

/** The dataset as one binary body (see the layout above). */
export function encodeColumnar(dataset: StoredDataset): Uint8Array {
  const bodies: Array<{ entry: ColumnEntry; parts: Uint8Array[] }> = [];
  let offset = 0,
    end = 0;
  for (const [name, column] of Object.entries(dataset.columns)) {
    const { type, parts } = Array.isArray(column)
      ? textBody(column)
      : {
          type: typedNameOf(column),
          parts: [new Uint8Array(column.buffer, column.byteOffset, column.byteLength)],
        };
    const length = parts.reduce((sum, part) => sum + part.byteLength, 0);
    bodies.push({ entry: { name, type, offset, length, count: column.length }, parts });
    end = offset + length;
    offset = alignUp(end);
  }
  const { columns: _columns, ...meta } = dataset;
  const header: Header = { ...meta, columns: bodies.map((b) => b.entry) };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const bodyStart = alignUp(PREAMBLE_BYTES + headerBytes.byteLength);
  const out = new Uint8Array(bodyStart + end);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(8, headerBytes.byteLength, true);
  out.set(headerBytes, PREAMBLE_BYTES);
  for (const { entry, parts } of bodies) {
    let at = bodyStart + entry.offset;
    for (const part of parts) {
      out.set(part, at);
      at += part.byteLength;
    }
  }
  return out;
}

const bad = (what: string): never => {
  throw new Error(`not a valid columnar dataset: ${what}`);
};

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function checkHeader(value: unknown): Header {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) bad('the header is not an object');
  const header = value as Record<string, unknown>;
  for (const key of ['id', 'name', 'layer', 'importedAt', 'sourceFile'] as const)
    if (typeof header[key] !== 'string') bad(`the header's ${key} is not text`);
  if (!DATUMS.includes(header.datum as Datum)) bad(`unknown datum ${JSON.stringify(header.datum)}`);
  if (typeof header.sample !== 'boolean') bad("the header's sample is not true or false");
  if (!isCount(header.rowCount)) bad("the header's row count is not a whole number");
  if (header.dictionaries !== undefined) {
    const dictionaries = header.dictionaries;
    if (typeof dictionaries !== 'object' || dictionaries === null || Array.isArray(dictionaries))
      bad('the dictionaries are not an object');
    for (const [name, labels] of Object.entries(dictionaries as object))
      if (!Array.isArray(labels) || labels.some((label) => typeof label !== 'string'))
        bad(`the dictionary of ${JSON.stringify(name)} is not a list of text`);
  }
  if (!Array.isArray(header.columns)) bad('the header lists no columns');
  const names = new Set<string>();
  for (const entry of header.columns as unknown[]) {
    const column = (entry ?? {}) as Record<string, unknown>;
    if (typeof column.name !== 'string') bad('a column has no name');
    const name = column.name as string;
    if (names.has(name)) bad(`column ${JSON.stringify(name)} appears twice`);
    names.add(name);
    if (!(column.type === 'utf8' || column.type === 'utf16' || Object.hasOwn(TYPED, column.type as string)))
      bad(`column ${JSON.stringify(name)} has an unknown type`);
    if (!isCount(column.offset) || !isCount(column.length) || !isCount(column.count))
      bad(`column ${JSON.stringify(name)} has a bad offset, length or count`);
    if ((column.offset as number) % ALIGN !== 0) bad(`column ${JSON.stringify(name)} is not aligned`);
  }
  return header as unknown as Header;
}

const TEXT_DECODER = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeText(entry: ColumnEntry, bytes: Uint8Array): string[] {
  const offsetBytes = (entry.count + 1) * 4;
  if (offsetBytes > bytes.byteLength) bad(`column ${JSON.stringify(entry.name)} is shorter than its offsets`);
  const offsets = new Uint32Array(bytes.slice(0, offsetBytes).buffer);
  const textBytes = bytes.subarray(offsetBytes);
  let text: string;
  if (entry.type === 'utf8') {
    try {
      text = TEXT_DECODER.decode(textBytes);
    } catch {
      return bad(`column ${JSON.stringify(entry.name)} is not valid UTF-8`);
    }
  } else {
    if (textBytes.byteLength % 2 !== 0) bad(`column ${JSON.stringify(entry.name)} has half a UTF-16 unit`);
    const units = new Uint16Array(textBytes.slice().buffer);
    const pieces: string[] = [];
    for (let i = 0; i < units.length; i += 8192)
      pieces.push(String.fromCharCode(...units.subarray(i, i + 8192)));
    text = pieces.join('');
  }
  if (offsets[0] !== 0 || offsets[entry.count] !== text.length)
    bad(`column ${JSON.stringify(entry.name)}'s offsets do not span its text`);
  const values = new Array<string>(entry.count);
  for (let i = 0; i < entry.count; i++) {
    if (offsets[i + 1] < offsets[i]) bad(`column ${JSON.stringify(entry.name)}'s offsets go backwards`);
    values[i] = text.slice(offsets[i], offsets[i + 1]);
  }
  return values;
}

function decodeColumn(entry: ColumnEntry, bytes: Uint8Array): ColumnArray {
  if (entry.type === 'utf8' || entry.type === 'utf16') return decodeText(entry, bytes);
  const Type = TYPED[entry.type];
  if (bytes.byteLength !== entry.count * Type.BYTES_PER_ELEMENT)
    bad(`column ${JSON.stringify(entry.name)}'s length does not match its count`);
  return new Type(bytes.slice().buffer);
}

/** The dataset a body of encodeColumnar holds; throws an Error saying what is wrong with a bad one. */
export function decodeColumnar(bytes: Uint8Array): StoredDataset {
  if (bytes.byteLength < PREAMBLE_BYTES || MAGIC.some((byte, i) => bytes[i] !== byte))
    bad('it does not start with "GCAC"');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== FORMAT_VERSION) bad(`version ${version} is not supported (this reads ${FORMAT_VERSION})`);
  const headerLength = view.getUint32(8, true);
  if (headerLength > bytes.byteLength - PREAMBLE_BYTES) bad('the header is cut short');
  let parsed: unknown;
  try {
    parsed = JSON.parse(TEXT_DECODER.decode(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + headerLength)));
  } catch {
    return bad('the header is not JSON');
  }
  const { columns: entries, ...meta } = checkHeader(parsed);
  const body = bytes.subarray(Math.min(bytes.byteLength, alignUp(PREAMBLE_BYTES + headerLength)));
  const columns = Object.fromEntries(
    entries.map((entry) => {
      if (entry.offset + entry.length > body.byteLength)
        bad(`column ${JSON.stringify(entry.name)} runs past the end (the body is cut short)`);
      return [entry.name, decodeColumn(entry, body.subarray(entry.offset, entry.offset + entry.length))];
    }),
  );
  const dataset: StoredDataset = {
    id: meta.id,
    name: meta.name,
    layer: meta.layer,
    rowCount: meta.rowCount,
    importedAt: meta.importedAt,
    sourceFile: meta.sourceFile,
    datum: meta.datum,
    sample: meta.sample,
    columns,
  };
  if (meta.dictionaries !== undefined)
    dataset.dictionaries = Object.fromEntries(Object.entries(meta.dictionaries));
  return dataset;
}
