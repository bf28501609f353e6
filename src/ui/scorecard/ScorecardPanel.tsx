// The scorecard tab: the plan's indicators against the loaded data.
import { useTranslation } from 'react-i18next';

export function ScorecardPanel() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="scorecard-title" data-testid="scorecard-panel">
      <h3 id="scorecard-title">{t('tab.scorecard')}</h3>
    </section>
  );
}
