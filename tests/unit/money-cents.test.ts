// Cents (lib/money.ts): the one exact integer representation of money beside Decimal, used by
// reconcile's hot sums only where it is exact. centsOf, decToCents and fromCents are checked
// against Decimal; the money string helpers that avoid a Decimal against what they stand for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, MAX_EXACT_CENTS, absAmountKey, centsOf, dec, decimalSign, decToCents, fromCents, isDecimalString, isPositive } from '../../lib/money';

describe('centsOf', () => {
  const cases: { description: string; input: string; expected: number | undefined }[] = [
    { description: 'two decimals', input: '12.34', expected: 1234 },
    { description: 'one decimal', input: '-12.3', expected: -1230 },
    { description: 'no decimals', input: '7', expected: 700 },
    { description: 'plus sign', input: '+0.05', expected: 5 },
    { description: 'negative zero is zero', input: '-0.00', expected: 0 },
    { description: 'leading dot', input: '.5', expected: 50 },
    { description: 'trailing dot', input: '5.', expected: 500 },
    { description: 'three decimals: Decimal business', input: '1.005', expected: undefined },
    { description: 'not a number', input: '1,000.00', expected: undefined },
    { description: 'empty', input: '', expected: undefined },
    { description: 'a lone dot', input: '.', expected: undefined },
    { description: 'a sign alone', input: '-', expected: undefined },
    { description: 'the largest exact value', input: `${MAX_EXACT_CENTS / 100}`, expected: MAX_EXACT_CENTS },
    { description: 'one cent more', input: `${(MAX_EXACT_CENTS + 1) / 100}`, expected: undefined },
    { description: 'far too large', input: '99999999999999999.99', expected: undefined },
  ];
  for (const c of cases) it(c.description, () => expect(centsOf(c.input)).toBe(c.expected));

  it('is the Decimal times 100 wherever it answers, and answers wherever that is a whole number within 2^50 (property)', () => {
    const str = fc.oneof(
      fc
        .tuple(fc.constantFrom('', '-', '+'), fc.bigInt({ min: 0n, max: 10n ** 17n }), fc.constantFrom('', '.', '.0', '.00', '.5', '.05', '.123'))
        .map(([s, i, f]) => `${s}${i}${f}`),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(str, (s) => {
        const c = centsOf(s);
        if (!isDecimalString(s)) {
          expect(c).toBeUndefined();
          return;
        }
        const h = dec(s).times(100);
        if (c !== undefined) {
          expect(Number.isSafeInteger(c)).toBe(true);
          expect(h.equals(c)).toBe(true);
        } else {
          expect(!h.isInteger() || h.abs().greaterThan(MAX_EXACT_CENTS) || /\.\d{3}/.test(s)).toBe(true);
        }
        expect(decToCents(dec(s))).toBe(h.isInteger() && h.abs().lessThanOrEqualTo(MAX_EXACT_CENTS) && dec(s).decimalPlaces() <= 2 ? h.toNumber() : undefined);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('fromCents', () => {
  it('is the exact Decimal of the cents (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_EXACT_CENTS, max: MAX_EXACT_CENTS }), (c) => {
        expect(fromCents(c).equals(new Dec(BigInt(c).toString()).dividedBy(100))).toBe(true);
        expect(centsOf(fromCents(c).toFixed(2))).toBe(c === 0 ? 0 : c);
      }),
    );
    expect(fromCents(-1230).equals(dec('-12.3'))).toBe(true);
  });
  it('refuses what is not a whole number of cents', () => {
    expect(() => fromCents(0.5)).toThrow();
    expect(() => fromCents(2 ** 53)).toThrow();
  });
});

describe('money strings without a Decimal', () => {
  it('isDecimalString = the MoneyJson pattern, isPositive = decimalSign > 0, absAmountKey = |amount| as Decimal (property)', () => {
    const near = fc.array(fc.constantFrom('0', '1', '9', '.', '-', '+', ' ', 'e', '5'), { maxLength: 8 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.oneof(near, fc.string({ maxLength: 10 })), (s) => {
        expect(isDecimalString(s)).toBe(/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s));
        if (isDecimalString(s)) {
          expect(isPositive({ amount: s, currency: 'CNY' })).toBe(decimalSign(s) > 0);
          expect(absAmountKey({ amount: s, currency: 'CNY' })).toBe(dec(s).abs().toString());
        } else {
          expect(() => isPositive({ amount: s, currency: 'CNY' })).toThrow();
          expect(() => absAmountKey({ amount: s, currency: 'CNY' })).toThrow();
        }
      }),
      { numRuns: 5000 },
    );
  });
});
