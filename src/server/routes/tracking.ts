// The tracking API: status changes (applied at most once per mutation id), a row's history, the
// review queue of conflicts and the audit log, with CSV exports for people. Routes parse, call
// tracking/* and answer; the decisions live there and in core.
//
// Rules relied on:
// - app.ts has checked `access` (and CSRF on writes) before a handler runs; the area of a county
//   editor is checked by the tracking modules, for every change as it arrives.
// - The answer to POST /status is the stored answer of its mutation id: the handler sends its
//   status and body as they are, so a retry is byte-for-byte the first answer.
// - Administrators and planners read the whole audit log; everyone else reads their own entries.
import type { FastifyReply } from 'fastify';
import { ApiError } from '../errors';
import { applyMutation, type StatusMutation } from '../tracking/applyMutation';
import { listConflicts, resolveConflict, type ConflictFilter, type Decision } from '../tracking/conflicts';
import {
  AUDIT_EXPORT_LIMIT,
  AUDIT_PAGE,
  auditCsv,
  auditEntries,
  rowHistory,
  rowHistoryCsv,
} from '../tracking/history';
import {
  auditEntrySchema,
  conflictSchema,
  errorBodySchema,
  NOTE_MAX_LENGTH,
  statusMutationSchema,
} from '../tracking/schemas';
import { serverEditSchema } from '../tracking/serverEdit';
import type { Caller, RouteContext, RouteDef } from '../types';

const formatQuery = { type: 'string', enum: ['json', 'csv'], default: 'json' } as const;

function requireCaller(context: RouteContext): Caller {
  if (!context.caller) throw new ApiError(401, 'not-signed-in');
  return context.caller;
}

/** Sends a CSV download named in the caller's language (with a plain ASCII name for old clients). */
function sendCsv(reply: FastifyReply, names: { ascii: string; local: string }, csv: string): string {
  const ascii = names.ascii.replace(/[^\w.-]+/g, '-');
  reply
    .type('text/csv; charset=utf-8')
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(names.local)}`,
    );
  return csv;
}

export const trackingRoutes: RouteDef[] = [
  {
    method: 'POST',
    url: '/status',
    operationId: 'updateStatus',
    summary:
      'Change, verify or dispute one status of a village or site (applied at most once per mutationId)',
    access: ['admin', 'planner', 'editor'],
    schema: {
      body: statusMutationSchema,
      response: {
        201: {
          type: 'object',
          required: ['outcome', 'edit'],
          properties: { outcome: { type: 'string', enum: ['applied'] }, edit: serverEditSchema },
        },
        409: {
          type: 'object',
          required: ['outcome', 'conflictId', 'current', 'message'],
          properties: {
            outcome: { type: 'string', enum: ['conflict'] },
            conflictId: { type: 'integer' },
            current: { anyOf: [serverEditSchema, { type: 'null' }] },
            message: { type: 'string' },
          },
        },
        403: errorBodySchema,
      },
    },
    async handler(request, reply, context) {
      const caller = requireCaller(context);
      const answer = await applyMutation(context.db, caller, request.body as StatusMutation, context.locale);
      reply.code(answer.status);
      return answer.body;
    },
  },
  {
    method: 'GET',
    url: '/datasets/:id/rows/:rowKey/history',
    operationId: 'statusHistory',
    summary: 'Every edit and conflict of one village or site; ?format=csv for a file',
    access: 'signedIn',
    schema: {
      params: {
        type: 'object',
        required: ['id', 'rowKey'],
        properties: { id: { type: 'string', maxLength: 200 }, rowKey: { type: 'string', maxLength: 200 } },
      },
      querystring: { type: 'object', properties: { format: formatQuery } },
      response: {
        200: {
          type: 'object',
          required: ['edits', 'conflicts'],
          properties: {
            rowKey: { type: 'string' },
            rowName: { type: 'string' },
            edits: { type: 'array', items: serverEditSchema },
            conflicts: { type: 'array', items: conflictSchema },
          },
        },
      },
    },
    async handler(request, reply, context) {
      const { id, rowKey } = request.params as { id: string; rowKey: string };
      const { format } = request.query as { format: 'json' | 'csv' };
      const history = await rowHistory(context.db, id, rowKey);
      if (format !== 'csv') return history;
      const ascii = `status-history-${rowKey}.csv`;
      const local = context.locale === 'en' ? `status history ${rowKey}.csv` : `状态修改历史 ${rowKey}.csv`;
      return sendCsv(reply, { ascii, local }, rowHistoryCsv(history, context.locale));
    },
  },
  {
    method: 'GET',
    url: '/conflicts',
    operationId: 'listConflicts',
    summary: 'The review queue: conflicting changes (editors: of their area), oldest first',
    access: ['admin', 'editor'],
    schema: {
      querystring: {
        type: 'object',
        properties: {
          status: { type: 'string', enum: ['open', 'accepted', 'rejected', 'all'], default: 'open' },
          datasetId: { type: 'string', maxLength: 200 },
        },
      },
      response: {
        200: {
          type: 'object',
          required: ['conflicts'],
          properties: { conflicts: { type: 'array', items: conflictSchema } },
        },
      },
    },
    async handler(request, _reply, context) {
      const caller = requireCaller(context);
      const conflicts = await listConflicts(context.db, caller, request.query as ConflictFilter);
      return { conflicts };
    },
  },
  {
    method: 'POST',
    url: '/conflicts/:id/resolve',
    operationId: 'resolveConflict',
    summary: 'Accept (apply on top of the current version) or reject a conflicting change',
    access: ['admin', 'editor'],
    schema: {
      params: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'integer', minimum: 1 } },
      },
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['decision'],
        properties: {
          decision: { type: 'string', enum: ['accept', 'reject'] },
          note: { type: 'string', maxLength: NOTE_MAX_LENGTH, default: '' },
        },
      },
      response: {
        200: {
          type: 'object',
          required: ['conflict'],
          properties: { conflict: conflictSchema, edit: serverEditSchema },
        },
      },
    },
    async handler(request, _reply, context) {
      const caller = requireCaller(context);
      const { id } = request.params as { id: number };
      const { decision, note } = request.body as { decision: Decision; note: string };
      return resolveConflict(context.db, caller, id, decision, note, context.locale);
    },
  },
  {
    method: 'GET',
    url: '/audit',
    operationId: 'auditLog',
    summary:
      'The audit log, oldest first, a page at a time (administrators and planners: all; others: their own)',
    access: 'signedIn',
    schema: {
      querystring: {
        type: 'object',
        properties: {
          userId: { type: 'integer', minimum: 1 },
          datasetId: { type: 'string', maxLength: 200 },
          rowKey: { type: 'string', maxLength: 200 },
          after: { type: 'integer', minimum: 0, default: 0, description: 'The last id of the previous page' },
          limit: { type: 'integer', minimum: 1, maximum: 5000, default: AUDIT_PAGE },
          format: formatQuery,
        },
      },
      response: {
        200: {
          type: 'object',
          required: ['entries', 'nextAfter'],
          properties: {
            entries: {
              type: 'array',
              items: auditEntrySchema,
            },
            nextAfter: { type: ['integer', 'null'] },
          },
        },
      },
    },
    async handler(request, reply, context) {
      const caller = requireCaller(context);
      const query = request.query as {
        userId?: number;
        datasetId?: string;
        rowKey?: string;
        after: number;
        limit: number;
        format: 'json' | 'csv';
      };
      const readsAll = caller.role === 'admin' || caller.role === 'planner';
      if (!readsAll && query.userId !== undefined && query.userId !== caller.userId)
        throw new ApiError(403, 'forbidden');
      const filter = { ...query, userId: readsAll ? query.userId : caller.userId };
      if (query.format !== 'csv') return auditEntries(context.db, filter);
      const { entries } = await auditEntries(context.db, { ...filter, limit: AUDIT_EXPORT_LIMIT });
      const local = context.locale === 'en' ? 'audit log.csv' : '操作记录.csv';
      return sendCsv(reply, { ascii: 'audit-log.csv', local }, auditCsv(entries, context.locale));
    },
  },
];
