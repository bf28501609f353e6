// Hostile files, built on the fly for the importer's unit tests and the browser test
// (test/e2e/hostile-files.e2e.ts), so none is kept in the repository. Test-only: the app never
// imports this module, and it needs Node (node:zlib).
//
// Rules relied on: a raw deflate stream flushed with Z_FULL_FLUSH ends on a byte boundary without a
// final block, so copies of one compressed megabyte of zeros followed by an empty final block are
// one valid stream; 4 GB of zeros takes about 4 MB.
import { constants, crc32, deflateRawSync } from 'node:zlib';

const MEGABYTE = 1 << 20;
const encode = (text: string) => new TextEncoder().encode(text);

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * A UTF-8 station file of `rows` rows around Guiyang, with two bytes that are not UTF-8 (the GBK
 * bytes of 贵) after the last row's last cell: read whole as GB18030 it would be garbled.
 */
export function nearUtf8Stations(rows = 20_001): Uint8Array {
  const lines = ['站号,名称,运营商,制式,经度,纬度'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `GY-${i},贵阳基站${i},中国移动,5G,${(106.62 + (i % 100) * 0.002).toFixed(4)},${(26.52 + (i % 50) * 0.002).toFixed(4)}`,
    );
  return concatBytes([encode(lines.join('\n')), new Uint8Array([0xb9, 0xf3])]);
}

/** A CSV with `columns` columns and two rows. */
export function wideCsv(columns = 600): Uint8Array {
  const header = Array.from({ length: columns }, (_, c) => `c${c + 1}`).join(',');
  const row = Array.from({ length: columns }, (_, c) => String(c)).join(',');
  return encode(`${header}\n${row}\n${row}\n`);
}

/** `bytes` of zeros, raw-deflated (rounded up to whole megabytes). */
export function deflatedZeros(bytes: number): Uint8Array {
  const chunk = deflateRawSync(new Uint8Array(MEGABYTE), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const parts = Array.from({ length: Math.ceil(bytes / MEGABYTE) }, () => chunk);
  return concatBytes([...parts, deflateRawSync(new Uint8Array(0))]);
}

export interface ZipPart {
  name: string;
  /** Stored as is, unless `deflated` is given. */
  bytes: Uint8Array;
  /** The entry is these deflated bytes, of `bytes.length`… or of `unpackedBytes` when given. */
  deflated?: Uint8Array;
  unpackedBytes?: number;
  /** The unpacked size the archive declares (default: the true one, capped to 32 bits). */
  declaredBytes?: number;
}

/** A ZIP archive of `parts` (UTF-8 names, no ZIP64). CRCs are left 0 for deflated parts. */
export function zipArchive(parts: readonly ZipPart[]): Uint8Array {
  const locals: Uint8Array[] = [],
    central: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = encode(part.name);
    const data = part.deflated ?? part.bytes;
    const unpacked = part.unpackedBytes ?? part.bytes.length;
    const declared = Math.min(part.declaredBytes ?? unpacked, 0xffffffff);
    const method = part.deflated ? 8 : 0;
    const crc = part.deflated ? 0 : crc32(part.bytes);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x800, true);
    local.setUint16(8, method, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, declared, true);
    local.setUint16(26, name.length, true);
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, 20, true);
    entry.setUint16(6, 20, true);
    entry.setUint16(8, 0x800, true);
    entry.setUint16(10, method, true);
    entry.setUint32(16, crc, true);
    entry.setUint32(20, data.length, true);
    entry.setUint32(24, declared, true);
    entry.setUint16(28, name.length, true);
    entry.setUint32(42, offset, true);
    locals.push(new Uint8Array(local.buffer), name, data);
    central.push(new Uint8Array(entry.buffer), name);
    offset += 30 + name.length + data.length;
  }
  const directory = concatBytes(central);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(12, directory.length, true);
  end.setUint32(16, offset, true);
  return concatBytes([...locals, directory, new Uint8Array(end.buffer)]);
}

/**
 * A zipped "Shapefile" whose .shp unpacks to `unpackedBytes` of zeros while the archive declares
 * `declaredBytes` (default: the truth, capped to 32 bits), beside a tiny .dbf.
 */
export function zipBomb(unpackedBytes: number, declaredBytes?: number): Uint8Array {
  return zipArchive([
    { name: 'bomb.dbf', bytes: new Uint8Array(0) },
    {
      name: 'bomb.shp',
      bytes: new Uint8Array(0),
      deflated: deflatedZeros(unpackedBytes),
      unpackedBytes,
      declaredBytes,
    },
  ]);
}
