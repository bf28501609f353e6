// The first start of a team server: the one-time link it prints (`#setup=<token>`) opens this page,
// which creates the first administrator and signs them in. A link used already says so.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { completeSetup, dismissSetup, useTeam, type TeamError } from '../../state/team';
import { ModalDialog, TeamErrorText } from './ModalDialog';

export function SetupPage() {
  const mode = useTeam((s) => s.mode);
  const token = useTeam((s) => s.setupToken);
  const setupNeeded = useTeam((s) => s.setupNeeded);
  if (mode !== 'team' || !token) return null;
  return setupNeeded ? <SetupForm /> : <SetupDone />;
}

function SetupDone() {
  const { t } = useTranslation();
  return (
    <ModalDialog titleId="team-setup-title" testId="setup-page" onClose={dismissSetup}>
      <h2 id="team-setup-title">{t('team.setupTitle')}</h2>
      <p role="status">{t('team.setupDone')}</p>
      <div className="row">
        <button onClick={dismissSetup} autoFocus>
          {t('team.close')}
        </button>
      </div>
    </ModalDialog>
  );
}

function SetupForm() {
  const { t } = useTranslation();
  const [fields, setFields] = useState({ username: '', displayName: '', password: '', repeat: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TeamError | null>(null);
  const mismatch = fields.repeat !== '' && fields.password !== fields.repeat;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    setBusy(true);
    const { username, displayName, password } = fields;
    setError(await completeSetup({ username: username.trim(), displayName: displayName.trim(), password }));
    setBusy(false);
  };
  const input = (name: keyof typeof fields, type: string, autoComplete: string, label: string) => (
    <>
      <label htmlFor={`team-setup-${name}`}>{label}</label>
      <input
        id={`team-setup-${name}`}
        type={type}
        autoComplete={autoComplete}
        value={fields[name]}
        onChange={(e) => setFields({ ...fields, [name]: e.target.value })}
        aria-invalid={name === 'repeat' && mismatch}
        required
      />
    </>
  );
  return (
    <ModalDialog titleId="team-setup-title" testId="setup-page" className="team-setup">
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="team-setup-title">{t('team.setupTitle')}</h2>
        <p className="small">{t('team.setupIntro')}</p>
        <div className="form-grid">
          {input('username', 'text', 'username', t('team.username'))}
          {input('displayName', 'text', 'name', t('team.displayName'))}
          {input('password', 'password', 'new-password', t('team.password'))}
          {input('repeat', 'password', 'new-password', t('team.passwordRepeat'))}
        </div>
        {mismatch && <p className="error">{t('team.passwordMismatch')}</p>}
        <TeamErrorText error={error} />
        <div className="row">
          <button type="submit" className="primary" disabled={busy || mismatch}>
            {t('team.setupCreate')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
