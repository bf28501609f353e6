// Signing in (user name and password) and changing one's own password, as modal dialogs opened from
// the header's team badge. A temporary password set by an administrator must be changed first.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changeOwnPassword, closeTeamDialog, signIn, useTeam, type TeamError } from '../../state/team';
import { ModalDialog, TeamErrorText } from './ModalDialog';

export function LoginDialog() {
  const dialog = useTeam((s) => s.dialog);
  const mode = useTeam((s) => s.mode);
  if (mode !== 'team') return null;
  if (dialog === 'login') return <SignInForm />;
  if (dialog === 'password') return <PasswordForm />;
  return null;
}

function SignInForm() {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TeamError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(await signIn(username.trim(), password));
    setBusy(false);
  };
  return (
    <ModalDialog titleId="team-login-title" testId="login-dialog" onClose={closeTeamDialog}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="team-login-title">{t('team.loginTitle')}</h2>
        <p className="small muted">{t('team.loginIntro')}</p>
        <div className="form-grid">
          <label htmlFor="team-username">{t('team.username')}</label>
          <input
            id="team-username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
            autoFocus
          />
          <label htmlFor="team-password">{t('team.password')}</label>
          <input
            id="team-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </div>
        <TeamErrorText error={error} />
        <div className="row">
          <button type="submit" className="primary" disabled={busy || !username.trim() || !password}>
            {busy ? t('team.signingIn') : t('team.signIn')}
          </button>
          <button type="button" onClick={closeTeamDialog}>
            {t('team.close')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const mustChange = useTeam((s) => s.user?.mustChangePassword ?? false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TeamError | null>(null);
  const mismatch = repeat !== '' && next !== repeat;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setError(await changeOwnPassword(current, next));
    setBusy(false);
  };
  return (
    <ModalDialog
      titleId="team-password-title"
      testId="password-dialog"
      onClose={mustChange ? undefined : closeTeamDialog}
    >
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="team-password-title">{t('team.passwordTitle')}</h2>
        {mustChange && <p className="note">{t('team.mustChange')}</p>}
        <div className="form-grid">
          <label htmlFor="team-current-password">{t('team.currentPassword')}</label>
          <input
            id="team-current-password"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            required
            autoFocus
          />
          <label htmlFor="team-new-password">{t('team.newPassword')}</label>
          <input
            id="team-new-password"
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
            required
          />
          <label htmlFor="team-repeat-password">{t('team.passwordRepeat')}</label>
          <input
            id="team-repeat-password"
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            aria-invalid={mismatch}
            required
          />
        </div>
        {mismatch && <p className="error">{t('team.passwordMismatch')}</p>}
        <TeamErrorText error={error} />
        <div className="row">
          <button type="submit" className="primary" disabled={busy || mismatch || !current || !next}>
            {t('save')}
          </button>
          {!mustChange && (
            <button type="button" onClick={closeTeamDialog}>
              {t('cancel')}
            </button>
          )}
        </div>
      </form>
    </ModalDialog>
  );
}
