// UI strings of one feature (see ../i18n.ts): Simplified Chinese first, English with the same keys.
// The phone's bottom sheet, the "load the sample first" card and the map's layer status.
export const zh = {
  'phone.sheetExpand': '展开面板',
  'phone.sheetCollapse': '收起面板',
  'phone.sheetSizes': '面板高度',
  'phone.sheet.collapsed': '收起',
  'phone.sheet.half': '半屏',
  'phone.sheet.full': '全屏',
  'phone.noSelection': '点选地图上的县（市、区）',
  'phone.startTitle': '开始使用',
  'phone.startHint': '还没有数据：先加载示例数据试用，或在“数据”中导入文件。',
  'phone.sampleAbove': '加载示例数据的按钮在面板顶部。',
  'phone.preparingLayers': '正在准备图层…',
} satisfies Record<string, string>;

export const en: typeof zh = {
  'phone.sheetExpand': 'Expand the panel',
  'phone.sheetCollapse': 'Collapse the panel',
  'phone.sheetSizes': 'Panel height',
  'phone.sheet.collapsed': 'Min',
  'phone.sheet.half': 'Half',
  'phone.sheet.full': 'Full',
  'phone.noSelection': 'Tap a county on the map',
  'phone.startTitle': 'Getting started',
  'phone.startHint': 'No data yet: load the sample to try the app, or import a file under “Data”.',
  'phone.sampleAbove': 'The button to load the sample is at the top of the panel.',
  'phone.preparingLayers': 'Preparing layers…',
} satisfies Record<string, string>;
