// The point inspector: a card over the map with everything the loaded data hold of one station,
// village, relocation site or scenic area (src/state/inspect.ts asks the engine), in words, with
// where the data come from. It sizes itself to its container, so it works beside the side panel
// and on a phone above the bottom sheet (inspector.css).
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '../core/layers/inspect';
import type { SearchHit } from '../core/search/searchIndex';
import { mapHandle } from '../map/handle';
import { closeInspector, useInspect } from '../state/inspect';
import { focusPoint } from '../state/mapIntents';
import { InspectFields, InspectStatuses, Row } from './InspectFields';
import { RowTracking } from './RowTracking';
import './inspector.css';

export function Inspector() {
  const { t } = useTranslation();
  const titleId = useId();
  const target = useInspect((s) => s.target);
  const status = useInspect((s) => s.status);
  const inspection = useInspect((s) => s.inspection);
  const rowsWithCode = useInspect((s) => s.rowsWithCode);
  const together = useInspect((s) => s.together);
  const card = useRef<HTMLElement>(null);
  useEffect(() => revealUnderCard(card.current, inspection), [inspection]);
  if (!target) return null;
  const layer = inspection?.layer ?? (target.kind === 'row' ? target.layer : 'villages');
  const hit = target.kind === 'village' ? target.hit : null;
  const message =
    status === 'notInLayer' && hit
      ? t('inspect.notInLayer', { code: hit.code })
      : status === 'loading' && !inspection
        ? t('inspect.loading')
        : status === 'gone' || status === 'error' || status === 'notLoaded'
          ? t(`inspect.${status}`)
          : null;
  return (
    <section
      ref={card}
      className="inspector"
      aria-labelledby={titleId}
      data-testid="inspector"
      data-layer={layer}
      data-status={status}
    >
      <div className="inspector-head">
        <div className="inspector-heading">
          <span className="inspector-kind">{t(`inspect.kind.${layer}`)}</span>
          <h2 id={titleId} data-testid="inspector-name" lang="zh-CN">
            {inspection ? titleOf(inspection, t) : (hit?.name ?? t('inspect.title'))}
          </h2>
        </div>
        <button className="inspector-close" onClick={closeInspector} aria-label={t('inspect.close')}>
          ×
        </button>
      </div>
      <div className="inspector-body">
        {message && (
          <p className="inspector-message" role="status">
            {message}
          </p>
        )}
        {inspection ? (
          <>
            {rowsWithCode > 1 && (
              <p className="muted small">{t('inspect.duplicates', { count: rowsWithCode })}</p>
            )}
            {together > 1 && <p className="muted small">{t('inspect.together', { count: together })}</p>}
            <InspectFields inspection={inspection} />
            <InspectStatuses inspection={inspection} />
            {inspection.layer !== 'stations' && <RowTracking layer={inspection.layer} row={inspection.row} />}
          </>
        ) : (
          hit && status !== 'loading' && <SearchedVillage hit={hit} />
        )}
      </div>
    </section>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

/**
 * A point the card itself covers (on a phone the card spans the map's top) moves to the map's
 * centre, which the card never covers in either layout; the zoom stays.
 */
function revealUnderCard(card: HTMLElement | null, inspection: Inspection | null): void {
  const map = mapHandle()?.map;
  if (!card || !map || inspection?.lon == null || inspection.lat == null) return;
  const box = card.getBoundingClientRect(),
    frame = map.getContainer().getBoundingClientRect();
  const at = map.project([inspection.lon, inspection.lat]);
  const [x, y] = [frame.left + at.x, frame.top + at.y];
  const margin = 16;
  if (x > box.left - margin && x < box.right + margin && y > box.top - margin && y < box.bottom + margin)
    focusPoint(inspection.lon, inspection.lat, 0);
}

function titleOf(inspection: Inspection, t: T): string {
  if (inspection.name) return inspection.name;
  const { station } = inspection;
  if (station)
    return t('inspect.unnamedStation', {
      operator: station.operator ?? t('inspect.unknown'),
      technology: station.technology,
    });
  return inspection.code || t('inspect.title');
}

/** What the search knows of a village the loaded data lack: its code and the divisions above it. */
function SearchedVillage({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  return (
    <dl className="inspector-fields">
      <Row label={t('inspect.villageCode')} field="code">
        {hit.code}
      </Row>
      <Row label={t('inspect.township')} field="township">
        {hit.townshipName}
      </Row>
      <Row label={t('inspect.county')} field="county">
        {hit.countyName}
      </Row>
      <Row label={t('inspect.prefecture')} field="prefecture">
        {hit.prefectureName}
      </Row>
    </dl>
  );
}
