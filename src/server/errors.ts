// Errors the API answers with: a status, a stable code for programs, and a message in the
// caller's language. Every error leaves the server as JSON { error, message } (app.ts).
export type ErrorCode = keyof typeof MESSAGES;

const MESSAGES = {
  'not-signed-in': { 'zh-CN': '请先登录。', en: 'Please sign in first.' },
  'session-expired': {
    'zh-CN': '登录已过期，请重新登录。',
    en: 'Your session has expired; please sign in again.',
  },
  forbidden: { 'zh-CN': '您的角色无权执行此操作。', en: 'Your role does not allow this.' },
  'outside-area': {
    'zh-CN': '此村（点位）不在您负责的区域内：{area}。',
    en: 'This village or site is outside your assigned area: {area}.',
  },
  'csrf-failed': {
    'zh-CN': '请求缺少有效的安全令牌，请刷新页面后重试。',
    en: 'The request lacks a valid security token; reload the page and try again.',
  },
  'bad-credentials': { 'zh-CN': '用户名或密码不正确。', en: 'Wrong user name or password.' },
  'account-locked': {
    'zh-CN': '登录失败次数过多，账号已暂时锁定，请于 {until} 后再试。',
    en: 'Too many failed sign-ins; the account is locked until {until}.',
  },
  'too-many-requests': {
    'zh-CN': '请求过于频繁，请稍后再试。',
    en: 'Too many requests; please wait and try again.',
  },
  'account-disabled': { 'zh-CN': '此账号已停用。', en: 'This account is disabled.' },
  invalid: { 'zh-CN': '请求无效：{detail}', en: 'Invalid request: {detail}' },
  'not-found': { 'zh-CN': '找不到：{what}', en: 'Not found: {what}' },
  conflict: { 'zh-CN': '冲突：{detail}', en: 'Conflict: {detail}' },
  'edit-conflict': {
    'zh-CN':
      '“{field}”在您的修改所依据的版本之后已被 {author} 修改；您的修改已转入待审队列，由本县编辑或管理员处理。',
    en: '“{field}” was changed by {author} after the version your change was based on; your change went to the review queue of the county’s editors and the administrators.',
  },
  'conflict-closed': {
    'zh-CN': '此冲突已经处理过（{status}）。',
    en: 'This conflict was already resolved ({status}).',
  },
  'mutation-reused': {
    'zh-CN': '此修改编号已被另一位用户使用。',
    en: 'This change id was already used by another user.',
  },
  'too-large': { 'zh-CN': '请求体过大。', en: 'The request is too large.' },
  'setup-done': {
    'zh-CN': '管理员账号已创建，此链接已失效。',
    en: 'The administrator already exists; this link no longer works.',
  },
  internal: { 'zh-CN': '服务器内部错误。', en: 'Internal server error.' },
} satisfies Record<string, { 'zh-CN': string; en: string }>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
  }
}

/** The message of an error code in a language, its {placeholders} filled. */
export function errorMessage(
  code: ErrorCode,
  locale: 'zh-CN' | 'en',
  params: Record<string, string | number> = {},
): string {
  return MESSAGES[code][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** The language of a request: Chinese unless the caller prefers English. */
export function requestLocale(acceptLanguage: string | undefined): 'zh-CN' | 'en' {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
