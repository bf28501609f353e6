// Beside the header's 复制链接 (team mode, signed in): 保存为团队链接 saves the view shown now on the
// team server and copies its short address `<origin>/?view=<id>`; where the clipboard is refused the
// address appears in a selected text field. Also tells when a `?view=` link could not be opened.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeam } from '../../state/team';
import { saveTeamLink, useTeamViews, type TeamViewsMessage } from '../../state/teamViews';
import './teamViews.css';

type LinkState =
  | { kind: 'idle' }
  | { kind: 'asking' }
  | { kind: 'saving' }
  | { kind: 'copied'; link: string }
  | { kind: 'fallback'; link: string }
  | { kind: 'failed'; message: TeamViewsMessage };

export function TeamLink() {
  const { t, i18n } = useTranslation();
  const user = useTeam((s) => (s.mode === 'team' ? s.user : null));
  const linkMessage = useTeamViews((s) => s.linkMessage);
  const [state, setState] = useState<LinkState>({ kind: 'idle' });
  const [title, setTitle] = useState('');
  const notOpened = linkMessage && (
    <p className="error small" role="alert" data-testid="team-link-problem">
      {t('teamViews.linkNotOpened')} {t(linkMessage.key, linkMessage.values)}{' '}
      <button onClick={() => useTeamViews.setState({ linkMessage: null })}>{t('team.close')}</button>
    </p>
  );
  if (!user) return notOpened || null;
  const defaultTitle = () =>
    t('teamViews.linkTitleDefault', {
      name: user.displayName,
      date: new Date().toLocaleString(i18n.language),
    });

  const save = async () => {
    setState({ kind: 'saving' });
    const saved = await saveTeamLink(title.trim() || defaultTitle());
    if ('message' in saved) return setState({ kind: 'failed', message: saved.message });
    setTitle('');
    try {
      await navigator.clipboard.writeText(saved.link);
      setState({ kind: 'copied', link: saved.link });
    } catch {
      setState({ kind: 'fallback', link: saved.link });
    }
  };
  return (
    <>
      <button
        onClick={() => setState({ kind: state.kind === 'asking' ? 'idle' : 'asking' })}
        aria-expanded={state.kind === 'asking'}
        data-testid="save-team-link"
      >
        {t('teamViews.saveLink')}
      </button>
      {(state.kind === 'asking' || state.kind === 'saving') && (
        <form
          className="row team-link-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label htmlFor="team-link-title">{t('teamViews.linkTitle')}</label>
          <input
            id="team-link-title"
            value={title}
            maxLength={200}
            placeholder={defaultTitle()}
            onChange={(e) => setTitle(e.target.value)}
            autoFocus
            data-testid="team-link-title"
          />
          <button type="submit" disabled={state.kind === 'saving'} data-testid="team-link-save">
            {t('teamViews.linkSave')}
          </button>
        </form>
      )}
      {state.kind === 'copied' && (
        <span role="status" className="small saved" data-testid="team-link-copied" data-link={state.link}>
          {t('teamViews.linkCopied', { link: state.link })}
        </span>
      )}
      {state.kind === 'fallback' && (
        <div className="copy-fallback small">
          <label htmlFor="team-link">{t('teamViews.linkCopyFailed')}</label>
          <input
            id="team-link"
            readOnly
            value={state.link}
            autoFocus
            onFocus={(e) => e.target.select()}
            data-testid="team-link"
            aria-label={t('teamViews.linkLabel')}
          />
        </div>
      )}
      {state.kind === 'failed' && (
        <span role="alert" className="small error">
          {t(state.message.key, state.message.values)}
        </span>
      )}
      {notOpened}
    </>
  );
}
