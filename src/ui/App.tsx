import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAtlas } from '../state/store';
import { AreaPanel } from './AreaPanel';
import { MapView } from './MapView';
import { PrefectureList } from './PrefectureList';
import { DataPanel, SampleButton, useNothingLoaded } from './DataPanel';
import { BottomSheet } from './BottomSheet';
import { AreaName } from './AreaName';
import { LayerPanel } from './layers/LayerPanel';
import { SideTabs } from './SideTabs';
import { DropZone } from './import/DropZone';
import { SettingsDialog } from './SettingsDialog';
import { SearchBox } from './SearchBox';
import { ExportMapButton } from './ExportMapButton';
import { CopyLinkButton } from './share/CopyLinkButton';
import { LinkNotice } from './share/LinkNotice';
import { SettingsNotice } from './SettingsNotice';
import { TeamBadge } from './team/TeamBadge';
import { TeamLink } from './team/TeamLink';
import {
  ImportOnDemand,
  OnDemandParts,
  PlanningPanel,
  ScorecardPanel,
  SlidesPanel,
  TeamPanels,
} from './lazyPanels';

export function App() {
  const { t } = useTranslation();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const selected = useAtlas((s) => (s.selectedAdcode ? s.areas.get(s.selectedAdcode) : undefined));
  const locale = useAtlas((s) => s.locale);
  const setLocale = useAtlas((s) => s.setLocale);
  const online = useAtlas((s) => s.basemapUrlTemplate !== '');
  const sampleShown = useAtlas((s) => s.sample !== null);
  const theme = useAtlas((s) => s.theme);
  const nothingLoaded = useNothingLoaded();
  const settingsButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="app">
      <MapView />
      <BottomSheet
        title={t('appTitle')}
        summary={
          <>
            {selected ? <AreaName adcode={selected.adcode} name={selected.name} /> : t('phone.noSelection')}
            {sampleShown && <span className="badge sample">{t('sampleBadge')}</span>}
          </>
        }
      >
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
            <TeamLink />
            <span className={online ? 'badge online' : 'badge'}>{online ? t('online') : t('offline')}</span>
            <TeamBadge />
            {sampleShown && (
              <span className="badge sample" data-testid="sample-badge">
                {t('sampleBadge')}
              </span>
            )}
          </div>
          <SearchBox />
        </header>
        {nothingLoaded && (
          <section className="start-card" aria-labelledby="start-title" data-testid="start-card">
            <h2 id="start-title">{t('phone.startTitle')}</h2>
            <SampleButton className="primary" />
            <p className="small">{t('phone.startHint')}</p>
          </section>
        )}
        {selected ? <AreaPanel area={selected} /> : <p className="muted">{t('selectHint')}</p>}
        <SideTabs
          panels={{
            layers: (
              <>
                <LayerPanel />
                <PrefectureList />
                <DataPanel />
                <TeamPanels />
              </>
            ),
            planning: <PlanningPanel />,
            scorecard: <ScorecardPanel />,
            slides: <SlidesPanel />,
          }}
          preload={{
            planning: PlanningPanel.preload,
            scorecard: ScorecardPanel.preload,
            slides: SlidesPanel.preload,
          }}
        />
        <footer className="muted small">{t('sources')}</footer>
      </BottomSheet>
      {settingsOpen && (
        <SettingsDialog
          onClose={() => {
            setSettingsOpen(false);
            settingsButton.current?.focus();
          }}
        />
      )}
      <ImportOnDemand />
      <DropZone />
      <LinkNotice />
      <SettingsNotice />
      <OnDemandParts />
    </div>
  );
}
