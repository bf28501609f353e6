import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, testDatabases, type TestApp } from './testing';

for (const engine of testDatabases()) {
  describe(`the team server on ${engine}`, () => {
    let team: TestApp;
    beforeAll(async () => {
      team = await startTestApp(engine);
    });
    afterAll(() => team?.close());

    test('publishes its OpenAPI document with every route and security headers on each answer', async () => {
      const answer = await team.app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      const document = answer.json() as {
        openapi: string;
        paths: Record<string, Record<string, { operationId?: string }>>;
      };
      expect(document.openapi).toMatch(/^3\./);
      const operationIds = Object.values(document.paths).flatMap((methods) =>
        Object.values(methods).map((operation) => operation.operationId),
      );
      expect(operationIds).toContain('openApi');
    });

    test('answers an unknown API path with a JSON error in the caller’s language', async () => {
      const chinese = await team.app.inject({ method: 'GET', url: '/api/nothing-here' });
      expect(chinese.statusCode).toBe(404);
      expect(chinese.json().message).toContain('找不到');
      const english = await team.app.inject({
        method: 'GET',
        url: '/api/nothing-here',
        headers: { 'accept-language': 'en-GB,en;q=0.9' },
      });
      expect(english.json().message).toContain('Not found');
    });

    test('a request its schema refuses is answered in the caller’s language, naming the field', async () => {
      const viewer = await team.signIn('viewer');
      const chinese = await team.app.inject({
        method: 'POST',
        url: '/api/views',
        headers: viewer.headers,
        payload: { kind: 'poster', title: 'x', body: {} },
      });
      expect(chinese.statusCode).toBe(400);
      expect(chinese.json().message).toBe('请求无效：body.kind：只能是 link、slides 之一');
      const english = await team.app.inject({
        method: 'POST',
        url: '/api/views',
        headers: { ...viewer.headers, 'accept-language': 'en' },
        payload: { title: 'x', body: {} },
      });
      expect(english.json().message).toBe('Invalid request: body: kind is required');
    });

    test('the append-only audit log refuses changes and deletions', async () => {
      await team.db.query(`insert into audit_log (action) values ('test')`);
      await expect(team.db.query(`update audit_log set action = 'changed'`)).rejects.toThrow(/append-only/);
      await expect(team.db.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
    });
  });
}
