// Presentation mode: the map full screen with the side panel hidden, one slide after another.
// Keys are what presentation clickers send: → ↓ PageDown Space next, ← ↑ PageUp previous, Home/End
// first/last, Esc leaves (and the previous view comes back). Full screen is asked for, but the
// mode works without it (a refused request, or a headless browser). The caption sits in a dark
// band at the bottom in type large enough for the back of a room.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { stepPresentation, stopPresentation, usePresentation, useSlides } from '../../state/slides';
import { useLayers } from '../../state/layers';
import { useAtlas } from '../../state/store';
import { METRICS } from '../../core/metrics';

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

function onKey(e: KeyboardEvent): void {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const { slides } = useSlides.getState();
  const step = NEXT.has(e.key)
    ? 1
    : PREVIOUS.has(e.key)
      ? -1
      : e.key === 'Home'
        ? -slides.length
        : e.key === 'End'
          ? slides.length
          : 0;
  if (step === 0 && e.key !== 'Escape') return;
  e.preventDefault();
  e.stopPropagation();
  if (e.key === 'Escape') stopPresentation();
  else stepPresentation(step);
}

export function Presentation() {
  const index = usePresentation((s) => s.index);
  return index === null ? null : <PresentationView index={index} />;
}

function PresentationView({ index }: { index: number }) {
  const { t } = useTranslation();
  const slides = useSlides((s) => s.slides);
  const year = useAtlas((s) => s.asOfYear);
  const sampleShown = useAtlas((s) =>
    Object.values(s.layerInfo?.sources ?? {}).some((source) => source?.kind === 'sample'),
  );
  const metric = useLayers((s) => (s.choroplethVisible ? METRICS[s.metric] : null));
  const region = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const root = document.documentElement;
    const opener = document.activeElement;
    root.classList.add('presenting');
    region.current?.focus();
    window.addEventListener('keydown', onKey, { capture: true });
    // Leaving full screen by the browser's own means (its Esc, F11) ends the presentation too.
    let wasFullscreen = false;
    const onFullscreenChange = () => {
      if (document.fullscreenElement) wasFullscreen = true;
      else if (wasFullscreen) stopPresentation();
    };
    document.addEventListener('fullscreenchange', onFullscreenChange);
    if (root.requestFullscreen && !document.fullscreenElement)
      root.requestFullscreen().catch(() => undefined);
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true });
      document.removeEventListener('fullscreenchange', onFullscreenChange);
      root.classList.remove('presenting');
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      if (opener instanceof HTMLElement) opener.focus();
    };
  }, []);

  const slide = slides[index];
  if (!slide) return null;
  return (
    <div
      className="presentation"
      ref={region}
      tabIndex={-1}
      role="region"
      aria-roledescription={t('present.label')}
      aria-label={slide.name}
      data-testid="presentation"
    >
      <div className="presentation-band">
        <div className="presentation-meta">
          <span className="presentation-name">{slide.name}</span>
          <span>{t('asOfYearEnd', { year })}</span>
          {metric && (
            <span>
              {t(`metric.${metric.id}`)}（{t(`unit.${metric.unit}`)}）
            </span>
          )}
          {sampleShown && <span className="badge sample">{t('sampleBadge')}</span>}
          <span className="presentation-count" data-testid="presentation-count">
            {t('present.count', { n: index + 1, total: slides.length })}
          </span>
        </div>
        <p className="presentation-caption" aria-live="polite" data-testid="presentation-caption">
          {slide.caption}
        </p>
      </div>
      <div className="presentation-controls">
        <button
          onClick={() => stepPresentation(-1)}
          disabled={index === 0}
          aria-label={t('present.previous')}
        >
          ←
        </button>
        <button
          onClick={() => stepPresentation(1)}
          disabled={index === slides.length - 1}
          aria-label={t('present.next')}
        >
          →
        </button>
        <button onClick={stopPresentation}>{t('present.exit')}</button>
      </div>
      <p className="presentation-keys">{t('present.keys')}</p>
    </div>
  );
}
