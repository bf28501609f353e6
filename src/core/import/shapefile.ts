// A zipped Shapefile (.shp + .dbf, with .prj and .cpg when present) to rows. Geometry and
// attributes are parsed by shpjs's parseShp/parseDbf; unzipping, the encoding and the coordinate
// system are decided here, because shpjs would silently reproject a projected .prj and reads a
// .cpg of "936" (how ArcGIS writes GBK) as UTF-8.
//
// Rules:
// - Only geographic coordinates (longitude/latitude) are read. A .prj naming a projected system
//   fails with that system's name; so does a file without .prj whose extent cannot be degrees.
// - Attribute text is GBK (read as GB18030, its superset) when the .cpg says GBK/936/GB2312/GB18030,
//   or when there is no .cpg and the .dbf is not valid UTF-8; otherwise the .cpg's encoding, or UTF-8.
//   An encoding the user chose overrides all of these.
// - Unpacking stays within limits.ts (each part, and all parts together); the .dbf's declared
//   record and field counts are checked before it is parsed.
import { parseDbf, parseShp } from 'shpjs';
import type { ForcedEncoding } from '../io/decode';
import { InputError } from '../io/table';
import { featuresToTable } from './features';
import type { ImportedTable } from './importedTable';
import { MAX_SIDECAR_BYTES, megabytes, refuseLong, refuseWide } from './limits';
import { fail } from './problems';
import { listZip, ZipError, type ZipEntry } from './unzip';

/** A ZipError as the file failure a person reads: a size limit, or why the archive cannot be read. */
export function failZip(file: string, error: ZipError): never {
  const entry = error.entry ?? '';
  const sizeMb = megabytes(error.declaredBytes ?? 0),
    limitMb = megabytes(error.detail ?? 0);
  if (error.reason === 'entry-too-large') fail(file, 'zip-entry-too-large', { entry, sizeMb, limitMb });
  if (error.reason === 'total-too-large') fail(file, 'zip-total-too-large', { entry, sizeMb, limitMb });
  if (error.reason === 'larger-than-declared')
    fail(file, 'zip-larger-than-declared', { entry, declaredMb: sizeMb });
  return fail(
    file,
    'invalid-zip',
    {
      problem: error.reason,
      ...(error.entry === undefined ? {} : { entry }),
      ...(error.reason === 'method' ? { method: error.detail ?? '' } : {}),
    },
    error.message,
  );
}

/** A .dbf's declared record count and field count (from its header), before it is parsed. */
function refuseLargeDbf(file: string, dbf: Uint8Array): void {
  if (dbf.length < 32) return;
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  refuseLong(file, view.getUint32(4, true));
  // 32 bytes of header, then 32 per field, then the 0x0D terminator.
  refuseWide(file, Math.floor((view.getUint16(8, true) - 33) / 32) + 2);
}

const GBK_LABELS = /^(ansi\s*)?(936|cp936|gbk|x-gbk|gb2312|gb_2312|gb18030|windows-936|chinese)$/i;

/** The TextDecoder label for a .cpg's contents, or null when it names nothing usable. */
export function cpgEncoding(cpg: string): string | null {
  const label = cpg.trim();
  if (GBK_LABELS.test(label)) return 'gb18030';
  if (/^(utf-?8|65001)$/i.test(label)) return 'utf-8';
  const windows = /^(?:ansi\s*)?(\d{3,4})$/i.exec(label);
  for (const candidate of windows ? [`windows-${windows[1]}`] : [label]) {
    try {
      return new TextDecoder(candidate).encoding;
    } catch {
      /* not a label this platform knows */
    }
  }
  return null;
}

/**
 * Whether a .dbf's text (field names and records) is valid UTF-8. The header's binary counts and
 * lengths are left out: a record count of 200 is byte 0xC8, which is not UTF-8 on its own.
 */
function dbfIsUtf8(dbf: Uint8Array): boolean {
  if (dbf.length < 32) return true;
  const headerLength = dbf[8] | (dbf[9] << 8);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let at = 32; at + 32 <= Math.min(headerLength, dbf.length) && dbf[at] !== 0x0d; at += 32) {
      const name = dbf.subarray(at, at + 11);
      const end = name.indexOf(0);
      decoder.decode(end === -1 ? name : name.subarray(0, end));
    }
    decoder.decode(dbf.subarray(Math.min(headerLength, dbf.length)));
    return true;
  } catch {
    return false;
  }
}

/** The name in WKT's first bracket: PROJCS["Xian_1980_3_Degree_GK_CM_105E", … → that name. */
function wktName(wkt: string): string {
  return /^\s*[A-Z_0-9]+\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? wkt.trim().slice(0, 80);
}

async function readText(entry: ZipEntry | undefined): Promise<string | undefined> {
  return entry ? new TextDecoder('utf-8').decode(await entry.read(MAX_SIDECAR_BYTES)) : undefined;
}

export async function readZippedShapefile(
  bytes: Uint8Array,
  file: string,
  forcedEncoding?: ForcedEncoding,
): Promise<ImportedTable> {
  let entries: ZipEntry[];
  try {
    entries = listZip(bytes);
  } catch (e) {
    if (e instanceof ZipError) failZip(file, e);
    throw e;
  }
  entries = entries.filter((e) => !e.name.startsWith('__MACOSX/') && !/(^|\/)\._/.test(e.name));
  const shps = entries.filter((e) => /\.shp$/i.test(e.name));
  if (shps.length === 0) fail(file, 'no-shapefile');
  if (shps.length > 1) fail(file, 'several-shapefiles', { names: shps.map((e) => e.name).join(', ') });
  const base = shps[0].name.slice(0, -4).toLowerCase();
  const part = (extension: string) => entries.find((e) => e.name.toLowerCase() === `${base}.${extension}`);

  try {
    const dbfEntry = part('dbf');
    const dbf = dbfEntry ? await dbfEntry.read() : undefined;
    if (dbf) refuseLargeDbf(file, dbf);
    const shp = await shps[0].read();
    const prj = await readText(part('prj'));
    const cpg = await readText(part('cpg'));

    let crs: string | undefined;
    if (prj !== undefined && prj.trim() !== '') {
      crs = wktName(prj);
      if (/^\s*PROJ(CS|CRS|ECTEDCRS)\s*\[/i.test(prj)) fail(file, 'projected-crs', { crs });
      if (!/^\s*(GEOGCS|GEOGCRS|GEOGRAPHICCRS|GEODCRS)\s*\[/i.test(prj))
        fail(file, 'unsupported-crs', { crs });
    } else if (shp.length >= 68) {
      const header = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
      const [west, south, east, north] = [36, 44, 52, 60].map((at) => header.getFloat64(at, true));
      if (Math.max(Math.abs(west), Math.abs(east)) > 180 || Math.max(Math.abs(south), Math.abs(north)) > 90)
        fail(file, 'projected-crs', { crs: 'unknown (no .prj)' });
    }

    const encoding = dbf
      ? (forcedEncoding ??
        (cpg !== undefined ? cpgEncoding(cpg) : null) ??
        (dbfIsUtf8(dbf) ? 'utf-8' : 'gb18030'))
      : undefined;
    const geometries = parseShp(shp);
    refuseLong(file, geometries.length);
    const records = dbf ? parseDbf(dbf, encoding) : [];
    const names = [...new Set(records.flatMap((r) => Object.keys(r)))];
    // DBF numbers come back as parseFloat of blank fields (NaN) and dates as local-time Dates.
    const features = geometries.map((geometry, i) => ({ geometry, properties: records[i] ?? {} }));
    const table = featuresToTable(features, names, 'shapefile', 'local');
    return { ...table, encoding, crs };
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof ZipError) failZip(file, e);
    return fail(file, 'invalid-shapefile', {}, (e as Error)?.message ?? String(e));
  }
}
