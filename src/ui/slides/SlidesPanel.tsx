// The side panel's 幻灯片 tab: save the current view as a slide, edit names and captions, reorder,
// show one, present them all, and move them between browsers as a JSON file.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addSlide,
  exportSlides,
  importSlidesFile,
  loadSlides,
  startPresentation,
  useSlides,
} from '../../state/slides';
import { SlideItem } from './SlideItem';
import { TeamSlides } from '../team/TeamSlides';

export function SlidesPanel() {
  const { t } = useTranslation();
  const slides = useSlides((s) => s.slides);
  const message = useSlides((s) => s.message);
  useEffect(() => {
    void loadSlides();
  }, []);
  return (
    <section aria-labelledby="slides-title" data-testid="slides-panel" className="slides-panel">
      <h3 id="slides-title">{t('slides.heading')}</h3>
      <p className="muted small">{t('slides.intro')}</p>
      <div className="row">
        <button
          onClick={() => void addSlide(t('slides.defaultName', { n: slides.length + 1 }))}
          data-testid="add-slide"
        >
          {t('slides.add')}
        </button>
        <button onClick={startPresentation} disabled={slides.length === 0} data-testid="start-presentation">
          {t('present.start')}
        </button>
      </div>
      {slides.length === 0 ? (
        <p className="muted small">{t('slides.empty')}</p>
      ) : (
        <>
          <ol className="slides" aria-label={t('slides.list')}>
            {slides.map((slide, index) => (
              <SlideItem key={slide.id} slide={slide} index={index} count={slides.length} />
            ))}
          </ol>
          <p className="muted small">{t('slides.reorderHint')}</p>
        </>
      )}
      <div className="row">
        <button onClick={exportSlides} disabled={slides.length === 0} data-testid="export-slides">
          {t('slides.export')}
        </button>
        <label className="button">
          {t('slides.import')}
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            data-testid="import-slides"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importSlidesFile(file);
            }}
          />
        </label>
      </div>
      {message && (
        <p
          className={message.error ? 'error' : 'saved'}
          role={message.error ? 'alert' : 'status'}
          data-testid="slides-message"
        >
          {t(message.key, message.values)}
        </p>
      )}
      <TeamSlides />
    </section>
  );
}
