import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { UNKNOWN_USER_HASH, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  test('stores scrypt with N = 2^17, r = 8, p = 1, a 16-byte salt and a 32-byte key, and verifies', async () => {
    const stored = await hashPassword('花溪区-field-2024');
    const [algorithm, costLog2, blockSize, parallelism, salt, key] = stored.split('$');
    expect([algorithm, costLog2, blockSize, parallelism]).toEqual(['scrypt', '17', '8', '1']);
    expect(Buffer.from(salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    expect(stored).not.toContain('花溪区');
    expect(await verifyPassword('花溪区-field-2024', stored)).toBe(true);
    expect(await verifyPassword('花溪区-field-2025', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  test('the same password gets a different salt and hash each time', async () => {
    const [first, second] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(first).not.toBe(second);
    expect(await verifyPassword('same password', second)).toBe(true);
  });

  test('a hash names its own cost, so one made with other parameters still verifies', async () => {
    const salt = randomBytes(16);
    const key = scryptSync('older password', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const stored = ['scrypt', 14, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    expect(await verifyPassword('older password', stored)).toBe(true);
    expect(await verifyPassword('other password', stored)).toBe(false);
  });

  test('the same characters typed in another Unicode form match (é composed or decomposed)', async () => {
    const stored = await hashPassword('caf\u00e9-caf\u00e9-1');
    expect(await verifyPassword('cafe\u0301-cafe\u0301-1', stored)).toBe(true);
  });

  test('an unreadable or absurd stored text never matches and never throws', async () => {
    for (const stored of [
      '',
      'no-password',
      'scrypt$17$8$1$$',
      'scrypt$40$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==',
    ]) {
      await expect(verifyPassword('anything at all', stored)).resolves.toBe(false);
    }
  });

  test('the stand-in hash for unknown users costs what a real one does', async () => {
    const real = await hashPassword('a real password');
    expect(UNKNOWN_USER_HASH.split('$').slice(0, 4)).toEqual(real.split('$').slice(0, 4));
    expect(Buffer.from(UNKNOWN_USER_HASH.split('$')[5], 'base64')).toHaveLength(32);
    expect(await verifyPassword('a real password', UNKNOWN_USER_HASH)).toBe(false);
  });
});
