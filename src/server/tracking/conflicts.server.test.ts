import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SignedIn } from '../testing';
import { testDatabases } from '../testing';
import {
  HUAXI_VILLAGE,
  KAILI_VILLAGE,
  NANMING_VILLAGE,
  startTrackingApp,
  type TestVillages,
  type TrackingTestApp,
} from './testing';

for (const engine of testDatabases()) {
  describe(`the review queue on ${engine}`, () => {
    let team: TrackingTestApp;
    beforeAll(async () => {
      team = await startTrackingApp(engine);
    });
    afterAll(() => team?.close());

    /** Makes a conflict on `rowKey`'s fiber: the admin sets it to yes, `proposer` (from base 0) to no. */
    async function makeConflict(
      villages: TestVillages,
      rowKey: string,
      proposer: SignedIn = team.admin,
    ): Promise<number> {
      await team.sendStatus(team.admin, villages.change({ rowKey, value: true }));
      const answer = await team.sendStatus(
        proposer,
        villages.change({ rowKey, value: false, note: '现场未通' }),
      );
      expect(answer.statusCode).toBe(409);
      return answer.json().conflictId;
    }

    const list = (who: SignedIn, villages: TestVillages, status = 'open') =>
      team.tracking.inject({
        method: 'GET',
        url: `/api/conflicts?status=${status}&datasetId=${villages.datasetId}`,
        headers: who.headers,
      });
    const resolve = (who: SignedIn, id: number, decision: 'accept' | 'reject', note = '') =>
      team.tracking.inject({
        method: 'POST',
        url: `/api/conflicts/${id}/resolve`,
        headers: who.headers,
        payload: { decision, note },
      });

    test('editors see the conflicts of their area, a prefecture editor those of its counties, admins all', async () => {
      const villages = await team.addVillages();
      await makeConflict(villages, HUAXI_VILLAGE);
      await makeConflict(villages, NANMING_VILLAGE);
      await makeConflict(villages, KAILI_VILLAGE);
      const rowsSeenBy = async (who: SignedIn) =>
        (await list(who, villages)).json().conflicts.map((conflict: { rowKey: string }) => conflict.rowKey);
      expect(await rowsSeenBy(await team.signIn('editor', ['520111']))).toEqual([HUAXI_VILLAGE]);
      expect(await rowsSeenBy(await team.signIn('editor', ['520100']))).toEqual([
        HUAXI_VILLAGE,
        NANMING_VILLAGE,
      ]);
      expect(await rowsSeenBy(await team.signIn('editor', ['522601', '520102']))).toEqual([
        NANMING_VILLAGE,
        KAILI_VILLAGE,
      ]);
      expect(await rowsSeenBy(team.admin)).toEqual([HUAXI_VILLAGE, NANMING_VILLAGE, KAILI_VILLAGE]);
      expect((await list(await team.signIn('planner'), villages)).statusCode).toBe(403);
      expect((await list(await team.signIn('viewer'), villages)).statusCode).toBe(403);
    });

    test('a listed conflict shows the proposal beside the current value', async () => {
      const villages = await team.addVillages();
      const proposer = await team.signIn('editor', ['520111']);
      await makeConflict(villages, HUAXI_VILLAGE, proposer);
      const [conflict] = (await list(team.admin, villages)).json().conflicts;
      expect(conflict).toMatchObject({
        rowKey: HUAXI_VILLAGE,
        rowName: '花溪测试村',
        countyCode: '520111',
        field: 'fiber',
        baseVersion: 0,
        currentVersion: 1,
        status: 'open',
        createdBy: proposer.userId,
        createdByName: '测试editor',
        proposed: { value: false, note: '现场未通', authorId: proposer.userId },
        current: { value: true, version: 1 },
      });
    });

    test('accepting applies the proposal as a new version by the reviewer, naming the proposer; twice is 409', async () => {
      const villages = await team.addVillages();
      const proposer = await team.signIn('editor', ['520111']);
      const conflictId = await makeConflict(villages, HUAXI_VILLAGE, proposer);
      const proposal = (await list(team.admin, villages)).json().conflicts[0].proposed;
      // Someone moves the field again before the review: the acceptance builds on that version.
      await team.sendStatus(team.admin, villages.change({ kind: 'verify', value: true, baseVersion: 1 }));
      const reviewer = await team.signIn('editor', ['520100']);
      const accepted = await resolve(reviewer, conflictId, 'accept', '已电话核实');
      expect(accepted.statusCode).toBe(200);
      const { conflict, edit } = accepted.json();
      expect(conflict).toMatchObject({
        status: 'accepted',
        resolvedBy: reviewer.userId,
        resolutionNote: '已电话核实',
      });
      expect(edit).toMatchObject({ value: false, version: 3, authorId: reviewer.userId, kind: 'set' });
      expect(edit.note).toContain('测试editor');
      expect(edit.note).toContain(proposal.mutationId);
      expect(edit.note).toContain('已电话核实');
      expect(await villages.auditActions()).toEqual([
        'status.set',
        'status.conflict',
        'status.verify',
        'conflict.accept',
      ]);
      const audit = await team.db.query(
        `select user_id, old_value, new_value, mutation_id from audit_log where dataset_id = $1 and action = 'conflict.accept'`,
        [villages.datasetId],
      );
      expect(audit.rows).toEqual([
        { user_id: reviewer.userId, old_value: true, new_value: false, mutation_id: proposal.mutationId },
      ]);
      const again = await resolve(team.admin, conflictId, 'reject');
      expect([again.statusCode, again.json().error]).toEqual([409, 'conflict-closed']);
      expect(await villages.count('status_edits')).toBe(3);
      expect((await list(team.admin, villages)).json().conflicts).toEqual([]);
    });

    test('rejecting closes the conflict and changes no status', async () => {
      const villages = await team.addVillages();
      const conflictId = await makeConflict(villages, HUAXI_VILLAGE);
      const rejected = await resolve(
        await team.signIn('editor', ['520111']),
        conflictId,
        'reject',
        '以县公司数据为准',
      );
      expect(rejected.statusCode).toBe(200);
      expect(rejected.json().conflict).toMatchObject({
        status: 'rejected',
        resolutionNote: '以县公司数据为准',
      });
      expect(rejected.json().edit).toBeUndefined();
      expect(await villages.count('status_edits')).toBe(1);
      expect(await villages.auditActions()).toEqual(['status.set', 'status.conflict', 'conflict.reject']);
      const closed = (await list(team.admin, villages, 'rejected')).json().conflicts;
      expect(closed.map((conflict: { id: number }) => conflict.id)).toEqual([conflictId]);
    });

    test('an editor of another county cannot resolve, and an unknown conflict is 404', async () => {
      const villages = await team.addVillages();
      const conflictId = await makeConflict(villages, KAILI_VILLAGE);
      const outsider = await team.signIn('editor', ['520111']);
      const refused = await resolve(outsider, conflictId, 'accept');
      expect([refused.statusCode, refused.json().error]).toEqual([403, 'outside-area']);
      expect((await resolve(await team.signIn('planner'), conflictId, 'accept')).statusCode).toBe(403);
      expect((await resolve(team.admin, conflictId + 100, 'accept')).statusCode).toBe(404);
      expect((await list(team.admin, villages)).json().conflicts).toHaveLength(1);
    });

    test('two reviewers deciding at the same moment: one decision counts, the other is 409', async () => {
      const villages = await team.addVillages();
      const conflictId = await makeConflict(villages, HUAXI_VILLAGE);
      const answers = await Promise.all([
        resolve(team.admin, conflictId, 'accept'),
        resolve(await team.signIn('editor', ['520111']), conflictId, 'reject'),
      ]);
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
      const decisions = (await villages.auditActions()).filter((action) => action.startsWith('conflict.'));
      expect(decisions).toHaveLength(1);
    });
  });
}
