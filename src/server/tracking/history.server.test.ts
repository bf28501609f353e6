import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SignedIn } from '../testing';
import { testDatabases } from '../testing';
import { HUAXI_VILLAGE, startTrackingApp, type TestVillages, type TrackingTestApp } from './testing';

// One story, read many ways (the tests below only read): an editor changes fiber and verifies 5G
// at 5201110001; a planner's fiber change from the old base becomes a conflict, which the admin
// rejects; another editor is refused outside their area.
for (const engine of testDatabases()) {
  describe(`a village's history and the audit log on ${engine}`, () => {
    let team: TrackingTestApp;
    let editor: SignedIn;
    let planner: SignedIn;
    let outsider: SignedIn;
    let villages: TestVillages;
    let historyUrl: string;
    beforeAll(async () => {
      team = await startTrackingApp(engine);
      villages = await team.addVillages();
      historyUrl = `/api/datasets/${villages.datasetId}/rows/${HUAXI_VILLAGE}/history`;
      editor = await team.signIn('editor', ['520111']);
      planner = await team.signIn('planner');
      outsider = await team.signIn('editor', ['522601']);
      await team.sendStatus(editor, villages.change({ value: true, note: '=HYPERLINK("x")' }));
      await team.sendStatus(
        editor,
        villages.change({ field: '5g', kind: 'verify', value: true, source: 'field' }),
      );
      const conflict = await team.sendStatus(planner, villages.change({ value: false }));
      await team.tracking.inject({
        method: 'POST',
        url: `/api/conflicts/${conflict.json().conflictId}/resolve`,
        headers: team.admin.headers,
        payload: { decision: 'reject', note: '' },
      });
      await team.sendStatus(outsider, villages.change({ field: '4g' }));
    });
    afterAll(() => team?.close());

    const get = (who: SignedIn, url: string, locale = 'zh-CN') =>
      team.tracking.inject({ method: 'GET', url, headers: { ...who.headers, 'accept-language': locale } });

    test("a row's history lists its edits and its conflicts, for anyone signed in", async () => {
      const answer = await get(await team.signIn('viewer'), historyUrl);
      expect(answer.statusCode).toBe(200);
      const { edits, conflicts } = answer.json();
      expect(edits.map((edit: { field: string }) => edit.field)).toEqual(['fiber', '5g']);
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ status: 'rejected', proposed: { value: false } });
      expect((await get(editor, `/api/datasets/${villages.datasetId}/rows/nothing/history`)).statusCode).toBe(
        404,
      );
    });

    test('the history as CSV has a byte-order mark, human headers and values in the caller’s language', async () => {
      const chinese = await get(editor, `${historyUrl}?format=csv`);
      expect(chinese.headers['content-type']).toContain('text/csv');
      expect(chinese.headers['content-disposition']).toContain('attachment');
      const [header, ...lines] = chinese.body.split('\r\n');
      expect(header).toBe('\uFEFF记录时间,日期,代码,名称,状态项,操作,值,备注,记录人,来源,结果,版本,修改编号');
      expect(lines[0]).toContain('光纤,修改状态,是');
      expect(lines[0]).toContain(`'=HYPERLINK`); // formula-safe
      expect(chinese.body).toContain('5G,现场核实,是');
      expect(chinese.body).toContain('冲突已驳回');
      const english = await get(editor, `${historyUrl}?format=csv`, 'en-US');
      expect(english.body.split('\r\n')[0]).toBe(
        '\uFEFFRecorded at,Date,Code,Name,Status,Action,Value,Note,Recorded by,Source,Outcome,Version,Change id',
      );
      for (const internal of ['row_key', 'rowKey', 'fiber', 'status.set', 'true']) {
        expect(english.body).not.toContain(internal);
        expect(chinese.body).not.toContain(internal);
      }
    });

    test('administrators and planners read the whole audit log; filters narrow it', async () => {
      const all = (await get(planner, '/api/audit')).json();
      const actions = all.entries.map((entry: { action: string }) => entry.action);
      expect(actions).toEqual([
        'status.set',
        'status.verify',
        'status.conflict',
        'conflict.reject',
        'status.rejected',
      ]);
      expect(all.nextAfter).toBeNull();
      const byOutsider = (await get(team.admin, `/api/audit?userId=${outsider.userId}`)).json();
      expect(byOutsider.entries).toEqual([
        expect.objectContaining({ action: 'status.rejected', username: outsider.username, newValue: true }),
      ]);
      const first = all.entries[0];
      expect(first).toMatchObject({
        userId: editor.userId,
        displayName: '测试editor',
        source: 'desk',
        newValue: true,
      });
      expect(first).not.toHaveProperty('oldValue');
    });

    test('the audit log pages by id', async () => {
      const pages: string[][] = [];
      let after = 0;
      for (;;) {
        const page = (await get(team.admin, `/api/audit?limit=2&after=${after}`)).json();
        pages.push(page.entries.map((entry: { action: string }) => entry.action));
        if (page.nextAfter === null) break;
        after = page.nextAfter;
      }
      expect(pages).toEqual([
        ['status.set', 'status.verify'],
        ['status.conflict', 'conflict.reject'],
        ['status.rejected'],
      ]);
    });

    test('an editor reads only their own entries and cannot ask for someone else’s', async () => {
      const own = (await get(editor, '/api/audit')).json();
      expect(own.entries.map((entry: { userId: number }) => entry.userId)).toEqual([
        editor.userId,
        editor.userId,
      ]);
      expect((await get(editor, `/api/audit?userId=${planner.userId}`)).statusCode).toBe(403);
    });

    test('the audit log as CSV has human headers and words, never internal names', async () => {
      const answer = await get(team.admin, '/api/audit?format=csv');
      const [header, ...lines] = answer.body.split('\r\n');
      expect(header).toBe('\uFEFF时间,用户,动作,数据集,代码,状态项,原值,新值,备注,来源,修改编号');
      expect(lines[0]).toMatch(
        /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+08:00,测试editor \(editor-\w+\),修改状态,/,
      );
      expect(answer.body).toContain('修改冲突（转入待审）');
      expect(answer.body).toContain('驳回冲突修改');
      expect(answer.body).toContain('修改被拒绝');
      const english = await get(team.admin, '/api/audit?format=csv', 'en');
      expect(english.body.split('\r\n')[0]).toBe(
        '\uFEFFTime,User,Event,Dataset,Code,Status,Old value,New value,Note,Source,Change id',
      );
      expect(english.body).toContain('Verified in the field');
      expect(english.body).not.toMatch(/status\.|conflict\.|,true,|,desk,/);
    });
  });
}
