// The administrators' page for accounts: every user with role, area and status; create one, change
// name, role or area, reset a password, disable or enable. The server decides every action and
// its refusal is shown in its own words.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canManageUsers } from '../../core/team/roles';
import { closeTeamDialog, teamErrorOf, useTeam, type TeamError } from '../../state/team';
import type { TeamUser } from '../../team/session';
import { listUsers, resetPassword, updateUser } from '../../team/users';
import { ModalDialog, TeamErrorText } from './ModalDialog';
import { useAreaLabel } from './AreaPicker';
import { EditUserForm, NewUserForm, type ActionRunner } from './UserForms';
import { UserActivity } from './UserActivity';

export function AdminUsers() {
  const open = useTeam((s) => s.dialog === 'users' && s.user !== null && canManageUsers(s.user));
  return open ? <UsersPage /> : null;
}

function UsersPage() {
  const { t } = useTranslation();
  const [users, setUsers] = useState<TeamUser[] | null>(null);
  const [error, setError] = useState<TeamError | null>(null);
  const [notice, setNotice] = useState('');
  const reload = useCallback(async () => {
    try {
      setUsers(await listUsers());
    } catch (failure) {
      setError(teamErrorOf(failure));
    }
  }, []);
  useEffect(() => void reload(), [reload]);
  const run: ActionRunner = async (action, done) => {
    setError(null);
    setNotice('');
    try {
      await action();
      setNotice(done);
      await reload();
      return true;
    } catch (failure) {
      setError(teamErrorOf(failure));
      return false;
    }
  };
  return (
    <ModalDialog titleId="team-users-title" testId="admin-users" className="wide" onClose={closeTeamDialog}>
      <h2 id="team-users-title">{t('team.usersTitle')}</h2>
      <TeamErrorText error={error} />
      <p role="status" className="small" data-testid="admin-users-notice">
        {notice}
      </p>
      {users === null ? (
        <p className="muted">{t('team.usersLoading')}</p>
      ) : (
        <div className="preview-table" role="region" aria-labelledby="team-users-title" tabIndex={0}>
          <table className="team-users" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">{t('team.username')}</th>
                <th scope="col">{t('team.displayName')}</th>
                <th scope="col">{t('team.roleLabel')}</th>
                <th scope="col">{t('team.area')}</th>
                <th scope="col">{t('team.status')}</th>
                <th scope="col">{t('team.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <UserRow key={user.id} user={user} run={run} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewUserForm run={run} />
      <div className="row">
        <button onClick={closeTeamDialog}>{t('team.close')}</button>
      </div>
    </ModalDialog>
  );
}

function UserRow({ user, run }: { user: TeamUser; run: ActionRunner }) {
  const { t } = useTranslation();
  const areaLabel = useAreaLabel();
  const [editing, setEditing] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [showingActivity, setShowingActivity] = useState(false);
  const [password, setPassword] = useState('');
  const name = user.displayName;
  return (
    <>
      <tr data-testid="user-row" data-username={user.username}>
        <td>{user.username}</td>
        <td>{name}</td>
        <td>{t(`team.role.${user.role}`)}</td>
        <td>{user.areas.map(areaLabel).join('、')}</td>
        <td>{user.disabled ? t('team.disabled') : t('team.active')}</td>
        <td>
          <div className="row small">
            <button onClick={() => setEditing(!editing)}>{t('team.edit')}</button>
            <button onClick={() => setResetting(!resetting)}>{t('team.resetPassword')}</button>
            <button onClick={() => setShowingActivity(!showingActivity)} aria-expanded={showingActivity}>
              {t('teamViews.activity')}
            </button>
            <button
              onClick={() =>
                void run(() => updateUser(user.id, { disabled: !user.disabled }), t('team.updated', { name }))
              }
            >
              {user.disabled ? t('team.enable') : t('team.disable')}
            </button>
          </div>
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={6}>
            <EditUserForm user={user} run={run} onDone={() => setEditing(false)} />
          </td>
        </tr>
      )}
      {showingActivity && (
        <tr>
          <td colSpan={6}>
            <UserActivity user={user} />
          </td>
        </tr>
      )}
      {resetting && (
        <tr>
          <td colSpan={6}>
            <form
              className="row"
              onSubmit={(e) => {
                e.preventDefault();
                void run(() => resetPassword(user.id, password), t('team.passwordReset', { name })).then(
                  (ok) => ok && (setResetting(false), setPassword('')),
                );
              }}
            >
              <label htmlFor={`reset-${user.id}`}>{t('team.newPasswordFor', { name })}</label>
              <input
                id={`reset-${user.id}`}
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                required
              />
              <button type="submit">{t('team.resetPassword')}</button>
            </form>
          </td>
        </tr>
      )}
    </>
  );
}
