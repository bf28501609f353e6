// The checklist's words in the current language, as the pure checklist module takes them.
import type { TFunction } from 'i18next';
import type { ChecklistColumns, CheckWords, SourceWords } from '../../core/export/fieldChecklist';
import { LIST_STATUSES, type ListStatus } from '../../core/tracking/villageList';

export const checkWords = (t: TFunction): CheckWords => ({
  fields: Object.fromEntries(LIST_STATUSES.map((f) => [f, t(`checklist.field.${f}`)])) as Record<
    ListStatus,
    string
  >,
  yes: t('checklist.yes'),
  no: t('checklist.no'),
  unknown: t('checklist.unknown'),
  check: t('checklist.check'),
  reported: t('checklist.reported'),
  changed: t('checklist.changed'),
  modelledCovered: t('checklist.modelledCovered'),
  modelledNotCovered: t('checklist.modelledNotCovered'),
  disputed: t('checklist.disputed'),
  verified: t('checklist.verifiedBefore'),
  detailSeparator: t('checklist.detailSeparator'),
  checkSeparator: t('checklist.checkSeparator'),
  nothing: t('checklist.nothing'),
});

export const sourceWords = (t: TFunction): SourceWords => ({
  entry: t('checklist.sourceEntry'),
  separator: t('checklist.sourceSeparator'),
  notLoaded: t('checklist.notLoaded'),
  imported: t('checklist.imported'),
});

export const checklistColumns = (t: TFunction): ChecklistColumns => ({
  townshipCode: t('checklist.col.townshipCode'),
  township: t('checklist.col.township'),
  number: t('checklist.col.number'),
  name: t('checklist.col.name'),
  code: t('checklist.col.code'),
  lon: t('checklist.col.lon'),
  lat: t('checklist.col.lat'),
  toCheck: t('checklist.col.toCheck'),
  verified: t('checklist.col.verified'),
  wrong: t('checklist.col.wrong'),
  note: t('checklist.col.note'),
});
