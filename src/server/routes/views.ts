// Saved views on the server: share links and slide decks that open for any colleague signed in,
// instead of living in one browser. The body is the client's own JSON (a view state, a deck), kept
// as it is.
//
// Rules relied on:
// - Everyone signed in reads every view (as every dataset); the owner or an administrator changes
//   or deletes one. Each change is audited in the same transaction.
// - A request carrying a view is at most MAX_VIEW_BYTES; the schema checks its shape.
// - Ids are 16 random URL-safe characters, so a link cannot be guessed from another.
import { randomBytes } from 'node:crypto';
import { appendAudit } from '../auth/audit';
import { ApiError } from '../errors';
import type { Caller, Db, RouteContext, RouteDef } from '../types';

export const MAX_VIEW_BYTES = 256 * 1024;
import { VIEW_KINDS, type SharedView, type ViewKind } from '../../core/team/wire';
export { VIEW_KINDS, type SharedView, type ViewKind } from '../../core/team/wire';

interface ViewRow {
  id: string;
  kind: ViewKind;
  title: string;
  body: unknown;
  owner_name: string;
  owner_id: number;
  created_at: Date | string;
  updated_at: Date | string;
}

const VIEW_COLUMNS = `v.id, v.kind, v.title, v.body, u.display_name as owner_name, v.owner_id, v.created_at,
  v.updated_at`;

const viewOf = (row: ViewRow): SharedView => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  body: row.body,
  owner: row.owner_name,
  ownerId: row.owner_id,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

/**
 * Any JSON in the schema, checked by the handler (checkBody): with the server's type coercion a
 * union type would turn a string into a one-element array, and on the way out a typed schema would
 * make the serializer drop what it does not name.
 */
const bodySchema = {
  description: 'The view as the client wrote it: an object, a list or a text (a view state, a slide deck)',
} as const;

/** An object, a list or a text; a 422 for null, a number or true/false. */
function checkBody(body: unknown, locale: RouteContext['locale']): void {
  if ((typeof body === 'object' && body !== null) || typeof body === 'string') return;
  throw new ApiError(422, 'invalid', {
    detail: locale === 'en' ? 'a view is an object, a list or a text' : '视图内容须为对象、列表或文本',
  });
}

export const viewSchema = {
  type: 'object',
  required: ['id', 'kind', 'title', 'body', 'owner', 'ownerId', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string' },
    kind: { type: 'string', enum: [...VIEW_KINDS] },
    title: { type: 'string' },
    body: bodySchema,
    owner: { type: 'string' },
    ownerId: { type: 'integer' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

const viewAnswer = {
  200: { type: 'object', required: ['view'], properties: { view: viewSchema } },
} as const;

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

const titleSchema = { type: 'string', maxLength: 200 } as const;

interface ViewInput {
  kind?: ViewKind;
  title?: string;
  body: unknown;
}

async function findView(db: Db, id: string, lock = false): Promise<SharedView | null> {
  const { rows } = await db.query<ViewRow>(
    `select ${VIEW_COLUMNS} from shared_views v join users u on u.id = v.owner_id where v.id = $1
     ${lock ? 'for update of v' : ''}`,
    [id],
  );
  return rows.length === 0 ? null : viewOf(rows[0]);
}

const notFound = (locale: RouteContext['locale'], id: string) =>
  new ApiError(404, 'not-found', { what: locale === 'en' ? `view ${id}` : `视图 ${id}` });

/** The view, locked for the change, when the caller may change it: its owner or an administrator. */
async function viewToChange(tx: Db, id: string, caller: Caller, locale: RouteContext['locale']) {
  const view = await findView(tx, id, true);
  if (!view) throw notFound(locale, id);
  if (view.ownerId !== caller.userId && caller.role !== 'admin') throw new ApiError(403, 'forbidden');
  return view;
}

const auditOf = (caller: Caller, action: string, view: Pick<SharedView, 'id' | 'kind' | 'title'>) => ({
  userId: caller.userId,
  username: caller.username,
  action,
  detail: { viewId: view.id, kind: view.kind, title: view.title },
});

export const viewRoutes: RouteDef[] = [
  {
    method: 'GET',
    url: '/views',
    operationId: 'listViews',
    summary: 'Every saved share link and slide deck, latest change first',
    access: 'signedIn',
    schema: {
      response: {
        200: {
          type: 'object',
          required: ['views'],
          properties: { views: { type: 'array', items: viewSchema } },
        },
      },
    },
    async handler(_request, _reply, { db }) {
      const { rows } = await db.query<ViewRow>(
        `select ${VIEW_COLUMNS} from shared_views v join users u on u.id = v.owner_id
         order by v.updated_at desc, v.id`,
      );
      return { views: rows.map(viewOf) };
    },
  },
  {
    method: 'POST',
    url: '/views',
    operationId: 'saveView',
    summary: 'Save a share link or a slide deck for the team',
    access: 'signedIn',
    bodyLimit: MAX_VIEW_BYTES,
    schema: {
      body: {
        type: 'object',
        required: ['kind', 'body'],
        additionalProperties: false,
        properties: { kind: { type: 'string', enum: [...VIEW_KINDS] }, title: titleSchema, body: bodySchema },
      },
      response: { 201: viewAnswer[200] },
    },
    async handler(request, reply, { db, caller, locale }) {
      const input = request.body as Required<Pick<ViewInput, 'kind'>> & ViewInput;
      checkBody(input.body, locale);
      const id = randomBytes(12).toString('base64url');
      const view = await db.transaction(async (tx) => {
        await tx.query(
          `insert into shared_views (id, kind, title, body, owner_id) values ($1, $2, $3, $4::jsonb, $5)`,
          [id, input.kind, input.title ?? '', JSON.stringify(input.body), caller!.userId],
        );
        const saved = (await findView(tx, id))!;
        await appendAudit(tx, auditOf(caller!, 'view.create', saved));
        return saved;
      });
      return reply.status(201).send({ view });
    },
  },
  {
    method: 'GET',
    url: '/views/:id',
    operationId: 'getView',
    summary: 'One saved share link or slide deck',
    access: 'signedIn',
    schema: { params: idParams, response: viewAnswer },
    async handler(request, _reply, { db, locale }) {
      const { id } = request.params as { id: string };
      const view = await findView(db, id);
      if (!view) throw notFound(locale, id);
      return { view };
    },
  },
  {
    method: 'PUT',
    url: '/views/:id',
    operationId: 'updateView',
    summary: 'Replace a saved view (its owner or an administrator)',
    access: 'signedIn',
    bodyLimit: MAX_VIEW_BYTES,
    schema: {
      params: idParams,
      body: {
        type: 'object',
        required: ['body'],
        additionalProperties: false,
        properties: { kind: { type: 'string', enum: [...VIEW_KINDS] }, title: titleSchema, body: bodySchema },
      },
      response: viewAnswer,
    },
    async handler(request, _reply, { db, caller, locale }) {
      const { id } = request.params as { id: string };
      const input = request.body as ViewInput;
      checkBody(input.body, locale);
      const view = await db.transaction(async (tx) => {
        const before = await viewToChange(tx, id, caller!, locale);
        await tx.query(
          `update shared_views set kind = $2, title = $3, body = $4::jsonb, updated_at = now() where id = $1`,
          [id, input.kind ?? before.kind, input.title ?? before.title, JSON.stringify(input.body)],
        );
        const saved = (await findView(tx, id))!;
        await appendAudit(tx, {
          ...auditOf(caller!, 'view.update', saved),
          oldValue: { kind: before.kind, title: before.title },
          newValue: { kind: saved.kind, title: saved.title },
        });
        return saved;
      });
      return { view };
    },
  },
  {
    method: 'DELETE',
    url: '/views/:id',
    operationId: 'deleteView',
    summary: 'Delete a saved view (its owner or an administrator)',
    access: 'signedIn',
    schema: { params: idParams, response: { 204: { type: 'null', description: 'Deleted' } } },
    async handler(request, reply, { db, caller, locale }) {
      const { id } = request.params as { id: string };
      await db.transaction(async (tx) => {
        const view = await viewToChange(tx, id, caller!, locale);
        await tx.query('delete from shared_views where id = $1', [id]);
        await appendAudit(tx, auditOf(caller!, 'view.delete', view));
      });
      return reply.status(204).send();
    },
  },
];
