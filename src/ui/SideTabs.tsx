// The side panel's tabs below the area summary: the map's layers, the planning tools (gaps, site
// suggestions, comparisons), the plan's scorecard and the presenter's slides. The choice is kept
// while the page is open.
// Keyboard as in the ARIA tabs pattern: one tab stop, arrow keys (and Home/End) move to and show a tab.
// A panel is rendered from its tab's first showing on (and kept, hidden, after), so a tab never
// opened costs nothing at start; `preload` fetches a panel's code ahead when the pointer or the
// focus reaches its tab.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type SideTab = 'layers' | 'planning' | 'scorecard' | 'slides';

export function SideTabs({
  panels,
  preload = {},
}: {
  panels: Record<SideTab, ReactNode>;
  preload?: Partial<Record<SideTab, () => void>>;
}) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<SideTab>('layers');
  const [opened, setOpened] = useState<ReadonlySet<SideTab>>(() => new Set([tab]));
  const tabs = Object.keys(panels) as SideTab[];
  const select = (id: SideTab) => {
    setTab(id);
    if (!opened.has(id)) setOpened(new Set(opened).add(id));
  };
  const show = (id: SideTab) => {
    select(id);
    document.getElementById(`tab-${id}`)?.focus();
  };
  return (
    <div className="side-tabs">
      <h2 className="visually-hidden">{t('tabs')}</h2>
      <div role="tablist" aria-label={t('tabs')} className="tab-list">
        {tabs.map((id) => (
          <button
            key={id}
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => select(id)}
            onPointerEnter={preload[id]}
            onFocus={preload[id]}
            onKeyDown={(e) => {
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (step) show(tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length]);
              else if (e.key === 'Home' || e.key === 'End') {
                e.preventDefault();
                show(e.key === 'Home' ? tabs[0] : tabs[tabs.length - 1]);
              }
            }}
          >
            {t(`tab.${id}`)}
          </button>
        ))}
      </div>
      {tabs.map((id) => (
        <div key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={tab !== id}>
          {opened.has(id) && panels[id]}
        </div>
      ))}
    </div>
  );
}
