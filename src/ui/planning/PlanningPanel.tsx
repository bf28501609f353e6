// The planning tab: where the next stations and fiber should go. Each tool is one section; the
// compare tool takes two years of the loaded data or two vintages (stored datasets) of one layer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hideVintageChange } from '../../state/compare';
import { useLayers } from '../../state/layers';
import { GapList } from './GapList';
import { SiteSuggester } from './SiteSuggester';
import { CompareYears } from './CompareYears';
import { CompareVintages } from './CompareVintages';

type CompareMode = 'years' | 'vintages';

export function PlanningPanel() {
  const { t } = useTranslation();
  const [mode, setMode] = useState<CompareMode>('years');
  // Each mode's change map goes off with it.
  const choose = (next: CompareMode) => {
    setMode(next);
    if (next === 'vintages') useLayers.getState().update({ compareFromYear: null });
    else hideVintageChange();
  };
  return (
    <section aria-labelledby="planning-title" data-testid="planning-panel">
      <h3 id="planning-title">{t('tab.planning')}</h3>
      <GapList />
      <div className="row small compare-mode" role="radiogroup" aria-label={t('vintage.mode')}>
        <span>{t('vintage.mode')}</span>
        {(['years', 'vintages'] as const).map((option) => (
          <label key={option} className="check">
            <input
              type="radio"
              name="compare-mode"
              value={option}
              checked={mode === option}
              onChange={() => choose(option)}
            />
            {t(`vintage.mode.${option}`)}
          </label>
        ))}
      </div>
      {mode === 'years' ? <CompareYears /> : <CompareVintages />}
      <SiteSuggester />
    </section>
  );
}
