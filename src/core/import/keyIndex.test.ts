// The key index against a Map of first rows: the same first row for every key, whatever the keys'
// hashes, as the table grows past what it expected.
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
