// The printable field checklist of one township or of every township of a county: a full-screen
// overlay with "print / save as PDF" (the browser's print, laid out by checklist.css on A4
// portrait pages), "download XLSX" (the same rows, the per-layer sources first) and close. Esc
// closes it and the focus goes back where it was.
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { checklistTable } from '../../core/export/fieldChecklist';
import { useAtlas } from '../../state/store';
import { downloadTable } from '../downloadTable';
import { ChecklistSection, type SectionContext } from './ChecklistSection';
import { useChecklist, useLayerSources } from './useChecklist';
import { checklistColumns, checkWords } from './words';
import './checklist.css';

export interface ChecklistTarget {
  countyAdcode: string;
  /** A township's 9-digit code, or null for all townships of the county. */
  township: string | null;
  /** The township's name (or null for all). */
  townshipName: string | null;
}

export function FieldChecklist({ target, onClose }: { target: ChecklistTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const county = useAtlas((s) => s.areas.get(target.countyAdcode));
  const { data, error, loading, hasVillages, asOfYear } = useChecklist(target.countyAdcode, target.township);
  const sources = useLayerSources();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const countyName = county?.name ?? target.countyAdcode;
  const title = t('checklist.title', {
    township: target.townshipName ?? t('checklist.allTownships', { county: countyName }),
  });

  useEffect(() => {
    // The app behind the overlay takes no focus or clicks while it is open.
    const opener = document.activeElement as HTMLElement | null;
    const app = document.getElementById('root');
    app?.setAttribute('inert', '');
    dialog.current?.focus();
    return () => {
      app?.removeAttribute('inert');
      opener?.focus();
    };
  }, []);

  const printDate = useMemo(
    () =>
      new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', { dateStyle: 'long' }).format(
        new Date(),
      ),
    [locale],
  );
  const words = useMemo(() => checkWords(t), [t]);
  const context: SectionContext | null = data && {
    countyName,
    prefectureName: county?.prefectureName ?? '',
    asOfYear,
    printDate,
    sources: sources.text,
    sample: sources.sample,
    outline: data.outline,
    words,
  };

  async function downloadXlsx() {
    if (!data) return;
    setDownloadError(null);
    const notes = [
      t('checklist.sources', { sources: sources.text }),
      title,
      t('checklist.asOf', { year: asOfYear, date: printDate }),
    ];
    const name = target.townshipName ? `${countyName}_${target.townshipName}` : countyName;
    try {
      await downloadTable(
        checklistTable(data.townships, checklistColumns(t), words),
        notes,
        t('checklist.fileName', { name }),
        'xlsx',
      );
    } catch (e) {
      setDownloadError(t('checklist.error', { message: String(e) }));
    }
  }

  return createPortal(
    <div
      className="checklist-overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="checklist-title"
      tabIndex={-1}
      ref={dialog}
      data-testid="field-checklist"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="checklist-toolbar">
        <h2 id="checklist-title">{title}</h2>
        <button onClick={() => window.print()} disabled={!data}>
          {t('checklist.printPdf')}
        </button>
        <button onClick={() => void downloadXlsx()} disabled={!data}>
          {t('checklist.downloadXlsx')}
        </button>
        <button onClick={onClose}>{t('checklist.close')}</button>
      </div>
      <div className="checklist-pages" aria-busy={loading}>
        {!hasVillages && <p className="checklist-status">{t('checklist.noVillages')}</p>}
        {hasVillages && loading && !data && <p className="checklist-status">{t('checklist.loading')}</p>}
        {(error || downloadError) && (
          <p className="checklist-status error" role="alert">
            {downloadError ?? t('checklist.error', { message: String(error) })}
          </p>
        )}
        {context &&
          data?.townships.map((township) => (
            <ChecklistSection key={township.code} township={township} context={context} />
          ))}
      </div>
    </div>,
    document.body,
  );
}
