// UI strings of one feature (see ../i18n.ts): Simplified Chinese first, English with the same keys.
// The site suggester's choice of targets: reported uncovered, modelled uncovered, or either.
export const zh = {
  'suggestTargets.legend': '目标',
  'suggestTargets.basis.either': '上报未覆盖或模型未覆盖',
  'suggestTargets.basis.reported': '上报未覆盖',
  'suggestTargets.basis.modelled': '模型未覆盖',
  'suggestTargets.hint.either': '上报“未通 5G”的，和覆盖模型未覆盖的，都是目标。',
  'suggestTargets.hint.reported': '只以上报“未通 5G”的为目标；状态未知的不算。',
  'suggestTargets.hint.modelled': '只以覆盖模型未覆盖的为目标，不看上报状态。',
  'suggestTargets.scope': '范围：{{name}} · {{year}} 年底的村级单位、安置点和 4A/5A 景区。',
  'suggestTargets.result': '目标：{{basis}}，共 {{count}} 个',
  'suggestTargets.breakdown': '其中上报未覆盖 {{reported}} 个，模型未覆盖 {{modelled}} 个（两者可重叠）。',
  'suggestTargets.places': '范围内地点（有坐标）',
  'suggestTargets.notAimed.either': '非目标（模型已覆盖，且未上报未通）',
  'suggestTargets.notAimed.reported': '非目标（上报已通或未知）',
  'suggestTargets.notAimed.modelled': '已覆盖（模型）',
  'suggestTargets.aimed': '目标',
  'suggestTargets.mapLegend': '地图上：橙红色圈为目标，紫色圈为新站可覆盖的目标。',
  'suggestTargets.fewerHint': '目标只含{{basis}}；选“上报未覆盖或模型未覆盖”可纳入更多地点。',
} satisfies Record<string, string>;

export const en: typeof zh = {
  'suggestTargets.legend': 'Targets',
  'suggestTargets.basis.either': 'reported or modelled uncovered',
  'suggestTargets.basis.reported': 'reported uncovered',
  'suggestTargets.basis.modelled': 'modelled uncovered',
  'suggestTargets.hint.either': 'Places reported without 5G and places the coverage model leaves uncovered.',
  'suggestTargets.hint.reported': 'Only places reported without 5G; an unknown status does not count.',
  'suggestTargets.hint.modelled': 'Only places the coverage model leaves uncovered, whatever was reported.',
  'suggestTargets.scope':
    'Scope: {{name}} · villages, relocation sites and 4A/5A scenic areas at the end of {{year}}.',
  'suggestTargets.result': 'Targets: {{basis}}, {{count}} in all',
  'suggestTargets.breakdown':
    'Of them, {{reported}} reported uncovered and {{modelled}} modelled uncovered (the two overlap).',
  'suggestTargets.places': 'Places in scope (with coordinates)',
  'suggestTargets.notAimed.either': 'Not targets (modelled covered, not reported without 5G)',
  'suggestTargets.notAimed.reported': 'Not targets (reported with 5G, or unknown)',
  'suggestTargets.notAimed.modelled': 'Covered (modelled)',
  'suggestTargets.aimed': 'Targets',
  'suggestTargets.mapLegend':
    'On the map: vermilion rings are targets, violet rings the targets the new sites would cover.',
  'suggestTargets.fewerHint':
    'The targets are only the {{basis}} ones; choose “reported or modelled uncovered” to include more places.',
};
