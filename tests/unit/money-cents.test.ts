// centsOf/fromCents (lib/money.ts): the JS-number twin of hundredths(), used by reconcile's hot
// sums only where it is exact. Checked against the BigInt and Decimal helpers it stands for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, MAX_EXACT_CENTS, centsOf, dec, fromCents, hundredths } from '../../lib/money';

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

  it('agrees with hundredths() wherever it answers, and answers wherever hundredths() is within 2^50 (property)', () => {
    const str = fc.oneof(
      fc.tuple(fc.constantFrom('', '-', '+'), fc.bigInt({ min: 0n, max: 10n ** 17n }), fc.constantFrom('', '.', '.0', '.00', '.5', '.05', '.123')).map(([s, i, f]) => `${s}${i}${f}`),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(fc.property(str, (s) => {
      const c = centsOf(s);
      const h = hundredths(s);
      if (c !== undefined) {
        expect(Number.isSafeInteger(c)).toBe(true);
        expect(BigInt(c)).toBe(h);
      } else if (h !== undefined) {
        expect(h > BigInt(MAX_EXACT_CENTS) || h < -BigInt(MAX_EXACT_CENTS)).toBe(true);
      }
    }), { numRuns: 3000 });
  });
});

describe('fromCents', () => {
  it('is the exact Decimal of the cents (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -MAX_EXACT_CENTS, max: MAX_EXACT_CENTS }), (c) => {
      expect(fromCents(c).equals(new Dec(BigInt(c).toString()).dividedBy(100))).toBe(true);
      expect(centsOf(fromCents(c).toFixed(2))).toBe(c === 0 ? 0 : c);
    }));
    expect(fromCents(-1230).equals(dec('-12.3'))).toBe(true);
  });
  it('refuses what is not a whole number of cents', () => {
    expect(() => fromCents(0.5)).toThrow();
    expect(() => fromCents(2 ** 53)).toThrow();
  });
});
