// A small ZIP reader for zipped Shapefiles (and for an XLSX's list of parts): the central directory
// gives each entry's name and place; stored entries are copied, deflated ones inflated with the
// platform's DecompressionStream('deflate-raw') (browsers, workers and Node alike), so no unzip library.
//
// Rules:
// - Names are UTF-8 when the archive says so (flag bit 11); otherwise UTF-8 if valid, else GBK
//   (GB18030): zips made by Windows in China store names in the system code page.
// - ZIP64, encryption and methods other than store/deflate are refused with a reason, never guessed.
// - An entry unpacks to at most its read's limit (MAX_ZIP_ENTRY_BYTES unless smaller), and the
//   entries of one archive to MAX_ZIP_TOTAL_BYTES together: both checked against the size the
//   central directory declares, before inflating. While inflating, the bytes are counted against
//   that declared size: an entry holding more than it declares (a lie, as in a ZIP bomb; every
//   ZIP writer records the true size there) is stopped at once, so a few kilobytes of deflated
//   zeros never become more than the declared size in memory.
// - Every failure is a ZipError with a `reason` code (and the entry's name), for a message in the
//   user's language.
import { MAX_ZIP_ENTRY_BYTES, MAX_ZIP_TOTAL_BYTES } from './limits';

export interface ZipEntry {
  name: string;
  /** The size the archive declares for the unpacked entry. */
  uncompressedSize: number;
  /** The entry's bytes; at most `limitBytes` (and what the archive's total allows) or a ZipError. */
  read: (limitBytes?: number) => Promise<Uint8Array>;
}

export type ZipFailure =
  | 'no-directory'
  | 'zip64'
  | 'damaged'
  | 'encrypted'
  | 'method'
  | 'entry-too-large'
  | 'total-too-large'
  | 'larger-than-declared';

export class ZipError extends Error {
  constructor(
    readonly reason: ZipFailure,
    readonly entry?: string,
    /** The limit passed, in bytes, for the two too-large reasons; the method for 'method'. */
    readonly detail?: number,
    /**
     * The size declared: the entry's (entry-too-large, larger-than-declared), or all the entries
     * read so far and this one together (total-too-large).
     */
    readonly declaredBytes?: number,
  ) {
    super(
      `${ZIP_FAILURES[reason]}${entry === undefined ? '' : ` (${entry})`}` +
        (declaredBytes === undefined ? '' : `: ${declaredBytes} bytes declared`) +
        (detail !== undefined && reason.endsWith('too-large') ? `, limit ${detail} bytes` : ''),
    );
    this.name = 'ZipError';
  }
}

const ZIP_FAILURES: Record<ZipFailure, string> = {
  'no-directory': 'no end of central directory',
  zip64: 'ZIP64 archives are not supported',
  damaged: 'damaged archive',
  encrypted: 'encrypted entry',
  method: 'unsupported compression method',
  'entry-too-large': 'entry unpacks to too much',
  'total-too-large': 'the entries unpack to too much together',
  'larger-than-declared': 'entry holds more than it declares',
};

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

export const isZip = (bytes: Uint8Array) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function decodeName(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return new TextDecoder('utf-8').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * The archive's entries (directories left out); reading one inflates it, within `totalBytes` for
 * all the entries read. Throws ZipError.
 */
export function listZip(bytes: Uint8Array, totalBytes = MAX_ZIP_TOTAL_BYTES): ZipEntry[] {
  const budget = { remaining: totalBytes, total: totalBytes };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes plus an optional comment of up to 65,535 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end === -1) throw new ZipError('no-directory');
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipError('zip64');
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_FILE_HEADER)
      throw new ZipError('damaged');
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true),
      extraLength = view.getUint16(offset + 30, true),
      commentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    const name = decodeName(bytes.subarray(offset + 46, offset + 46 + nameLength), (flags & 0x800) !== 0);
    offset += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    entries.push({
      name,
      uncompressedSize,
      read: (limitBytes = MAX_ZIP_ENTRY_BYTES) =>
        readEntry(
          bytes,
          view,
          { name, flags, method, compressedSize, uncompressedSize, localOffset },
          limitBytes,
          budget,
        ),
    });
  }
  return entries;
}

async function readEntry(
  bytes: Uint8Array,
  view: DataView,
  entry: {
    name: string;
    flags: number;
    method: number;
    compressedSize: number;
    uncompressedSize: number;
    localOffset: number;
  },
  entryLimit: number,
  budget: { remaining: number; total: number },
): Promise<Uint8Array> {
  const { name, flags, method, compressedSize, uncompressedSize, localOffset } = entry;
  if (flags & 0x1) throw new ZipError('encrypted', name);
  if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL_FILE_HEADER)
    throw new ZipError('damaged', name);
  const start =
    localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
  if (start + compressedSize > bytes.length) throw new ZipError('damaged', name);
  if (method !== 0 && method !== 8) throw new ZipError('method', name, method);
  if (uncompressedSize > entryLimit)
    throw new ZipError('entry-too-large', name, entryLimit, uncompressedSize);
  if (uncompressedSize > budget.remaining)
    throw new ZipError(
      'total-too-large',
      name,
      budget.total,
      budget.total - budget.remaining + uncompressedSize,
    );
  const data = bytes.subarray(start, start + compressedSize);
  let out: Uint8Array;
  if (method === 0) {
    if (data.length > uncompressedSize)
      throw new ZipError('larger-than-declared', name, undefined, uncompressedSize);
    out = data.slice();
  } else out = await inflateRaw(data, uncompressedSize, name);
  budget.remaining -= out.length;
  return out;
}

/**
 * Compressed bytes fed to the inflater at a time: a decompression stream turns each input chunk
 * into all of its output at once (deflate expands at most ~1,032 times, so 16 KB → ≤ 17 MB), and
 * only between chunks can the count stop it. Fed whole, 4 MB of deflated zeros is 4 GB in memory.
 */
const INFLATE_INPUT_BYTES = 16_384;

/** Inflates into a buffer of the declared size; more bytes than declared stop the inflating. */
async function inflateRaw(data: Uint8Array, declaredSize: number, name: string): Promise<Uint8Array> {
  let offset = 0;
  const input = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= data.length) {
          controller.close();
          return;
        }
        controller.enqueue(data.slice(offset, offset + INFLATE_INPUT_BYTES));
        offset += INFLATE_INPUT_BYTES;
      },
    },
    { highWaterMark: 0 },
  );
  const reader = input
    .pipeThrough(new DecompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>)
    .getReader();
  const out = new Uint8Array(declaredSize);
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (length + value.length > declaredSize) {
        await reader.cancel();
        throw new ZipError('larger-than-declared', name, undefined, declaredSize);
      }
      out.set(value, length);
      length += value.length;
    }
  } catch (e) {
    if (e instanceof ZipError) throw e;
    throw new ZipError('damaged', name);
  }
  return out.subarray(0, length);
}
