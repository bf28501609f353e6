// UI strings of one feature (see ../i18n.ts): Simplified Chinese first, English with the same keys.
// The import's datum choice and the notice that the imported dataset is now on its layer.
export const zh = {
  'importFlow.datumChoose': '请选择…',
  'importFlow.datumRequired':
    '请选择坐标系：文件没有说明。坐标本身无法区分 WGS84 与 GCJ-02（在贵州相差约 500 米），选错会让每个点都偏移。高德、腾讯导出的坐标是 GCJ-02，百度的是 BD-09，GPS 和天地图是 WGS84。',
  'importFlow.datumBlocked': '选择坐标系后才能检查和导入。',
  'importFlow.datumStated.column-name': '文件的坐标列名“{{evidence}}”表明是 {{datum}}，已预选。',
  'importFlow.datumStated.file-name': '文件名“{{evidence}}”表明是 {{datum}}，已预选。',
  'importFlow.datumStated.crs': '文件的 .prj 坐标系“{{evidence}}”表明是 {{datum}}，已预选。',
  'importFlow.datumStated.format': 'KML 格式规定坐标为 WGS84，已预选。',
  'importFlow.datumPicked': '已手动选择。',
  'importFlow.datumOverridden': '文件表明是 {{stated}}，已手动改为 {{datum}}。',
  'importFlow.datumNotNeeded': '未选经纬度列，无需坐标系。',
  'importFlow.datumSummary': '坐标系：{{datum}}',
  'importFlow.switching': '正在把图层切换到这个数据集…',
  'importFlow.switched': '“{{layer}}”图层现在显示 {{name}}。',
  'importFlow.undone': '已撤销：“{{layer}}”图层恢复显示 {{previous}}。',
  'importFlow.undo': '撤销',
  'importFlow.dismiss': '隐藏提示',
  'importFlow.noLayer': '这类数据（普通点位）不对应地图图层，可在数据列表中导出。',
  'importFlow.previousNone': '无数据',
} satisfies Record<string, string>;

export const en: typeof zh = {
  'importFlow.datumChoose': 'Choose…',
  'importFlow.datumRequired':
    'Choose the datum: the file does not say. Coordinates alone cannot tell WGS84 from GCJ-02 (about 500 m apart in Guizhou), and the wrong one shifts every point. AMap and Tencent export GCJ-02, Baidu BD-09, GPS and Tianditu WGS84.',
  'importFlow.datumBlocked': 'Choose a datum to check and import the rows.',
  'importFlow.datumStated.column-name':
    'The coordinate column “{{evidence}}” says {{datum}}: chosen for you.',
  'importFlow.datumStated.file-name': 'The file name “{{evidence}}” says {{datum}}: chosen for you.',
  'importFlow.datumStated.crs': 'The .prj system “{{evidence}}” says {{datum}}: chosen for you.',
  'importFlow.datumStated.format': 'KML coordinates are WGS84 by definition: chosen for you.',
  'importFlow.datumPicked': 'Chosen by you.',
  'importFlow.datumOverridden': 'The file says {{stated}}; you changed it to {{datum}}.',
  'importFlow.datumNotNeeded': 'No longitude/latitude columns: no datum needed.',
  'importFlow.datumSummary': 'Datum: {{datum}}',
  'importFlow.switching': 'Switching the layer to this dataset…',
  'importFlow.switched': 'The {{layer}} layer now shows {{name}}.',
  'importFlow.undone': 'Undone: the {{layer}} layer shows {{previous}} again.',
  'importFlow.undo': 'Undo',
  'importFlow.dismiss': 'Dismiss',
  'importFlow.noLayer': 'Plain points feed no map layer; export them from the dataset list.',
  'importFlow.previousNone': 'no data',
};
