import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { expect, test } from 'vitest';
import { saveDataset } from './datasets';
import { currentStatus, editsFor, editsToCsv, recordEdit } from './edits';
import { StorageError } from './errors';
import type { StoredDataset, StoredEdit } from './types';

const freshDatabaseName = () => `atlas-test-${crypto.randomUUID()}`;

/** A database holding one empty village dataset, new for each test. */
async function databaseWithVillages(): Promise<string> {
  const databaseName = freshDatabaseName();
  const villages: StoredDataset = {
    id: 'villages',
    name: '行政村',
    layer: 'villages',
    rowCount: 0,
    importedAt: '2024-01-01T00:00:00.000Z',
    sourceFile: 'villages.csv',
    datum: 'wgs84',
    sample: false,
    columns: {},
  };
  await saveDataset(villages, databaseName);
  return databaseName;
}

test('recorded edits come back with growing keys, newest first, for the dataset or one row', async () => {
  const databaseName = await databaseWithVillages();
  const first = await recordEdit(
    { datasetId: 'villages', rowKey: '520111001001', field: 'fiber', value: true, date: '2023-03-01' },
    databaseName,
  );
  const second = await recordEdit(
    {
      datasetId: 'villages',
      rowKey: '520111001002',
      field: '5g',
      value: false,
      date: '2023-04-01',
      note: '山后无信号',
    },
    databaseName,
  );
  const third = await recordEdit(
    { datasetId: 'villages', rowKey: '520111001001', field: '5g', value: true, date: '2024-01-15' },
    databaseName,
  );
  expect(second.key).toBeGreaterThan(first.key);
  expect(third.key).toBeGreaterThan(second.key);
  expect(first.note).toBe('');
  expect(Number.isNaN(Date.parse(first.editedAt))).toBe(false);
  expect(await editsFor('villages', undefined, databaseName)).toEqual([third, second, first]);
  expect(await editsFor('villages', '520111001001', databaseName)).toEqual([third, first]);
});

test('the current status is the latest recorded edit of each field, even when it names an earlier day', async () => {
  const databaseName = await databaseWithVillages();
  const base = { datasetId: 'villages', rowKey: 'site-7' } as const;
  await recordEdit({ ...base, field: '5g', value: true, date: '2024-06-01' }, databaseName);
  const fiber = await recordEdit({ ...base, field: 'fiber', value: true, date: '2022-01-01' }, databaseName);
  const correction = await recordEdit(
    { ...base, field: '5g', value: false, date: '2024-03-01', note: '误报' },
    databaseName,
  );
  const cleared = await recordEdit(
    { ...base, field: 'gigabit', value: null, date: '2024-07-01' },
    databaseName,
  );
  const status = await currentStatus('villages', databaseName);
  expect([...status.keys()]).toEqual(['site-7']);
  expect(status.get('site-7')).toEqual({
    '5g': { value: false, date: '2024-03-01', editKey: correction.key },
    fiber: { value: true, date: '2022-01-01', editKey: fiber.key },
    gigabit: { value: null, date: '2024-07-01', editKey: cleared.key },
  });
});

test('an edit of a dataset that is not stored is refused and not kept', async () => {
  const databaseName = await databaseWithVillages();
  const error = await recordEdit(
    { datasetId: 'gone', rowKey: 'x', field: '4g', value: true, date: '2024-01-01' },
    databaseName,
  ).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(StorageError);
  expect((error as StorageError).code).toBe('not-found');
  expect(await editsFor('gone', undefined, databaseName)).toEqual([]);
});

test('an edit with an impossible date or an unknown field is refused as invalid', async () => {
  const databaseName = await databaseWithVillages();
  const base = { datasetId: 'villages', rowKey: 'x', value: true } as const;
  for (const bad of [
    { ...base, field: '4g', date: '2024-02-30' },
    { ...base, field: '4g', date: '1/2/2024' },
    { ...base, field: '6g', date: '2024-01-01' },
  ]) {
    const error = await recordEdit(bad as Parameters<typeof recordEdit>[0], databaseName).catch(
      (caught: unknown) => caught,
    );
    expect((error as StorageError).code, JSON.stringify(bad)).toBe('invalid');
  }
  expect(await editsFor('villages', undefined, databaseName)).toEqual([]);
});

test('CSV export quotes per RFC 4180 and writes notes verbatim, markup included, formulas defused', () => {
  const edit = (key: number, note: string, value: boolean | null): StoredEdit => ({
    key,
    datasetId: 'villages',
    rowKey: `5201110010${key}`,
    field: 'covered',
    value,
    date: '2024-05-20',
    note,
    editedAt: '2024-05-21T02:03:04.000Z',
  });
  const notes = ['<img src=x onerror=alert(1)>', '说 "已通", 待核实', 'line one\nline two', '=1+1', ''];
  const edits = notes.map((note, i) => edit(i + 1, note, i === 4 ? null : i % 2 === 0));
  const csv = editsToCsv(edits);
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('key,datasetId,rowKey,field,value,date,note,editedAt');
  expect(lines[1]).toBe(
    '1,villages,52011100101,covered,true,2024-05-20,<img src=x onerror=alert(1)>,2024-05-21T02:03:04.000Z',
  );
  expect(lines[2]).toBe(
    '2,villages,52011100102,covered,false,2024-05-20,"说 ""已通"", 待核实",2024-05-21T02:03:04.000Z',
  );
  expect(csv.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(csv.trimEnd(), { header: true });
  expect(parsed.errors).toEqual([]);
  // A note Excel would run as a formula (=1+1) gets a leading ' from csvCell (CSV injection); was verbatim before.
  expect(parsed.data.map((row) => row.note)).toEqual(notes.with(3, "'=1+1"));
  expect(parsed.data.map((row) => row.value)).toEqual(['true', 'false', 'true', 'false', '']);
});

test('CSV export starts with a byte order mark only when asked', () => {
  expect(editsToCsv([])).toBe('key,datasetId,rowKey,field,value,date,note,editedAt\r\n');
  expect(editsToCsv([], { byteOrderMark: true }).charCodeAt(0)).toBe(0xfeff);
});
