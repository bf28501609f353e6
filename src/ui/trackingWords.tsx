// A status as people read it (是 / 否 / 未知), and marked where an edit, a field check or a dispute
// stands behind it: a small badge whose title says who recorded it and on which day.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Flag, StatusCell } from '../core/tracking/trackedRow';

export const statusWord = (t: TFunction, flag: Flag): string =>
  flag === 255 ? t('unknown') : flag === 1 ? t('yes') : t('no');

/** Why a value is marked, for its title: "王工 · 2026-11-02 · 现场核实 · note". */
function markTitle(t: TFunction, cell: StatusCell): string {
  return [cell.author || t('tracking.anonymous'), cell.date, cell.note].filter(Boolean).join(' · ');
}

export function FlagText({ cell }: { cell: StatusCell }) {
  const { t } = useTranslation();
  const mark = cell.verification ?? (cell.edited ? 'edited' : null);
  return (
    <span className={`flag flag-${cell.current}`} data-edited={cell.edited || undefined}>
      {statusWord(t, cell.current)}
      {mark && (
        <span
          className={`edit-mark edit-mark-${mark}`}
          title={`${t(`tracking.mark.${mark}`)}：${markTitle(t, cell)}`}
          data-testid="edit-mark"
        >
          {t(`tracking.markShort.${mark}`)}
        </span>
      )}
    </span>
  );
}
