// The team's saved views on the server (share links and slide decks, GET/POST /api/views, GET/PUT/
// DELETE /api/views/:id) and a user's audit entries (GET /api/audit?userId=), with the pure checks
// of what comes back.
//
// Rules relied on:
// - A deck's body is a slides file (core/slidesFile.ts) as JSON; reading one back goes through
//   parseSlidesFile exactly as an imported file does, so the server is never trusted blindly.
// - A link's body is {query}: the view query of the address it was saved from (`v=1&…`); anything
//   else is refused before it reaches the link-restoring code.
// - The audit log comes oldest first a page at a time (`after`); the latest entries are the tail of
//   the last page, so the pages are read to the end keeping only the tail.
import { parseSlidesFile, slidesToJson, type SlideRecord, type SlidesFileProblem } from '../core/slidesFile';
import { VIEW_VERSION } from '../core/viewState';
import { apiFetch, apiJson } from './api';

import type { SharedView, ViewKind } from '../core/team/wire';
export type { SharedView, ViewKind } from '../core/team/wire';

export interface ViewInput {
  kind: ViewKind;
  title: string;
  body: unknown;
}

/** Every saved view of the team (of one kind when asked), latest change first. */
export async function listViews(kind?: ViewKind): Promise<SharedView[]> {
  const { views } = await apiJson<{ views: SharedView[] }>('GET', '/api/views');
  return kind ? views.filter((view) => view.kind === kind) : views;
}

export async function getView(id: string): Promise<SharedView> {
  return (await apiJson<{ view: SharedView }>('GET', `/api/views/${encodeURIComponent(id)}`)).view;
}

export async function saveView(input: ViewInput): Promise<SharedView> {
  return (await apiJson<{ view: SharedView }>('POST', '/api/views', { json: input })).view;
}

export async function updateView(id: string, input: ViewInput): Promise<SharedView> {
  const path = `/api/views/${encodeURIComponent(id)}`;
  return (await apiJson<{ view: SharedView }>('PUT', path, { json: input })).view;
}

export async function deleteView(id: string): Promise<void> {
  await apiJson<void>('DELETE', `/api/views/${encodeURIComponent(id)}`);
}

/** A deck as a view body: the slides file, as an object. */
export const deckBody = (slides: readonly SlideRecord[], savedAt: string): unknown =>
  JSON.parse(slidesToJson(slides, savedAt));

/** How many slides a deck's body says it has (for the list; opening it checks it whole). */
export function deckSize(body: unknown): number {
  const slides =
    typeof body === 'object' && body !== null ? (body as { slides?: unknown }).slides : undefined;
  return Array.isArray(slides) ? slides.length : 0;
}

/** The slides of a deck's body, checked as an imported slides file is. */
export function slidesOfBody(body: unknown): { slides: SlideRecord[] } | { problem: SlidesFileProblem } {
  if (typeof body !== 'string' && (typeof body !== 'object' || body === null))
    return { problem: { code: 'wrong-format' } };
  return parseSlidesFile(typeof body === 'string' ? body : JSON.stringify(body));
}

const MAX_QUERY_LENGTH = 4000;

/** A link as a view body: the view query without its leading '?'. */
export const linkBody = (query: string): { query: string } => ({ query: query.replace(/^\?/, '') });

/** The view query a link's body holds, or null when it is not one. */
export function queryOfBody(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { query } = body as { query?: unknown };
  if (typeof query !== 'string' || query.length > MAX_QUERY_LENGTH) return null;
  return new URLSearchParams(query).get('v') === String(VIEW_VERSION) ? query : null;
}

/** The short address of a saved link. */
export const shortLink = (origin: string, id: string) => `${origin}/?view=${encodeURIComponent(id)}`;

/** The saved view an address names (`?view=<id>`), or null. */
export function viewIdOf(search: string): string | null {
  const id = new URLSearchParams(search).get('view');
  return id && /^[\w-]{1,64}$/.test(id) ? id : null;
}

export type { AuditLogEntry as AuditEntry } from '../core/team/wire';
import type { AuditLogEntry as AuditEntry } from '../core/team/wire';

const AUDIT_PAGE_LIMIT = 5000;

/** A user's latest `count` audit entries, newest first. */
export async function latestAuditEntries(userId: number, count: number): Promise<AuditEntry[]> {
  let tail: AuditEntry[] = [];
  let after = 0;
  for (;;) {
    const query = new URLSearchParams({ userId: String(userId), after: String(after) });
    query.set('limit', String(AUDIT_PAGE_LIMIT));
    const page = await apiJson<{ entries: AuditEntry[]; nextAfter: number | null }>(
      'GET',
      `/api/audit?${query}`,
    );
    tail = [...tail, ...page.entries].slice(-count);
    if (page.nextAfter === null || page.nextAfter <= after) break;
    after = page.nextAfter;
  }
  return tail.reverse();
}

/** A user's whole audit log as the server's CSV for people (byte-order mark, human headers). */
export async function auditCsv(userId: number): Promise<{ bytes: Uint8Array; fileName: string }> {
  const response = await apiFetch('GET', `/api/audit?userId=${userId}&format=csv`);
  const disposition = response.headers.get('content-disposition') ?? '';
  const local = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  let fileName = 'audit-log.csv';
  try {
    if (local) fileName = decodeURIComponent(local);
  } catch {
    /* a malformed name: keep the plain one */
  }
  return { bytes: new Uint8Array(await response.arrayBuffer()), fileName };
}
