// UI strings of one feature (see ../i18n.ts): Simplified Chinese first, English with the same keys.
export const zh = {} satisfies Record<string, string>;
export const en: typeof zh = {};
