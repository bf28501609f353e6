// Every role the server knows has a name in both languages (the badge and the users page show it),
// and no key is a prefix of another: i18next reads dots as nesting, so "team.role" beside
// "team.role.admin" would hide one of them.
import { expect, test } from 'vitest';
import { ROLES } from '../../core/team/roles';
import { en, zh } from './team';

test('every role has Chinese and English words', () => {
  for (const role of ROLES) {
    expect(zh, role).toHaveProperty([`team.role.${role}`]);
    expect(en, role).toHaveProperty([`team.role.${role}`]);
  }
  expect(zh['team.role.editor']).toBe('县级编辑');
});

test('no key is another key followed by a dot', () => {
  const keys = Object.keys(zh);
  const prefixes = keys.filter((key) => keys.some((other) => other.startsWith(`${key}.`)));
  expect(prefixes).toEqual([]);
});
