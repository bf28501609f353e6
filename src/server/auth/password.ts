// Password hashing for team accounts: scrypt (node:crypto) with N = 2^17, r = 8, p = 1 and a 32-byte
// key, the stored text naming its own parameters (`scrypt$17$8$1$<salt>$<hash>`, base64) so a later
// change of cost still verifies the hashes stored before it.
//
// Rules relied on:
// - One hash needs 128 · N · r bytes = 128 MiB and ~0.5–1 s of one core; node runs scrypt on the
//   libuv pool (4 threads), so at most four run at once and memory stays bounded. `maxmem` is set
//   above that need (Node's default of 32 MiB would refuse N = 2^17).
// - verifyPassword spends the same work whether or not the password matches, and compares with
//   timingSafeEqual; a stored text it cannot read simply does not match.
// - UNKNOWN_USER_HASH lets the login of a user that does not exist do the same work as a real one,
//   so the answer's timing does not say which user names exist.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

const COST_LOG2 = 17;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const MAX_COST_LOG2 = 20;

function scryptAsync(
  password: string,
  salt: Buffer,
  keyBytes: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyBytes, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function scryptOptions(costLog2: number, blockSize: number, parallelism: number): ScryptOptions {
  const memoryBytes = 128 * 2 ** costLog2 * blockSize * parallelism;
  return { N: 2 ** costLog2, r: blockSize, p: parallelism, maxmem: memoryBytes * 2 };
}

/** A well-formed hash no password matches in practice: verified against when the user is unknown. */
export const UNKNOWN_USER_HASH = [
  'scrypt',
  COST_LOG2,
  BLOCK_SIZE,
  PARALLELISM,
  randomBytes(SALT_BYTES).toString('base64'),
  randomBytes(KEY_BYTES).toString('base64'),
].join('$');

/** The stored text of a new password: `scrypt$17$8$1$<salt base64>$<hash base64>`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scryptAsync(password, salt, KEY_BYTES, scryptOptions(COST_LOG2, BLOCK_SIZE, PARALLELISM));
  return ['scrypt', COST_LOG2, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')].join(
    '$',
  );
}

interface ParsedHash {
  costLog2: number;
  blockSize: number;
  parallelism: number;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [costLog2, blockSize, parallelism] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64');
  const key = Buffer.from(parts[5], 'base64');
  const sane =
    Number.isInteger(costLog2) &&
    costLog2 >= 10 &&
    costLog2 <= MAX_COST_LOG2 &&
    Number.isInteger(blockSize) &&
    blockSize >= 1 &&
    blockSize <= 32 &&
    Number.isInteger(parallelism) &&
    parallelism >= 1 &&
    parallelism <= 4 &&
    salt.length >= 8 &&
    key.length >= 16;
  return sane ? { costLog2, blockSize, parallelism, salt, key } : null;
}

/** Whether `password` is the one `stored` (from hashPassword) was made from. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const own = parseHash(stored);
  // An unreadable stored text still costs one full hash, like every other refusal.
  const parsed = own ?? (parseHash(UNKNOWN_USER_HASH) as ParsedHash);
  const key = await scryptAsync(
    password,
    parsed.salt,
    parsed.key.length,
    scryptOptions(parsed.costLog2, parsed.blockSize, parsed.parallelism),
  );
  return timingSafeEqual(key, parsed.key) && own !== null;
}
