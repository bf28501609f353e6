// The whole import path as the worker runs it: bytes → table → guessed layer and mapping →
// validated columns. Includes the 200,000-row file (its time is printed, not asserted tightly:
// speed goals live in benchmarks).
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { importContext } from '../../../test/fixtures/import/context';
import { guessDatasetKind, guessMapping } from './mapping';
import { readFile } from './readers';
import { validateRows } from './validate';

const context = importContext();

function stationsCsv(rowCount: number, seed = 1): string {
  const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const operators = ['中国移动', '中国电信', '中国联通', '中国广电'];
  const lines = ['站号,名称,运营商,制式,频段,建成年份,经度,纬度'];
  for (let i = 0; i < rowCount; i++) {
    const fiveG = random() < 0.4;
    // Around Guiyang: inside Guizhou whatever the draw.
    const lon = (106.55 + random() * 0.3).toFixed(6),
      lat = (26.45 + random() * 0.2).toFixed(6);
    lines.push(
      `S${i},站点${i},${operators[i % 4]},${fiveG ? '5G' : '4G'},${fiveG ? 'n78' : 'FDD1800'},${2015 + (i % 10)},${lon},${lat}`,
    );
  }
  return lines.join('\r\n') + '\r\n';
}

test('200,000 stations import quickly and whole', async () => {
  const bytes = new TextEncoder().encode(stationsCsv(200_000));
  const started = performance.now();
  const table = await readFile('stations.csv', bytes);
  const read = performance.now();
  const layer = guessDatasetKind(table.header);
  const result = validateRows(table, guessMapping(table.header, layer), layer, context);
  const validated = performance.now();
  console.log(
    `200,000 rows (${(bytes.length / 1e6).toFixed(1)} MB): read ${(read - started).toFixed(0)} ms, validate ${(validated - read).toFixed(0)} ms, total ${(validated - started).toFixed(0)} ms`,
  );
  expect(layer).toBe('stations');
  expect(result.rejected).toEqual([]);
  expect(result.accepted.rowCount).toBe(200_000);
  expect(result.accepted.categorical.operator.labels).toHaveLength(4);
  // A guard against a pathological slowdown, far above the 3 s aim.
  expect(validated - started).toBeLessThan(20_000);
}, 60_000);

test('through the CSV path, every data row is accepted or rejected with a reason', async () => {
  const cell = fc.oneof(
    fc.constantFrom('', '5G', '4G', '2021', '106.7122', '26.5773', '是', 'S1', 'n78', '"', ',', '\n', ';'),
    fc.string({ maxLength: 6 }),
  );
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(cell, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 20 }),
      async (rows) => {
        const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
        const text = [
          '站号,名称,运营商,制式,频段,建成年份,经度,纬度',
          ...rows.map((r) => r.map(quote).join(',')),
        ].join('\n');
        let table;
        try {
          table = await readFile('random.csv', new TextEncoder().encode(text));
        } catch (e) {
          expect((e as { code?: string }).code).toBeTypeOf('string');
          return;
        }
        const result = validateRows(table, guessMapping(table.header, 'stations'), 'stations', context);
        expect(result.accepted.rowCount + result.rejected.length).toBe(table.rows.length);
        for (const r of result.rejected) expect(r.problems.length).toBeGreaterThan(0);
      },
    ),
    { numRuns: 200 },
  );
});
