// The year the whole app shows (map, choropleth, summaries, scorecard): a slider over the plan's
// years and a play button that steps through the build-out once a second.
import { PLAN_FIRST_YEAR as FIRST_YEAR, PLAN_LAST_YEAR as LAST_YEAR, yearsBetween } from '../core/planYears';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAtlas } from '../state/store';

const STEP_MS = 1000;

export function TimeSlider() {
  const { t } = useTranslation();
  const year = useAtlas((s) => s.asOfYear);
  const setYear = useAtlas((s) => s.setAsOfYear);
  const hasData = useAtlas((s) => s.figures.size > 0);
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const current = useAtlas.getState().asOfYear;
      if (current >= LAST_YEAR) setPlaying(false);
      else setYear(current + 1);
    }, STEP_MS);
    return () => clearInterval(timer);
  }, [playing, setYear]);

  if (!hasData) return null;
  const play = () => {
    if (year >= LAST_YEAR) setYear(FIRST_YEAR);
    setPlaying(true);
  };
  return (
    <div className="time-slider" data-testid="time-slider">
      <button
        onClick={playing ? () => setPlaying(false) : play}
        aria-label={playing ? t('time.pause') : t('time.play')}
        data-testid="year-play"
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <label htmlFor="year-slider">{t('time.asOf')}</label>
      <input
        id="year-slider"
        data-testid="year-slider"
        type="range"
        min={FIRST_YEAR}
        max={LAST_YEAR}
        step={1}
        value={year}
        aria-valuetext={t('asOfYearEnd', { year })}
        onChange={(e) => {
          performance.mark('year-input');
          setPlaying(false);
          setYear(Number(e.target.value));
        }}
        list="year-ticks"
      />
      <datalist id="year-ticks">
        {yearsBetween(FIRST_YEAR, LAST_YEAR).map((year) => (
          <option key={year} value={year} />
        ))}
      </datalist>
      <output htmlFor="year-slider" data-testid="year-value">
        {t('asOfYearEnd', { year })}
      </output>
    </div>
  );
}
