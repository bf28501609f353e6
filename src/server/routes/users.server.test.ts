import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, testDatabases, type SignedIn, type TestApp } from '../testing';

const ENGLISH = { 'accept-language': 'en' };

for (const engine of testDatabases()) {
  describe(`managing accounts on ${engine}`, () => {
    let team: TestApp;
    let admin: SignedIn;
    beforeAll(async () => {
      team = await startTestApp(engine);
      admin = await team.signIn('admin');
    });
    afterAll(() => team?.close());

    const createUser = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
      team.app.inject({
        method: 'POST',
        url: '/api/users',
        payload,
        headers: { ...admin.headers, ...headers },
      });
    const updateUser = (id: number, payload: Record<string, unknown>, by: SignedIn = admin) =>
      team.app.inject({
        method: 'PATCH',
        url: `/api/users/${id}`,
        payload,
        headers: { ...by.headers, ...ENGLISH },
      });

    test('an administrator creates a county editor, who must choose a new password; it is audited', async () => {
      const answer = await createUser({
        username: 'Li.Huaxi',
        displayName: ' 李花溪 ',
        role: 'editor',
        areas: ['520111', '520111', '520100'],
        password: 'first password',
      });
      expect(answer.statusCode).toBe(201);
      const { user } = answer.json();
      expect(user).toMatchObject({
        username: 'li.huaxi',
        displayName: '李花溪',
        role: 'editor',
        areas: ['520100', '520111'],
        disabled: false,
        mustChangePassword: true,
      });
      expect(Object.keys(user).sort()).toEqual(
        [
          'areas',
          'createdAt',
          'disabled',
          'displayName',
          'id',
          'mustChangePassword',
          'role',
          'username',
        ].sort(),
      );
      const listed = await team.app.inject({ method: 'GET', url: '/api/users', headers: admin.headers });
      expect(listed.json().users.map((listedUser: { username: string }) => listedUser.username)).toContain(
        'li.huaxi',
      );
      const { rows } = await team.db.query<{
        user_id: number;
        username: string;
        detail: { username: string };
      }>("select user_id, username, detail from audit_log where action = 'user.create'");
      expect(rows).toEqual([
        {
          user_id: admin.userId,
          username: admin.username,
          detail: expect.objectContaining({ username: 'li.huaxi' }),
        },
      ]);
      const duplicate = await createUser(
        { username: 'LI.HUAXI', displayName: '另一个', role: 'viewer', password: 'first password' },
        ENGLISH,
      );
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json().message).toContain('li.huaxi is taken');
    });

    test('refuses bad names, short passwords, areas outside Guizhou and editors without an area, in the caller’s language', async () => {
      const base = {
        username: 'wang.wu',
        displayName: '王五',
        role: 'editor',
        areas: ['520111'],
        password: 'long enough 1',
      };
      const cases: [Record<string, unknown>, string][] = [
        [{ username: 'ab' }, 'user name has 3–32 characters'],
        [{ username: 'wang wu' }, 'user name has 3–32 characters'],
        [{ password: 'short' }, 'at least 10 characters'],
        [{ areas: ['110101'] }, 'Guizhou prefecture or county codes: 110101'],
        [{ areas: [] }, 'county editor needs at least one area'],
        [{ displayName: '   ' }, 'display name is empty'],
      ];
      for (const [change, message] of cases) {
        const answer = await createUser({ ...base, ...change }, ENGLISH);
        expect(answer.statusCode, JSON.stringify(change)).toBe(422);
        expect(answer.json().message).toContain(message);
      }
      const chinese = await createUser({ ...base, areas: [] });
      expect(chinese.json().message).toContain('县级编辑须至少分配一个区域');
      const unknownField = await createUser({ ...base, isRoot: true });
      expect(unknownField.statusCode).toBe(400);
      const { rows } = await team.db.query("select 1 from users where username = 'wang.wu'");
      expect(rows).toHaveLength(0);
    });

    test('changes role and area; the audit entry holds the old and new values', async () => {
      const editor = await team.signIn('editor');
      const answer = await updateUser(editor.userId, { areas: ['520100'], displayName: '新名字' });
      expect(answer.statusCode).toBe(200);
      expect(answer.json().user).toMatchObject({ areas: ['520100'], displayName: '新名字', role: 'editor' });
      const toViewer = await updateUser(editor.userId, { role: 'viewer' });
      expect(toViewer.json().user.role).toBe('viewer');
      // The new role counts at once for the open session.
      const refused = await team.app.inject({ method: 'GET', url: '/api/users', headers: editor.headers });
      expect(refused.statusCode).toBe(403);
      const { rows } = await team.db.query<{ old_value: unknown; new_value: unknown }>(
        "select old_value, new_value from audit_log where action = 'user.update' and (detail->>'userId')::int = $1 order by id",
        [editor.userId],
      );
      expect(rows).toEqual([
        {
          old_value: { areas: ['520111'], displayName: '测试editor' },
          new_value: { areas: ['520100'], displayName: '新名字' },
        },
        { old_value: { role: 'editor' }, new_value: { role: 'viewer' } },
      ]);
      expect((await updateUser(999999, { disabled: true })).statusCode).toBe(404);
    });

    test('the last active administrator cannot disable or demote themselves; with a second one they can', async () => {
      const lonely = await startTestApp(engine);
      try {
        const only = await lonely.signIn('admin');
        const patch = (payload: Record<string, unknown>) =>
          lonely.app.inject({
            method: 'PATCH',
            url: `/api/users/${only.userId}`,
            payload,
            headers: { ...only.headers, ...ENGLISH },
          });
        for (const payload of [{ disabled: true }, { role: 'planner' }]) {
          const answer = await patch(payload);
          expect(answer.statusCode).toBe(409);
          expect(answer.json().message).toContain('last active administrator');
        }
        // A disabled administrator does not count as active.
        const disabledAdmin = await lonely.signIn('admin');
        await lonely.db.query('update users set disabled = true where id = $1', [disabledAdmin.userId]);
        expect((await patch({ role: 'planner' })).statusCode).toBe(409);
        await lonely.signIn('admin');
        const demoted = await patch({ role: 'planner' });
        expect(demoted.statusCode).toBe(200);
      } finally {
        await lonely.close();
      }
    });

    test('a password reset ends the account’s sessions, asks for a new password and is audited', async () => {
      const viewer = await team.signIn('viewer');
      const reset = await team.app.inject({
        method: 'POST',
        url: `/api/users/${viewer.userId}/password`,
        payload: { password: 'reset by admin 1' },
        headers: admin.headers,
      });
      expect(reset.statusCode).toBe(204);
      expect(
        (await team.app.inject({ method: 'GET', url: '/api/me', headers: viewer.headers })).statusCode,
      ).toBe(401);
      const { rows } = await team.db.query<{ must_change_password: boolean }>(
        'select must_change_password from users where id = $1',
        [viewer.userId],
      );
      expect(rows[0].must_change_password).toBe(true);
      const audit = await team.db.query<{ username: string }>(
        "select username from audit_log where action = 'user.password-reset' and (detail->>'userId')::int = $1",
        [viewer.userId],
      );
      expect(audit.rows).toEqual([{ username: admin.username }]);
      // The administrator's own session is untouched.
      expect(
        (await team.app.inject({ method: 'GET', url: '/api/users', headers: admin.headers })).statusCode,
      ).toBe(200);
    });
  });
}
