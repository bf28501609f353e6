import 'fake-indexeddb/auto';
import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

// Each test imports the modules afresh: the persistence request is asked once per page load.
const freshModules = async () => ({ ...(await import('./persistence')), ...(await import('./datasets')) });

test('persistent storage is requested once, however many datasets are saved', async () => {
  const persist = vi.fn(async () => true);
  vi.stubGlobal('navigator', { storage: { persist, persisted: async () => false } });
  const { saveDataset, requestPersistentStorage } = await freshModules();
  const databaseName = `atlas-test-${crypto.randomUUID()}`;
  const dataset = {
    id: 'a',
    name: 'a',
    layer: 'stations',
    rowCount: 0,
    importedAt: '2024-01-01T00:00:00Z',
    sourceFile: 'a.csv',
    datum: 'wgs84',
    sample: false,
    columns: {},
  } as const;
  await saveDataset(dataset, databaseName);
  await saveDataset({ ...dataset, id: 'b' }, databaseName);
  expect(await requestPersistentStorage()).toBe(true);
  expect(persist).toHaveBeenCalledTimes(1);
});

test('a refused or failing request reads as not persistent; a missing API as unknown', async () => {
  vi.stubGlobal('navigator', {
    storage: {
      persist: async () => {
        throw new Error('denied');
      },
    },
  });
  expect(await (await freshModules()).requestPersistentStorage()).toBe(false);
  vi.resetModules();
  vi.stubGlobal('navigator', {});
  expect(await (await freshModules()).requestPersistentStorage()).toBeNull();
});

test('the storage estimate is given in bytes, or null when the browser cannot tell', async () => {
  vi.stubGlobal('navigator', {
    storage: { estimate: async () => ({ usage: 1_500_000, quota: 2_000_000_000 }) },
  });
  expect(await (await freshModules()).storageEstimate()).toEqual({
    usageBytes: 1_500_000,
    quotaBytes: 2_000_000_000,
  });
  vi.stubGlobal('navigator', {});
  expect(await (await freshModules()).storageEstimate()).toBeNull();
});
