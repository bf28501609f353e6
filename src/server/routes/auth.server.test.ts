import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Role } from '../../core/team/roles';
import { ADDRESS_FAILURE_LIMIT, loginGuardFor } from '../auth/lockout';
import { hashPassword } from '../auth/password';
import { startTestApp, testDatabases, type TestApp } from '../testing';
import { setupToken } from './auth';

const ENGLISH = { 'accept-language': 'en-US,en;q=0.8' };

/** An account with a real password, straight into the database. */
async function addAccount(team: TestApp, role: Role = 'viewer', password = 'correct horse 1') {
  const username = `user-${randomBytes(4).toString('hex')}`;
  const areas = role === 'editor' ? ['520111'] : [];
  const { rows } = await team.db.query<{ id: number }>(
    `insert into users (username, display_name, role, areas, password_hash)
     values ($1, $2, $3, $4, $5) returning id`,
    [username, `测试 ${username}`, role, areas, await hashPassword(password)],
  );
  return { id: rows[0].id, username, password };
}

/** Each test signs in from its own address, so one test's failures do not count against the next. */
let clientAddress = '127.0.0.1';
let addressCount = 0;
beforeEach(() => {
  addressCount += 1;
  clientAddress = `10.0.${Math.floor(addressCount / 250)}.${addressCount % 250}`;
});

function login(team: TestApp, username: string, password: string, headers: Record<string, string> = {}) {
  return team.app.inject({
    method: 'POST',
    url: '/api/login',
    payload: { username, password },
    headers,
    remoteAddress: clientAddress,
  });
}

/** The Cookie header value of a sign-in answer's Set-Cookie. */
function cookieOf(answer: LightMyRequestResponse): string {
  const header = answer.headers['set-cookie'];
  const text = Array.isArray(header) ? header[0] : String(header);
  return text.split(';')[0];
}

function me(team: TestApp, cookie: string) {
  return team.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
}

async function auditActions(team: TestApp, username: string): Promise<string[]> {
  const { rows } = await team.db.query<{ action: string }>(
    'select action from audit_log where username = $1 order by id',
    [username],
  );
  return rows.map((row) => row.action);
}

for (const engine of testDatabases()) {
  describe(`signing in on ${engine}`, () => {
    let team: TestApp;
    beforeAll(async () => {
      team = await startTestApp(engine);
    });
    afterAll(() => team?.close());

    test('the first administrator is created once, with the one-time link, and is then signed in', async () => {
      const health = await team.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.json()).toEqual({ mode: 'team', engine, setupNeeded: true });
      const token = await setupToken(team.db);
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      const body = { username: 'Admin.Zhang', displayName: '张管理', password: 'first admin password' };
      const wrongToken = await team.app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: { ...body, token: 'guessed' },
      });
      expect(wrongToken.statusCode).toBe(403);
      const shortPassword = await team.app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: { ...body, token, password: 'short' },
        headers: ENGLISH,
      });
      expect(shortPassword.statusCode).toBe(422);
      expect(shortPassword.json().message).toContain('at least 10 characters');

      const created = await team.app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: { ...body, token },
      });
      expect(created.statusCode).toBe(200);
      expect(created.json().user).toMatchObject({ username: 'admin.zhang', role: 'admin', disabled: false });
      expect((await me(team, cookieOf(created))).json().user.username).toBe('admin.zhang');

      const again = await team.app.inject({ method: 'POST', url: '/api/setup', payload: { ...body, token } });
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toBe('setup-done');
      expect(await setupToken(team.db)).toBeNull();
      expect((await team.app.inject({ method: 'GET', url: '/api/health' })).json().setupNeeded).toBe(false);
    });

    test('sign-in sets an HttpOnly, SameSite=Strict session cookie and answers the user and CSRF token', async () => {
      const account = await addAccount(team, 'editor');
      const answer = await login(team, account.username.toUpperCase(), account.password);
      expect(answer.statusCode).toBe(200);
      const setCookie = String(answer.headers['set-cookie']);
      expect(setCookie).toMatch(/^gca_session=[A-Za-z0-9_-]{43};/);
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('SameSite=Strict');
      expect(setCookie).toContain('Path=/');
      expect(setCookie).not.toContain('Secure');
      const { user, csrfToken } = answer.json();
      expect(user).toMatchObject({ id: account.id, role: 'editor', areas: ['520111'] });
      expect(user).not.toHaveProperty('passwordHash');
      const current = await me(team, cookieOf(answer));
      expect(current.json()).toEqual({ user, csrfToken });
      const { rows } = await team.db.query<{ id_hash: string }>(
        'select id_hash from sessions where user_id = $1',
        [account.id],
      );
      expect(rows.map((row) => row.id_hash)).not.toContain(cookieOf(answer).split('=')[1]);
      expect(await auditActions(team, account.username)).toEqual(['login']);
    });

    test('a wrong password or an unknown name gets the same 401, in Chinese or English', async () => {
      const account = await addAccount(team);
      const wrongChinese = await login(team, account.username, 'not the password');
      expect(wrongChinese.statusCode).toBe(401);
      expect(wrongChinese.json()).toEqual({ error: 'bad-credentials', message: '用户名或密码不正确。' });
      expect(wrongChinese.headers['set-cookie']).toBeUndefined();
      const wrongEnglish = await login(team, account.username, 'not the password', ENGLISH);
      expect(wrongEnglish.json()).toEqual({
        error: 'bad-credentials',
        message: 'Wrong user name or password.',
      });
      const unknown = await login(team, 'nobody-here', 'not the password', ENGLISH);
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json()).toEqual(wrongEnglish.json());
      expect(await auditActions(team, account.username)).toEqual(['login.failed', 'login.failed']);
    });

    test('the sixth sign-in after five wrong passwords is refused as locked, even with the right one', async () => {
      const account = await addAccount(team);
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        expect((await login(team, account.username, `wrong guess ${attempt}`)).statusCode).toBe(401);
      }
      const locked = await login(team, account.username, account.password, ENGLISH);
      expect(locked.statusCode).toBe(423);
      expect(locked.json().error).toBe('account-locked');
      expect(locked.json().message).toMatch(/locked until \d\d:\d\d \(China time\)/);
      expect(locked.headers['set-cookie']).toBeUndefined();
      const lockedChinese = await login(team, account.username, account.password);
      expect(lockedChinese.json().message).toContain('账号已暂时锁定');

      // An administrator's password reset lifts the lock.
      const admin = await team.signIn('admin');
      const reset = await team.app.inject({
        method: 'POST',
        url: `/api/users/${account.id}/password`,
        payload: { password: 'a brand new password' },
        headers: admin.headers,
      });
      expect(reset.statusCode).toBe(204);
      expect((await login(team, account.username, 'a brand new password')).statusCode).toBe(200);
    });

    test('guesses sent all at once still get only five tries before the lock', async () => {
      const account = await addAccount(team);
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, guess) => login(team, account.username, `parallel guess ${guess}`)),
      );
      const statuses = answers.map((answer) => answer.statusCode).sort();
      expect(statuses).toEqual([401, 401, 401, 401, 401, 423, 423, 423]);
      expect(await auditActions(team, account.username)).toHaveLength(5);
      expect((await login(team, account.username, account.password)).statusCode).toBe(423);
    });

    test('an unknown name locks the same way, so the lock-out does not tell which names exist', async () => {
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        expect((await login(team, 'ghost.user', `wrong guess ${attempt}`)).statusCode).toBe(401);
      }
      const locked = await login(team, 'ghost.user', 'wrong guess 6');
      expect(locked.statusCode).toBe(423);
      expect(locked.json().error).toBe('account-locked');
    });

    test('an address that failed 20 times in five minutes is refused with 429', async () => {
      const account = await addAccount(team);
      const address = '198.51.100.7';
      const guard = loginGuardFor(team.db);
      for (let failure = 0; failure < ADDRESS_FAILURE_LIMIT - 1; failure += 1) {
        guard.noteAddressFailure(address);
      }
      const from = (password: string) =>
        team.app.inject({
          method: 'POST',
          url: '/api/login',
          payload: { username: account.username, password },
          remoteAddress: address,
          headers: ENGLISH,
        });
      // Successful sign-ins do not use up the address's allowance.
      expect((await from(account.password)).statusCode).toBe(200);
      expect((await from(account.password)).statusCode).toBe(200);
      expect((await from('the twentieth wrong guess')).statusCode).toBe(401);
      const refused = await from(account.password);
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toEqual({
        error: 'too-many-requests',
        message: 'Too many requests; please wait and try again.',
      });
      // Other addresses are not affected.
      expect((await login(team, account.username, account.password)).statusCode).toBe(200);
    });

    test('signing in rotates the session: the cookie the browser came with stops working', async () => {
      const account = await addAccount(team);
      const first = await login(team, account.username, account.password);
      const firstCookie = cookieOf(first);
      const second = await login(team, account.username, account.password, { cookie: firstCookie });
      const secondCookie = cookieOf(second);
      expect(secondCookie).not.toBe(firstCookie);
      expect(second.json().csrfToken).not.toBe(first.json().csrfToken);
      expect((await me(team, firstCookie)).statusCode).toBe(401);
      expect((await me(team, secondCookie)).statusCode).toBe(200);
    });

    test('signing out ends the session and clears the cookie', async () => {
      const account = await addAccount(team);
      const signedIn = await login(team, account.username, account.password);
      const cookie = cookieOf(signedIn);
      const out = await team.app.inject({
        method: 'POST',
        url: '/api/logout',
        headers: { cookie, 'x-csrf-token': signedIn.json().csrfToken },
      });
      expect(out.statusCode).toBe(204);
      expect(String(out.headers['set-cookie'])).toMatch(/^gca_session=;.*Max-Age=0/);
      expect((await me(team, cookie)).statusCode).toBe(401);
      expect(await auditActions(team, account.username)).toEqual(['login', 'logout']);
    });

    test('a session past its limit, or idle too long, answers 401 session-expired', async () => {
      const expired = await team.signIn('planner', [], { expired: true });
      const answer = await team.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { ...expired.headers, ...ENGLISH },
      });
      expect(answer.statusCode).toBe(401);
      expect(answer.json()).toEqual({
        error: 'session-expired',
        message: 'Your session has expired; please sign in again.',
      });
      const idle = await team.signIn('planner');
      expect((await me(team, idle.cookie)).statusCode).toBe(200);
      await team.db.query(
        `update sessions set last_seen_at = now() - $2::double precision * interval '1 millisecond' - interval '1 minute'
          where user_id = $1`,
        [idle.userId, team.config.sessionIdleMs],
      );
      const idleAnswer = await me(team, idle.cookie);
      expect(idleAnswer.statusCode).toBe(401);
      expect(idleAnswer.json().error).toBe('session-expired');
    });

    test('disabling an account ends its sessions, and its right password is then refused', async () => {
      const account = await addAccount(team, 'editor');
      const session = cookieOf(await login(team, account.username, account.password));
      const admin = await team.signIn('admin');
      const disable = await team.app.inject({
        method: 'PATCH',
        url: `/api/users/${account.id}`,
        payload: { disabled: true },
        headers: admin.headers,
      });
      expect(disable.statusCode).toBe(200);
      expect((await me(team, session)).statusCode).toBe(401);
      const refused = await login(team, account.username, account.password);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toBe('account-disabled');
      // A wrong password does not reveal that the account is disabled.
      expect((await login(team, account.username, 'some wrong guess')).json().error).toBe('bad-credentials');
    });

    test('a write without the session’s CSRF token, or with another one, is refused 403 csrf-failed', async () => {
      const account = await addAccount(team);
      const signedIn = await login(team, account.username, account.password);
      const cookie = cookieOf(signedIn);
      for (const headers of [{ cookie }, { cookie, 'x-csrf-token': 'not-the-token' }]) {
        const answer = await team.app.inject({ method: 'POST', url: '/api/logout', headers });
        expect(answer.statusCode).toBe(403);
        expect(answer.json().error).toBe('csrf-failed');
      }
      expect((await me(team, cookie)).statusCode).toBe(200);
    });

    test('changing one’s password needs the current one and ends the other sessions', async () => {
      const account = await addAccount(team);
      const here = await login(team, account.username, account.password);
      const elsewhere = cookieOf(await login(team, account.username, account.password));
      const headers = { cookie: cookieOf(here), 'x-csrf-token': here.json().csrfToken };
      const change = (currentPassword: string, newPassword: string) =>
        team.app.inject({
          method: 'POST',
          url: '/api/me/password',
          payload: { currentPassword, newPassword },
          headers,
          remoteAddress: clientAddress,
        });
      expect((await change('not my password', 'my new password 2')).json().error).toBe('bad-credentials');
      expect((await change(account.password, 'too short')).statusCode).toBe(422);
      expect((await change(account.password, 'my new password 2')).statusCode).toBe(204);
      expect((await me(team, headers.cookie)).statusCode).toBe(200);
      expect((await me(team, elsewhere)).statusCode).toBe(401);
      expect((await login(team, account.username, account.password)).statusCode).toBe(401);
      expect((await login(team, account.username, 'my new password 2')).statusCode).toBe(200);
    });
  });
}
