// The side panel's tabs below the area summary: the map's layers, the planning tools (gaps, site
// suggestions, comparisons), the plan's scorecard and the presenter's slides. The choice is kept
// while the page is open.
// Keyboard as in the ARIA tabs pattern: one tab stop, arrow keys (and Home/End) move to and show a tab.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type SideTab = 'layers' | 'planning' | 'scorecard' | 'slides';

export function SideTabs({ panels }: { panels: Record<SideTab, ReactNode> }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<SideTab>('layers');
  const tabs = Object.keys(panels) as SideTab[];
  const show = (id: SideTab) => {
    setTab(id);
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
            onClick={() => setTab(id)}
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
          {panels[id]}
        </div>
      ))}
    </div>
  );
}
