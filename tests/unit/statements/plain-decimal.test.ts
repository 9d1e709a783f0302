// The string-level amount fast paths (lib/statements/support/plain-decimal.ts) against the Decimal
// path they stand in for: equal wherever they answer, and answering for the common shapes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec, parseAmount, toPlain } from '../../../lib/money';
import { canonicalAmount, plainCents } from '../../../lib/statements/support/plain-decimal';
import { LineBuilder, checkBalances } from '../../../lib/statements/support/statement-lines';

/** What the CSV reader's Decimal path gives for a cell: toPlain(parseAmount(text).value), when it has no currency mark. */
const viaDecimal = (text: string): string | null => {
  const p = parseAmount(text);
  return p && p.currency === undefined ? toPlain(p.value) : null;
};

// Amount-like text: digits, signs, separators and a few marks, so both shapes and near misses come up.
const amountLike = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', ',', '-', '+', ' ', '¥', 'e'), maxLength: 18 });
const twoPlaces = (maxInt: bigint) =>
  fc
    .tuple(fc.boolean(), fc.oneof(fc.bigInt({ min: 0n, max: 999n }), fc.bigInt({ min: 0n, max: maxInt })), fc.integer({ min: 0, max: 99 }), fc.nat({ max: 3 }))
    .map(([neg, int, frac, zeros]) => `${neg ? '-' : ''}${'0'.repeat(zeros)}${int}.${String(frac).padStart(2, '0')}`);
const plainTwoPlaces = twoPlaces(10n ** 13n - 1n);

describe('canonicalAmount', () => {
  const cases: { description: string; input: string; expected: string | null }[] = [
    { description: 'a plain amount', input: '1234.50', expected: '1234.50' },
    { description: 'negative', input: '-12.00', expected: '-12.00' },
    { description: 'zero', input: '0.00', expected: '0.00' },
    { description: 'a negative amount below one', input: '-0.05', expected: '-0.05' },
    { description: 'negative zero is written 0.00', input: '-0.00', expected: null },
    { description: 'leading zero', input: '012.00', expected: null },
    { description: 'one place', input: '12.5', expected: null },
    { description: 'three places', input: '12.500', expected: null },
    { description: 'thousands separator', input: '1,234.50', expected: null },
    { description: 'plus sign', input: '+12.00', expected: null },
    { description: 'no integer part', input: '.50', expected: null },
    { description: 'a sign alone', input: '-.50', expected: null },
    { description: 'empty', input: '', expected: null },
  ];
  for (const { description, input, expected } of cases) {
    it(description, () => {
      expect(canonicalAmount(input)).toBe(expected);
      if (expected !== null) expect(viaDecimal(input)).toBe(expected);
    });
  }

  it('answers only with what parseAmount + toPlain give (property)', () => {
    fc.assert(
      fc.property(fc.oneof(amountLike, plainTwoPlaces, fc.string()), (text) => {
        const fast = canonicalAmount(text);
        if (fast !== null) expect(fast).toBe(viaDecimal(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('answers for every amount already in MoneyJson form (property)', () => {
    fc.assert(
      fc.property(plainTwoPlaces, (text) => {
        const want = viaDecimal(text);
        if (want === text) expect(canonicalAmount(text)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('plainCents', () => {
  const cases: { description: string; input: string; expected: number }[] = [
    { description: 'a plain amount', input: '1234.50', expected: 123450 },
    { description: 'negative', input: '-12.05', expected: -1205 },
    { description: 'leading zeros', input: '0012.00', expected: 1200 },
    { description: 'thirteen integer digits', input: '9999999999999.99', expected: 999999999999999 },
    { description: 'fourteen integer digits are left to Decimal', input: '99999999999999.99', expected: NaN },
    { description: 'one place', input: '12.5', expected: NaN },
    { description: 'thousands separator', input: '1,234.50', expected: NaN },
    { description: 'no integer part', input: '-.50', expected: NaN },
    { description: 'empty', input: '', expected: NaN },
  ];
  for (const { description, input, expected } of cases) {
    it(description, () => {
      expect(plainCents(input)).toBe(expected);
    });
  }

  it('is the Decimal value in cents, a safe integer, wherever it answers (property)', () => {
    fc.assert(
      fc.property(fc.oneof(amountLike, plainTwoPlaces, fc.string()), (text) => {
        const cents = plainCents(text);
        if (Number.isNaN(cents)) return;
        expect(Number.isSafeInteger(cents)).toBe(true);
        expect(new Dec(text).times(100).equals(cents)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('adds and compares as Decimal does (property)', () => {
    fc.assert(
      // operands of up to 12 integer digits, so that their sum is one plainCents still reads
      fc.property(twoPlaces(10n ** 12n - 1n), twoPlaces(10n ** 12n - 1n), fc.oneof(twoPlaces(10n ** 12n - 1n), fc.constant('')), (a, b, c) => {
        const shown = c === '' ? toPlain(new Dec(a).plus(b)) : c;
        const [x, y, z] = [plainCents(a), plainCents(b), plainCents(shown)];
        // the balance check takes the Decimal path when any of the three is not plain
        fc.pre(!Number.isNaN(x) && !Number.isNaN(y) && !Number.isNaN(z));
        expect(x + y === z).toBe(new Dec(a).plus(b).equals(shown));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('checkBalances (integer cents where exact, Decimal otherwise)', () => {
  // A warning exactly when opening + Σ lines ≠ closing by Decimal arithmetic, whatever the sizes:
  // 13-digit amounts over many lines leave the safe-integer range and must take the Decimal path.
  const amount = fc.oneof(twoPlaces(999_999n), twoPlaces(10n ** 13n - 1n), fc.constantFrom('1.5', '-0.00', '12.345', '0012.00', '99999999999999.99'));
  it('warns exactly when the Decimal sum says the balances differ (property)', () => {
    fc.assert(
      fc.property(amount, fc.array(amount, { maxLength: 40 }), fc.oneof(fc.constant(null), amount), (opening, amounts, closingText) => {
        const b = new LineBuilder('x.sta');
        const lines = amounts.map((a, i) => b.add({ bookedOn: '2024-03-05', amount: a, currency: 'EUR', description: `l${i}`, line: i + 1 }));
        const sum = amounts.reduce((t, a) => t.plus(a), new Dec(opening));
        const closing = closingText ?? toPlain(sum);
        checkBalances(b, { whereKey: 'issuePart.where.mt940Statement' }, { amount: opening, currency: 'EUR' }, { amount: closing, currency: 'EUR' }, lines);
        expect(b.issues.some((i) => i.code === 'balance_mismatch')).toBe(!sum.equals(closing));
      }),
      { numRuns: 1500 },
    );
  });
});
