// The side panel's search: a combobox over the engine's search (names, adcodes, pinyin, township and
// village codes). Choosing a result is src/state/search.ts's: an area is selected and fitted, a
// township's villages fitted, a village flown to, marked and shown in the inspector.
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../core/search/searchIndex';
import { getEngine } from '../state/engine';
import { chooseSearchHit } from '../state/search';

/** Long enough to skip the keystrokes of a word typed quickly, short enough to feel immediate. */
const DEBOUNCE_MS = 150;

type Status = 'idle' | 'done' | 'error';

export function SearchBox() {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [status, setStatus] = useState<Status>('idle');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    if (!query.trim()) {
      setHits([]);
      setStatus('idle');
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      getEngine()
        .search(query)
        .then(
          (found) => {
            if (!stale) {
              setHits(found);
              setActive(found.length > 0 ? 0 : -1);
              setStatus('done');
              setOpen(true);
            }
          },
          (error: unknown) => {
            if (!stale) {
              console.warn('search failed', error);
              setStatus('error');
              setOpen(true);
            }
          },
        );
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query]);

  function choose(hit: SearchHit) {
    chooseSearchHit(hit);
    setQuery('');
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      if (hits.length > 0)
        setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (event.key === 'Enter' && open && hits[Math.max(active, 0)]) {
      event.preventDefault();
      choose(hits[Math.max(active, 0)]);
    } else if (event.key === 'Escape') {
      if (open) setOpen(false);
      else setQuery('');
    }
  }

  const listShown = open && status === 'done' && hits.length > 0 && query.trim() !== '';
  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <div className="search-box">
      <label className="visually-hidden" htmlFor={`${id}-input`}>
        {t('search.label')}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={listShown}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={listShown && active >= 0 ? optionId(active) : undefined}
        placeholder={t('search.hint')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      <ul
        className="search-results"
        id={`${id}-list`}
        role="listbox"
        aria-label={t('search.label')}
        hidden={!listShown}
      >
        {listShown &&
          hits.map((hit, i) => (
            <li
              key={`${hit.kind}-${hit.code}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              data-code={hit.code}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(hit)}
            >
              <span className={`search-kind ${hit.kind}`}>{t(`search.kind.${hit.kind}`)}</span>
              <span className="search-name">{hit.name}</span>
              <span className="muted small">{parentOf(hit)}</span>
            </li>
          ))}
      </ul>
      {open && query.trim() !== '' && status === 'done' && hits.length === 0 && (
        <p className="muted small" role="status">
          {t('search.noResults')}
        </p>
      )}
      {open && query.trim() !== '' && status === 'error' && (
        <p className="error" role="alert">
          {t('search.error')}
        </p>
      )}
    </div>
  );
}

function parentOf(hit: SearchHit): string {
  if (hit.kind === 'village') return `${hit.countyName} · ${hit.townshipName}`;
  if (hit.kind === 'township') return hit.countyName;
  return hit.kind === 'county' ? hit.prefectureName : '';
}
