// Shared datasets: the list, an upload (the original file's bytes, re-read and re-validated here by
// the core importers), a dataset's columnar binary body with its ETag, and the status edits of a
// dataset after a given id, for the browser's copies.
//
// Rules relied on:
// - Administrators and planners upload (app.ts checks `access`); everyone signed in reads.
// - An upload stores the next version of its layer and its audit row in one transaction; an
//   upload with no usable row stores nothing and answers 422 with the rows' problems.
// - A body is sent with `Cache-Control: private, no-cache` and its ETag: the browser asks again
//   every time and gets a 304 while its copy is current.
import { CONTENT_TYPE } from '../../core/io/columnarBinary';
import { DATUMS } from '../../core/import/datum';
import { MAX_FILE_BYTES } from '../../core/import/limits';
import { DATASET_KINDS } from '../../core/import/mapping';
import { FORCED_ENCODINGS } from '../../core/io/decode';
import { appendAudit } from '../auth/audit';
import { choicesOf, importUpload, type UploadQuery } from '../datasets/importUpload';
import { datasetInfo, datasetInfoSchema, insertDataset, listDatasets } from '../datasets/store';
import { ApiError, errorMessage } from '../errors';
import { EDIT_COLUMNS, serverEditFromRow, serverEditSchema, type EditRow } from '../tracking/serverEdit';
import type { RouteContext, RouteDef } from '../types';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

const problemSchema = {
  type: 'object',
  required: ['row', 'column', 'message'],
  properties: {
    row: { type: ['integer', 'null'] },
    column: { type: ['string', 'null'] },
    message: { type: 'string' },
  },
} as const;

const countsSchema = {
  acceptedCount: { type: 'integer' },
  rejectedCount: { type: 'integer' },
  problemCount: { type: 'integer', description: 'All problems found; `problems` holds the first 200' },
  problems: { type: 'array', items: problemSchema },
} as const;

const notFound = (locale: RouteContext['locale'], id: string) =>
  new ApiError(404, 'not-found', { what: locale === 'en' ? `dataset ${id}` : `数据集 ${id}` });

/** Whether an If-None-Match header names `etag` (a list, weak tags and * included). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

export const datasetRoutes: RouteDef[] = [
  {
    method: 'GET',
    url: '/datasets',
    operationId: 'listDatasets',
    summary: 'Every shared dataset, each version of each layer (bodies left out)',
    access: 'signedIn',
    schema: {
      response: {
        200: {
          type: 'object',
          required: ['datasets'],
          properties: { datasets: { type: 'array', items: datasetInfoSchema } },
        },
      },
    },
    async handler(_request, _reply, { db }) {
      return { datasets: await listDatasets(db) };
    },
  },
  {
    method: 'POST',
    url: '/datasets',
    operationId: 'uploadDataset',
    summary: 'Upload a file as the next version of its layer; the server re-validates every row',
    access: ['admin', 'planner'],
    bodyLimit: MAX_FILE_BYTES,
    schema: {
      description:
        'The body is the original file (CSV, XLSX, GeoJSON, KML or zipped Shapefile) as ' +
        'application/octet-stream; mapping is JSON {field: column index}, guessed from the header when absent.',
      body: {
        content: {
          'application/octet-stream': {
            schema: { description: 'The file as it is (checked by the importers, not by a schema)' },
          },
        },
      },
      querystring: {
        type: 'object',
        required: ['fileName', 'name', 'layer', 'datum'],
        properties: {
          fileName: { type: 'string', minLength: 1, maxLength: 255 },
          name: { type: 'string', minLength: 1, maxLength: 200 },
          layer: { type: 'string', enum: [...DATASET_KINDS] },
          datum: { type: 'string', enum: [...DATUMS] },
          encoding: { type: 'string', enum: [...FORCED_ENCODINGS] },
          mapping: { type: 'string', maxLength: 20_000 },
        },
      },
      response: {
        201: {
          type: 'object',
          required: ['dataset', 'acceptedCount', 'rejectedCount', 'problemCount', 'problems'],
          properties: { dataset: datasetInfoSchema, ...countsSchema },
        },
        422: {
          description: 'No row is usable, or the file cannot be read: the message says why',
          type: 'object',
          required: ['error', 'message'],
          properties: { error: { type: 'string' }, message: { type: 'string' }, ...countsSchema },
        },
      },
    },
    async handler(request, reply, { db, caller, locale }) {
      const body = request.body;
      const bytes = body instanceof Uint8Array ? body : new Uint8Array(0);
      const outcome = await importUpload(bytes, choicesOf(request.query as UploadQuery), locale);
      const { acceptedCount, rejectedCount, problemCount, problems } = outcome;
      const counts = { acceptedCount, rejectedCount, problemCount, problems };
      if (acceptedCount === 0) {
        const detail = locale === 'en' ? 'no row of the file is usable' : '文件中没有可用的行';
        return reply
          .status(422)
          .send({ error: 'invalid', message: errorMessage('invalid', locale, { detail }), ...counts });
      }
      const dataset = await db.transaction(async (tx) => {
        const info = await insertDataset(tx, {
          dataset: outcome.dataset,
          rejectedCount,
          uploadedBy: caller!.userId,
          countyAdcodes: outcome.countyAdcodes,
        });
        await appendAudit(tx, {
          userId: caller!.userId,
          username: caller!.username,
          action: 'dataset.upload',
          datasetId: info.id,
          detail: {
            layer: info.layer,
            version: info.version,
            name: info.name,
            sourceFile: info.sourceFile,
            acceptedCount,
            rejectedCount,
          },
        });
        return info;
      });
      return reply.status(201).send({ dataset, ...counts });
    },
  },
  {
    method: 'GET',
    url: '/datasets/:id',
    operationId: 'getDataset',
    summary: `A dataset's rows as columnar binary (${CONTENT_TYPE}), with an ETag; If-None-Match → 304`,
    access: 'signedIn',
    schema: {
      params: idParams,
      response: {
        200: {
          description: 'The dataset (core/io/columnarBinary.ts layout)',
          content: { [CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
        },
        304: { description: 'The copy named by If-None-Match is current', type: 'null' },
      },
    },
    async handler(request, reply, { db, locale }) {
      const { id } = request.params as { id: string };
      const { rows } = await db.query<{ etag: string }>('select etag from datasets where id = $1', [id]);
      if (rows.length === 0) throw notFound(locale, id);
      const etag = `"${rows[0].etag}"`;
      reply.header('ETag', etag).header('Cache-Control', 'private, no-cache');
      if (etagMatches(request.headers['if-none-match'], etag)) return reply.status(304).send();
      const found = await db.query<{ body: Uint8Array }>('select body from datasets where id = $1', [id]);
      if (found.rows.length === 0) throw notFound(locale, id);
      const { body } = found.rows[0];
      return reply
        .header('Content-Type', CONTENT_TYPE)
        .send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    },
  },
  {
    method: 'GET',
    url: '/datasets/:id/edits',
    operationId: 'listEdits',
    summary: "A dataset's status edits after the edit id `after` (all when 0), oldest first",
    access: 'signedIn',
    schema: {
      params: idParams,
      querystring: {
        type: 'object',
        properties: { after: { type: 'integer', minimum: 0, default: 0 } },
      },
      response: {
        200: {
          type: 'object',
          required: ['edits'],
          properties: { edits: { type: 'array', items: serverEditSchema } },
        },
      },
    },
    async handler(request, _reply, { db, locale }) {
      const { id } = request.params as { id: string };
      const { after = 0 } = request.query as { after?: number };
      if (!(await datasetInfo(db, id))) throw notFound(locale, id);
      const { rows } = await db.query<EditRow>(
        `select ${EDIT_COLUMNS} from status_edits where dataset_id = $1 and id > $2 order by id`,
        [id, after],
      );
      return { edits: rows.map(serverEditFromRow) };
    },
  },
];
