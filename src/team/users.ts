// The administrators' calls on accounts: list, create, change (name, role, area, disabled) and
// reset a password. The server checks every one (administrators only) and answers refusals with a
// message in the user's language, which the page shows as it is.
import type { Role } from '../core/team/roles';
import { apiJson } from './api';
import type { TeamUser } from './session';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  areas: string[];
  password: string;
}

export type UserChange = Partial<Pick<TeamUser, 'displayName' | 'role' | 'areas' | 'disabled'>>;

export async function listUsers(): Promise<TeamUser[]> {
  return (await apiJson<{ users: TeamUser[] }>('GET', '/api/users')).users;
}

export async function createUser(user: NewUser): Promise<TeamUser> {
  return (await apiJson<{ user: TeamUser }>('POST', '/api/users', { json: user })).user;
}

export async function updateUser(id: number, change: UserChange): Promise<TeamUser> {
  return (await apiJson<{ user: TeamUser }>('PATCH', `/api/users/${id}`, { json: change })).user;
}

export async function resetPassword(id: number, password: string): Promise<void> {
  await apiJson<void>('POST', `/api/users/${id}/password`, { json: { password } });
}
