// A small ZIP reader for zipped Shapefiles: the central directory gives each entry's name and
// place; stored entries are copied, deflated ones inflated with the platform's
// DecompressionStream('deflate-raw') (browsers, workers and Node alike), so no unzip library.
//
// Rules:
// - Names are UTF-8 when the archive says so (flag bit 11); otherwise UTF-8 if valid, else GBK
//   (GB18030): zips made by Windows in China store names in the system code page.
// - ZIP64, encryption and methods other than store/deflate are refused with a reason, never guessed.
// - An entry unpacks to at most MAX_UNZIPPED_BYTES, counted while inflating (a declared size can
//   lie): a few kilobytes of deflated zeros must not become gigabytes in memory.
export const MAX_UNZIPPED_BYTES = 512_000_000;

export interface ZipEntry {
  name: string;
  /** The size the archive declares for the unpacked entry. */
  uncompressedSize: number;
  read: (limitBytes?: number) => Promise<Uint8Array>;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

export class ZipError extends Error {}

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

/** The archive's entries (directories left out); reading one inflates it. Throws ZipError. */
export function listZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes plus an optional comment of up to 65,535 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end === -1) throw new ZipError('no end of central directory');
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipError('ZIP64 archives are not supported');
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_FILE_HEADER)
      throw new ZipError('damaged central directory');
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
      read: (limitBytes = MAX_UNZIPPED_BYTES) =>
        readEntry(bytes, view, { name, flags, method, compressedSize, localOffset }, limitBytes),
    });
  }
  return entries;
}

async function readEntry(
  bytes: Uint8Array,
  view: DataView,
  entry: { name: string; flags: number; method: number; compressedSize: number; localOffset: number },
  limitBytes: number,
): Promise<Uint8Array> {
  const { name, flags, method, compressedSize, localOffset } = entry;
  if (flags & 0x1) throw new ZipError(`${name} is encrypted`);
  if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL_FILE_HEADER)
    throw new ZipError(`damaged entry ${name}`);
  const start =
    localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
  if (start + compressedSize > bytes.length) throw new ZipError(`truncated entry ${name}`);
  const data = bytes.subarray(start, start + compressedSize);
  const tooBig = () => new ZipError(`${name} unpacks to more than ${limitBytes / 1e6} MB`);
  if (method === 0) {
    if (data.length > limitBytes) throw tooBig();
    return data.slice();
  }
  if (method !== 8) throw new ZipError(`${name} uses compression method ${method}`);
  return inflateRaw(data, limitBytes, tooBig);
}

async function inflateRaw(data: Uint8Array, limitBytes: number, tooBig: () => ZipError): Promise<Uint8Array> {
  const input = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(data.slice());
      controller.close();
    },
  });
  const reader = input
    .pipeThrough(new DecompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>)
    .getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    if (length > limitBytes) {
      await reader.cancel();
      throw tooBig();
    }
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
