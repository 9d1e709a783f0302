// Dispute templates the merchant can edit. A template is plain text with placeholders such as
// {merchantName} {itemsTable} {total} {deadline} (the list: TEMPLATE_PLACEHOLDERS); Chinese
// aliases such as {商户号} work too. Filling is one pass: a value that itself contains
// "{total}" (a hostile merchant name, a bank memo) is never expanded.
import type { Locale } from '../i18n/messages';
import type { DisputeInput } from './input';
import { disputeValues, TEMPLATE_PLACEHOLDERS, type DisputeValues, type TemplatePlaceholder } from './sections';

export { TEMPLATE_PLACEHOLDERS, type TemplatePlaceholder };

export interface DisputeTemplate {
  subject: string;
  body: string;
}

/** Chinese names a merchant may type instead of the English ones. */
export const TEMPLATE_ALIASES: Readonly<Record<string, TemplatePlaceholder>> = {
  标题: 'subject',
  商户名称: 'merchantName',
  商户号: 'merchantId',
  终端号: 'terminalIds',
  联系人: 'contact',
  联系电话: 'phone',
  商户信息: 'merchantBlock',
  笔数: 'count',
  合计: 'total',
  期间: 'period',
  事实摘要: 'summary',
  明细表: 'itemsTable',
  依据: 'basis',
  诉求: 'requests',
  附件: 'attachments',
  升级说明: 'escalation',
  期限: 'deadline',
  期限天数: 'deadlineDays',
  日期: 'asOf',
  合同: 'contractLabel',
};

/**
 * What a letter is not worth sending without, and the placeholders that carry it (a block such
 * as {merchantBlock} includes the merchant id): validateTemplate warns when none is used.
 */
export const RECOMMENDED_PLACEHOLDERS: readonly { need: TemplatePlaceholder; carriedBy: readonly TemplatePlaceholder[] }[] = [
  { need: 'merchantId', carriedBy: ['merchantId', 'merchantBlock', 'subject'] },
  { need: 'itemsTable', carriedBy: ['itemsTable'] },
  { need: 'total', carriedBy: ['total', 'summary', 'subject'] },
  { need: 'requests', carriedBy: ['requests'] },
];

export const DEFAULT_TEMPLATES: Readonly<Record<Locale, DisputeTemplate>> = {
  'zh-CN': {
    subject: '{subject}',
    body: `主题：{subject}

致：收单机构客户服务及投诉处理部门

我方是贵机构的签约商户。经核对收单平台交易记录与银行结算流水，发现以下交易存在多扣款或费率异常，现提出申诉并申请退费。

一、商户信息
{merchantBlock}

二、事实摘要
{summary}

三、逐笔明细
{itemsTable}

四、依据
{basis}

五、诉求
{requests}

六、附件清单
{attachments}

{escalation}

此致
敬礼

{merchantName}
{asOf}`,
  },
  en: {
    subject: '{subject}',
    body: `Subject: {subject}

To: Merchant Services / Disputes

We are a merchant using your acquiring services. Comparing your portal's transaction records with our bank statements, we found the charges below to be contrary to our agreement, and we dispute them.

1. Account
{merchantBlock}

2. Summary
{summary}

3. Itemized list
{itemsTable}

4. Basis
{basis}

5. Request
{requests}

6. Attachments
{attachments}

{escalation}

Sincerely,
{merchantName}
{asOf}`,
  },
};

// `{name}` with no braces or spaces inside: what a merchant would type as a placeholder.
const TOKEN = /\{([^{}\s]{1,40})\}/g;

function canonical(name: string): TemplatePlaceholder | undefined {
  if ((TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)) return name as TemplatePlaceholder;
  return TEMPLATE_ALIASES[name];
}

export interface TemplateValidation {
  ok: boolean;
  /** placeholders the template uses that we do not know (left as typed when rendering) */
  unknown: string[];
  /** recommended placeholders the template does not use */
  missing: TemplatePlaceholder[];
}

/** Checks a template; `ok` is false only for unknown placeholders (missing ones are a warning). */
export function validateTemplate(template: string): TemplateValidation {
  const unknown: string[] = [];
  const used = new Set<TemplatePlaceholder>();
  for (const m of template.matchAll(TOKEN)) {
    const name = m[1]!;
    const known = canonical(name);
    if (known) used.add(known);
    else if (!unknown.includes(name)) unknown.push(name);
  }
  const missing = RECOMMENDED_PLACEHOLDERS.filter((r) => !r.carriedBy.some((p) => used.has(p))).map((r) => r.need);
  return { ok: unknown.length === 0, unknown, missing };
}

/** Fills placeholders in one pass; unknown ones stay as typed so the merchant sees them. */
export function fillTemplate(template: string, values: DisputeValues): string {
  return template.replace(TOKEN, (all, name: string) => {
    const key = canonical(name);
    return key ? values[key] : all;
  });
}

/** Renders a merchant's template for this dispute (pure). */
export function renderTemplate(template: string, input: DisputeInput, locale: Locale): string {
  return fillTemplate(template, disputeValues(input, locale));
}
