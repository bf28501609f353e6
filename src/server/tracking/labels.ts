// The words people read in what tracking sends them: CSV headers of a village's history and of the
// audit log, status and action names, values, and the note written on an accepted conflict.
// Simplified Chinese first, English with the same keys (the browser's tracking messages use the
// same words).
//
// Rules relied on:
// - An export never shows internal names (row_key, status.set, true): every header and code has a
//   label here, checked complete by `satisfies Record<…>`. An action another part of the server
//   writes that has no label yet is shown as it is rather than dropped.
import type { EditKind, EditSource, StatusField } from '../../core/tracking/edits';

export type Locale = 'zh-CN' | 'en';
type Labels<Key extends string> = Record<Locale, Record<Key, string>>;

export const FIELD_LABELS = {
  'zh-CN': { fiber: '光纤', gigabit: '千兆光网', '4g': '4G', '5g': '5G', covered: '5G 覆盖' },
  en: { fiber: 'Fiber', gigabit: 'Gigabit fiber', '4g': '4G', '5g': '5G', covered: '5G coverage' },
} satisfies Labels<StatusField>;

export const KIND_LABELS = {
  'zh-CN': { set: '修改状态', verify: '现场核实', dispute: '标记存疑' },
  en: { set: 'Change status', verify: 'Verified in the field', dispute: 'Dispute' },
} satisfies Labels<EditKind>;

export const SOURCE_LABELS = {
  'zh-CN': { desk: '办公室', field: '现场' },
  en: { desk: 'Office', field: 'Field' },
} satisfies Labels<EditSource>;

export const CONFLICT_STATUS_LABELS = {
  'zh-CN': { applied: '已生效', open: '待审（冲突）', accepted: '冲突已采纳', rejected: '冲突已驳回' },
  en: {
    applied: 'Applied',
    open: 'In review (conflict)',
    accepted: 'Conflict accepted',
    rejected: 'Conflict rejected',
  },
} satisfies Labels<'applied' | 'open' | 'accepted' | 'rejected'>;

export const AUDIT_ACTIONS = [
  'status.set',
  'status.verify',
  'status.dispute',
  'status.rejected',
  'status.conflict',
  'conflict.accept',
  'conflict.reject',
  'login',
  'login.failed',
  'logout',
  'user.create',
  'user.update',
  'user.password-reset',
  'user.password-change',
  'dataset.upload',
  'view.create',
  'view.update',
  'view.delete',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const ACTION_LABELS = {
  'zh-CN': {
    'status.set': '修改状态',
    'status.verify': '现场核实',
    'status.dispute': '标记存疑',
    'status.rejected': '修改被拒绝',
    'status.conflict': '修改冲突（转入待审）',
    'conflict.accept': '采纳冲突修改',
    'conflict.reject': '驳回冲突修改',
    login: '登录',
    'login.failed': '登录失败',
    logout: '退出登录',
    'user.create': '创建账号',
    'user.update': '修改账号',
    'user.password-reset': '重置密码',
    'user.password-change': '修改密码',
    'dataset.upload': '上传数据',
    'view.create': '保存共享视图',
    'view.update': '修改共享视图',
    'view.delete': '删除共享视图',
  },
  en: {
    'status.set': 'Status changed',
    'status.verify': 'Verified in the field',
    'status.dispute': 'Disputed',
    'status.rejected': 'Change refused',
    'status.conflict': 'Conflicting change (sent to review)',
    'conflict.accept': 'Conflict accepted',
    'conflict.reject': 'Conflict rejected',
    login: 'Signed in',
    'login.failed': 'Sign-in failed',
    logout: 'Signed out',
    'user.create': 'Account created',
    'user.update': 'Account changed',
    'user.password-reset': 'Password reset',
    'user.password-change': 'Password changed',
    'dataset.upload': 'Dataset uploaded',
    'view.create': 'Shared view saved',
    'view.update': 'Shared view changed',
    'view.delete': 'Shared view deleted',
  },
} satisfies Labels<AuditAction>;

export const HISTORY_COLUMNS = [
  'recordedAt',
  'date',
  'rowKey',
  'rowName',
  'field',
  'kind',
  'value',
  'note',
  'author',
  'source',
  'outcome',
  'version',
  'mutationId',
] as const;

export const AUDIT_COLUMNS = [
  'at',
  'user',
  'action',
  'datasetId',
  'rowKey',
  'field',
  'oldValue',
  'newValue',
  'note',
  'source',
  'mutationId',
] as const;

type Column = (typeof HISTORY_COLUMNS)[number] | (typeof AUDIT_COLUMNS)[number];

export const COLUMN_LABELS = {
  'zh-CN': {
    recordedAt: '记录时间',
    date: '日期',
    rowKey: '代码',
    rowName: '名称',
    field: '状态项',
    kind: '操作',
    value: '值',
    note: '备注',
    author: '记录人',
    source: '来源',
    outcome: '结果',
    version: '版本',
    mutationId: '修改编号',
    at: '时间',
    user: '用户',
    action: '动作',
    datasetId: '数据集',
    oldValue: '原值',
    newValue: '新值',
  },
  en: {
    recordedAt: 'Recorded at',
    date: 'Date',
    rowKey: 'Code',
    rowName: 'Name',
    field: 'Status',
    kind: 'Action',
    value: 'Value',
    note: 'Note',
    author: 'Recorded by',
    source: 'Source',
    outcome: 'Outcome',
    version: 'Version',
    mutationId: 'Change id',
    at: 'Time',
    user: 'User',
    action: 'Event',
    datasetId: 'Dataset',
    oldValue: 'Old value',
    newValue: 'New value',
  },
} satisfies Labels<Column>;

const VALUE_LABELS = {
  'zh-CN': { yes: '是', no: '否', unknown: '未知' },
  en: { yes: 'yes', no: 'no', unknown: 'unknown' },
} satisfies Labels<'yes' | 'no' | 'unknown'>;

/** A status value as a person reads it; '' for "nothing recorded" (no previous edit). */
export function valueLabel(value: unknown, locale: Locale): string {
  if (value === undefined) return '';
  if (value === true) return VALUE_LABELS[locale].yes;
  if (value === false) return VALUE_LABELS[locale].no;
  if (value === null) return VALUE_LABELS[locale].unknown;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const hasKey = <Key extends string>(labels: Record<Key, string>, key: string): key is Key =>
  Object.prototype.hasOwnProperty.call(labels, key);

/** The label of a field, kind, source or action, or the text itself when it has none. */
export function labelOf<Key extends string>(labels: Labels<Key>, locale: Locale, key: string): string {
  const table = labels[locale];
  return hasKey(table, key) ? table[key] : key;
}

/** The note on the edit an accepted conflict becomes: who proposed it, with which change id. */
export function acceptedNote(
  locale: Locale,
  proposal: { author: string; mutationId: string; note: string },
  resolutionNote: string,
): string {
  const parts =
    locale === 'en'
      ? [
          `Accepted conflicting change by ${proposal.author} (change id ${proposal.mutationId}).`,
          proposal.note && `Their note: ${proposal.note}`,
          resolutionNote && `Review: ${resolutionNote}`,
        ]
      : [
          `采纳 ${proposal.author} 的冲突修改（修改编号 ${proposal.mutationId}）。`,
          proposal.note && `原备注：${proposal.note}`,
          resolutionNote && `审核说明：${resolutionNote}`,
        ];
  return parts.filter(Boolean).join(' ');
}
