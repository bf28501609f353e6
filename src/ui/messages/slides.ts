// UI strings of one feature (see ../i18n.ts): Simplified Chinese first, English with the same keys.
// Slides and presentation mode (src/ui/slides/), and what an exported map shows (ExportDialog.tsx).
export const zh = {
  'present.legend': '图例',
  'present.legendCaption': '{{metric}}（{{unit}}）',
  'present.key.cells': '约 10 km 网格内的基站（圆越大，基站越多）',
  'mapExport.extent': '范围',
  'mapExport.extent.region': '所选区域（未选时为全省），完整置于图内',
  'mapExport.extent.view': '当前视图',
} satisfies Record<string, string>;

export const en: typeof zh = {
  'present.legend': 'Legend',
  'present.legendCaption': '{{metric}} ({{unit}})',
  'present.key.cells': 'Stations per ~10 km cell (larger circle, more stations)',
  'mapExport.extent': 'Extent',
  'mapExport.extent.region': 'The selected area (the province if none), whole',
  'mapExport.extent.view': 'The current view',
};
