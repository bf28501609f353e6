// The dialog of the header's 导出地图 button (ExportMapButton.tsx loads it when first opened): page
// size, editable title and subtitle, the extent (the selected area or the province fitted whole, by
// default; or the view as seen), whether exact station positions are drawn (off by default: issue
// 7), then PNG or PDF at full resolution.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageSizeId } from '../core/export/pageLayout';
import { useExportContent } from './useExportContent';
import type { ExportExtent } from './exportMapFile';

const SIZES: readonly PageSizeId[] = ['slide', 'a4', 'a3'];
const EXTENTS: readonly ExportExtent[] = ['region', 'view'];

type Status =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; text: string; note?: string }
  | { kind: 'error'; text: string };

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const defaults = useExportContent();
  const [title, setTitle] = useState(defaults.title);
  const [subtitle, setSubtitle] = useState(defaults.subtitle);
  const [size, setSize] = useState<PageSizeId>('slide');
  const [extent, setExtent] = useState<ExportExtent>('region');
  const [exactStations, setExactStations] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const working = status.kind === 'working';

  const run = async (format: 'png' | 'pdf') => {
    setStatus({ kind: 'working' });
    try {
      // The renderer, composer and PDF writer load on first export, not with the page.
      const { exportMapFile } = await import('./exportMapFile');
      const result = await exportMapFile({
        size,
        format,
        extent,
        exactStations,
        content: { ...defaults, title: title.trim(), subtitle: subtitle.trim() },
      });
      setStatus({
        kind: 'done',
        text: t('export.done', { file: result.fileName, seconds: result.seconds.toFixed(1) }),
        note: result.lowered
          ? t('export.lowered', {
              limit: result.lowered.limitPx,
              percent: `${Math.round(result.lowered.share * 100)}%`,
            })
          : undefined,
      });
    } catch (e) {
      setStatus({ kind: 'error', text: t('export.failed', { message: (e as Error).message }) });
    }
  };

  return (
    <div
      className="dialog-backdrop export-backdrop"
      onKeyDown={(e) => e.key === 'Escape' && !working && onClose()}
    >
      <form
        className="dialog export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-heading"
        aria-busy={working}
        onSubmit={(e) => e.preventDefault()}
      >
        <h2 id="export-heading">{t('export.heading')}</h2>
        <label htmlFor="export-title">{t('export.mapTitle')}</label>
        <input id="export-title" value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
        <label htmlFor="export-subtitle">{t('export.mapSubtitle')}</label>
        <input id="export-subtitle" value={subtitle} onChange={(e) => setSubtitle(e.target.value)} />
        <fieldset>
          <legend>{t('export.size')}</legend>
          {SIZES.map((id) => (
            <label key={id} className="check">
              <input
                type="radio"
                name="export-size"
                value={id}
                checked={size === id}
                onChange={() => setSize(id)}
              />
              {t(`export.size.${id}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('mapExport.extent')}</legend>
          {EXTENTS.map((id) => (
            <label key={id} className="check">
              <input
                type="radio"
                name="export-extent"
                value={id}
                checked={extent === id}
                onChange={() => setExtent(id)}
              />
              {t(`mapExport.extent.${id}`)}
            </label>
          ))}
        </fieldset>
        <label className="check">
          <input
            type="checkbox"
            checked={exactStations}
            onChange={(e) => setExactStations(e.target.checked)}
          />
          {t('export.exactStations')}
        </label>
        <p className="muted small">{t('export.exactStationsNote')}</p>
        {defaults.notice && <p className="note">{t('export.sampleWarning')}</p>}
        <p role="status" className="small">
          {working && t('export.working')}
          {status.kind === 'done' && status.text}
          {status.kind === 'done' && status.note && (
            <>
              <br />
              <span className="note">{status.note}</span>
            </>
          )}
        </p>
        {status.kind === 'error' && (
          <p className="error" role="alert">
            {status.text}
          </p>
        )}
        <div className="row">
          <button type="button" onClick={() => void run('png')} disabled={working}>
            {t('export.png')}
          </button>
          <button type="button" onClick={() => void run('pdf')} disabled={working}>
            {t('export.pdf')}
          </button>
          <button type="button" onClick={onClose} disabled={working}>
            {t('close')}
          </button>
        </div>
      </form>
    </div>
  );
}
