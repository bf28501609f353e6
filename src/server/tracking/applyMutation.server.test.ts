import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabases } from '../testing';
import {
  HUAXI_VILLAGE,
  NANMING_VILLAGE,
  startTrackingApp,
  storedMutations,
  type TrackingTestApp,
} from './testing';

for (const engine of testDatabases()) {
  describe(`status changes on ${engine}`, () => {
    let team: TrackingTestApp;
    beforeAll(async () => {
      team = await startTrackingApp(engine);
    });
    afterAll(() => team?.close());

    test('a change from the current version applies as version 1, by the signed-in person, audited', async () => {
      const villages = await team.addVillages();
      const editor = await team.signIn('editor', ['520111']);
      const change = villages.change();
      const answer = await team.sendStatus(editor, change);
      expect(answer.statusCode).toBe(201);
      const { outcome, edit } = answer.json();
      expect(outcome).toBe('applied');
      expect(edit).toMatchObject({
        datasetId: villages.datasetId,
        rowKey: HUAXI_VILLAGE,
        field: 'fiber',
        kind: 'set',
        value: true,
        date: '2025-03-14',
        note: '县公司来电确认',
        author: '测试editor',
        authorId: editor.userId,
        source: 'desk',
        editedAt: '2025-03-14T02:30:00.000Z',
        version: 1,
        mutationId: change.mutationId,
      });
      const { rows } = await team.db.query(
        `select user_id, action, old_value, new_value, note, source, mutation_id from audit_log where dataset_id = $1`,
        [villages.datasetId],
      );
      expect(rows).toEqual([
        {
          user_id: editor.userId,
          action: 'status.set',
          old_value: null,
          new_value: true,
          note: '县公司来电确认',
          source: 'desk',
          mutation_id: change.mutationId,
        },
      ]);
    });

    test('the same mutation id sent five times, one after another, applies once and answers the same', async () => {
      const villages = await team.addVillages();
      const editor = await team.signIn('editor');
      const change = villages.change();
      const answers = [];
      for (let attempt = 0; attempt < 5; attempt += 1) answers.push(await team.sendStatus(editor, change));
      expect(answers.map((answer) => answer.statusCode)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(answers.map((answer) => answer.payload)).size).toBe(1);
      expect(await villages.count('status_edits')).toBe(1);
      expect(await villages.auditActions()).toEqual(['status.set']);
    });

    test('the same mutation id sent five times at once applies once and answers the same', async () => {
      const villages = await team.addVillages();
      const editor = await team.signIn('editor');
      const change = villages.change();
      const answers = await Promise.all(Array.from({ length: 5 }, () => team.sendStatus(editor, change)));
      expect(answers.map((answer) => answer.statusCode)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(answers.map((answer) => answer.payload)).size).toBe(1);
      expect(await villages.count('status_edits')).toBe(1);
      expect(await villages.auditActions()).toEqual(['status.set']);
    });

    test('two changes of one field from the same base: one applies, the other is a conflict, both audited', async () => {
      const villages = await team.addVillages();
      const first = await team.signIn('editor');
      const second = await team.signIn('editor');
      const applied = await team.sendStatus(first, villages.change({ value: true }));
      const conflicting = villages.change({ value: false, note: '现场未见光缆' });
      const conflict = await team.sendStatus(second, conflicting, 'en');
      expect(applied.statusCode).toBe(201);
      expect(conflict.statusCode).toBe(409);
      const body = conflict.json();
      expect(body.outcome).toBe('conflict');
      expect(body.current).toMatchObject({ value: true, version: 1, authorId: first.userId });
      expect(body.message).toContain('Fiber');
      expect(body.message).toContain('review queue');
      const stored = await team.db.query(
        `select base_version, current_version, proposed from conflicts where dataset_id = $1`,
        [villages.datasetId],
      );
      expect(stored.rows).toEqual([
        {
          base_version: 0,
          current_version: 1,
          proposed: expect.objectContaining({
            value: false,
            note: '现场未见光缆',
            mutationId: conflicting.mutationId,
          }),
        },
      ]);
      expect(await villages.auditActions()).toEqual(['status.set', 'status.conflict']);
      expect(await villages.count('status_edits')).toBe(1);
      // Its retry is the same conflict, not a second one.
      const retry = await team.sendStatus(second, conflicting, 'en');
      expect([retry.statusCode, retry.payload]).toEqual([409, conflict.payload]);
      expect(await villages.count('conflicts')).toBe(1);
    });

    test('two changes of one field from the same base sent at the same moment: exactly one applies', async () => {
      const villages = await team.addVillages();
      const first = await team.signIn('editor');
      const second = await team.signIn('planner');
      const answers = await Promise.all([
        team.sendStatus(first, villages.change({ value: true })),
        team.sendStatus(second, villages.change({ value: false })),
      ]);
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
      expect(await villages.count('status_edits')).toBe(1);
      expect(await villages.count('conflicts')).toBe(1);
      expect((await villages.auditActions()).sort()).toEqual(['status.conflict', 'status.set']);
    });

    test('changes of different fields from the same base both apply (they merge)', async () => {
      const villages = await team.addVillages();
      const editor = await team.signIn('editor');
      const fiber = await team.sendStatus(editor, villages.change({ field: 'fiber', baseVersion: 0 }));
      const fiveG = await team.sendStatus(
        editor,
        villages.change({ field: '5g', kind: 'verify', baseVersion: 0 }),
      );
      expect([fiber.statusCode, fiveG.statusCode]).toEqual([201, 201]);
      expect(fiveG.json().edit).toMatchObject({ field: '5g', kind: 'verify', version: 1 });
      // The next change of fiber builds on version 1.
      const next = await team.sendStatus(
        editor,
        villages.change({ field: 'fiber', value: false, baseVersion: 1 }),
      );
      expect(next.statusCode).toBe(201);
      expect(next.json().edit.version).toBe(2);
      const audit = await team.db.query(
        `select old_value, new_value from audit_log where dataset_id = $1 and field = 'fiber' order by id`,
        [villages.datasetId],
      );
      expect(audit.rows).toEqual([
        { old_value: null, new_value: true },
        { old_value: true, new_value: false },
      ]);
    });

    test('an editor outside their area is refused with 403, and a retry gets the same 403 even after rights change', async () => {
      const villages = await team.addVillages();
      const editor = await team.signIn('editor', ['520111']);
      const change = villages.change({ rowKey: NANMING_VILLAGE });
      const refused = await team.sendStatus(editor, change);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toEqual({ error: 'outside-area', message: expect.stringContaining('520111') });
      const retry = await team.sendStatus(editor, change);
      expect([retry.statusCode, retry.payload]).toEqual([403, refused.payload]);
      await team.db.query(`update users set areas = '{520100}' where id = $1`, [editor.userId]);
      const afterGrant = await team.sendStatus(editor, change);
      expect([afterGrant.statusCode, afterGrant.payload]).toEqual([403, refused.payload]);
      expect(await villages.count('status_edits')).toBe(0);
      expect(await villages.auditActions()).toEqual(['status.rejected']);
    });

    test('rights are checked again when a queued change arrives: revoked area, role changed to viewer', async () => {
      const villages = await team.addVillages();
      const editor = await team.signIn('editor', ['520111']);
      const queued = [villages.change({ field: 'fiber' }), villages.change({ field: '4g' })];
      await team.db.query(`update users set areas = '{520102}' where id = $1`, [editor.userId]);
      const outside = await team.sendStatus(editor, queued[0]);
      expect([outside.statusCode, outside.json().error]).toEqual([403, 'outside-area']);
      await team.db.query(`update users set role = 'viewer', areas = '{}' where id = $1`, [editor.userId]);
      const viewer = await team.sendStatus(editor, queued[1]);
      expect([viewer.statusCode, viewer.json().error]).toEqual([403, 'forbidden']);
      expect(await villages.count('status_edits')).toBe(0);
    });

    test('a change of an unknown village is 404, an impossible one 422, and neither is stored', async () => {
      const villages = await team.addVillages();
      const changes = [
        villages.change({ rowKey: '5299999999' }),
        villages.change({ baseVersion: 7 }),
        villages.change({ date: '2025-02-30' }),
      ];
      const answers = [];
      for (const change of changes) answers.push(await team.sendStatus(team.admin, change));
      expect([answers[0].statusCode, answers[0].json().error]).toEqual([404, 'not-found']);
      expect([answers[1].statusCode, answers[1].json().error]).toEqual([422, 'invalid']);
      expect(answers[2].json().error).toBe('invalid');
      expect(
        await storedMutations(
          team,
          changes.map((change) => change.mutationId),
        ),
      ).toBe(0);
    });

    test('a mutation id another user already used is refused, not answered with their result', async () => {
      const villages = await team.addVillages();
      const first = await team.signIn('editor');
      const second = await team.signIn('editor');
      const change = villages.change();
      await team.sendStatus(first, change);
      const reused = await team.sendStatus(second, change);
      expect([reused.statusCode, reused.json().error]).toEqual([422, 'mutation-reused']);
    });

    test('status edits and the audit log refuse UPDATE and DELETE in the database itself', async () => {
      const villages = await team.addVillages();
      await team.sendStatus(team.admin, villages.change());
      for (const table of ['status_edits', 'audit_log']) {
        await expect(team.db.query(`update ${table} set note = 'changed'`)).rejects.toThrow(/append-only/);
        await expect(team.db.query(`delete from ${table}`)).rejects.toThrow(/append-only/);
      }
      expect(await villages.count('status_edits')).toBe(1);
    });
  });
}
