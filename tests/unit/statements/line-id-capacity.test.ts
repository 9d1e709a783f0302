// StatementLineIds sized for a number of lines (its key table and counts allocated up front) gives
// the ids of DESIGN.md §3 whatever the number it was told — none, too few, exact or too many — on
// long sequences with repeated keys, runs of one date (oldest or newest first: looked up among the
// run's keys only) and dates that come back later (every key in one table from then on).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OccurrenceCounter, stableId } from '../../../lib/ids';
import { StatementLineIds, type IdParts } from '../../../lib/statements/line-id';

/** The id rule written out plainly (as in line-id.test.ts). */
function referenceIds(parts: IdParts[]): string[] {
  const counter = new OccurrenceCounter();
  return parts.map((p) => {
    const key = [p.accountId ?? '', p.bookedOn, p.amount.amount, p.amount.currency, p.reference ?? p.description];
    return stableId('sl', [...key, counter.next(key.join('\u001f'))]);
  });
}

const idsOf = (parts: IdParts[], expected: number) => {
  const ids = new StatementLineIds(expected);
  return parts.map((p) => ids.next(p));
};

/** `n` lines over `days` dates in runs (sorted), amounts from a few values so that keys repeat. */
function runs(n: number, days: number, amounts: number, back = false): IdParts[] {
  const out: IdParts[] = [];
  for (let i = 0; i < n; i++) {
    const day = back && i % 7 === 0 ? 1 : 1 + Math.floor((i * days) / n);
    out.push({
      bookedOn: `2024-03-${String(day).padStart(2, '0')}`,
      amount: { amount: `-${i % amounts}.50`, currency: 'CNY' },
      description: i % 3 ? '消费' : '结算款',
      reference: i % 5 ? undefined : `R${i % 11}`,
    });
  }
  return out;
}

describe('StatementLineIds(expectedLines)', () => {
  it('gives the reference ids for any expected size', () => {
    for (const parts of [runs(3000, 20, 7), runs(3000, 20, 7).reverse(), runs(3000, 1, 3), runs(3000, 28, 2000), runs(3000, 20, 5, true), runs(40, 3, 2)]) {
      const reference = referenceIds(parts);
      for (const expected of [0, 1, 17, parts.length - 1, parts.length, parts.length * 3]) expect(idsOf(parts, expected)).toEqual(reference);
    }
  });

  it('on generated sequences', () => {
    const part = fc.record({
      day: fc.integer({ min: 1, max: 4 }),
      amount: fc.constantFrom('1.00', '-1.00', '2.50'),
      text: fc.constantFrom('a', 'b', 'a\u001fb'),
      ref: fc.option(fc.constantFrom('R1', 'R2'), { nil: undefined }),
      account: fc.option(fc.constantFrom('NL91', '', 'N\u001fL'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(part, { maxLength: 300 }), fc.integer({ min: 0, max: 400 }), (ps, expected) => {
        const parts: IdParts[] = ps.map((p) => ({
          accountId: p.account,
          bookedOn: `2024-01-0${p.day}`,
          amount: { amount: p.amount, currency: 'EUR' },
          description: p.text,
          reference: p.ref,
        }));
        expect(idsOf(parts, expected)).toEqual(referenceIds(parts));
      }),
      { numRuns: 300 },
    );
  });
});
