// Which targets the site suggester aims at (reported uncovered, modelled uncovered, or either), and
// what a result aimed at: the basis, how many, and the map's key for their rings.
import { useTranslation } from 'react-i18next';
import { SUGGEST_TARGET_BASES, type SuggestTargetBasis } from '../../core/coverage/suggest';
import { formatInteger } from '../../core/format';
import { useAtlas } from '../../state/store';
import type { SuggestResult } from '../../worker/suggestView';
import '../suggest.css';

export function TargetBasisChoice({
  value,
  onChange,
}: {
  value: SuggestTargetBasis;
  onChange: (basis: SuggestTargetBasis) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="suggest-targets" data-testid="suggest-target-basis">
      <legend>{t('suggestTargets.legend')}</legend>
      {SUGGEST_TARGET_BASES.map((basis) => (
        <label key={basis} className="check">
          <input
            type="radio"
            name="suggest-target-basis"
            value={basis}
            checked={value === basis}
            onChange={() => onChange(basis)}
          />
          {t(`suggestTargets.basis.${basis}`)}
        </label>
      ))}
      <p className="muted small">{t(`suggestTargets.hint.${value}`)}</p>
    </fieldset>
  );
}

/** The result's line "目标：…，共 N 个", the split by reason, and the key to the map's rings. */
export function TargetSummary({ result }: { result: SuggestResult }) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const { totals, request, picks } = result;
  const basis = t(`suggestTargets.basis.${request.targetBasis}`);
  return (
    <>
      <p className="small suggest-target-line" data-testid="suggest-target-line">
        {t('suggestTargets.result', { basis, count: formatInteger(totals.uncoveredBefore, locale) })}
      </p>
      <p className="muted small">
        {t('suggestTargets.breakdown', {
          reported: formatInteger(totals.reportedUncovered, locale),
          modelled: formatInteger(totals.modelledUncovered, locale),
        })}
      </p>
      {totals.uncoveredBefore > 0 && (
        <p className="muted small suggest-map-key">
          <span className="suggest-ring target" aria-hidden="true" />
          <span className="suggest-ring picked" aria-hidden="true" />
          {t('suggestTargets.mapLegend')}
        </p>
      )}
      {picks.length < request.k && request.targetBasis !== 'either' && (
        <p className="muted small" data-testid="suggest-fewer-hint">
          {t('suggestTargets.fewerHint', { basis })}
        </p>
      )}
    </>
  );
}
