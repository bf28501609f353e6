// The planning tab: where the next stations and fiber should go. Each tool is one section.
import { useTranslation } from 'react-i18next';
import { GapList } from './GapList';
import { SiteSuggester } from './SiteSuggester';
import { CompareYears } from './CompareYears';

export function PlanningPanel() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="planning-title" data-testid="planning-panel">
      <h3 id="planning-title">{t('tab.planning')}</h3>
      <GapList />
      <CompareYears />
      <SiteSuggester />
    </section>
  );
}
