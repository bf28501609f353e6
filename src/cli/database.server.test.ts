// The backup and restore commands as an operator runs them, on the embedded database's folders.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { migrate, openDatabase } from '../server/db/index';
import { main } from './atlas';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

async function runAtlas(...argv: string[]) {
  let out = '';
  const err: string[] = [];
  const code = await main(
    argv,
    (text) => (out += text),
    (line) => err.push(line),
  );
  return { code, out, err };
}

test(
  'atlas backup then atlas restore brings an embedded atlas back into a new folder',
  { timeout: 300_000 },
  async () => {
    const folder = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
    delete process.env.DATABASE_URL;
    process.env.ATLAS_DATA_DIR = join(folder, 'first');
    const first = await openDatabase({ dataDir: process.env.ATLAS_DATA_DIR });
    await migrate(first);
    await first.query(
      `insert into users (username, display_name, role, areas, password_hash) values ('qiannan', '黔南编辑', 'editor', '{522700}', 'x')`,
    );
    await first.query(`insert into audit_log (username, action) values ('qiannan', 'login')`);
    await first.close();

    const file = join(folder, 'atlas-backup.gz');
    const backup = await runAtlas('backup', file);
    expect(backup.err).toEqual([]);
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(/backed up .* users 1, .*audit_log 1/);

    process.env.ATLAS_DATA_DIR = join(folder, 'second');
    const restore = await runAtlas('restore', file);
    expect(restore.err).toEqual([]);
    expect(restore.code).toBe(0);
    const second = await openDatabase({ dataDir: process.env.ATLAS_DATA_DIR });
    const { rows } = await second.query<{ display_name: string; areas: string[] }>(
      'select display_name, areas from users',
    );
    await second.close();
    expect(rows).toEqual([{ display_name: '黔南编辑', areas: ['522700'] }]);

    const again = await runAtlas('restore', file);
    expect(again.code).toBe(1);
    expect(again.err.join('\n')).toMatch(/already has accounts/);
  },
);

test('the commands refuse a folder the running server has open, and a missing backup file', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
  delete process.env.DATABASE_URL;
  process.env.ATLAS_DATA_DIR = folder;
  writeFileSync(join(folder, 'atlas-server.pid'), String(process.ppid));
  const busy = await runAtlas('backup', join(folder, 'b.gz'));
  expect(busy.code).toBe(1);
  expect(busy.err.join('\n')).toMatch(new RegExp(`server \\(process ${process.ppid}\\) has .* open`));

  process.env.ATLAS_DATA_DIR = join(folder, 'empty');
  const missing = await runAtlas('restore', join(folder, 'nothing.gz'));
  expect(missing.code).toBe(1);
  expect(missing.err.join('\n')).toMatch(/no such file/);
});
