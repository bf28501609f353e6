import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAtlas } from '../state/store';
import { AreaPanel } from './AreaPanel';
import { MapView } from './MapView';
import { PrefectureList } from './PrefectureList';
import { DataPanel } from './DataPanel';
import { LayerPanel } from './layers/LayerPanel';
import { SideTabs } from './SideTabs';
import { PlanningPanel } from './planning/PlanningPanel';
import { ScorecardPanel } from './scorecard/ScorecardPanel';
import { ImportDialog } from './import/ImportDialog';
import { DropZone } from './import/DropZone';
import { SettingsDialog } from './SettingsDialog';
import { SearchBox } from './SearchBox';
import { ExportMapButton } from './ExportDialog';
import { CopyLinkButton } from './share/CopyLinkButton';
import { LinkNotice } from './share/LinkNotice';
import { SettingsNotice } from './SettingsNotice';
import { SlidesPanel } from './slides/SlidesPanel';
import { Presentation } from './slides/Presentation';

export function App() {
  const { t } = useTranslation();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const selected = useAtlas((s) => (s.selectedAdcode ? s.areas.get(s.selectedAdcode) : undefined));
  const locale = useAtlas((s) => s.locale);
  const setLocale = useAtlas((s) => s.setLocale);
  const online = useAtlas((s) => s.basemapUrlTemplate !== '');
  const sampleShown = useAtlas((s) => s.sample !== null);
  const theme = useAtlas((s) => s.theme);
  const settingsButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="app">
      <MapView />
      <aside className="side-panel">
        <header>
          <h1>{t('appTitle')}</h1>
          <p className="muted">{t('appSubtitle')}</p>
          <div className="row">
            <button
              onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
              lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}
            >
              {t('language')}
            </button>
            <button ref={settingsButton} onClick={() => setSettingsOpen(true)}>
              {t('settings')}
            </button>
            <ExportMapButton />
            <CopyLinkButton />
            <span className={online ? 'badge online' : 'badge'}>{online ? t('online') : t('offline')}</span>
            {sampleShown && (
              <span className="badge sample" data-testid="sample-badge">
                {t('sampleBadge')}
              </span>
            )}
          </div>
          <SearchBox />
        </header>
        {selected ? <AreaPanel area={selected} /> : <p className="muted">{t('selectHint')}</p>}
        <SideTabs
          panels={{
            layers: (
              <>
                <LayerPanel />
                <PrefectureList />
                <DataPanel />
              </>
            ),
            planning: <PlanningPanel />,
            scorecard: <ScorecardPanel />,
            slides: <SlidesPanel />,
          }}
        />
        <footer className="muted small">{t('sources')}</footer>
      </aside>
      {settingsOpen && (
        <SettingsDialog
          onClose={() => {
            setSettingsOpen(false);
            settingsButton.current?.focus();
          }}
        />
      )}
      <ImportDialog />
      <DropZone />
      <LinkNotice />
      <SettingsNotice />
      <Presentation />
    </div>
  );
}
