import { describe, expect, it } from 'vitest';
import { abs, add, compare, dec, formatMoney, isDecimalString, money, neg, parseAmount, plainAmount, round, sub, sum, toPlain, Dec } from '../../lib/money';

describe('parseAmount', () => {
  const cases: { description: string; input: string; expected: string | null; currency?: string }[] = [
    { description: 'plain', input: '12.30', expected: '12.3' },
    { description: 'thousands', input: '1,234.50', expected: '1234.5' },
    { description: 'yen sign', input: '¥1,234.50', expected: '1234.5', currency: 'CNY' },
    { description: 'full-width yen', input: '￥ 88.00', expected: '88', currency: 'CNY' },
    { description: 'negative', input: '-12.00', expected: '-12' },
    { description: 'parentheses', input: '(12.00)', expected: '-12' },
    { description: 'trailing minus', input: '12.00-', expected: '-12' },
    { description: 'minus before symbol', input: '-$0.95', expected: '-0.95', currency: 'USD' },
    { description: 'symbol before minus', input: '$-3.10', expected: '-3.1', currency: 'USD' },
    { description: 'yuan suffix', input: '12.00元', expected: '12', currency: 'CNY' },
    { description: 'RMB prefix', input: 'RMB 3.00', expected: '3', currency: 'CNY' },
    { description: 'decimal comma', input: '1.234,56', expected: '1234.56' },
    { description: 'short decimal comma', input: '-200,00', expected: '-200' },
    { description: 'explicit plus', input: '+5', expected: '5' },
    { description: 'backtick prefix (WeChat)', input: '`12.50', expected: '12.5' },
    { description: 'four decimals', input: '115.8331', expected: '115.8331' },
    { description: 'empty', input: '', expected: null },
    { description: 'words', input: 'abc', expected: null },
    { description: 'two dots', input: '1.2.3', expected: null },
    { description: 'bare sign', input: '-', expected: null },
    { description: 'date is not an amount', input: '2024-03-05', expected: null },
  ];
  it.each(cases)('$description: $input', ({ input, expected, currency }) => {
    const parsed = parseAmount(input);
    if (expected === null) {
      expect(parsed).toBeNull();
      return;
    }
    expect(parsed?.value.toString()).toBe(expected);
    if (currency) expect(parsed?.currency).toBe(currency);
  });
});

describe('money arithmetic stays decimal', () => {
  it('adds without binary float error', () => {
    expect(add(money('0.1', 'CNY'), money('0.2', 'CNY'))).toEqual({ amount: '0.30', currency: 'CNY' });
  });
  it('sums, subtracts, negates', () => {
    expect(sum([money('1.10', 'CNY'), money('2.205', 'CNY')], 'CNY').amount).toBe('3.305');
    expect(sub(money('10', 'CNY'), money('0.01', 'CNY')).amount).toBe('9.99');
    expect(neg(money('5', 'USD')).amount).toBe('-5.00');
    expect(abs(money('-5', 'USD')).amount).toBe('5.00');
  });
  it('refuses to mix currencies', () => {
    expect(() => add(money('1', 'CNY'), money('1', 'USD'))).toThrow(/currency/);
    expect(() => compare(money('1', 'CNY'), money('1', 'USD'))).toThrow(/currency/);
  });
  it('rounds half-up to two places', () => {
    expect(round(dec('2.345')).toFixed(2)).toBe('2.35');
    expect(round(dec('-2.345')).toFixed(2)).toBe('-2.35');
    expect(round(dec('2.344')).toFixed(2)).toBe('2.34');
  });
  it('renders plain decimal strings, never exponents or -0', () => {
    expect(toPlain(new Dec('1e-7'))).toBe('0.0000001');
    expect(toPlain(new Dec('12'))).toBe('12.00');
    expect(toPlain(new Dec('-0'))).toBe('0.00');
    expect(toPlain(new Dec('123456789012345678901234567890'))).toBe('123456789012345678901234567890.00');
  });
  it('validates decimal strings', () => {
    expect(isDecimalString('-12.30')).toBe(true);
    expect(isDecimalString('1,234.50')).toBe(false);
    expect(isDecimalString('1e5')).toBe(false);
    expect(() => dec('NaN')).toThrow();
  });
  it('formats for display', () => {
    expect(formatMoney(money('1234.5', 'CNY'))).toBe('¥1,234.50');
    expect(formatMoney(money('-0.95', 'USD'))).toBe('-$0.95');
    expect(formatMoney(money('3', 'SEK'))).toBe('SEK 3.00');
  });
});

describe('plainAmount (parseAmount + toPlain without a Decimal, for plain amounts)', () => {
  const cases: { description: string; input: string; expected: string | null }[] = [
    { description: 'two places', input: '1234.50', expected: '1234.50' },
    { description: 'negative', input: '-12.00', expected: '-12.00' },
    { description: 'thousands', input: '1,234,567.5', expected: '1234567.50' },
    { description: 'integer', input: '007', expected: '7.00' },
    { description: 'trailing zeros beyond two places', input: '-00012.3400', expected: '-12.34' },
    { description: 'more places kept', input: '0.125', expected: '0.125' },
    { description: 'negative zero is zero', input: '-0.000', expected: '0.00' },
    { description: 'decimal comma is parseAmount’s', input: '12,34', expected: null },
    { description: 'bad grouping', input: '1,2345', expected: null },
    { description: 'trailing point is parseAmount’s', input: '5.', expected: null },
    { description: 'leading point is parseAmount’s', input: '.5', expected: null },
    { description: 'currency mark is parseAmount’s', input: '¥12.00', expected: null },
    { description: 'empty', input: '', expected: null },
  ];
  for (const { description, input, expected } of cases) {
    it(`${description}: ${JSON.stringify(input)}`, () => {
      expect(plainAmount(input)).toBe(expected);
      if (expected !== null) expect(toPlain(parseAmount(input)!.value)).toBe(expected);
    });
  }
});
