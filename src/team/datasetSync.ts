// The team's shared datasets in this browser: listed from the server, fetched as compact columnar
// binary (core/io/columnarBinary.ts) and kept in IndexedDB like any imported dataset, so the engine,
// the compare tools and offline use read them unchanged; and an import uploaded for the team.
//
// Rules relied on:
// - A server dataset keeps the server's id here, so its edits (by dataset id) and links agree across
//   browsers; its metadata says where it came from (origin: version, uploader, ETag).
// - A copy is fetched again only when the server's ETag differs from the one kept (compared bare:
//   the listing gives it without quotes, the header with); the request carries If-None-Match,
//   and 304 means the copy is current. The copy is replaced in one
//   transaction (storage/datasets.ts), so a failed fetch or decode leaves the old copy intact.
// - The server re-validates an upload with the same core importers and its counts and problems are
//   the ones that count: the page shows them, not its own check.
import { decodeColumnar } from '../core/io/columnarBinary';
import type { Datum } from '../core/import/datums';
import { listDatasets, saveDataset } from '../storage/datasets';
import { DATABASE_NAME } from '../storage/db';
import type { DatasetMetadata } from '../storage/types';
import { ApiRequestError, apiFetch, apiJson } from './api';

/** A dataset as GET /api/datasets lists it. */
export interface DatasetInfo {
  id: string;
  layer: string;
  version: number;
  name: string;
  sourceFile: string;
  datum: Datum;
  rowCount: number;
  rejectedCount: number;
  /** The uploader's display name. */
  uploadedBy: string;
  /** ISO 8601 timestamp. */
  uploadedAt: string;
  etag: string;
}

export type DatasetOrigin = NonNullable<DatasetMetadata['origin']>;

export interface UploadProblem {
  row: number | null;
  column: string | null;
  /** In the user's language, from the server. */
  message: string;
}

export interface UploadResult {
  dataset: DatasetInfo;
  acceptedCount: number;
  rejectedCount: number;
  /** The first problems the server found (it sends at most 200). */
  problems: UploadProblem[];
}

/** The choices of the import dialog, sent with the original file. */
export interface UploadChoices {
  fileName: string;
  name: string;
  layer: string;
  datum: Datum;
  /** The encoding the user forced; absent when the file's own was detected. */
  encoding?: string;
  /** Field → column index, as the mapping step chose them. */
  mapping: Record<string, number | undefined>;
}

export interface SyncReport {
  /** What the server lists now (newest information on versions and uploaders). */
  server: DatasetInfo[];
  /** Ids fetched and stored. */
  fetched: string[];
  failed: Array<{ id: string; name: string; message: string }>;
}

/**
 * An entity tag without its weak mark and quotes: the listing gives it bare, the ETag header
 * quoted, and both name the same body.
 */
export const bareEtag = (etag: string): string => etag.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');

export const originOf = (info: DatasetInfo, etag = info.etag): DatasetOrigin => ({
  kind: 'server',
  version: info.version,
  uploadedBy: info.uploadedBy,
  uploadedAt: info.uploadedAt,
  etag: bareEtag(etag),
});

/** The server's datasets that have no copy here, or a copy of another ETag. */
export function datasetsToFetch(
  server: readonly DatasetInfo[],
  local: readonly DatasetMetadata[],
): DatasetInfo[] {
  const heldEtag = new Map(local.map((metadata) => [metadata.id, metadata.origin?.etag]));
  return server.filter((info) => heldEtag.get(info.id) !== bareEtag(info.etag));
}

export async function listServerDatasets(): Promise<DatasetInfo[]> {
  return (await apiJson<{ datasets: DatasetInfo[] }>('GET', '/api/datasets')).datasets;
}

/**
 * Fetches one dataset and stores it; resolves with the stored metadata, or null when the server
 * answered 304 (the copy with `heldEtag` is current).
 */
export async function fetchServerDataset(
  info: DatasetInfo,
  heldEtag: string | undefined,
  databaseName: string = DATABASE_NAME,
): Promise<DatasetMetadata | null> {
  const response = await apiFetch('GET', `/api/datasets/${encodeURIComponent(info.id)}`, {
    headers: heldEtag ? { 'if-none-match': `"${bareEtag(heldEtag)}"` } : {},
  });
  if (response.status === 304) return null;
  const decoded = decodeColumnar(new Uint8Array(await response.arrayBuffer()));
  if (decoded.layer !== info.layer)
    throw new Error(`dataset ${info.id}: the body holds ${decoded.layer}, the listing says ${info.layer}`);
  return saveDataset(
    {
      ...decoded,
      id: info.id,
      name: info.name,
      sourceFile: info.sourceFile,
      datum: info.datum,
      importedAt: info.uploadedAt,
      sample: false,
      origin: originOf(info, response.headers.get('etag') ?? info.etag),
    },
    databaseName,
  );
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Brings every server dataset here that is missing or changed. One that fails is reported and the
 * others still come; losing the connection stops the run (ApiRequestError, offline).
 */
export async function syncServerDatasets(databaseName: string = DATABASE_NAME): Promise<SyncReport> {
  const server = await listServerDatasets();
  const local = await listDatasets(databaseName);
  const held = new Map(local.map((metadata) => [metadata.id, metadata.origin?.etag]));
  const report: SyncReport = { server, fetched: [], failed: [] };
  for (const info of datasetsToFetch(server, local)) {
    try {
      if (await fetchServerDataset(info, held.get(info.id), databaseName)) report.fetched.push(info.id);
    } catch (error) {
      if (error instanceof ApiRequestError && error.offline) throw error;
      report.failed.push({ id: info.id, name: info.name, message: messageOf(error) });
    }
  }
  return report;
}

/**
 * Asks the server again for one dataset (the 同步 button): its ETag is checked even when the
 * listing matches, and the copy is replaced when it changed. Resolves with whether it was fetched.
 */
export async function syncServerDataset(id: string, databaseName: string = DATABASE_NAME): Promise<boolean> {
  const info = (await listServerDatasets()).find((candidate) => candidate.id === id);
  if (!info) throw new ApiRequestError(404, 'not-found', `dataset ${id} is not on the server`);
  const held = (await listDatasets(databaseName)).find((metadata) => metadata.id === id);
  return (await fetchServerDataset(info, held?.origin?.etag, databaseName)) !== null;
}

/** The query of an upload: the import dialog's choices. */
export function uploadQuery(choices: UploadChoices): string {
  const query = new URLSearchParams({
    fileName: choices.fileName,
    name: choices.name,
    layer: choices.layer,
    datum: choices.datum,
  });
  if (choices.encoding) query.set('encoding', choices.encoding);
  query.set('mapping', JSON.stringify(choices.mapping));
  return query.toString();
}

/** Sends the original file for the server to read, check and store as a new version. */
export async function uploadDataset(file: Blob, choices: UploadChoices): Promise<UploadResult> {
  return apiJson<UploadResult>('POST', `/api/datasets?${uploadQuery(choices)}`, {
    body: file,
    headers: { 'content-type': 'application/octet-stream' },
  });
}
