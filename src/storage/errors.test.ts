import { expect, test } from 'vitest';
import { storageCodeOf, toStorageError } from './errors';

test('a full disk is told by its code, also after crossing a worker boundary as name and message only', () => {
  const quota = Object.assign(new Error(''), { name: 'QuotaExceededError' });
  const error = toStorageError(quota, 'write-failed', 'saving dataset "x"');
  expect(storageCodeOf(error)).toBe('quota-exceeded');
  // What comlink rebuilds on the page from a worker's thrown error.
  const rebuilt = Object.assign(new Error(error.message), { name: error.name, stack: error.stack });
  expect(storageCodeOf(rebuilt)).toBe('quota-exceeded');
  expect(storageCodeOf(new Error('quota-exceeded: not a storage error'))).toBeNull();
});
