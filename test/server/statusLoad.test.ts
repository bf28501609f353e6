// The load test of the team server's busiest write: 50 county editors (50 keep-alive connections,
// each sending its next change when the last is answered) for 30 s over the loopback interface,
// against PostgreSQL (PGlite is one connection and not a team deployment). Prints throughput and
// latency; then checks the accounting: every change the server acknowledged is either an applied
// edit or a conflict in the review queue, exactly once.
//
// Runs when TEST_DATABASE_URL is set (CI always sets it); bounded in time (30 s) and connections.
import { randomUUID } from 'node:crypto';
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

/** One editor's session: sends changes one after another until the time is up. */
async function editorLoop(index: number, until: number, tally: Tally): Promise<void> {
  const editor = editors[index];
  // The versions this editor has seen, as the browser keeps them (from its answers and pulls).
  const versions = new Map<string, number>();
  const own = VILLAGES / EDITORS;
  while (performance.now() < until) {
    // Mostly the editor's own villages (a crew's township); one change in ten anywhere in the county.
    const village =
      Math.random() < 0.1
        ? Math.floor(Math.random() * VILLAGES)
        : index * own + Math.floor(Math.random() * own);
    const rowKey = `520111${String(100000 + village).slice(-6)}`;
    const field = FIELDS[Math.floor(Math.random() * FIELDS.length)];
    const mutationId = randomUUID();
    const sentAt = performance.now();
    const response = await fetch(`${baseUrl}/api/status`, {
      method: 'POST',
      headers: { ...editor.headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        mutationId,
        datasetId: DATASET,
        rowKey,
        field,
        kind: 'set',
        value: Math.random() < 0.5,
        date: '2026-12-01',
        note: '负载测试',
        source: 'desk',
        editedAt: new Date().toISOString(),
        baseVersion: versions.get(`${rowKey}/${field}`) ?? 0,
      }),
    });
    const body = (await response.json()) as {
      edit?: { version: number };
      current?: { version: number } | null;
    };
    tally.latenciesMs.push(performance.now() - sentAt);
    if (response.status === 201) {
      tally.applied.push(mutationId);
      versions.set(`${rowKey}/${field}`, body.edit!.version);
    } else if (response.status === 409) {
      tally.conflict.push(mutationId);
      if (body.current) versions.set(`${rowKey}/${field}`, body.current.version);
    } else tally.other[response.status] = (tally.other[response.status] ?? 0) + 1;
  }
}

interface Tally {
  applied: string[];
  conflict: string[];
  other: Record<number, number>;
  latenciesMs: number[];
}

test.runIf(runs)(
  '50 editors for 30 s: throughput, p95 latency, and every acknowledged change applied or queued once',
  { timeout: 300_000 },
  async () => {
    const tally: Tally = { applied: [], conflict: [], other: {}, latenciesMs: [] };
    const until = performance.now() + DURATION_SECONDS * 1000;
    await Promise.all(editors.map((_, index) => editorLoop(index, until, tally)));
    const applied = tally.applied.length;
    const conflicts = tally.conflict.length;
    const latencies = [...tally.latenciesMs].sort((a, b) => a - b);
    const percentile = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
    console.log(
      `load test (PostgreSQL, ${EDITORS} editors, ${DURATION_SECONDS} s): ${((applied + conflicts) / DURATION_SECONDS).toFixed(0)} changes/s, ` +
        `latency p50 ${percentile(50).toFixed(0)} ms, p95 ${percentile(95).toFixed(0)} ms, p99 ${percentile(99).toFixed(0)} ms; ` +
        `${applied} applied, ${conflicts} conflicts, other answers ${JSON.stringify(tally.other)}`,
    );
    expect(tally.other).toEqual({});
    expect(applied).toBeGreaterThan(conflicts);
    const ids = async (sql: string) =>
      new Set((await team!.db.query<{ id: string }>(sql)).rows.map((row) => row.id));
    const editIds = await ids(`select mutation_id as id from status_edits where dataset_id = '${DATASET}'`);
    const conflictIds = await ids(`select mutation_id as id from conflicts where dataset_id = '${DATASET}'`);
    const mutationIds = await ids(`select id from mutations`);
    // Every acknowledged change is there once, with the outcome it was acknowledged with, and
    // nothing else was recorded: applied + queued = acknowledged.
    expect(tally.applied.filter((id) => !editIds.has(id))).toEqual([]);
    expect(tally.conflict.filter((id) => !conflictIds.has(id))).toEqual([]);
    expect(editIds.size).toBe(applied);
    expect(conflictIds.size).toBe(conflicts);
    expect(mutationIds.size).toBe(applied + conflicts);
  },
);
