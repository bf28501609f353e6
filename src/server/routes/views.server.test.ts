// Saved share links and slide decks on the server: any colleague opens them; only the owner or an
// administrator changes or deletes them; every change is audited.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, testDatabases, type SignedIn, type TestApp } from '../testing';

const DECK = {
  version: 1,
  slides: [
    { title: '花溪区 5G 覆盖', view: { centre: [106.67, 26.41], zoom: 10, layers: ['villages'] } },
    { title: '凯里市缺口', view: { centre: [107.97, 26.59], zoom: 11, layers: ['gaps'] } },
  ],
};

for (const engine of testDatabases()) {
  describe(`saved views on ${engine}`, () => {
    let team: TestApp;
    let owner: SignedIn;
    let colleague: SignedIn;
    beforeAll(async () => {
      team = await startTestApp(engine);
      owner = await team.signIn('planner');
      colleague = await team.signIn('editor');
    });
    afterAll(() => team?.close());

    const call = (who: SignedIn, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
      team.app.inject({ method, url: `/api${url}`, headers: who.headers, payload });

    const save = async (who: SignedIn, title = '汇报') => {
      const answer = await call(who, 'POST', '/views', { kind: 'slides', title, body: DECK });
      expect(answer.statusCode).toBe(201);
      return answer.json().view as { id: string; ownerId: number };
    };

    test('a saved deck opens for a colleague exactly as it was saved', async () => {
      const saved = await save(owner, '季度汇报');
      const opened = await call(colleague, 'GET', `/views/${saved.id}`);
      expect(opened.statusCode).toBe(200);
      expect(opened.json().view).toMatchObject({
        id: saved.id,
        kind: 'slides',
        title: '季度汇报',
        body: DECK,
        owner: '测试planner',
        ownerId: owner.userId,
      });
      const listed = await call(colleague, 'GET', '/views');
      expect(listed.json().views.map((v: { id: string }) => v.id)).toContain(saved.id);
      const link = await call(colleague, 'POST', '/views', {
        kind: 'link',
        body: '#z=9&c=106.7,26.6&l=villages',
      });
      expect(link.statusCode).toBe(201);
      expect(link.json().view).toMatchObject({
        kind: 'link',
        title: '',
        body: '#z=9&c=106.7,26.6&l=villages',
      });
    });

    test('only the owner or an administrator changes or deletes a view', async () => {
      const saved = await save(owner);
      const refused = await call(colleague, 'PUT', `/views/${saved.id}`, { title: '改', body: {} });
      expect(refused.statusCode).toBe(403);
      expect((await call(colleague, 'DELETE', `/views/${saved.id}`)).statusCode).toBe(403);

      const changed = await call(owner, 'PUT', `/views/${saved.id}`, {
        title: '改过的汇报',
        body: { slides: [] },
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json().view).toMatchObject({
        title: '改过的汇报',
        body: { slides: [] },
        kind: 'slides',
      });

      const admin = await team.signIn('admin');
      expect((await call(admin, 'PUT', `/views/${saved.id}`, { body: DECK })).statusCode).toBe(200);
      expect((await call(admin, 'DELETE', `/views/${saved.id}`)).statusCode).toBe(204);
      expect((await call(owner, 'GET', `/views/${saved.id}`)).statusCode).toBe(404);

      const { rows } = await team.db.query<{ action: string; user_id: number }>(
        `select action, user_id from audit_log where detail->>'viewId' = $1 order by id`,
        [saved.id],
      );
      expect(rows).toEqual([
        { action: 'view.create', user_id: owner.userId },
        { action: 'view.update', user_id: owner.userId },
        { action: 'view.update', user_id: admin.userId },
        { action: 'view.delete', user_id: admin.userId },
      ]);
    });

    test('a view must have a known kind and stay within 256 KB', async () => {
      expect((await call(owner, 'POST', '/views', { kind: 'poster', body: {} })).statusCode).toBe(400);
      expect((await call(owner, 'POST', '/views', { kind: 'link' })).statusCode).toBe(400);
      expect((await call(owner, 'POST', '/views', { kind: 'link', body: 42 })).statusCode).toBe(422);
      const list = await call(owner, 'POST', '/views', { kind: 'link', body: ['#z=9'] });
      expect(list.json().view.body).toEqual(['#z=9']);
      const huge = { kind: 'slides', body: { text: 'x'.repeat(300 * 1024) } };
      const tooLarge = await call(owner, 'POST', '/views', huge);
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json().error).toBe('too-large');
      expect((await call(owner, 'PUT', '/views/nope', { body: {} })).statusCode).toBe(404);
    });
  });
}
