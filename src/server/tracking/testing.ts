// For the tracking tests: a test app serving the tracking routes, village tables stored directly
// with SQL (so these tests do not depend on the upload code), and status changes to send.
//
// Rules relied on:
// - One database per test file (a fresh one costs seconds); each test adds its own dataset and
//   signs in its own users, and looks only at rows of its dataset, so tests share no state.
// - Villages: 5201110001 in 花溪区 (520111, the default area of a test editor), 5201020001 in
//   南明区 (520102, same prefecture 贵阳市 520100) and 5226010001 in 凯里市 (522601, 黔东南州).
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { trackingRoutes } from '../routes/tracking';
import { startTestApp, type SignedIn, type TestApp, type TestEngine } from '../testing';
import type { StatusMutation } from './applyMutation';

export const HUAXI_VILLAGE = '5201110001';
export const NANMING_VILLAGE = '5201020001';
export const KAILI_VILLAGE = '5226010001';

export interface TestVillages {
  datasetId: string;
  /** A status change of a village of this dataset (5201110001's fiber to "yes" unless overridden). */
  change(changes?: Partial<StatusMutation>): StatusMutation;
  /** Rows of `table` about this dataset. */
  count(table: 'status_edits' | 'conflicts'): Promise<number>;
  /** The tracking actions audited on this dataset, in order. */
  auditActions(): Promise<string[]>;
}

export interface TrackingTestApp extends TestApp {
  /** An app serving the tracking routes on the same database. */
  tracking: FastifyInstance;
  admin: SignedIn;
  /** A new dataset holding the three villages: each test works on its own. */
  addVillages(): Promise<TestVillages>;
  /** POST /api/status as `who`. */
  sendStatus(who: SignedIn, mutation: StatusMutation, locale?: string): Promise<LightMyRequestResponse>;
}

let datasetNumber = 0;

export async function startTrackingApp(engine: TestEngine): Promise<TrackingTestApp> {
  const team = await startTestApp(engine);
  const admin = await team.signIn('admin');
  const tracking = await buildApp({ db: team.db, config: team.config, routes: trackingRoutes });
  await tracking.ready();
  const { db } = team;
  return {
    ...team,
    tracking,
    admin,
    async addVillages() {
      datasetNumber += 1;
      const datasetId = `villages-test-${datasetNumber}`;
      await db.query(
        `insert into datasets (id, layer, version, name, source_file, datum, row_count, uploaded_by, body, etag)
         values ($1, 'villages', $2, '测试村表', 'villages.csv', 'wgs84', 3, $3, decode('00', 'hex'), $1)`,
        [datasetId, datasetNumber, admin.userId],
      );
      await db.query(
        `insert into dataset_rows (dataset_id, row_key, county_code, name) values
           ($1, $2, '520111', '花溪测试村'), ($1, $3, '520102', '南明测试村'), ($1, $4, '522601', '凯里测试村')`,
        [datasetId, HUAXI_VILLAGE, NANMING_VILLAGE, KAILI_VILLAGE],
      );
      return {
        datasetId,
        change: (changes = {}) => statusChange({ datasetId, ...changes }),
        async count(table) {
          const { rows } = await db.query<{ count: number }>(
            `select count(*)::int as count from ${table} where dataset_id = $1`,
            [datasetId],
          );
          return rows[0].count;
        },
        async auditActions() {
          const { rows } = await db.query<{ action: string }>(
            `select action from audit_log where dataset_id = $1 order by id`,
            [datasetId],
          );
          return rows.map((row) => row.action);
        },
      };
    },
    sendStatus: (who, mutation, locale = 'zh-CN') =>
      tracking.inject({
        method: 'POST',
        url: '/api/status',
        headers: { ...who.headers, 'accept-language': locale },
        payload: mutation,
      }),
    async close() {
      await tracking.close();
      await team.close();
    },
  };
}

function statusChange(changes: Partial<StatusMutation> & { datasetId: string }): StatusMutation {
  return {
    mutationId: randomUUID(),
    rowKey: HUAXI_VILLAGE,
    field: 'fiber',
    kind: 'set',
    value: true,
    date: '2025-03-14',
    note: '县公司来电确认',
    source: 'desk',
    editedAt: '2025-03-14T02:30:00.000Z',
    baseVersion: 0,
    ...changes,
  };
}

export async function storedMutations(team: TestApp, ids: readonly string[]): Promise<number> {
  const { rows } = await team.db.query<{ count: number }>(
    `select count(*)::int as count from mutations where id = any($1::uuid[])`,
    [ids],
  );
  return rows[0].count;
}
