// lib/i18n/format.ts: the forms its header promises, exact money, no time-zone shifts.
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatInstant, formatMoney, formatMonth, formatNumber, formatPercent } from '../../../lib/i18n/format';
import { createTranslator, t } from '../../../lib/i18n/messages';

const m = (amount: string, currency = 'CNY') => ({ amount, currency });

describe('money', () => {
  it.each([
    ['zh-CN', m('1234.5'), '¥1,234.50'],
    ['en', m('1234.5'), '¥1,234.50'],
    ['zh-CN', m('-3.1', 'USD'), '-US$3.10'],
    ['en', m('-3.1', 'USD'), '-$3.10'],
    ['zh-CN', m('1234.00', 'JPY'), 'JP¥1,234'],
    ['en', m('1234', 'JPY'), 'JP¥1,234'],
    ['en', m('12', 'EUR'), '€12.00'],
    ['zh-CN', m('+2', 'HKD'), 'HK$2.00'],
    ['en', m('0'), '¥0.00'],
  ] as const)('%s %j → %s', (locale, value, text) => {
    expect(formatMoney(locale, value)).toBe(text);
  });

  it('formats the decimal string exactly, never through a JS number (17 and 21 significant digits)', () => {
    // as numbers these are 12345678901234568 and 0.30000000000000004-like neighbours
    expect(formatMoney('en', m('12345678901234567.89'))).toBe('¥12,345,678,901,234,567.89');
    expect(formatMoney('zh-CN', m('-98765432109876543210.99', 'USD'))).toBe('-US$98,765,432,109,876,543,210.99');
    expect(formatMoney('en', m('9007199254740993.01'))).toBe('¥9,007,199,254,740,993.01');
  });

  it('never rounds: shows every digit the amount has, at least the currency’s', () => {
    expect(formatMoney('en', m('0.125'))).toBe('¥0.125');
    expect(formatMoney('zh-CN', m('1.5', 'JPY'))).toBe('JP¥1.5');
  });

  it('shows what it cannot format as given, never an invented amount', () => {
    expect(formatMoney('en', m('12,00'))).toBe('12,00');
    expect(formatMoney('zh-CN', m('5', '¥'))).toBe('¥ 5');
    expect(formatMoney('en', m('1234.5', 'XYZ'))).toBe('XYZ\u00a01,234.50');
  });
});

describe('numbers, percentages', () => {
  it('groups counts by thousands and keeps decimal strings exact', () => {
    expect(formatNumber('zh-CN', 20000)).toBe('20,000');
    expect(formatNumber('en', 1234567)).toBe('1,234,567');
    expect(formatNumber('en', '12345678901234567.125')).toBe('12,345,678,901,234,567.125');
    expect(formatNumber('zh-CN', 'n/a')).toBe('n/a');
  });
  it('writes percent strings as given, without a plus sign', () => {
    expect(formatPercent('zh-CN', '0.6')).toBe('0.6%');
    expect(formatPercent('en', '+0.38')).toBe('0.38%');
    expect(formatPercent('en', 'x')).toBe('x');
  });
});

describe('dates and times', () => {
  it('writes dates and months as the portals do, in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      expect(formatDate(locale, '2024-03-05')).toBe('2024-03-05');
      expect(formatMonth(locale, '2024-03')).toBe('2024-03');
      expect(formatDateTime(locale, '2024-03-05T12:01:10')).toBe('2024-03-05 12:01:10');
      expect(formatDateTime(locale, '2024-03-05T23:59')).toBe('2024-03-05 23:59');
    }
  });
  it('keeps a LocalDateTime as wall-clock time (no zone shift) and leaves a non-date as given', () => {
    expect(formatDateTime('en', '2024-12-31T23:59:59')).toBe('2024-12-31 23:59:59');
    expect(formatDateTime('en', '2024-02-30T10:00:00')).toBe('2024-02-30T10:00:00');
    expect(formatDateTime('zh-CN', '昨天 10:00')).toBe('昨天 10:00');
  });
  it('shows an instant in the time zone asked for (the browser’s by default)', () => {
    expect(formatInstant('zh-CN', '2024-03-05T20:01:30.000Z', 'Asia/Shanghai')).toBe('2024-03-06 04:01');
    expect(formatInstant('en', '2024-03-05T20:01:30Z', 'America/New_York')).toBe('2024-03-05 15:01');
    expect(formatInstant('en', '2024-03-05T20:01:30', 'Asia/Shanghai')).toBe('2024-03-05 20:01:30');
  });
});

describe('the placeholder grammar uses these forms', () => {
  it('formats {x:money} per locale and {x:number}', () => {
    expect(
      t('zh-CN', 'finding.debit_cap_ignored', { amount: '8000', currency: 'USD', percent: '0.5', cap: '20', expected: '20', charged: '40', difference: '20' }),
    ).toContain('US$8,000.00');
    expect(
      t('en', 'finding.debit_cap_ignored', { amount: '8000', currency: 'USD', percent: '0.5', cap: '20', expected: '20', charged: '40', difference: '20' }),
    ).toContain('$8,000.00');
  });
  it('renders {x:number}, {x:date}, {x:datetime} and {x:percent} through format.ts', () => {
    const tiny = createTranslator<'a'>({
      en: { a: '{n:number} rows, {d:date}, {at:datetime}, {p:percent}' },
      'zh-CN': { a: '{n:number} 行，{d:date}，{at:datetime}，{p:percent}' },
    });
    const params = { n: '20000', d: '2024-03-05', at: '2024-03-05T12:01:10', p: '0.60' };
    expect(tiny('en', 'a', params)).toBe('20,000 rows, 2024-03-05, 2024-03-05 12:01:10, 0.60%');
    expect(tiny('zh-CN', 'a', params)).toBe('20,000 行，2024-03-05，2024-03-05 12:01:10，0.60%');
  });
});
