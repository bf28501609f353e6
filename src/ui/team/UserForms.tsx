// The users page's two forms: a new account (user name, name, role, area, first password) and the
// change of an existing one (name, role, area). Area only matters for county editors; it is sent
// for every role, and the server keeps what it allows.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../core/team/roles';
import type { TeamUser } from '../../team/session';
import { createUser, updateUser } from '../../team/users';
import { AreaPicker } from './AreaPicker';

/** Runs one account action: resolves true when done, false when refused (the page says why). */
export type ActionRunner = (action: () => Promise<unknown>, done: string) => Promise<boolean>;

function RoleSelect({ id, value, onChange }: { id: string; value: Role; onChange: (role: Role) => void }) {
  const { t } = useTranslation();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as Role)}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t(`team.role.${role}`)}
        </option>
      ))}
    </select>
  );
}

export function NewUserForm({ run }: { run: ActionRunner }) {
  const { t } = useTranslation();
  const blank = {
    username: '',
    displayName: '',
    role: 'editor' as Role,
    areas: [] as string[],
    password: '',
  };
  const [user, setUser] = useState(blank);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = { ...user, username: user.username.trim(), displayName: user.displayName.trim() };
    void run(() => createUser(fields), t('team.created', { name: fields.displayName })).then(
      (ok) => ok && setUser(blank),
    );
  };
  return (
    <form className="team-user-form" onSubmit={submit} data-testid="new-user-form">
      <h3>{t('team.createUser')}</h3>
      <div className="form-grid">
        <label htmlFor="new-user-username">{t('team.username')}</label>
        <input
          id="new-user-username"
          autoComplete="off"
          value={user.username}
          onChange={(e) => setUser({ ...user, username: e.target.value })}
          required
        />
        <label htmlFor="new-user-name">{t('team.displayName')}</label>
        <input
          id="new-user-name"
          autoComplete="off"
          value={user.displayName}
          onChange={(e) => setUser({ ...user, displayName: e.target.value })}
          required
        />
        <label htmlFor="new-user-role">{t('team.roleLabel')}</label>
        <RoleSelect id="new-user-role" value={user.role} onChange={(role) => setUser({ ...user, role })} />
        <label htmlFor="new-user-area">{t('team.area')}</label>
        <AreaPicker id="new-user-area" value={user.areas} onChange={(areas) => setUser({ ...user, areas })} />
        <label htmlFor="new-user-password">{t('team.temporaryPassword')}</label>
        <input
          id="new-user-password"
          type="password"
          autoComplete="new-password"
          value={user.password}
          onChange={(e) => setUser({ ...user, password: e.target.value })}
          required
        />
      </div>
      <p className="small muted">{t('team.areaHelp')}</p>
      <button type="submit" className="primary">
        {t('team.create')}
      </button>
    </form>
  );
}

export function EditUserForm({
  user,
  run,
  onDone,
}: {
  user: TeamUser;
  run: ActionRunner;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [change, setChange] = useState({ displayName: user.displayName, role: user.role, areas: user.areas });
  const id = (what: string) => `user-${user.id}-${what}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = { ...change, displayName: change.displayName.trim() };
    void run(() => updateUser(user.id, fields), t('team.updated', { name: fields.displayName })).then(
      (ok) => ok && onDone(),
    );
  };
  return (
    <form className="team-user-form" onSubmit={submit}>
      <div className="form-grid">
        <label htmlFor={id('name')}>{t('team.displayName')}</label>
        <input
          id={id('name')}
          value={change.displayName}
          onChange={(e) => setChange({ ...change, displayName: e.target.value })}
          required
        />
        <label htmlFor={id('role')}>{t('team.roleLabel')}</label>
        <RoleSelect id={id('role')} value={change.role} onChange={(role) => setChange({ ...change, role })} />
        <label htmlFor={id('area')}>{t('team.area')}</label>
        <AreaPicker
          id={id('area')}
          value={change.areas}
          onChange={(areas) => setChange({ ...change, areas })}
        />
      </div>
      <div className="row">
        <button type="submit" className="primary">
          {t('team.saveChanges')}
        </button>
        <button type="button" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
