// The area a county editor is assigned: counties and whole prefectures (a prefecture's code covers
// all its counties), picked from the app's own area list, so a code is always a real division.
import { useTranslation } from 'react-i18next';
import { isAreaCode } from '../../core/team/roles';
import { useAtlas } from '../../state/store';

/** "520102 南明区", or the bare code when the area list has not loaded (or does not know it). */
export function useAreaLabel(): (code: string) => string {
  const areas = useAtlas((s) => s.areas);
  return (code) => {
    const area = areas.get(code);
    return area ? `${area.name} ${code}` : code;
  };
}

export function AreaPicker({
  id,
  value,
  onChange,
}: {
  id: string;
  value: readonly string[];
  onChange: (areas: string[]) => void;
}) {
  const { t } = useTranslation();
  const areas = useAtlas((s) => s.areas);
  const label = useAreaLabel();
  const prefectures = [...areas.values()].filter((a) => a.level === 'prefecture' && isAreaCode(a.adcode));
  return (
    <div className="team-area-picker">
      <ul className="team-areas" aria-live="polite">
        {value.length === 0 && <li className="muted small">{t('team.areaNone')}</li>}
        {value.map((code) => (
          <li key={code}>
            {label(code)}{' '}
            <button
              type="button"
              className="link"
              aria-label={t('team.removeArea', { name: label(code) })}
              onClick={() => onChange(value.filter((other) => other !== code))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <select
        id={id}
        aria-label={t('team.addArea')}
        value=""
        onChange={(e) => {
          if (e.target.value && !value.includes(e.target.value)) onChange([...value, e.target.value]);
        }}
      >
        <option value="">{t('team.addArea')}…</option>
        {prefectures.map((prefecture) => (
          <optgroup key={prefecture.adcode} label={prefecture.name}>
            <option value={prefecture.adcode}>{label(prefecture.adcode)}</option>
            {prefecture.countyAdcodes.map((code) => (
              <option key={code} value={code}>
                {'　'}
                {label(code)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
