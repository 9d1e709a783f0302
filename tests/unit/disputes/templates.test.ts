import { describe, expect, it } from 'vitest';
import { renderDispute } from '../../../lib/disputes/render';
import { DEFAULT_TEMPLATES, TEMPLATE_PLACEHOLDERS, renderTemplate, validateTemplate } from '../../../lib/disputes/templates';
import { LOCALES } from '../../../lib/i18n/messages';
import { debitCapFinding, debitCapTx, merchant, scenario } from './scenario';

const single = scenario({ findings: [debitCapFinding], transactions: [debitCapTx], statementLines: [] });

describe('default templates', () => {
  it.each(LOCALES)('%s: valid, and renderDispute is the default template', (locale) => {
    expect(validateTemplate(DEFAULT_TEMPLATES[locale].body)).toEqual({ ok: true, unknown: [], missing: [] });
    expect(renderTemplate(DEFAULT_TEMPLATES[locale].body, scenario(), locale)).toBe(renderDispute(scenario(), locale).text);
  });
});

describe('renderTemplate', () => {
  it('fills each placeholder', () => {
    const template = TEMPLATE_PLACEHOLDERS.map((p) => `${p}=[{${p}}]`).join('\n');
    const text = renderTemplate(template, single, 'zh-CN');
    const expected: Partial<Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string>> = {
      merchantName: '张记面馆',
      merchantId: '822100058120001',
      terminalIds: '12345678',
      contact: '张三',
      phone: '13800000000',
      count: '1',
      total: '¥20.00',
      period: '2024-03-05',
      deadline: '2024-03-25',
      deadlineDays: '15',
      asOf: '2024-03-10',
      contractLabel: '收单服务协议（2024版）',
      subject: '关于商户号822100058120001交易多扣款/费率异常的退费申请',
    };
    for (const [name, value] of Object.entries(expected)) expect(text).toContain(`${name}=[${value}]`);
    expect(text).toMatch(/itemsTable=\[序号 \| 交易时间 .*\n1 \| 2024-03-05 10:15:00 \| ¥8,000\.00 \| 123456789012/);
    expect(text).not.toMatch(/\{[A-Za-z]+\}/);
  });

  it('a merchant-written template, with Chinese aliases', () => {
    const template = '{商户名称}（商户号{商户号}）：{期间}多扣{合计}，请于{期限}前退回。\n{明细表}';
    const text = renderTemplate(template, single, 'zh-CN');
    expect(text.split('\n')[0]).toBe('张记面馆（商户号822100058120001）：2024-03-05多扣¥20.00，请于2024-03-25前退回。');
    expect(text.split('\n')).toHaveLength(3);
  });

  it('leaves unknown placeholders as typed, and never expands placeholders inside values', () => {
    const input = { ...single, merchant: { ...merchant, name: '{total} {itemsTable}' } };
    expect(renderTemplate('{merchantName} / {totl} / {total}', input, 'en')).toBe('{total} {itemsTable} / {totl} / ¥20.00');
  });
});

describe('validateTemplate', () => {
  it('reports unknown placeholders (ok false) and missing recommended ones (warning only)', () => {
    expect(validateTemplate('Dear {merchantNme}, {total} {商户号码} {itemsTable}')).toEqual({
      ok: false,
      unknown: ['merchantNme', '商户号码'],
      missing: ['merchantId', 'requests'],
    });
    expect(validateTemplate('{商户号} {明细表} {合计} {诉求}')).toEqual({ ok: true, unknown: [], missing: [] });
    expect(validateTemplate('{merchantBlock} {summary} {itemsTable} {requests}').missing).toEqual([]);
    expect(validateTemplate('just text')).toEqual({ ok: true, unknown: [], missing: ['merchantId', 'itemsTable', 'total', 'requests'] });
  });

  it('ignores braces that are not a placeholder', () => {
    expect(validateTemplate('{ not one } {} {merchantId} {itemsTable} {total} {requests}').ok).toBe(true);
  });
});
