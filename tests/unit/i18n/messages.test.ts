import { describe, expect, it } from 'vitest';
import { FINDING_KINDS, type Severity } from '../../../lib/model';
import {
  EN,
  LOCALES,
  ZH_CN,
  createTranslator,
  explanationParams,
  isMessageKey,
  kindName,
  placeholdersOf,
  renderExplanation,
  resolveLocale,
  severityName,
  t,
} from '../../../lib/i18n/messages';
import { toPlainLine } from '../../../lib/i18n/plain-text';
import { PAGES_EN, PAGES_ZH_CN, t as tp } from '../../../lib/i18n/pages';

const PAIRS: {
  name: string;
  en: Readonly<Record<string, string>>;
  zh: Readonly<Record<string, string>>;
  tr: (l: (typeof LOCALES)[number], k: string, p: Record<string, string>) => string;
}[] = [
  { name: 'shared (content script)', en: EN, zh: ZH_CN, tr: (l, k, p) => t(l, k as keyof typeof EN, p) },
  { name: 'options page and popup', en: PAGES_EN, zh: PAGES_ZH_CN, tr: (l, k, p) => tp(l, k as keyof typeof PAGES_EN, p) },
];

describe('catalogues', () => {
  describe.each(PAIRS)('$name', ({ en, zh, tr }) => {
    it('zh-CN and en have exactly the same keys', () => {
      expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    });

    it('every message is non-empty and uses the same placeholders in both locales', () => {
      for (const key of Object.keys(en)) {
        expect(en[key]!.trim(), key).not.toBe('');
        expect(zh[key]!.trim(), key).not.toBe('');
        expect(placeholdersOf(zh[key]!), key).toEqual(placeholdersOf(en[key]!));
      }
    });

    it('every section is closed: no raw braces survive rendering with all params given', () => {
      const params: Record<string, string> = { currency: 'CNY' };
      for (const key of Object.keys(en)) for (const name of placeholdersOf(en[key]!)) params[name] ??= '1';
      for (const locale of LOCALES) {
        for (const key of Object.keys(en)) expect(tr(locale, key, params), `${locale} ${key}`).not.toMatch(/[{}]/);
      }
    });
  });

  it('the page-only catalogue shares no key with the shared one, and the pages translate both', () => {
    expect(Object.keys(PAGES_EN).filter((k) => k in EN)).toEqual([]);
    expect(tp('zh-CN', 'action.dispute')).toBe(t('zh-CN', 'action.dispute'));
    expect(tp('en', 'options.tab.import')).not.toBe('options.tab.import');
  });

  it("has a short name and an explanation for each of the 20 finding kinds (DESIGN.md's 19 and terminal_health)", () => {
    expect(FINDING_KINDS).toHaveLength(20);
    for (const kind of FINDING_KINDS) {
      expect(isMessageKey(`kind.${kind}`), kind).toBe(true);
      expect(isMessageKey(`finding.${kind}`), kind).toBe(true);
    }
  });

  it('names kinds and severities as DOMAIN.md does', () => {
    const table: { kind: (typeof FINDING_KINDS)[number]; zh: string; en: string }[] = [
      { kind: 'duplicate_charge', zh: '重复扣款', en: 'Duplicate charge' },
      { kind: 'fee_above_contract', zh: '手续费超约定', en: 'Fee above contract' },
      { kind: 'debit_cap_ignored', zh: '借记卡未封顶', en: 'Debit card cap ignored' },
      { kind: 'settlement_shortfall', zh: '结算短款', en: 'Settlement short' },
      { kind: 'settlement_missing', zh: '结算未到账', en: 'Settlement missing' },
      { kind: 'hidden_fee', zh: '隐性扣费', en: 'Hidden fee' },
    ];
    for (const { kind, zh, en } of table) {
      expect(kindName('zh-CN', kind)).toBe(zh);
      expect(kindName('en', kind)).toBe(en);
    }
    const severities: Severity[] = ['overcharge', 'suspect', 'info'];
    expect(severities.map((s) => severityName('zh-CN', s))).toEqual(['多扣款', '疑似', '提示']);
    expect(severities.map((s) => severityName('en', s))).toEqual(['Overcharge', 'Suspected', 'Note']);
  });

  it('has the accessible names the overlay DOM contract relies on', () => {
    expect(t('en', 'action.dispute')).toContain('Dispute');
    expect(t('zh-CN', 'action.dispute')).toContain('申诉');
    expect(t('en', 'action.copy')).toContain('Copy');
    expect(t('zh-CN', 'action.copy')).toContain('复制');
    expect(t('en', 'action.insert')).toContain('Insert');
    expect(t('zh-CN', 'action.insert')).toContain('填入');
  });
});

describe('t', () => {
  it('picks the English singular or plural by the count ({n?one|other}); Chinese needs neither', () => {
    expect(tp('en', 'popup.next.reviewCertain', { count: 1 })).toBe('Review 1 overcharge and dispute it.');
    expect(tp('en', 'popup.next.reviewCertain', { count: 3 })).toBe('Review 3 overcharges and dispute them.');
    expect(tp('en', 'popup.next.reviewSuspected', { count: '1,200' })).toBe('Check 1,200 suspected findings.');
    expect(tp('zh-CN', 'popup.next.reviewCertain', { count: 3 })).not.toMatch(/[?|]/);
    // a value that looks like the syntax is inserted as it is, never read as a plural
    expect(tp('en', 'import.failed', { file: '{count?a|b}', message: 'x' })).toBe('Could not read {count?a|b}: x');
  });

  it('fills {name} placeholders', () => {
    expect(tp('en', 'import.failed', { file: 'a.csv', message: 'bad date' })).toBe('Could not read a.csv: bad date');
    expect(tp('zh-CN', 'import.failed', { file: 'a.csv', message: '日期无法识别' })).toBe('无法读取 a.csv：日期无法识别');
  });

  it('says unknown / 未知 for a missing or blank param, never {x}', () => {
    expect(tp('en', 'import.failed', { file: 'a.csv' })).toBe('Could not read a.csv: unknown');
    expect(tp('zh-CN', 'import.failed', { message: '  ' })).toBe('无法读取 未知：未知');
  });

  it('falls back to en for a key missing in zh-CN, and to the key when missing everywhere', () => {
    const tr = createTranslator<'a' | 'b' | 'common.unknown'>({
      en: { a: 'A {x}', b: 'B', 'common.unknown': 'unknown' },
      'zh-CN': { b: '乙', 'common.unknown': '未知' },
    });
    expect(tr('zh-CN', 'a')).toBe('A 未知');
    expect(tr('zh-CN', 'b')).toBe('乙');
    expect(tr('en', 'b')).toBe('B');
    expect(tr('zh-CN', 'zzz' as 'a')).toBe('zzz');
  });

  it('inserts values once: a value that looks like a placeholder stays literal', () => {
    expect(t('en', 'common.error', { message: '{message} {#x}y{/x}' })).toBe('Something went wrong: {message} {#x}y{/x}');
  });

  it('strips control and bidi characters from values', () => {
    expect(t('en', 'common.error', { message: 'a\u0000b\nc\u202Ed\u2066' })).toBe('Something went wrong: a b c d');
  });

  it('resolves the language setting', () => {
    expect(resolveLocale('auto', 'zh-CN')).toBe('zh-CN');
    expect(resolveLocale('auto', 'zh-TW')).toBe('zh-CN');
    expect(resolveLocale('auto', 'en-US')).toBe('en');
    expect(resolveLocale('en', 'zh-CN')).toBe('en');
  });
});

describe('finding explanations', () => {
  it('debit_cap_ignored, with money formatted in the currency', () => {
    const params = { amount: '8000.00', currency: 'CNY', percent: '0.5', cap: '20.00', expected: '20.00', charged: '40.00', difference: '20.00' };
    expect(renderExplanation('zh-CN', { key: 'finding.debit_cap_ignored', params })).toBe(
      '借记卡交易 ¥8,000.00，约定费率 0.5%、封顶 ¥20.00/笔，应收手续费 ¥20.00，实收 ¥40.00，未按封顶计收，多收 ¥20.00。',
    );
    expect(renderExplanation('en', { key: 'finding.debit_cap_ignored', params })).toBe(
      'Debit card sale of ¥8,000.00: the contract rate 0.5% is capped at ¥20.00 per transaction, so the fee should be ¥20.00; ¥40.00 was charged, ¥20.00 too much.',
    );
  });

  it('duplicate_charge with and without the optional terminal and card', () => {
    const params = {
      amount: '88.00',
      currency: 'CNY',
      first: '2024-03-05T12:01:10',
      second: '2024-03-05T12:02:05',
      seconds: '55',
      terminalId: '12345678',
      cardLast4: '0085',
    };
    expect(renderExplanation('zh-CN', { key: 'finding.duplicate_charge', params })).toBe(
      '终端 12345678 卡号尾号 0085 在 2024-03-05 12:01:10 与 2024-03-05 12:02:05 各有一笔 ¥88.00 的消费，相隔 55 秒，疑似重复扣款。',
    );
    const { terminalId: _t, cardLast4: _c, ...bare } = params;
    expect(renderExplanation('en', { key: 'finding.duplicate_charge', params: bare })).toBe(
      'Two sales of ¥88.00, at 2024-03-05 12:01:10 and 2024-03-05 12:02:05, 55 seconds apart: likely charged twice.',
    );
  });

  it('fee_above_contract shows fixed and cap only when given', () => {
    const base = { amount: '1000.00', currency: 'USD', percent: '2.9', expected: '29.30', charged: '35.30', difference: '6.00' };
    expect(renderExplanation('en', { key: 'finding.fee_above_contract', params: { ...base, fixed: '0.30' } })).toBe(
      'Sale of $1,000.00: the contract rate 2.9% + $0.30 gives a fee of $29.30; $35.30 was charged, $6.00 too much.',
    );
    expect(renderExplanation('zh-CN', { key: 'finding.fee_above_contract', params: { ...base, currency: 'CNY', cap: '20' } })).toBe(
      '交易金额 ¥1,000.00，按约定费率 2.9%（封顶 ¥20.00），应收手续费 ¥29.30，实收 ¥35.30，多收 ¥6.00。',
    );
  });

  it('settlement_shortfall', () => {
    const params = {
      settleDate: '2018-04-04',
      expectedValueDate: '2018-04-08',
      expected: '12171.53',
      received: '12123.53',
      difference: '48.00',
      currency: 'CNY',
      count: '12',
    };
    expect(renderExplanation('zh-CN', { key: 'finding.settlement_shortfall', params })).toBe(
      '清算日 2018-04-04 的 12 笔交易应于 2018-04-08 到账 ¥12,171.53，银行实际到账 ¥12,123.53，短款 ¥48.00。',
    );
    expect(renderExplanation('en', { key: 'finding.settlement_shortfall', params })).toBe(
      'The 12 transactions cleared on 2018-04-04 should have paid ¥12,171.53 by 2018-04-08; the bank received ¥12,123.53, ¥48.00 short.',
    );
  });

  it('tolerates missing params, a missing currency and non-decimal amounts', () => {
    const zh = renderExplanation('zh-CN', { key: 'finding.settlement_shortfall', params: { settleDate: '2024-03-04', expected: '1.00', received: 'n/a' } });
    expect(zh).toBe('清算日 2024-03-04 的 未知 笔交易应于 未知 到账 1.00，银行实际到账 n/a，短款 未知。');
    for (const kind of FINDING_KINDS) {
      for (const locale of LOCALES) {
        const text = renderExplanation(locale, { key: `finding.${kind}`, params: {} });
        expect(text, `${locale} ${kind}`).not.toMatch(/[{}]/);
        // a template with a required (non-section) placeholder says so
        const required = EN[`finding.${kind}`].replace(/\{#(\w+)\}[\s\S]*?\{\/\1\}/g, '');
        if (/\{\w+(:\w+)?\}/.test(required)) expect(text).toContain(locale === 'en' ? 'unknown' : '未知');
      }
    }
  });

  it('translates card-type and status codes, and shows an unknown key as itself', () => {
    expect(renderExplanation('zh-CN', { key: 'finding.wrong_card_rate', params: { cardType: 'debit' } })).toMatch(/^借记卡交易/);
    expect(renderExplanation('en', { key: 'finding.status_mismatch', params: { status: 'failed' } })).toContain('shows as failed');
    expect(renderExplanation('en', { key: 'finding.new_rule\u0007', params: {} })).toBe('finding.new_rule');
  });
});

describe('explanations from the reconciliation engine (its own param names)', () => {
  it('duplicate_charge: originalOccurredAt / occurredAt / secondsApart', () => {
    const params = {
      amount: '88.00',
      currency: 'CNY',
      occurredAt: '2024-03-05T12:02:05',
      originalOccurredAt: '2024-03-05T12:01:10',
      secondsApart: '55',
      terminalId: '12345678',
      cardLast4: '0085',
    };
    expect(renderExplanation('zh-CN', { key: 'finding.duplicate_charge', params })).toBe(
      '终端 12345678 卡号尾号 0085 在 2024-03-05 12:01:10 与 2024-03-05 12:02:05 各有一笔 ¥88.00 的消费，相隔 55 秒，疑似重复扣款。',
    );
  });

  it('fee kinds: rate for percent, and a zero fixed part left out', () => {
    const params = { amount: '10000.00', currency: 'CNY', rate: '0.6', fixed: '0.00', expected: '60.00', charged: '62.00', difference: '2.00' };
    expect(renderExplanation('en', { key: 'finding.fee_above_contract', params })).toBe(
      'Sale of ¥10,000.00: the contract rate 0.6% gives a fee of ¥60.00; ¥62.00 was charged, ¥2.00 too much.',
    );
    expect(explanationParams({ percent: '0.5', rate: '0.6' }).percent).toBe('0.5');
  });

  it('unmatched_portal_sale: a window in seconds shown in minutes', () => {
    expect(
      renderExplanation('zh-CN', {
        key: 'finding.unmatched_portal_sale',
        params: { amount: '50.00', currency: 'CNY', occurredAt: '2024-03-05T09:00:00', window: '600' },
      }),
    ).toBe('收单平台在 2024-03-05 09:00:00 有一笔 ¥50.00 的交易，收银记录前后 10 分钟内没有对应记录。');
  });

  it('hidden_fee with a contracted periodic fee', () => {
    const params = { label: '流量费', amount: '99.00', currency: 'CNY', date: '2024-03-01', contractAmount: '48.00', every: 'year', difference: '99.00' };
    expect(renderExplanation('zh-CN', { key: 'finding.hidden_fee', params })).toBe(
      '2024-03-01 被扣收“流量费” ¥99.00，超出合同约定（合同约定每年 ¥48.00），多收 ¥99.00。',
    );
    expect(renderExplanation('en', { key: 'finding.hidden_fee', params })).toBe(
      '流量费 of ¥99.00 deducted on 2024-03-01, not covered by the contract (the contract allows ¥48.00 per year): ¥99.00 too much.',
    );
  });

  it('refund_problem: over-refund and refund never processed', () => {
    const over = { amount: '-300.00', currency: 'CNY', originalAmount: '300.00', refundCount: '2', refunded: '600.00', difference: '300.00' };
    expect(renderExplanation('zh-CN', { key: 'finding.refund_problem', params: over })).toBe(
      '退货退款异常：原交易 ¥300.00，共 2 笔退款合计 ¥600.00，超出 ¥300.00。',
    );
    const never = { amount: '45.00', currency: 'CNY', cashierOccurredAt: '2024-03-05T18:00:00', dueBy: '2024-03-08' };
    expect(renderExplanation('en', { key: 'finding.refund_problem', params: never })).toBe(
      'Refund problem: the cashier refunded ¥45.00 at 2024-03-05 18:00:00 and by 2024-03-08 the acquirer had not processed it.',
    );
  });
});

describe('toPlainLine', () => {
  it.each([
    { input: '  a \t b\r\nc  ', expected: 'a b c' },
    { input: '\u202Eevil\u202C', expected: 'evil' },
    { input: '<script>alert(1)</script>', expected: '<script>alert(1)</script>' },
    { input: '张记\u0000面馆', expected: '张记 面馆' },
  ])('$input', ({ input, expected }) => {
    expect(toPlainLine(input)).toBe(expected);
  });

  it('cuts long text without splitting a surrogate pair', () => {
    expect(toPlainLine('abcdef', 4)).toBe('abc…');
    expect(toPlainLine('ab😀cd', 4)).toBe('ab…');
  });
});
