// Versions of a layer under concurrent uploads, on PostgreSQL (PGlite runs one transaction at a
// time, so there nothing interleaves): the second upload waits for the first and takes the next
// number, instead of both computing the same one and the second failing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StoredDataset } from '../../core/storedDataset';
import { freshDatabase, testDatabases } from '../testing';
import type { OpenDb } from '../db/index';
import { insertDataset, trackedRows } from './store';

const sites = (id: string): StoredDataset => ({
  id,
  name: '安置点',
  layer: 'relocationSites',
  rowCount: 3,
  importedAt: new Date().toISOString(),
  sourceFile: 'sites.csv',
  datum: 'wgs84',
  sample: false,
  columns: {
    id: ['AZ-01', '', 'AZ-01'],
    name: ['花溪安置点', '凯里安置点', '重复'],
    county: Int16Array.from([1, 2, -1]),
  },
});
const ADCODES = ['520102', '520111', '522601'];

test('tracked rows: the first row of a key wins, the county index becomes its code, unknown is empty', () => {
  expect(trackedRows(sites('x'), ADCODES)).toEqual({
    keys: ['AZ-01', '凯里安置点'],
    countyCodes: ['520111', '522601'],
    names: ['花溪安置点', '凯里安置点'],
  });
  expect(trackedRows({ ...sites('x'), layer: 'stations5g' }, ADCODES).keys).toEqual([]);
});

if (testDatabases().includes('postgres')) {
  describe('concurrent uploads on postgres', () => {
    let db: OpenDb, drop: () => Promise<void>, userId: number;
    beforeAll(async () => {
      ({ db, drop } = await freshDatabase('postgres'));
      const { rows } = await db.query<{ id: number }>(
        `insert into users (username, display_name, role, password_hash) values ('p', '规划', 'planner', '-') returning id`,
      );
      userId = rows[0].id;
    });
    afterAll(() => drop?.());

    /** Resolves once some connection waits for a lock (polled, no fixed sleep). */
    async function someoneWaitsForALock(): Promise<void> {
      for (;;) {
        const { rows } = await db.query(
          `select 1 from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`,
        );
        if (rows.length > 0) return;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }

    test('the second upload of a layer waits for the first and becomes the next version', async () => {
      let second: Promise<number> | undefined;
      const first = await db.transaction(async (tx) => {
        const info = await insertDataset(tx, {
          dataset: sites('a'),
          rejectedCount: 0,
          uploadedBy: userId,
          countyAdcodes: ADCODES,
        });
        second = db.transaction(
          async (tx2) =>
            (
              await insertDataset(tx2, {
                dataset: sites('b'),
                rejectedCount: 0,
                uploadedBy: userId,
                countyAdcodes: ADCODES,
              })
            ).version,
        );
        await someoneWaitsForALock();
        return info.version;
      });
      expect(first).toBe(1);
      expect(await second).toBe(2);
    });
  });
}
