// The load test of the team server's busiest write: 50 county editors sending status changes at
// once for 30 s over the loopback interface, against PostgreSQL (PGlite is one connection and not
// a team deployment). Prints throughput and latency; then checks the accounting: every change the
// server acknowledged is either an applied edit or a conflict in the review queue, exactly once.
//
// Runs when TEST_DATABASE_URL is set (CI always sets it); bounded in time (30 s) and connections.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApp, type SignedIn, type TestApp } from '../../src/server/testing';

const EDITORS = 50;
const DURATION_SECONDS = 30;
const VILLAGES = 400;
const FIELDS = ['fiber', 'gigabit', '4g', '5g'] as const;
const DATASET = 'load-test-villages';

let team: TestApp | undefined;
let editors: SignedIn[] = [];
let baseUrl = '';

const runs = Boolean(process.env.TEST_DATABASE_URL);

beforeAll(async () => {
  if (!runs) return;
  team = await startTestApp('postgres');
  const admin = await team.signIn('admin');
  await team.db.query(
    `insert into datasets (id, layer, version, name, source_file, datum, row_count, uploaded_by, body, etag)
     values ($1, 'villages', 1, '花溪区村表（负载测试）', 'load.csv', 'wgs84', $2, $3, '\\x00', 'load')`,
    [DATASET, VILLAGES, admin.userId],
  );
  const codes = Array.from({ length: VILLAGES }, (_, i) => `520111${String(100000 + i).slice(-6)}`);
  await team.db.query(
    `insert into dataset_rows (dataset_id, row_key, county_code, name)
     select $1, code, '520111', '村' || code from unnest($2::text[]) as code`,
    [DATASET, codes],
  );
  editors = [];
  for (let i = 0; i < EDITORS; i++) editors.push(await team.signIn('editor', ['520111']));
  baseUrl = await team.app.listen({ host: '127.0.0.1', port: 0 });
}, 300_000);

afterAll(() => team?.close());

test.runIf(runs)(
  '50 editors for 30 s: throughput, p95 latency, and every acknowledged change applied or queued once',
  { timeout: 300_000 },
  async () => {
    let nextEditor = 0;
    const acknowledged = { applied: 0, conflict: 0 };
    const other: Record<number, number> = {};
    // Each connection is one editor who remembers the versions the server answered with, as the
    // browser does: most changes apply; two editors on the same village and field conflict.
    const result = await autocannon({
      url: baseUrl,
      connections: EDITORS,
      duration: DURATION_SECONDS,
      requests: [
        {
          method: 'POST',
          path: '/api/status',
          setupRequest(request, context) {
            const state = context as { editor?: SignedIn; versions?: Map<string, number> };
            state.editor ??= editors[nextEditor++ % editors.length];
            state.versions ??= new Map();
            const rowKey = `520111${String(100000 + Math.floor(Math.random() * VILLAGES)).slice(-6)}`;
            const field = FIELDS[Math.floor(Math.random() * FIELDS.length)];
            const baseVersion = state.versions.get(`${rowKey}/${field}`) ?? 0;
            return {
              ...request,
              headers: { ...state.editor.headers, 'content-type': 'application/json' },
              body: JSON.stringify({
                mutationId: randomUUID(),
                datasetId: DATASET,
                rowKey,
                field,
                kind: 'set',
                value: Math.random() < 0.5,
                date: '2026-12-01',
                note: '负载测试',
                source: 'desk',
                editedAt: new Date().toISOString(),
                baseVersion,
              }),
            };
          },
          onResponse(status, body, context) {
            const state = context as { versions: Map<string, number> };
            if (status === 201) {
              acknowledged.applied++;
              const { edit } = JSON.parse(body) as {
                edit: { rowKey: string; field: string; version: number };
              };
              state.versions.set(`${edit.rowKey}/${edit.field}`, edit.version);
            } else if (status === 409) {
              acknowledged.conflict++;
              const { current } = JSON.parse(body) as {
                current: { rowKey: string; field: string; version: number } | null;
              };
              if (current) state.versions.set(`${current.rowKey}/${current.field}`, current.version);
            } else other[status] = (other[status] ?? 0) + 1;
          },
        },
      ],
    });
    const total = acknowledged.applied + acknowledged.conflict;
    console.log(
      `load test (PostgreSQL, ${EDITORS} editors, ${DURATION_SECONDS} s): ${result.requests.average.toFixed(0)} changes/s on average, ` +
        `latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, ` +
        `${acknowledged.applied} applied, ${acknowledged.conflict} conflicts, other answers ${JSON.stringify(other)}, ` +
        `errors ${result.errors}, timeouts ${result.timeouts}`,
    );
    const latencies = result.latency as unknown as Record<string, number>;
    console.log(
      `load test p95 latency: ${latencies.p95 ?? '(autocannon reports p90/p97.5)'} ms; p90 ${latencies.p90} ms`,
    );
    expect(other).toEqual({});
    expect(total).toBeGreaterThan(0);
    const count = async (sql: string) => (await team!.db.query<{ count: number }>(sql)).rows[0].count;
    expect(
      await count(`select count(*)::int as count from status_edits where dataset_id = '${DATASET}'`),
    ).toBe(acknowledged.applied);
    expect(await count(`select count(*)::int as count from conflicts where dataset_id = '${DATASET}'`)).toBe(
      acknowledged.conflict,
    );
    // Requests cut off when the 30 s ended may have been applied without their answer arriving: never more.
    expect(await count(`select count(*)::int as count from mutations`)).toBeGreaterThanOrEqual(total);
    expect(await count(`select count(*)::int as count from mutations`)).toBeLessThanOrEqual(total + EDITORS);
  },
);
