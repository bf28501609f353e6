// The side panel's tabs below the area summary: the map's layers, the planning tools (gaps, site
// suggestions, comparisons) and the plan's scorecard. The choice is kept while the page is open.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type SideTab = 'layers' | 'planning' | 'scorecard';

export function SideTabs({ panels }: { panels: Record<SideTab, ReactNode> }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<SideTab>('layers');
  const tabs = Object.keys(panels) as SideTab[];
  return (
    <div className="side-tabs">
      <div role="tablist" aria-label={t('tabs')} className="tab-list">
        {tabs.map((id) => (
          <button key={id} role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls={`panel-${id}`} tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            onKeyDown={(e) => {
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (step) setTab(tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length]);
            }}>
            {t(`tab.${id}`)}
          </button>
        ))}
      </div>
      {tabs.map((id) => (
        <div key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={tab !== id}>{panels[id]}</div>
      ))}
    </div>
  );
}
