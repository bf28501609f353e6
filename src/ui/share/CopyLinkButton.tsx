// The header's 复制链接: copies the address of the view shown now. Where the clipboard is refused
// (permissions, an insecure context) the link appears in a selected text field to copy by hand.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLink } from '../../state/urlState';

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'fallback'; link: string };

export function CopyLinkButton() {
  const { t } = useTranslation();
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  useEffect(() => {
    if (state.kind !== 'copied') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    const link = currentLink();
    try {
      await navigator.clipboard.writeText(link);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'fallback', link });
    }
  };
  return (
    <>
      <button onClick={() => void copy()} data-testid="copy-link">
        {t('share.copyLink')}
      </button>
      <span role="status" className="small saved">
        {state.kind === 'copied' ? t('share.copied') : ''}
      </span>
      {state.kind === 'fallback' && (
        <div className="copy-fallback small">
          <label htmlFor="share-link">{t('share.copyFailed')}</label>
          <input
            id="share-link"
            readOnly
            value={state.link}
            autoFocus
            onFocus={(e) => e.target.select()}
            data-testid="share-link"
            aria-label={t('share.linkLabel')}
          />
        </div>
      )}
    </>
  );
}
