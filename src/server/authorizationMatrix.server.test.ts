// The authorization matrix: every route of the route table × every kind of caller (no session, an
// expired session, and each role), with the answer the access rules below expect. The rules are
// written out here, not read from the routes, so a route declared with the wrong `access` fails, and
// a route added to the table without a rule here fails too.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '../core/team/roles';
import { ROUTES } from './routes/index';
import { startTestApp, testDatabases, type TestApp } from './testing';
import type { RouteDef } from './types';

type Rule = 'public' | 'signedIn' | readonly Role[];

/** Who may call each operation (DESIGN "API"): the expected table. */
const EXPECTED: Record<string, Rule> = {
  openApi: 'public',
  health: 'public',
  setupAdmin: 'public',
  login: 'public',
  logout: 'signedIn',
  currentUser: 'signedIn',
  changePassword: 'signedIn',
  listUsers: ['admin'],
  createUser: ['admin'],
  updateUser: ['admin'],
  resetPassword: ['admin'],
  listDatasets: 'signedIn',
  uploadDataset: ['admin', 'planner'],
  getDataset: 'signedIn',
  listEdits: 'signedIn',
  listViews: 'signedIn',
  saveView: 'signedIn',
  getView: 'signedIn',
  updateView: 'signedIn',
  deleteView: 'signedIn',
  updateStatus: ['admin', 'planner', 'editor'],
  statusHistory: 'signedIn',
  listConflicts: ['admin', 'editor'],
  resolveConflict: ['admin', 'editor'],
  auditLog: 'signedIn',
};

const CALLERS = ['no session', 'expired session', 'admin', 'planner', 'editor', 'viewer'] as const;
type CallerKind = (typeof CALLERS)[number];

/** The answer a caller must get: allowed (anything but 401/403, and no crash) or refused with a code. */
function expectation(
  rule: Rule,
  caller: CallerKind,
): { allowed: true } | { status: 401 | 403; error: string } {
  if (rule === 'public') return { allowed: true };
  if (caller === 'no session') return { status: 401, error: 'not-signed-in' };
  if (caller === 'expired session') return { status: 401, error: 'session-expired' };
  if (rule === 'signedIn' || rule.includes(caller)) return { allowed: true };
  return { status: 403, error: 'forbidden' };
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function send(team: TestApp, route: RouteDef, caller: CallerKind) {
  // Each request gets its own session: a route like logout ends the one it was sent with, and an
  // expired session is deleted when first seen.
  const session =
    caller === 'no session'
      ? null
      : caller === 'expired session'
        ? await team.signIn('viewer', [], { expired: true })
        : await team.signIn(caller);
  return team.app.inject({
    method: route.method,
    // Every path parameter names something that does not exist.
    url: `/api${route.url.replace(/:\w+/g, '999999')}`,
    headers: session?.headers ?? {},
    ...(WRITES.has(route.method) ? { payload: {} } : {}),
  });
}

for (const engine of testDatabases()) {
  describe(`the authorization matrix on ${engine}`, () => {
    let team: TestApp;
    /** operationId → the status each caller got, for the printed matrix. */
    const observed = new Map<string, number[]>();
    beforeAll(async () => {
      team = await startTestApp(engine);
    });
    afterAll(() => team?.close());

    test('every route in the table has an expected rule, and every rule a route', () => {
      const operationIds = ROUTES.map((route) => route.operationId);
      expect(new Set(operationIds).size).toBe(operationIds.length);
      expect([...operationIds].sort()).toEqual(Object.keys(EXPECTED).sort());
    });

    test('each route declares the access the table expects', () => {
      for (const route of ROUTES) {
        expect(route.access, route.operationId).toEqual(EXPECTED[route.operationId]);
      }
    });

    test.each(ROUTES.map((route) => [`${route.method} ${route.url} (${route.operationId})`, route] as const))(
      '%s answers every caller as expected',
      async (_name, route) => {
        const rule = EXPECTED[route.operationId];
        expect(rule, `no rule for ${route.operationId}`).toBeDefined();
        const statuses: number[] = [];
        for (const caller of CALLERS) {
          const answer = await send(team, route, caller);
          const expected = expectation(rule, caller);
          statuses.push(answer.statusCode);
          const where = `${route.operationId} as ${caller} → ${answer.statusCode} ${answer.body.slice(0, 200)}`;
          if ('allowed' in expected) {
            expect([401, 403], where).not.toContain(answer.statusCode);
            expect(answer.statusCode, where).toBeLessThan(500);
          } else {
            expect(answer.statusCode, where).toBe(expected.status);
            expect(answer.json().error, where).toBe(expected.error);
          }
        }
        observed.set(route.operationId, statuses);
      },
    );

    test('reports the size of the matrix and what each caller got', () => {
      const cells = ROUTES.length * CALLERS.length;
      const rows = [...observed].map(([operationId, statuses]) =>
        [operationId.padEnd(18), ...statuses.map((status) => String(status).padStart(4))].join(' '),
      );
      console.log(
        [
          `authorization matrix on ${engine}: ${ROUTES.length} routes × ${CALLERS.length} callers = ${cells} checks`,
          `${''.padEnd(18)} ${CALLERS.join(' | ')}`,
          ...rows,
        ].join('\n'),
      );
      expect(observed.size).toBe(ROUTES.length);
    });
  });
}
