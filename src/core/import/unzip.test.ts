// ZIP bombs built on the fly: an entry that declares too much is refused before inflating, one
// that lies about its size is stopped while inflating as soon as it passes what it declares, and
// the entries of one archive are held to a total.
import { describe, expect, test } from 'vitest';
import { zipArchive, zipBomb, deflatedZeros } from './hostileFiles.testing';
import { MAX_ZIP_ENTRY_BYTES } from './limits';
import { listZip, ZipError } from './unzip';

const GIGABYTE = 1024 ** 3;

async function zipFailure(promise: Promise<unknown>): Promise<ZipError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(ZipError);
    return e as ZipError;
  }
  throw new Error('expected a ZipError');
}

describe('an entry is held to its limit', () => {
  test('4 GB of zeros declaring 1 KB stops just past 1 KB: a lie is refused while inflating', async () => {
    const bomb = zipBomb(4 * GIGABYTE, 1_000);
    const shp = listZip(bomb).find((e) => e.name === 'bomb.shp')!;
    const started = performance.now();
    const error = await zipFailure(shp.read());
    const elapsedMs = performance.now() - started;
    expect(error).toMatchObject({ reason: 'larger-than-declared', entry: 'bomb.shp', declaredBytes: 1_000 });
    expect(elapsedMs).toBeLessThan(1_000);
    console.log(
      `${(bomb.length / 1e6).toFixed(1)} MB bomb (4 GB inside, 1 KB declared) refused after ${elapsedMs.toFixed(0)} ms; RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
    );
  }, 60_000);

  test('4 GB declared (as far as 32 bits go) is refused before anything is inflated', async () => {
    const shp = listZip(zipBomb(4 * GIGABYTE)).find((e) => e.name === 'bomb.shp')!;
    expect(shp.uncompressedSize).toBe(0xffffffff);
    const started = performance.now();
    expect(await zipFailure(shp.read())).toMatchObject({
      reason: 'entry-too-large',
      detail: MAX_ZIP_ENTRY_BYTES,
      declaredBytes: 0xffffffff,
    });
    expect(performance.now() - started).toBeLessThan(100);
  });

  test('a stored entry, and a smaller limit for one read', async () => {
    const [stored] = listZip(zipArchive([{ name: 'a.prj', bytes: new Uint8Array(10_000) }]));
    expect(await zipFailure(stored.read(1_000))).toMatchObject({ reason: 'entry-too-large', detail: 1_000 });
    expect((await stored.read()).length).toBe(10_000);
  });
});

describe('the entries of one archive are held to a total', () => {
  test('three entries of 3 MB each, within 4 MB apiece, pass a total of 7 MB at the third', async () => {
    const megabytes = 2 ** 20;
    const entry = (name: string) => ({
      name,
      bytes: new Uint8Array(0),
      deflated: deflatedZeros(3 * megabytes),
      unpackedBytes: 3 * megabytes,
    });
    const entries = listZip(zipArchive([entry('a.shp'), entry('a.dbf'), entry('a.shx')]), 7 * megabytes);
    expect((await entries[0].read(4 * megabytes)).length).toBe(3 * megabytes);
    expect((await entries[1].read(4 * megabytes)).length).toBe(3 * megabytes);
    expect(await zipFailure(entries[2].read(4 * megabytes))).toMatchObject({
      reason: 'total-too-large',
      entry: 'a.shx',
      detail: 7 * megabytes,
      declaredBytes: 9 * megabytes,
    });
  });
});

describe('damage', () => {
  test('bytes that are not deflate are a damaged entry, not a crash', async () => {
    const [entry] = listZip(
      zipArchive([{ name: 'x.shp', bytes: new Uint8Array(0), deflated: new Uint8Array([0xff, 0xff, 0xff]) }]),
    );
    expect(await zipFailure(entry.read())).toMatchObject({ reason: 'damaged', entry: 'x.shp' });
  });
  test('no central directory', () => {
    expect(() => listZip(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toThrow(ZipError);
  });
});
