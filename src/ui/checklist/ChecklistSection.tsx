// One township of the printed checklist: its header (where the data come from, as of when, printed
// when), its map, and the numbered list with what to check, tick boxes and note lines. In print it
// starts a new page; the table's head (township, county, columns) repeats on every page it fills.
import type { MultiPolygon } from 'geojson';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { checkText, type ChecklistTownship, type CheckWords } from '../../core/export/fieldChecklist';
import { townshipMap } from '../../core/export/townshipMap';
import { TownshipMapSvg } from './TownshipMapSvg';

/** The map's drawing box: about the page's width, in SVG units. */
const MAP_BOX = { widthPx: 560, heightPx: 300, paddingPx: 30 };
const INSET_PX = 120;

export interface SectionContext {
  countyName: string;
  prefectureName: string;
  asOfYear: number;
  printDate: string;
  sources: string;
  sample: boolean;
  outline: MultiPolygon;
  words: CheckWords;
}

export function ChecklistSection({
  township,
  context,
}: {
  township: ChecklistTownship;
  context: SectionContext;
}) {
  const { t } = useTranslation();
  const { villages } = township;
  const map = useMemo(
    () => townshipMap(context.outline, villages, MAP_BOX, INSET_PX),
    [context.outline, villages],
  );
  const toCheck = villages.filter((v) => v.checks.length > 0).length;
  return (
    <section className="checklist-township" data-testid="checklist-township" data-code={township.code}>
      <header className="checklist-header">
        {context.sample && <p className="checklist-sample">{t('checklist.sampleBanner')}</p>}
        <h3>{t('checklist.title', { township: township.name })}</h3>
        <p>
          {t('checklist.place', {
            county: context.countyName,
            prefecture: context.prefectureName,
            code: township.code,
          })}
        </p>
        <p data-testid="checklist-sources">{t('checklist.sources', { sources: context.sources })}</p>
        <p>{t('checklist.asOf', { year: context.asOfYear, date: context.printDate })}</p>
        <p>{t('checklist.summary', { count: villages.length, toCheck })}</p>
      </header>
      <figure className="checklist-map">
        <TownshipMapSvg
          map={map}
          label={t('checklist.map.label', { township: township.name })}
          north={t('checklist.map.north')}
        />
        <figcaption>
          {t('checklist.map.label', { township: township.name })}
          {map.unplaced.length > 0 && (
            <>
              {' '}
              · {t('checklist.map.unplaced', { numbers: map.unplaced.join(t('checklist.listSeparator')) })}
            </>
          )}
          {' · '}
          {t('checklist.map.note')}
        </figcaption>
      </figure>
      <table className="checklist-table">
        <thead>
          <tr>
            <th colSpan={5} className="running-head">
              {t('checklist.runningHead', {
                township: township.name,
                county: context.countyName,
                year: context.asOfYear,
              })}
            </th>
          </tr>
          <tr>
            <th className="number">{t('checklist.col.number')}</th>
            <th>{t('checklist.col.village')}</th>
            <th>{t('checklist.col.toCheck')}</th>
            <th>{t('checklist.col.result')}</th>
            <th className="notes-head">{t('checklist.col.note')}</th>
          </tr>
        </thead>
        <tbody>
          {villages.map((v) => (
            <tr key={v.code} data-code={v.code} data-testid="checklist-row">
              <td className="number">{v.number}</td>
              <td>
                <strong>{v.name}</strong>
                <br />
                <span className="code">{v.code}</span>
              </td>
              <td>
                {v.checks.length > 0 ? (
                  <ul>
                    {v.checks.map((c) => (
                      <li key={c.field}>{checkText(c, context.words)}</li>
                    ))}
                  </ul>
                ) : (
                  <span className="nothing">{context.words.nothing}</span>
                )}
              </td>
              <td className="ticks">
                <span>
                  <span className="box" aria-hidden="true" /> {t('checklist.col.verified')}
                </span>
                <span>
                  <span className="box" aria-hidden="true" /> {t('checklist.col.wrong')}
                </span>
              </td>
              <td className="note-lines" aria-label={t('checklist.col.note')}>
                <span />
                <span />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
