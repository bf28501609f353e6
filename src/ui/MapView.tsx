// The map's place on the page: starts the atlas in its container (src/app/startup.ts) and shows the
// hover tooltip, the year slider, the "preparing layers" status and a load error. React never holds
// geometry or the map.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startAtlas } from '../app/startup';
import { mapHandle } from '../map/handle';
import { useMapIntents } from '../state/mapIntents';
import { HoverTooltip } from './HoverTooltip';
import { LoadingIndicator } from './LoadingIndicator';
import { TimeSlider } from './TimeSlider';

export function MapView() {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const hover = useMapIntents((s) => s.hover);
  const [error, setError] = useState<string | null>(null);
  const [mapPreparing, setMapPreparing] = useState(false);

  useEffect(() => {
    const stop = startAtlas(container.current!, setError);
    const unfollow = mapHandle()?.onPreparingChange(setMapPreparing);
    return () => {
      unfollow?.();
      stop();
    };
  }, []);
  useEffect(
    () =>
      mapHandle()?.setUiLabels({ map: t('map.label'), zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') }),
    [t],
  );

  return (
    <main className="map-wrap">
      <div ref={container} className="map" data-testid="map" aria-label={t('appTitle')} role="application" />
      {hover && <HoverTooltip {...hover} />}
      <TimeSlider />
      <LoadingIndicator mapPreparing={mapPreparing} />
      {error && (
        <div className="map-error" role="alert">
          {t('loadError', { message: error })}
        </div>
      )}
    </main>
  );
}
