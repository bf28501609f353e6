// The header's word on the mode: 单机模式 (this browser only) or 团队模式 with who is signed in and
// their role, the way to sign in or out, and whether the server is out of reach.
// Nothing is shown while the start-up check is under way.
import { useTranslation } from 'react-i18next';
import { canManageUsers } from '../../core/team/roles';
import { openTeamDialog, signOut, useTeam } from '../../state/team';
import './team.css';

export function TeamBadge() {
  const { t } = useTranslation();
  const mode = useTeam((s) => s.mode);
  const online = useTeam((s) => s.online);
  const user = useTeam((s) => s.user);
  const setupNeeded = useTeam((s) => s.setupNeeded);
  if (mode === 'checking') return null;
  if (mode === 'local')
    return (
      <span className="badge team-local" title={t('team.localBadgeHelp')} data-testid="team-badge">
        {t('team.localBadge')}
      </span>
    );
  return (
    <span className="team-badge" data-testid="team-badge">
      <span className="badge team" data-testid="team-user">
        {user
          ? t('team.badge', { name: user.displayName, role: t(`team.role.${user.role}`) })
          : t('team.signedOut')}
      </span>
      {!online && (
        <span className="badge team-offline" title={t('team.offlineHelp')} data-testid="team-offline">
          {t('team.offline')}
        </span>
      )}
      {user ? (
        <>
          {canManageUsers(user) && (
            <button onClick={() => openTeamDialog('users')}>{t('team.manageUsers')}</button>
          )}
          <button onClick={() => openTeamDialog('password')}>{t('team.changePassword')}</button>
          <button onClick={() => void signOut()} disabled={!online}>
            {t('team.signOut')}
          </button>
        </>
      ) : setupNeeded ? (
        <span className="small muted">{t('team.setupWaiting')}</span>
      ) : (
        <button onClick={() => openTeamDialog('login')} data-testid="team-sign-in">
          {t('team.signIn')}
        </button>
      )}
    </span>
  );
}
