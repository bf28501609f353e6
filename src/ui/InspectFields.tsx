// The inspector's sections (Inspector.tsx): the point's attributes and data source, its reported
// statuses and modelled coverage as of the year with the map's colour for each (the statuses now,
// with their edits and history, are RowTracking.tsx's).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDecimal, formatInteger, type Locale } from '../core/format';
import type { InspectStatus, Inspection } from '../core/layers/inspect';
import {
  OPERATOR_COLOURS,
  OTHER_OPERATOR_COLOUR,
  RELOCATION_COLOURS,
  scenicDistanceColour,
  VILLAGE_STATUS_COLOURS,
} from '../core/palette';
import { useAtlas } from '../state/store';

export function Row({ label, field, children }: { label: string; field: string; children: ReactNode }) {
  return (
    <div className="inspector-row" data-field={field}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const Swatch = ({ colour }: { colour: string }) => (
  <span className="inspector-swatch" style={{ background: colour }} aria-hidden="true" />
);

export function InspectFields({ inspection: p }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const unknown = t('inspect.unknown');
  const codeLabel = p.layer === 'villages' ? 'villageCode' : p.layer === 'stations' ? 'stationId' : 'code';
  return (
    <>
      <p className="inspector-source" data-field="source">
        {t('labelled', { label: t('inspect.source') })}
        {p.source.kind === 'sample' ? (
          <span className="badge sample">{t('inspect.sourceSample')}</span>
        ) : (
          <>
            <strong>{p.source.name}</strong> ·{' '}
            {t('inspect.record', { number: formatInteger(p.row + 1, locale) })}
          </>
        )}
      </p>
      <dl className="inspector-fields">
        {p.code && (
          <Row label={t(`inspect.${codeLabel}`)} field="code">
            {p.code}
          </Row>
        )}
        {p.station && (
          <>
            <Row label={t('inspect.operator')} field="operator">
              <Swatch colour={OPERATOR_COLOURS[p.station.operator ?? ''] ?? OTHER_OPERATOR_COLOUR} />
              {p.station.operator ?? unknown}
            </Row>
            <Row label={t('inspect.technology')} field="technology">
              {p.station.technology}
            </Row>
            <Row label={t('inspect.band')} field="band">
              {p.station.band ?? unknown}
            </Row>
            <Row label={t('inspect.buildYear')} field="buildYear">
              {p.station.buildYear ? t('inspect.year', { year: p.station.buildYear }) : unknown}
            </Row>
            <Row label={t('inspect.radius')} field="radius">
              {p.station.radiusMeters === null ? unknown : distanceText(p.station.radiusMeters, t, locale)}
            </Row>
          </>
        )}
        {p.level !== undefined && (
          <Row label={t('inspect.level')} field="level">
            {p.level || unknown}
            {p.graded && t('inspect.graded')}
          </Row>
        )}
        {p.population !== undefined && (
          <Row label={t('inspect.population')} field="population">
            {p.population === null
              ? unknown
              : t('inspect.persons', { count: formatInteger(p.population, locale) })}
          </Row>
        )}
        {p.township && (
          <Row label={t('inspect.township')} field="township">
            {p.township.name ?? p.township.code}
          </Row>
        )}
        <Row label={t('inspect.county')} field="county">
          {p.county?.name ?? unknown}
        </Row>
        <Row label={t('inspect.prefecture')} field="prefecture">
          {p.prefecture?.name ?? unknown}
        </Row>
        <Row label={t('inspect.coordinates')} field="coordinates">
          {p.lon === null || p.lat === null
            ? t('inspect.noPosition')
            : `${p.lon.toFixed(5)}, ${p.lat.toFixed(5)}`}
          {p.approximate && <span className="inspector-note">{t('inspect.approximate')}</span>}
        </Row>
      </dl>
    </>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

/** Metres in words: metres below a kilometre, else kilometres to one decimal. */
export function distanceText(value: number, t: T, locale: Locale): string {
  return value < 1000
    ? t('inspect.meters', { value: formatInteger(value, locale) })
    : t('inspect.kilometers', { value: formatDecimal(value / 1000, locale, 1) });
}

export function InspectStatuses({ inspection: p }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const colours = p.layer === 'villages' ? VILLAGE_STATUS_COLOURS : RELOCATION_COLOURS;
  const statusText = ({ value, sinceYear }: InspectStatus) => {
    const word = t(`inspect.value.${value}`);
    if (sinceYear === null) return word;
    const when = t(value === 'yes' ? 'inspect.since' : 'inspect.becomesYes', { year: sinceYear });
    return word + t('aside', { text: when });
  };
  const swatched = p.layer !== 'scenicAreas';
  return (
    <>
      {p.statuses.length > 0 && (
        <>
          <h3>{t('inspect.reported', { year: p.asOfYear })}</h3>
          <dl className="inspector-fields" data-testid="inspector-statuses">
            {p.statuses.map((status) => (
              <Row key={status.key} label={t(`inspect.status.${status.key}`)} field={`status-${status.key}`}>
                {swatched && <Swatch colour={colours[status.value]} />}
                {statusText(status)}
              </Row>
            ))}
          </dl>
        </>
      )}
      {(p.modelled.length > 0 || p.nearest5gMeters !== undefined) && (
        <>
          <h3>{t('inspect.modelled', { year: p.asOfYear })}</h3>
          <dl className="inspector-fields" data-testid="inspector-modelled">
            {p.modelled.map(({ technology, firstYear, coveredAsOf }) => (
              <Row key={technology} label={technology} field={`modelled-${technology}`}>
                {swatched && <Swatch colour={coveredAsOf ? colours.yes : colours.no} />}
                {firstYear === null
                  ? t('inspect.modelledNever')
                  : t(coveredAsOf ? 'inspect.modelledCovered' : 'inspect.modelledLater', { year: firstYear })}
              </Row>
            ))}
            {p.nearest5gMeters !== undefined && (
              <Row label={t('inspect.nearest5g')} field="nearest5g">
                {p.layer === 'scenicAreas' && <Swatch colour={scenicDistanceColour(p.nearest5gMeters)} />}
                {p.nearest5gMeters === null
                  ? t('inspect.noStation')
                  : distanceText(p.nearest5gMeters, t, locale)}
              </Row>
            )}
          </dl>
        </>
      )}
    </>
  );
}
