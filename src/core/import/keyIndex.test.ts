// The key index against a Map of first rows: the same first row for every key, whatever the keys'
// hashes and order, as the table grows past what it expected.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { KeyIndex } from './keyIndex';

function firstRowsBothWays(keys: string[], expected: number) {
  const index = new KeyIndex((i) => keys[i], expected);
  const map = new Map<string, number>();
  return keys.map((key, i) => {
    if (!map.has(key)) map.set(key, i);
    return [index.firstRow(key, i), map.get(key)];
  });
}

test('the first row of each key, as a Map says', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constantFrom('S1', 'S2', ' ', '站1', '\uFFFD'), fc.string({ maxLength: 4 })), {
        maxLength: 300,
      }),
      fc.nat({ max: 40 }),
      (keys, expected) => {
        for (const [found, first] of firstRowsBothWays(keys, expected)) expect(found).toBe(first);
      },
    ),
    { numRuns: 300 },
  );
});

test('a hundred thousand keys in a table made for ten grow it, and keep every first row', () => {
  const keys = Array.from({ length: 100_000 }, (_, i) => `S${i % 60_000}`);
  const rows = firstRowsBothWays(keys, 10);
  expect(rows.every(([found, first]) => found === first)).toBe(true);
  expect(rows[99_999]).toEqual([39_999, 39_999]);
});

test('ids in order, and their repeats out of order', () => {
  const ids = Array.from({ length: 30_000 }, (_, i) => `S${String(i).padStart(7, '0')}`);
  const repeats = Array.from({ length: 10_000 }, (_, i) => ids[(i * 7_919) % ids.length]);
  const rows = firstRowsBothWays([...ids, ...repeats, '', 'S', ''], ids.length);
  expect(rows.every(([found, first]) => found === first)).toBe(true);
  expect(rows[30_000]).toEqual([0, 0]);
});

test('keys in order, then out of order, with rows left out and repeats, as a Map says', () => {
  const key = fc.oneof(fc.constantFrom('a', 'b', 'c', 'ab', 'S1', 'S2', '站1'), fc.string({ maxLength: 3 }));
  const row = fc.tuple(key, fc.boolean());
  fc.assert(
    fc.property(fc.array(row, { maxLength: 100 }), fc.array(row, { maxLength: 100 }), (inOrder, after) => {
      // A row marked false has no key and is not recorded (as a row without an id).
      const rows = [...inOrder.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), ...after];
      const index = new KeyIndex((i) => rows[i][0], rows.length);
      const map = new Map<string, number>();
      rows.forEach(([key, recorded], i) => {
        if (!recorded) return;
        if (!map.has(key)) map.set(key, i);
        expect(index.firstRow(key, i)).toBe(map.get(key));
      });
    }),
    { numRuns: 500 },
  );
});
