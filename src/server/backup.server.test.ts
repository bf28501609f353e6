import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { backupDatabase, restoreDatabase } from './backup';
import { freshDatabase, testDatabases } from './testing';
import type { Db } from './types';

const TABLES = [
  'users',
  'settings',
  'datasets',
  'dataset_rows',
  'status_edits',
  'conflicts',
  'mutations',
  'shared_views',
  'audit_log',
];

async function fill(db: Db) {
  const { rows } = await db.query<{ id: number }>(
    `insert into users (username, display_name, role, areas, password_hash)
     values ('admin', '管理员', 'admin', '{}', 'scrypt$x'), ('huaxi', '花溪编辑', 'editor', '{520111,520300}', 'scrypt$y') returning id`,
  );
  const [admin, editor] = rows.map((row) => row.id);
  await db.query(`insert into settings (key, value) values ('k', 'v')`);
  await db.query(
    `insert into datasets (id, layer, version, name, source_file, datum, row_count, uploaded_by, body, etag)
     values ('d1', 'villages', 1, '村表', 'v.csv', 'wgs84', 2, $1, $2, 'e1')`,
    [admin, new Uint8Array([0, 1, 2, 255, 128])],
  );
  await db.query(
    `insert into dataset_rows values ('d1', '520111100201', '520111', '甲村'), ('d1', '520111100202', '520111', '乙村')`,
  );
  await db.query(
    `insert into status_edits (dataset_id, row_key, field, kind, value, date, note, author_id, author, source, edited_at, version, mutation_id)
     values ('d1', '520111100201', 'gigabit', 'verify', true, '2026-11-20', '现场核实', $1, '花溪编辑', 'field', now(), 1, gen_random_uuid()),
            ('d1', '520111100202', '5g', 'set', null, '2026-11-21', '', $1, '花溪编辑', 'desk', now(), 1, gen_random_uuid())`,
    [editor],
  );
  await db.query(
    `insert into conflicts (mutation_id, dataset_id, row_key, county_code, field, base_version, current_version, proposed, created_by)
     values (gen_random_uuid(), 'd1', '520111100201', '520111', 'gigabit', 0, 1, '{"value": false, "note": "[a]"}', $1)`,
    [editor],
  );
  await db.query(
    `insert into mutations (id, user_id, outcome, response) values (gen_random_uuid(), $1, 'applied', '{"status": 201, "body": [1, 2]}')`,
    [editor],
  );
  await db.query(
    `insert into shared_views (id, kind, title, body, owner_id) values ('v1', 'slides', '汇报', '[{"a": 1}]', $1)`,
    [admin],
  );
  await db.query(
    `insert into audit_log (user_id, username, action, old_value, new_value, note) values ($1, 'huaxi', 'status.verify', 'null', 'true', '核实'), ($1, 'huaxi', 'login', null, null, null)`,
    [editor],
  );
}

const everything = async (db: Db) => {
  const result: Record<string, unknown[]> = {};
  for (const table of TABLES) result[table] = (await db.query(`select * from ${table} order by 1, 2`)).rows;
  return result;
};

for (const engine of testDatabases()) {
  describe(`backup and restore on ${engine}`, () => {
    const drops: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const drop of drops.splice(0)) await drop();
    });
    const fresh = async () => {
      const made = await freshDatabase(engine);
      drops.push(made.drop);
      return made.db;
    };

    test('a restored atlas holds every row of every table, and its ids continue after the last', async () => {
      const source = await fresh();
      await fill(source);
      const file = join(mkdtempSync(join(tmpdir(), 'atlas-backup-')), 'atlas.backup.gz');
      const written = await backupDatabase(source, file, 1);
      expect(written.rows).toMatchObject({ users: 2, status_edits: 2, audit_log: 2, datasets: 1 });

      const target = await fresh();
      const restored = await restoreDatabase(target, file, 1);
      expect(restored.rows).toEqual(written.rows);
      expect(await everything(target)).toEqual(await everything(source));

      const { rows } = await target.query<{ id: number }>(
        `insert into audit_log (action) values ('after restore') returning id`,
      );
      expect(rows[0].id).toBe(3);
      const { rows: users } = await target.query<{ id: number }>(
        `insert into users (username, display_name, role, password_hash) values ('new', 'n', 'viewer', 'x') returning id`,
      );
      expect(users[0].id).toBe(3);
    });

    test('restore refuses an atlas that has accounts, a cut-short file and a file of another kind', async () => {
      const source = await fresh();
      await fill(source);
      const folder = mkdtempSync(join(tmpdir(), 'atlas-backup-'));
      const file = join(folder, 'atlas.backup.gz');
      await backupDatabase(source, file, 1);
      await expect(restoreDatabase(source, file, 1)).rejects.toThrow(/already has accounts/);

      const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
      const cut = join(folder, 'cut.gz');
      writeFileSync(cut, gzipSync(lines.slice(0, -1).join('\n') + '\n'));
      const target = await fresh();
      await expect(restoreDatabase(target, cut, 1)).rejects.toThrow(/cut short/);
      expect(
        (await target.query<{ count: number }>('select count(*)::int as count from users')).rows[0].count,
      ).toBe(0);

      const other = join(folder, 'other.gz');
      writeFileSync(other, gzipSync('{"hello": "world"}\n'));
      await expect(restoreDatabase(target, other, 1)).rejects.toThrow(/not an atlas backup/);
    });
  });
}
