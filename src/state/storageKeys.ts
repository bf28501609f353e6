// Every key the app keeps in localStorage, in one place: "reset settings" removes them all.
export const STORAGE_KEYS = {
  settings: 'gca.settings',
  layerSources: 'gca.layerSources',
  editAuthor: 'gca.editAuthor',
} as const;
