// UI strings of one feature (see ../i18n.ts): Simplified Chinese first, English with the same keys.
// The notes shown while a part of the app that is not on the first screen arrives, or when it could
// not (src/ui/lazyPanels.tsx).
export const zh = {
  'onDemand.loading': '正在载入…',
  'onDemand.failed': '这一部分未能载入（网络是否中断？）。连接恢复后请重新加载页面。',
  'onDemand.reload': '重新加载',
} satisfies Record<string, string>;

export const en: typeof zh = {
  'onDemand.loading': 'Loading…',
  'onDemand.failed':
    'This part could not be loaded (is the connection down?). Load the page again once it is back.',
  'onDemand.reload': 'Load again',
};
