// The windowed list of changed places that both compare tools show: kind, name, county and what
// changed; a click on a place with a position (or its name's button, for the keyboard) flies the map to it.
import { useTranslation } from 'react-i18next';
import type { ChangeRow } from '../../core/planning/changes';
import { focusPoint } from '../../state/mapIntents';
import { useRowWindow } from '../useRowWindow';

const ROW_HEIGHT_PX = 26;

export function ChangeList({ rows, describe }: { rows: ChangeRow[]; describe: (row: ChangeRow) => string }) {
  const { t } = useTranslation();
  const rowWindow = useRowWindow(rows.length, ROW_HEIGHT_PX);
  return (
    <div
      className="compare-list"
      ref={rowWindow.scroller}
      onScroll={rowWindow.onScroll}
      tabIndex={0}
      role="region"
      aria-label={t('compare.listLabel')}
    >
      <table className="small">
        <tbody>
          {rowWindow.padTopPx > 0 && <tr style={{ height: rowWindow.padTopPx }} />}
          {rows.slice(rowWindow.start, rowWindow.end).map((row, k) => (
            // Two places may share a name (relocation sites): the position keeps keys apart.
            <tr
              key={`${row.kind}:${row.id}:${rowWindow.start + k}`}
              data-id={row.id}
              onClick={() => focusPoint(row.lon, row.lat, 12)}
            >
              <td>{t(`compare.kind.${row.kind}`)}</td>
              <td>
                {Number.isFinite(row.lon) ? (
                  <button type="button" className="link">
                    {row.name}
                  </button>
                ) : (
                  row.name
                )}
              </td>
              <td className="muted">{row.countyName}</td>
              <td>{describe(row)}</td>
            </tr>
          ))}
          {rowWindow.padBottomPx > 0 && <tr style={{ height: rowWindow.padBottomPx }} />}
        </tbody>
      </table>
    </div>
  );
}
