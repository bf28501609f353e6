// For the tracking tests: a test app serving the tracking routes, a village table stored directly
// with SQL (so these tests do not depend on the upload code), and a status change to send.
//
// Rules relied on:
// - Villages: 5201110001 in 花溪区 (520111, the default area of a test editor), 5201020001 in
//   南明区 (520102, same prefecture 贵阳市 520100) and 5226010001 in 凯里市 (522601, 黔东南州).
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { trackingRoutes } from '../routes/tracking';
import { startTestApp, type SignedIn, type TestApp, type TestEngine } from '../testing';
import type { StatusMutation } from './applyMutation';

export const DATASET_ID = 'villages-test-1';
export const HUAXI_VILLAGE = '5201110001';
export const NANMING_VILLAGE = '5201020001';
export const KAILI_VILLAGE = '5226010001';

export interface TrackingTestApp extends TestApp {
  /** An app serving the tracking routes on the same database. */
  tracking: FastifyInstance;
  admin: SignedIn;
  /** POST /api/status as `who`. */
  sendStatus(who: SignedIn, mutation: StatusMutation, locale?: string): Promise<LightMyRequestResponse>;
}

export async function startTrackingApp(engine: TestEngine): Promise<TrackingTestApp> {
  const team = await startTestApp(engine);
  const admin = await team.signIn('admin');
  await team.db.query(
    `insert into datasets (id, layer, version, name, source_file, datum, row_count, uploaded_by, body, etag)
     values ($1, 'villages', 1, '测试村表', 'villages.csv', 'wgs84', 3, $2, decode('00', 'hex'), 'etag-1')`,
    [DATASET_ID, admin.userId],
  );
  await team.db.query(
    `insert into dataset_rows (dataset_id, row_key, county_code, name) values
       ($1, $2, '520111', '花溪测试村'), ($1, $3, '520102', '南明测试村'), ($1, $4, '522601', '凯里测试村')`,
    [DATASET_ID, HUAXI_VILLAGE, NANMING_VILLAGE, KAILI_VILLAGE],
  );
  const tracking = await buildApp({ db: team.db, config: team.config, routes: trackingRoutes });
  await tracking.ready();
  return {
    ...team,
    tracking,
    admin,
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

/** A status change of 5201110001's fiber to "yes" from no edit, at the desk; `changes` override. */
export function statusChange(changes: Partial<StatusMutation> = {}): StatusMutation {
  return {
    mutationId: randomUUID(),
    datasetId: DATASET_ID,
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

export async function countRows(
  team: TestApp,
  table: 'status_edits' | 'conflicts' | 'mutations',
): Promise<number> {
  const { rows } = await team.db.query<{ count: number }>(`select count(*)::int as count from ${table}`);
  return rows[0].count;
}

export async function auditActions(team: TestApp): Promise<string[]> {
  const { rows } = await team.db.query<{ action: string }>(
    `select action from audit_log where action like 'status.%' or action like 'conflict.%' order by id`,
  );
  return rows.map((row) => row.action);
}
