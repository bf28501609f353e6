// The JSON schemas of the tracking API: requests are validated against them and the OpenAPI
// document at /api/openapi.json is generated from them (routes/tracking.ts).
//
// Rules relied on:
// - A response schema also shapes what is sent (fast-json-stringify drops unknown properties), so
//   every property a client reads is listed here.
import { EDIT_KINDS, EDIT_SOURCES, STATUS_FIELDS } from '../../core/tracking/edits';
import { serverEditSchema } from './serverEdit';

export const NOTE_MAX_LENGTH = 2000;

export const statusMutationSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'mutationId',
    'datasetId',
    'rowKey',
    'field',
    'kind',
    'value',
    'date',
    'source',
    'editedAt',
    'baseVersion',
  ],
  properties: {
    mutationId: {
      type: 'string',
      format: 'uuid',
      description: 'Made by the client; a retry sends the same id',
    },
    datasetId: { type: 'string', minLength: 1, maxLength: 200 },
    rowKey: { type: 'string', minLength: 1, maxLength: 200 },
    field: { type: 'string', enum: [...STATUS_FIELDS] },
    kind: { type: 'string', enum: [...EDIT_KINDS] },
    value: { type: ['boolean', 'null'] },
    date: { type: 'string', format: 'date', description: 'The day on the ground, yyyy-mm-dd' },
    note: { type: 'string', maxLength: NOTE_MAX_LENGTH, default: '' },
    source: { type: 'string', enum: [...EDIT_SOURCES] },
    editedAt: { type: 'string', format: 'date-time' },
    baseVersion: {
      type: 'integer',
      minimum: 0,
      description: 'The version of this row’s field the change was made on (0 before the first edit)',
    },
  },
} as const;

export const errorBodySchema = {
  type: 'object',
  required: ['error', 'message'],
  properties: { error: { type: 'string' }, message: { type: 'string' } },
} as const;

const proposedSchema = {
  type: 'object',
  properties: {
    mutationId: { type: 'string' },
    kind: { type: 'string' },
    value: { type: ['boolean', 'null'] },
    date: { type: 'string' },
    note: { type: 'string' },
    source: { type: 'string' },
    editedAt: { type: 'string' },
    author: { type: 'string' },
    authorId: { type: 'integer' },
  },
} as const;

export const conflictSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    datasetId: { type: 'string' },
    rowKey: { type: 'string' },
    rowName: { type: 'string' },
    countyCode: { type: 'string' },
    field: { type: 'string' },
    baseVersion: { type: 'integer' },
    currentVersion: { type: 'integer' },
    proposed: proposedSchema,
    current: { anyOf: [serverEditSchema, { type: 'null' }] },
    createdBy: { type: 'integer' },
    createdByName: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    status: { type: 'string', enum: ['open', 'accepted', 'rejected'] },
    resolvedBy: { type: ['integer', 'null'] },
    resolvedByName: { type: ['string', 'null'] },
    resolvedAt: { type: ['string', 'null'] },
    resolutionNote: { type: ['string', 'null'] },
  },
} as const;

export const auditEntrySchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    userId: { type: ['integer', 'null'] },
    username: { type: 'string' },
    displayName: { type: 'string' },
    action: { type: 'string' },
    datasetId: { type: ['string', 'null'] },
    rowKey: { type: ['string', 'null'] },
    field: { type: ['string', 'null'] },
    oldValue: { description: 'Absent when there was nothing before' },
    newValue: {},
    note: { type: ['string', 'null'] },
    source: { type: ['string', 'null'] },
    mutationId: { type: ['string', 'null'] },
    detail: { description: 'Anything else the writer kept (JSON)' },
  },
} as const;
