// Shared datasets through the API: uploads re-validated by the server, versions per layer, the
// columnar body with its ETag, and the edits of a dataset.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importFile } from '../../core/import/importFile';
import { decodeColumnar } from '../../core/io/columnarBinary';
import { serverGeodata } from '../datasets/importUpload';
import { startTestApp, testDatabases, type SignedIn, type TestApp } from '../testing';

// Real villages (geodata/villages.csv) at points inside their counties: 花溪区, 南明区, 凯里市.
const VILLAGES_CSV = [
  '村代码,村名,通光纤,千兆光网,4G覆盖,5G覆盖,经度,纬度',
  '520111004200,尖山村,是,否,是,否,106.6671,26.4140',
  '520111004201,天鹅村,是,是,是,是,,',
  '520102200201,太慈村,否,否,是,否,106.7122,26.5773',
  '522601001001,北京西路社区居民委员会,是,是,是,是,107.9734,26.5865',
].join('\r\n');

const STATIONS_CSV = [
  '站号,基站名称,运营商,频段,建成年份,经度,纬度',
  'GY-0001,花溪大学城1,中国移动,n41,2021,106.6520,26.3890',
  'GY-0002,南明河2,中国电信,n78,2022,106.7150,26.5710',
  'ZY-0003,遵义红花岗3,中国联通,n78,2023,106.9399,27.6979',
].join('\n');

/** Rows 3–5 (as a spreadsheet numbers them) are wrong; row 2 is fine. */
const TAMPERED_CSV = [
  '村代码,村名,通光纤,千兆光网,4G覆盖,5G覆盖,经度,纬度',
  '520111004200,尖山村,是,否,是,否,106.6671,26.4140',
  '520111004201,天鹅村,也许,是,是,是,,',
  '520111999999,不存在村,是,是,是,是,,',
  '520102200201,太慈村,否,否,是,否,26.5773,106.7122',
].join('\n');

const bytesOf = (text: string) => Buffer.from(text, 'utf8');

for (const engine of testDatabases()) {
  describe(`shared datasets on ${engine}`, () => {
    let team: TestApp;
    let planner: SignedIn;
    beforeAll(async () => {
      team = await startTestApp(engine);
      planner = await team.signIn('planner');
    });
    afterAll(() => team?.close());

    const upload = (
      who: SignedIn,
      body: Buffer,
      query: Record<string, string>,
      headers: Record<string, string> = {},
    ) =>
      team.app.inject({
        method: 'POST',
        url: '/api/datasets',
        query: { datum: 'wgs84', name: query.fileName ?? 'upload', ...query },
        headers: { ...who.headers, 'content-type': 'application/octet-stream', ...headers },
        payload: body,
      });

    test('a village file is stored with the counts the server found, and its rows by county', async () => {
      const answer = await upload(planner, bytesOf(VILLAGES_CSV), {
        fileName: 'villages-2024.csv',
        name: '行政村 2024',
        layer: 'villages',
      });
      expect(answer.statusCode).toBe(201);
      const result = answer.json();
      expect(result).toMatchObject({ acceptedCount: 4, rejectedCount: 0, problems: [] });
      expect(result.dataset).toMatchObject({
        layer: 'villages',
        version: 1,
        name: '行政村 2024',
        sourceFile: 'villages-2024.csv',
        datum: 'wgs84',
        rowCount: 4,
        rejectedCount: 0,
        uploadedBy: '测试planner',
      });
      const { rows } = await team.db.query<{ row_key: string; county_code: string; name: string }>(
        'select row_key, county_code, name from dataset_rows where dataset_id = $1 order by row_key',
        [result.dataset.id],
      );
      expect(rows).toEqual([
        { row_key: '520102200201', county_code: '520102', name: '太慈村' },
        { row_key: '520111004200', county_code: '520111', name: '尖山村' },
        { row_key: '520111004201', county_code: '520111', name: '天鹅村' },
        { row_key: '522601001001', county_code: '522601', name: '北京西路社区居民委员会' },
      ]);
      const audit = await team.db.query<{ action: string; user_id: number; detail: Record<string, unknown> }>(
        'select action, user_id, detail from audit_log where dataset_id = $1',
        [result.dataset.id],
      );
      expect(audit.rows).toEqual([
        {
          action: 'dataset.upload',
          user_id: planner.userId,
          detail: expect.objectContaining({
            layer: 'villages',
            version: 1,
            acceptedCount: 4,
            rejectedCount: 0,
          }),
        },
      ]);
    });

    test('a station file is stored with its counts; stations are not tracked rows', async () => {
      const answer = await upload(planner, bytesOf(STATIONS_CSV), {
        fileName: 'stations.csv',
        layer: 'stations5g',
      });
      expect(answer.statusCode).toBe(201);
      expect(answer.json()).toMatchObject({
        acceptedCount: 3,
        rejectedCount: 0,
        dataset: { layer: 'stations5g' },
      });
      const { rows } = await team.db.query('select 1 from dataset_rows where dataset_id = $1', [
        answer.json().dataset.id,
      ]);
      expect(rows).toEqual([]);
    });

    test('rows that fail validation are reported by row and column, in the caller’s language', async () => {
      const answer = await upload(
        planner,
        bytesOf(TAMPERED_CSV),
        { fileName: 'tampered.csv', layer: 'villages' },
        { 'accept-language': 'en' },
      );
      expect(answer.statusCode).toBe(201);
      const result = answer.json();
      expect(result).toMatchObject({ acceptedCount: 1, rejectedCount: 3 });
      expect(result.dataset.rejectedCount).toBe(3);
      const byRow = (row: number) => result.problems.filter((p: { row: number }) => p.row === row);
      expect(byRow(3)).toEqual([{ row: 3, column: '通光纤', message: expect.stringContaining('也许') }]);
      expect(byRow(4)).toEqual([
        { row: 4, column: '村代码', message: expect.stringContaining('520111999999') },
      ]);
      expect(byRow(5)[0].message).toMatch(/swapped/);

      const chinese = await upload(planner, bytesOf(TAMPERED_CSV), {
        fileName: 'tampered.csv',
        layer: 'villages',
      });
      expect(chinese.json().problems[0].message).toMatch(/[\u4e00-\u9fff]/);
    });

    test('a mapping from the client is used, but a row the importers refuse is refused whatever it says', async () => {
      // The client maps 村名 as the village code: every row's "code" is then a name, and is refused.
      const answer = await upload(planner, bytesOf(VILLAGES_CSV), {
        fileName: 'villages.csv',
        layer: 'villages',
        mapping: JSON.stringify({ villageCode: 1, lon: 6, lat: 7 }),
      });
      expect(answer.statusCode).toBe(422);
      expect(answer.json()).toMatchObject({ error: 'invalid', acceptedCount: 0, rejectedCount: 4 });
      expect(answer.json().problems).toHaveLength(4);

      const outside = await upload(planner, bytesOf(VILLAGES_CSV), {
        fileName: 'villages.csv',
        layer: 'villages',
        mapping: JSON.stringify({ villageCode: 0, name: 40 }),
      });
      expect(outside.statusCode).toBe(422);
      expect(outside.json().message).toContain('40');
    });

    test('an empty or unreadable file is a 422 saying why', async () => {
      const empty = await upload(
        planner,
        Buffer.alloc(0),
        { fileName: 'empty.csv', layer: 'villages' },
        {
          'accept-language': 'en',
        },
      );
      expect(empty.statusCode).toBe(422);
      expect(empty.json().message).toMatch(/empty\.csv: the file is empty/);
      const datasets = await team.db.query("select 1 from datasets where source_file = 'empty.csv'");
      expect(datasets.rows).toEqual([]);
    });

    test('a second upload of a layer is its version 2, and both versions stay listed', async () => {
      const sites = (rows: string[]) =>
        bytesOf(['编号,安置点名称,搬迁人口,已覆盖,经度,纬度', ...rows].join('\n'));
      const first = await upload(planner, sites(['AZ-01,花溪安置点,1200,是,106.6671,26.4140']), {
        fileName: 'sites-2024.csv',
        layer: 'relocationSites',
      });
      const second = await upload(
        planner,
        sites(['AZ-01,花溪安置点,1200,是,106.6671,26.4140', 'AZ-02,凯里安置点,800,否,107.9734,26.5865']),
        { fileName: 'sites-2025.csv', layer: 'relocationSites' },
      );
      expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
      expect(first.json().dataset.version).toBe(1);
      expect(second.json().dataset.version).toBe(2);
      const { rows } = await team.db.query<{ row_key: string; county_code: string }>(
        'select row_key, county_code from dataset_rows where dataset_id = $1 order by row_key',
        [second.json().dataset.id],
      );
      expect(rows).toEqual([
        { row_key: 'AZ-01', county_code: '520111' },
        { row_key: 'AZ-02', county_code: '522601' },
      ]);
      const list = await team.app.inject({ method: 'GET', url: '/api/datasets', headers: planner.headers });
      expect(list.statusCode).toBe(200);
      const listed = list.json().datasets.filter((d: { layer: string }) => d.layer === 'relocationSites');
      expect(listed.map((d: { version: number; sourceFile: string }) => [d.version, d.sourceFile])).toEqual([
        [1, 'sites-2024.csv'],
        [2, 'sites-2025.csv'],
      ]);
      expect(listed[0]).not.toHaveProperty('body');
    });

    test('a dataset downloads as columnar binary that decodes to the columns the importers made, with a 304 while current', async () => {
      const uploaded = (
        await upload(planner, bytesOf(VILLAGES_CSV), { fileName: 'v.csv', layer: 'villages' })
      ).json();
      const viewer = await team.signIn('viewer');
      const answer = await team.app.inject({
        method: 'GET',
        url: `/api/datasets/${uploaded.dataset.id}`,
        headers: viewer.headers,
      });
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toBe('application/vnd.gca.columnar');
      expect(answer.headers['cache-control']).toBe('private, no-cache');
      expect(answer.headers.etag).toBe(`"${uploaded.dataset.etag}"`);
      const decoded = decodeColumnar(new Uint8Array(answer.rawPayload));
      const local = await importFile(
        bytesOf(VILLAGES_CSV),
        { fileName: 'v.csv', name: 'v.csv', layer: 'villages', datum: 'wgs84' },
        serverGeodata(),
      );
      expect(decoded).toMatchObject({
        id: uploaded.dataset.id,
        layer: 'villages',
        rowCount: 4,
        datum: 'wgs84',
      });
      expect(decoded.importedAt).toBe(uploaded.dataset.uploadedAt);
      expect(decoded.columns).toEqual(local.dataset.columns);
      expect(decoded.dictionaries).toEqual(local.dataset.dictionaries);

      const again = await team.app.inject({
        method: 'GET',
        url: `/api/datasets/${uploaded.dataset.id}`,
        headers: { ...viewer.headers, 'if-none-match': answer.headers.etag as string },
      });
      expect(again.statusCode).toBe(304);
      expect(again.rawPayload.byteLength).toBe(0);
      const stale = await team.app.inject({
        method: 'GET',
        url: `/api/datasets/${uploaded.dataset.id}`,
        headers: { ...viewer.headers, 'if-none-match': '"an-older-body"' },
      });
      expect(stale.statusCode).toBe(200);

      const missing = await team.app.inject({
        method: 'GET',
        url: '/api/datasets/no-such-id',
        headers: viewer.headers,
      });
      expect(missing.statusCode).toBe(404);
    });

    test('the edits of a dataset come after the id the client has, oldest first', async () => {
      const uploaded = (
        await upload(planner, bytesOf(VILLAGES_CSV), { fileName: 'v.csv', layer: 'villages' })
      ).json();
      const id = uploaded.dataset.id;
      const ids: number[] = [];
      for (const [field, version] of [
        ['fiber', 1],
        ['5g', 1],
        ['fiber', 2],
      ] as const) {
        const { rows } = await team.db.query<{ id: number }>(
          `insert into status_edits (dataset_id, row_key, field, kind, value, date, note, author_id, author,
             source, edited_at, version, mutation_id)
           values ($1, '520111004200', $2, 'set', true, '2024-06-01', '', $3, '测试planner', 'desk', now(), $4, $5)
           returning id`,
          [id, field, planner.userId, version, randomUUID()],
        );
        ids.push(rows[0].id);
      }
      const all = await team.app.inject({
        method: 'GET',
        url: `/api/datasets/${id}/edits?after=0`,
        headers: planner.headers,
      });
      expect(all.statusCode).toBe(200);
      expect(all.json().edits.map((e: { id: number }) => e.id)).toEqual(ids);
      expect(all.json().edits[0]).toMatchObject({
        datasetId: id,
        rowKey: '520111004200',
        field: 'fiber',
        kind: 'set',
        value: true,
        authorId: planner.userId,
        source: 'desk',
        version: 1,
      });
      const later = await team.app.inject({
        method: 'GET',
        url: `/api/datasets/${id}/edits?after=${ids[0]}`,
        headers: planner.headers,
      });
      expect(later.json().edits.map((e: { id: number }) => e.id)).toEqual(ids.slice(1));
      const unknown = await team.app.inject({
        method: 'GET',
        url: '/api/datasets/nope/edits',
        headers: planner.headers,
      });
      expect(unknown.statusCode).toBe(404);
    });

    test('viewers and county editors cannot upload; nothing is stored', async () => {
      const before = (await team.db.query('select id from datasets')).rows.length;
      for (const role of ['viewer', 'editor'] as const) {
        const who = await team.signIn(role);
        const answer = await upload(who, bytesOf(VILLAGES_CSV), { fileName: 'v.csv', layer: 'villages' });
        expect(answer.statusCode).toBe(403);
        expect(answer.json().error).toBe('forbidden');
      }
      expect((await team.db.query('select id from datasets')).rows.length).toBe(before);
    });
  });
}
