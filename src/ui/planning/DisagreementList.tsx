// The rows of the gap list where the reported 5G status and the modelled coverage disagree: what a
// planner checks first, so it sits above the gap table. Each row says what each side says.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isDisagreement } from '../../core/planning/gapList';
import { GapTable, type GapTableProps } from './GapTable';

type Props = Pick<GapTableProps, 'rows' | 'fileName' | 'notes' | 'showCounty' | 'chosen' | 'onChoose'>;

export function DisagreementList({ rows, ...table }: Props) {
  const { t } = useTranslation();
  const disagreements = useMemo(() => rows.filter(isDisagreement), [rows]);
  return (
    <section className="gap-part" aria-labelledby="disagreements-title" data-testid="disagreement-list">
      <h5 id="disagreements-title">
        {t('gaps.disagreements')}
        <span className="badge" data-testid="disagreement-count">
          {disagreements.length}
        </span>
      </h5>
      <p className="muted small">{t('gaps.disagreementsHint')}</p>
      {disagreements.length === 0 ? (
        <p className="small">{t('gaps.noDisagreements')}</p>
      ) : (
        <GapTable
          rows={disagreements}
          variant="disagreements"
          initialSort={{ key: 'reasons', descending: false }}
          testId="disagreement-table"
          {...table}
        />
      )}
    </section>
  );
}
