// A request the route's JSON schema refuses, said in the caller's language: which field, and what
// is wrong with it. Fastify's validator words its errors in English for programmers; these are for
// the people who see them (the import dialog, the status editor, the users page).
export interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

type Locale = 'zh-CN' | 'en';

const WORDS: Record<string, Record<Locale, (params: Record<string, unknown>) => string>> = {
  required: {
    'zh-CN': (p) => `缺少必填项 ${p.missingProperty}`,
    en: (p) => `${p.missingProperty} is required`,
  },
  type: { 'zh-CN': (p) => `类型应为 ${p.type}`, en: (p) => `must be a ${p.type}` },
  format: { 'zh-CN': (p) => `格式应为 ${p.format}`, en: (p) => `must be in the ${p.format} format` },
  enum: {
    'zh-CN': (p) => `只能是 ${(p.allowedValues as unknown[]).join('、')} 之一`,
    en: (p) => `must be one of ${(p.allowedValues as unknown[]).join(', ')}`,
  },
  maxLength: { 'zh-CN': (p) => `最多 ${p.limit} 个字符`, en: (p) => `must be at most ${p.limit} characters` },
  minLength: {
    'zh-CN': (p) => `至少 ${p.limit} 个字符`,
    en: (p) => `must be at least ${p.limit} characters`,
  },
  maxItems: { 'zh-CN': (p) => `最多 ${p.limit} 项`, en: (p) => `must have at most ${p.limit} items` },
  pattern: { 'zh-CN': () => '格式不正确', en: () => 'is not in the expected form' },
  minimum: { 'zh-CN': (p) => `不能小于 ${p.limit}`, en: (p) => `must be at least ${p.limit}` },
  maximum: { 'zh-CN': (p) => `不能大于 ${p.limit}`, en: (p) => `must be at most ${p.limit}` },
  additionalProperties: {
    'zh-CN': (p) => `不认识的字段 ${p.additionalProperty}`,
    en: (p) => `unknown field ${p.additionalProperty}`,
  },
};

/** "body.date：格式应为 date" — the first refusal, with the request part and field it concerns. */
export function validationMessage(errors: readonly SchemaError[], context: string, locale: Locale): string {
  const first = errors[0];
  if (!first) return '';
  const field = [context, first.instancePath.replace(/^\//, '').replaceAll('/', '.')]
    .filter(Boolean)
    .join('.');
  const words = WORDS[first.keyword]?.[locale]?.(first.params) ?? first.message ?? first.keyword;
  return locale === 'zh-CN' ? `${field}：${words}` : `${field}: ${words}`;
}
