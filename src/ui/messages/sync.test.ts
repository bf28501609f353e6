// The outbox's record is exported with headings in the user's language: every column it writes and
// every state an entry can be in has words in both languages.
import { expect, test } from 'vitest';
import type { OutboxState } from '../../storage/types';
import { OUTBOX_COLUMNS } from '../team/outboxRecord';
import { en, zh } from './sync';

const STATES: Record<OutboxState, true> = { pending: true, sent: true, conflict: true, rejected: true };

test('every column and state of the exported outbox has Chinese and English words', () => {
  const keys = [
    ...OUTBOX_COLUMNS.map((column) => `sync.col.${column}`),
    ...Object.keys(STATES).map((state) => `sync.state.${state}`),
  ];
  for (const key of keys) {
    expect(zh, key).toHaveProperty([key]);
    expect(en, key).toHaveProperty([key]);
  }
  expect(zh['sync.col.name']).toBe('村名');
  expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
});
