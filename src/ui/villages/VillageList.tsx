// The village list of a prefecture, county or township: which villages lack gigabit fiber, which
// are disputed, which the sheet and the model disagree on. Filters by any status, sorts, flies to
// a village on click, opens the status editor, and exports the filtered rows (CSV with a BOM,
// XLSX) with headers in the UI's language. Docked over the lower part of the map, so the map
// stays visible while a crew's list is worked through.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { countiesInIndexOrder } from '../../core/areas';
import { villageListTable } from '../../core/export/villageList';
import { formatInteger } from '../../core/format';
import type { Flag } from '../../core/tracking/trackedRow';
import {
  LIST_STATUSES,
  TRACKING_FILTERS,
  type ListStatus,
  type SortKey,
  type TrackingFilter,
  type VillageListRow,
} from '../../core/tracking/villageList';
import { focusPoint, highlightGap } from '../../state/mapIntents';
import { useAtlas } from '../../state/store';
import { openStatusEditor, useTracking } from '../../state/tracking';
import { changeVillageList, closeVillageList, useVillageList } from '../../state/villageList';
import { downloadTable } from '../downloadTable';
import { FlagText } from '../trackingWords';
import { useEngineQuery } from '../useEngineQuery';
import { useSourceNote } from '../useLoadedData';
import { getEngine } from '../../state/engine';
import '../tracking.css';
import './villageList.css';

const PAGE = 200;
const FLAG_CHOICES: readonly Flag[] = [1, 0, 255];

export function VillageListHost() {
  const adcode = useVillageList((s) => s.adcode);
  return adcode ? <VillageList adcode={adcode} /> : null;
}

function distanceText(meters: number, t: TFunction, locale: 'zh-CN' | 'en'): string {
  if (Number.isNaN(meters)) return t('villageList.noPosition');
  if (!Number.isFinite(meters)) return t('villageList.noStation');
  return meters < 1000
    ? t('villageList.meters', { value: formatInteger(Math.round(meters), locale) })
    : t('villageList.km', { value: (meters / 1000).toFixed(1) });
}

function VillageList({ adcode }: { adcode: string }) {
  const { t } = useTranslation();
  const locale = useAtlas((s) => s.locale);
  const asOfYear = useAtlas((s) => s.asOfYear);
  const figures = useAtlas((s) => s.figures);
  const area = useAtlas((s) => s.areas.get(adcode));
  const areas = useAtlas((s) => s.areas);
  const editsVersion = useTracking((s) => s.editsVersion);
  const { township, filter, tracking, text, sort } = useVillageList();
  const [limit, setLimit] = useState(PAGE);
  const heading = useRef<HTMLHeadingElement>(null);
  const sourceNote = useSourceNote(['villages', 'stations']);
  useEffect(() => heading.current?.focus(), [adcode]);
  useEffect(() => setLimit(PAGE), [adcode, township, filter, tracking, text, sort]);

  const request = useMemo(
    () => ({
      adcode,
      township: township ?? undefined,
      asOfYear,
      filter,
      tracking: tracking ?? undefined,
      text,
      sort,
    }),
    [adcode, township, asOfYear, filter, tracking, text, sort],
  );
  // The figures change whenever the loaded data or an edit changes: the list is asked again then.
  const { data, loading } = useEngineQuery(
    (engine) => engine.villageList({ ...request, limit }),
    [request, limit, figures, editsVersion],
  );
  const countyNames = useMemo(() => {
    const counties = countiesInIndexOrder(areas.values());
    return (county: number) => counties[county]?.name ?? '';
  }, [areas]);

  const scopeTally = useMemo(() => {
    const chosen = data?.townships.filter((tw) => !township || tw.code === township) ?? [];
    return chosen.reduce(
      (sum, tw) => ({
        villages: sum.villages + tw.villages,
        edited: sum.edited + tw.edited,
        verified: sum.verified + tw.verified,
        disputed: sum.disputed + tw.disputed,
      }),
      { villages: 0, edited: 0, verified: 0, disputed: 0 },
    );
  }, [data, township]);

  const source = data?.source ?? null;
  const editable = source?.kind === 'dataset' && source.datasetId ? source : null;

  const flyTo = (row: VillageListRow) => {
    focusPoint(row.lon, row.lat, 13);
    highlightGap(Number.isFinite(row.lon) ? { lon: row.lon, lat: row.lat } : null);
  };
  const edit = (row: VillageListRow) =>
    editable &&
    openStatusEditor({
      layer: 'villages',
      datasetId: editable.datasetId!,
      datasetName: editable.name,
      rowKey: row.code || `#${row.row + 1}`,
    });

  const exportRows = async (format: 'csv' | 'xlsx') => {
    const all = await getEngine().villageList(request);
    const flags: Record<Flag, string> = { 1: t('yes'), 0: t('no'), 255: t('unknown') };
    const table = villageListTable(all.rows, {
      county: t('villageList.col.county'),
      township: t('villageList.col.township'),
      code: t('villageList.col.code'),
      name: t('villageList.col.name'),
      statuses: Object.fromEntries(LIST_STATUSES.map((s) => [s, t(`status.${s}`)])) as Record<
        ListStatus,
        string
      >,
      reported: t('villageList.suffix.reported'),
      current: t('villageList.suffix.current'),
      checked: t('villageList.suffix.checked'),
      modelled5g: t('villageList.col.modelled5g'),
      modelled4g: t('villageList.col.modelled4g'),
      nearest5g: t('villageList.col.nearest5gMeters'),
      lastChange: t('villageList.col.lastChange'),
      lon: t('villageList.col.lon'),
      lat: t('villageList.col.lat'),
      flags,
      verification: {
        verified: t('tracking.verificationState.verified'),
        disputed: t('tracking.verificationState.disputed'),
      },
      noPosition: t('villageList.noPosition'),
      noStation: t('villageList.noStation'),
      countyName: countyNames,
    });
    const notes = [
      t('villageList.exportTitle', { area: area?.name ?? adcode, year: asOfYear }),
      filterSummary,
      sourceNote,
    ].filter(Boolean);
    const townshipName = township ? data?.townships.find((tw) => tw.code === township)?.name : null;
    await downloadTable(
      table,
      notes,
      `${area?.name ?? adcode}${townshipName ? `-${townshipName}` : ''}-${t('villageList.fileName')}`,
      format,
    );
  };

  const filterParts = [
    ...Object.entries(filter).map(([key, flag]) =>
      key === 'modelled5g'
        ? `${t('villageList.col.modelled5g')} = ${flag === 1 ? t('villageList.covered') : t('villageList.notCovered')}`
        : `${t(`status.${key}`)} = ${flag === 1 ? t('yes') : flag === 0 ? t('no') : t('unknown')}`,
    ),
    tracking ? t(`villageList.tracking.${tracking}`) : '',
    text ? `“${text}”` : '',
  ].filter(Boolean);
  const filterSummary = filterParts.length
    ? t('villageList.filtered', { filters: filterParts.join('，') })
    : '';

  const sortHeader = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button
        className="link"
        onClick={() => changeVillageList({ sort: { key, descending: sort.key === key && !sort.descending } })}
      >
        {label}
        {sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );

  return (
    <section className="village-list" aria-labelledby="village-list-title" data-testid="village-list">
      <header className="village-list-head">
        <h2 id="village-list-title" ref={heading} tabIndex={-1}>
          {t('villageList.title', { area: area?.name ?? adcode })}
        </h2>
        <span className="muted small" data-testid="village-list-count" aria-live="polite">
          {data
            ? t('villageList.count', {
                shown: formatInteger(data.total, locale),
                total: formatInteger(scopeTally.villages, locale),
              })
            : t('villageList.loading')}
          {loading && data ? ` · ${t('villageList.loading')}` : ''}
        </span>
        {source?.kind === 'sample' && <span className="badge sample">{t('sampleBadge')}</span>}
        <div className="row village-list-actions">
          <button onClick={() => void exportRows('csv')} disabled={!data?.total}>
            {t('villageList.exportCsv')}
          </button>
          <button onClick={() => void exportRows('xlsx')} disabled={!data?.total}>
            {t('villageList.exportXlsx')}
          </button>
          <button onClick={closeVillageList} aria-label={t('villageList.close')}>
            ✕
          </button>
        </div>
      </header>
      {!source && data && <p className="note">{t('villageList.noVillages')}</p>}
      <div className="village-list-filters" role="group" aria-label={t('villageList.filters')}>
        <label>
          {t('villageList.col.township')}
          <select
            value={township ?? ''}
            onChange={(e) => changeVillageList({ township: e.target.value || null })}
            data-testid="village-list-township"
          >
            <option value="">{t('villageList.allTownships')}</option>
            {data?.townships.map((tw) => (
              <option key={tw.code} value={tw.code}>
                {t('villageList.townshipOption', {
                  name: tw.name,
                  villages: tw.villages,
                  verified: tw.verified,
                  disputed: tw.disputed,
                })}
              </option>
            ))}
          </select>
        </label>
        {LIST_STATUSES.map((status) => (
          <label key={status}>
            {t(`status.${status}`)}
            <select
              value={filter[status] ?? ''}
              data-testid={`village-filter-${status}`}
              onChange={(e) => {
                const next = { ...filter };
                if (e.target.value === '') delete next[status];
                else next[status] = Number(e.target.value) as Flag;
                changeVillageList({ filter: next });
              }}
            >
              <option value="">{t('villageList.any')}</option>
              {FLAG_CHOICES.map((flag) => (
                <option key={flag} value={flag}>
                  {flag === 1 ? t('yes') : flag === 0 ? t('no') : t('unknown')}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          {t('villageList.col.modelled5g')}
          <select
            value={filter.modelled5g ?? ''}
            onChange={(e) => {
              const next = { ...filter };
              if (e.target.value === '') delete next.modelled5g;
              else next.modelled5g = Number(e.target.value) as Flag;
              changeVillageList({ filter: next });
            }}
          >
            <option value="">{t('villageList.any')}</option>
            <option value={1}>{t('villageList.covered')}</option>
            <option value={0}>{t('villageList.notCovered')}</option>
          </select>
        </label>
        <label>
          {t('villageList.trackingLabel')}
          <select
            value={tracking ?? ''}
            data-testid="village-filter-tracking"
            onChange={(e) =>
              changeVillageList({ tracking: (e.target.value || null) as TrackingFilter | null })
            }
          >
            <option value="">{t('villageList.any')}</option>
            {TRACKING_FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`villageList.tracking.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('villageList.search')}
          <input
            type="search"
            value={text}
            placeholder={t('villageList.searchHint')}
            onChange={(e) => changeVillageList({ text: e.target.value })}
          />
        </label>
      </div>
      <p className="small muted village-list-tally" data-testid="village-list-tally">
        {t('villageList.tally', {
          villages: formatInteger(scopeTally.villages, locale),
          edited: formatInteger(scopeTally.edited, locale),
          verified: formatInteger(scopeTally.verified, locale),
          disputed: formatInteger(scopeTally.disputed, locale),
        })}
        {!editable && source && ` · ${t('tracking.sampleNotEditable')}`}
      </p>
      <div className="village-list-scroll">
        <table className="small" data-testid="village-table">
          <thead>
            <tr>
              {sortHeader('name', t('villageList.col.name'))}
              {sortHeader('code', t('villageList.col.code'))}
              {sortHeader('township', t('villageList.col.township'))}
              {LIST_STATUSES.map((s) => (
                <th key={s} scope="col">
                  {t(`status.${s}`)}
                </th>
              ))}
              <th scope="col">{t('villageList.col.modelled5gShort')}</th>
              {sortHeader('nearest5g', t('villageList.col.nearest5g'))}
              {sortHeader('lastChange', t('villageList.col.lastChange'))}
              <th scope="col">
                <span className="visually-hidden">{t('villageList.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data?.rows.map((row) => (
              <tr key={row.row} data-code={row.code} onClick={() => flyTo(row)}>
                <th scope="row">{row.name}</th>
                <td className="code">{row.code}</td>
                <td>{row.townshipName}</td>
                {LIST_STATUSES.map((s) => (
                  <td key={s} data-status={s}>
                    <FlagText cell={row.status[s]} />
                  </td>
                ))}
                <td>
                  {row.modelled5g === 255
                    ? '—'
                    : row.modelled5g
                      ? t('villageList.covered')
                      : t('villageList.notCovered')}
                </td>
                <td>{distanceText(row.nearest5gMeters, t, locale)}</td>
                <td>{row.lastChange || '—'}</td>
                <td>
                  <button
                    disabled={!Number.isFinite(row.lon)}
                    title={Number.isFinite(row.lon) ? undefined : t('villageList.noPosition')}
                    onClick={(e) => {
                      e.stopPropagation();
                      flyTo(row);
                    }}
                  >
                    {t('villageList.locate')}
                  </button>
                  {editable && (
                    <button
                      data-testid="village-edit"
                      onClick={(e) => {
                        e.stopPropagation();
                        edit(row);
                      }}
                    >
                      {t('villageList.edit')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {data && data.total > data.rows.length && (
          <button className="more" onClick={() => setLimit((n) => n + PAGE)}>
            {t('villageList.more', { shown: data.rows.length, total: data.total })}
          </button>
        )}
      </div>
    </section>
  );
}
