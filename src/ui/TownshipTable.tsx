// The selected county's townships: villages per township (through their NBS code, positions or
// not) with fiber, gigabit and 5G as reported, and 5G as modelled; each township's printable field
// checklist, or all of them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistTarget } from './checklist/FieldChecklist';
import { onDemand } from './lazyPanels';
import { formatInteger } from '../core/format';
import { useEngineQuery } from './useEngineQuery';
import { useAtlas } from '../state/store';

// The printable checklist loads when first opened (src/ui/lazyPanels.tsx).
const FieldChecklist = onDemand(
  () => import('./checklist/FieldChecklist').then((m) => m.FieldChecklist),
  true,
);

export function TownshipTable({ countyAdcode }: { countyAdcode: string }) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const figures = useAtlas((s) => s.figures);
  const asOfYear = useAtlas((s) => s.asOfYear);
  const hasVillages = useAtlas((s) => Boolean(s.layerInfo?.sources.villages));
  const [checklist, setChecklist] = useState<ChecklistTarget | null>(null);
  // The figures are replaced whenever the loaded data change: the townships are asked again then.
  const { data: rows } = useEngineQuery(
    hasVillages ? (engine) => engine.townships(countyAdcode, asOfYear) : null,
    [countyAdcode, asOfYear, figures, hasVillages],
  );
  if (!rows || rows.length === 0) return null;
  const cell = (part: number, whole: number) =>
    whole === 0 ? '—' : `${formatInteger(part, locale)}/${formatInteger(whole, locale)}`;
  return (
    <details className="township-table" data-testid="township-table">
      <summary>{t('townshipTable', { count: rows.length })}</summary>
      <div className="scroll">
        <table className="small">
          <thead>
            <tr>
              <th>{t('township')}</th>
              <th>{t('villageCount')}</th>
              <th>{t('village.fiber')}</th>
              <th>{t('village.gigabit')}</th>
              <th>{t('village.fiveG')}</th>
              <th>{t('village.fiveGModelled')}</th>
              <th>
                <span className="visually-hidden">{t('checklist.column')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code} data-code={row.code}>
                <th scope="row" title={row.code}>
                  {row.name}
                </th>
                <td>{formatInteger(row.villages, locale)}</td>
                <td>{cell(row.fiber, row.fiberKnown)}</td>
                <td>{cell(row.gigabit, row.gigabitKnown)}</td>
                <td className={row.fiveG > 0 ? 'meets' : 'short'}>{cell(row.fiveG, row.fiveGKnown)}</td>
                <td>{cell(row.modelled5g, row.withPosition)}</td>
                <td>
                  <button
                    className="link checklist-open"
                    aria-label={t('checklist.printTownship', { name: row.name })}
                    onClick={() => setChecklist({ countyAdcode, township: row.code, townshipName: row.name })}
                  >
                    {t('checklist.rowButton')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button onClick={() => setChecklist({ countyAdcode, township: null, townshipName: null })}>
        {t('checklist.printAll', { count: rows.length })}
      </button>
      {checklist && <FieldChecklist target={checklist} onClose={() => setChecklist(null)} />}
    </details>
  );
}
