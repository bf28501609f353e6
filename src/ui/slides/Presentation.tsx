// Presentation mode: the map full screen with the side panel hidden, one slide after another.
// Keys are what presentation clickers send: → ↓ PageDown Space next, ← ↑ PageUp previous, Home/End
// first/last, Esc leaves (and the previous view comes back). Full screen is asked for, but the
// mode works without it (a refused request, or a headless browser). A compact band at the bottom
// holds the caption in type large enough for the back of a room, the slide's name, year and count
// and the buttons; the legend sits above it on the left. Both are measured and reported as the
// frame the slide's box is fitted into (state/slides.ts), so they never cover the region shown.
// Every word of the chrome is in the UI's language, whatever language the slide was made in.
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  framePresentation,
  stepPresentation,
  stopPresentation,
  usePresentation,
  useSlides,
} from '../../state/slides';
import { useAtlas } from '../../state/store';
import { SlideLegend } from './SlideLegend';
import './slides.css';

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

/** Reports the screen less the band and the legend (with a margin) as the frame to fit slides into. */
function useFrame(
  index: number,
  region: RefObject<HTMLElement | null>,
  band: RefObject<HTMLElement | null>,
  legend: RefObject<HTMLElement | null>,
) {
  useLayoutEffect(() => {
    const screenElement = region.current;
    if (!screenElement) return;
    const measure = () => {
      const screen = screenElement.getBoundingClientRect();
      const margin = Math.round(Math.max(12, screen.height * 0.025));
      const bandTop = band.current ? band.current.getBoundingClientRect().top - screen.top : screen.height;
      const legendBox =
        legend.current && !legend.current.hidden ? legend.current.getBoundingClientRect() : null;
      framePresentation({
        width: screen.width,
        height: screen.height,
        padding: {
          top: margin,
          right: margin,
          bottom: screen.height - bandTop + margin,
          left: (legendBox ? legendBox.right - screen.left : 0) + margin,
        },
      });
    };
    measure();
    const observer = new ResizeObserver(measure);
    for (const element of [screenElement, band.current, legend.current])
      if (element) observer.observe(element);
    return () => observer.disconnect();
  }, [index, region, band, legend]);
}

function PresentationView({ index }: { index: number }) {
  const { t } = useTranslation();
  const slides = useSlides((s) => s.slides);
  const year = useAtlas((s) => s.asOfYear);
  const sampleShown = useAtlas((s) =>
    Object.values(s.layerInfo?.sources ?? {}).some((source) => source?.kind === 'sample'),
  );
  const region = useRef<HTMLDivElement>(null);
  const band = useRef<HTMLDivElement>(null);
  const legend = useRef<HTMLElement>(null);
  useFrame(index, region, band, legend);

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
      aria-keyshortcuts="ArrowRight ArrowLeft PageDown PageUp Space Home End Escape"
      data-testid="presentation"
    >
      <SlideLegend ref={legend} />
      <div className="presentation-band" ref={band} data-testid="presentation-band">
        <div className="presentation-meta">
          <span className="presentation-name">{slide.name}</span>
          <span data-testid="presentation-year">{t('asOfYearEnd', { year })}</span>
          {sampleShown && <span className="badge sample">{t('sampleBadge')}</span>}
          <span className="presentation-count" data-testid="presentation-count">
            {t('present.count', { n: index + 1, total: slides.length })}
          </span>
          <div className="presentation-controls" title={t('present.keys')}>
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
            <button onClick={stopPresentation} data-testid="presentation-exit">
              {t('present.exit')}
            </button>
          </div>
        </div>
        <p className="presentation-caption" aria-live="polite" data-testid="presentation-caption">
          {slide.caption}
        </p>
      </div>
    </div>
  );
}
