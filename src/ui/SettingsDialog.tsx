// Settings: the theme (light, or high contrast for projectors) and the optional online basemap, off
// by default: the app stays offline until a user sets it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkBasemapTemplate } from '../core/basemap';
import { THEMES } from '../core/settings';
import { resetSettings, useAtlas } from '../state/store';

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const current = useAtlas((s) => s.basemapUrlTemplate);
  const setTemplate = useAtlas((s) => s.setBasemapUrlTemplate);
  const [theme, setTheme] = useState(useAtlas.getState().theme);
  const [draft, setDraft] = useState(current);
  const check = draft.trim() ? checkBasemapTemplate(draft.trim()) : { ok: true as const };
  const save = () => {
    if (check.ok) {
      const changed = draft.trim() !== current;
      setTemplate(draft.trim());
      useAtlas.getState().setTheme(theme);
      onClose();
      // The server's policy lets the page reach the basemap's host only from the next load on.
      if (changed && draft.trim()) location.reload();
    }
  };
  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="settings-title">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <h2 id="settings-title">{t('settings')}</h2>
          <fieldset className="plain">
            <legend>{t('theme')}</legend>
            {THEMES.map((option) => (
              <label key={option} className="check">
                <input
                  type="radio"
                  name="theme"
                  value={option}
                  checked={theme === option}
                  onChange={() => setTheme(option)}
                  autoFocus={theme === option}
                />
                {t(`theme.${option}`)}
              </label>
            ))}
          </fieldset>
          <label htmlFor="basemap-template">{t('basemap')}</label>
          <input
            id="basemap-template"
            type="url"
            value={draft}
            placeholder="https://…/{z}/{x}/{y}.png"
            onChange={(e) => setDraft(e.target.value)}
          />
          <p className="muted">{t('basemapHelp')}</p>
          {!check.ok && (
            <p className="error" role="alert">
              {t(`basemapError.${check.reason}`)}
            </p>
          )}
          <div className="row">
            <button type="submit" disabled={!check.ok}>
              {t('save')}
            </button>
            <button type="button" onClick={onClose}>
              {t('cancel')}
            </button>
            <button type="button" className="secondary" onClick={resetSettings}>
              {t('resetSettings')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
