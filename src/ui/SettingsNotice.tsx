// The banner shown when stored settings could not be read at start-up: they were set back to their
// defaults (the app started anyway), and the user can clear them all for good or dismiss this.
import { useTranslation } from 'react-i18next';
import { resetSettings, useAtlas } from '../state/store';

export function SettingsNotice() {
  const { t } = useTranslation();
  const dropped = useAtlas((s) => s.droppedSettings);
  const dismiss = useAtlas((s) => s.dismissDroppedSettings);
  if (dropped.length === 0) return null;
  return (
    <div className="link-notice" role="alert" data-testid="settings-notice">
      <p>{t('settingsDropped', { names: dropped.map((name) => t(`settingName.${name}`)).join('、') })}</p>
      <p>
        <button onClick={resetSettings}>{t('resetSettings')}</button>{' '}
        <button onClick={dismiss}>{t('share.dismiss')}</button>
      </p>
    </div>
  );
}
