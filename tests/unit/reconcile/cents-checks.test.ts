// Checks reconcile answers in whole cents (lib/money.ts Cents) before any Decimal = the same checks
// on Decimals: the net check of the input (index.ts netConsistentExact) and the regulated floor of
// D18 (mcc-jump-risk.ts certainlyOut, derived from the one FLOOR table, against belowFloor). Where
// the cents path answers it must agree; where it cannot tell it says so (false) and Decimal decides.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, amountOf, isDecimalString } from '../../../lib/money';
import type { PortalTransaction } from '../../../lib/model';
import { netConsistentExact } from '../../../lib/reconcile';
import { belowFloor, certainlyOut } from '../../../lib/reconcile/rules/mcc-jump-risk';
import { txn } from '../../fixtures/scenarios/builders';

/** The net check on Decimals: |net − (amount − fee − extra fees)| ≤ tol × n. */
function netConsistentDecimal(t: PortalTransaction, tol: Dec): boolean {
  let expected = amountOf(t.amount).minus(amountOf(t.fee!));
  let n = 1;
  for (const x of t.extraFees ?? []) {
    expected = expected.minus(amountOf(x.amount));
    n++;
  }
  return amountOf(t.net!).minus(expected).abs().lessThanOrEqualTo(tol.times(n));
}

describe('the net check in whole cents = the same check on Decimals', () => {
  it('agrees wherever it answers, on amounts near and beyond the exact range, extra fees and tolerances (property)', () => {
    const amt = fc.oneof(
      fc.integer({ min: -100_000, max: 100_000 }).map((c) => (c / 100).toFixed(2)),
      fc.constantFrom('0', '-0.00', '12.3', '12.345', '11258999068426.24', '11258999068426.25', '99999999999999999.99', '-11258999068426.24', 'x'),
    );
    let answered = 0;
    fc.assert(
      fc.property(amt, amt, amt, fc.array(amt, { maxLength: 3 }), fc.constantFrom(0, 1, 2, 2 ** 50, 2 ** 51), (a, f, n, extras, tol) => {
        const t = txn({ id: 'n', amount: a, fee: f, net: n, extraFees: extras.map((x) => ({ label: 'x', amount: x })) });
        const fast = netConsistentExact(t, tol);
        if (![a, f, n, ...extras].every(isDecimalString)) return void expect(fast).toBe(false);
        const exact = netConsistentDecimal(t, new Dec(tol).dividedBy(100));
        // true only when the Decimal check finds no issue; on plain cents within range, the same answer
        if (fast) expect(exact).toBe(true);
        const inRange = [a, f, n, ...extras].every((x) => /^-?\d{1,12}(\.\d{1,2})?$/.test(x)) && tol <= 2 ** 40;
        if (inRange) {
          answered++;
          expect(fast).toBe(exact);
        }
      }),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(200);
  });
});

describe('D18 floor test in whole cents = on Decimals', () => {
  const cardTypes = fc.constantFrom('credit', 'semi_credit', 'debit', 'qr_wechat', 'unknown') as fc.Arbitrary<PortalTransaction['cardType']>;
  it('certainlyOut never hides a row below the floor, and decides as belowFloor on plain cents (property)', () => {
    const amount = fc.oneof(
      fc.integer({ min: 0, max: 10_000_000 }).map((c) => (c / 100).toFixed(2)),
      fc.constantFrom('99.99', '100.00', '371428.57', '371428.58', '1000000.00', '10000000000.00', '10000000000.01', '12.345'),
    );
    const fee = fc.oneof(
      fc.integer({ min: 0, max: 5_000_000 }).map((c) => (c / 100).toFixed(2)),
      fc.constantFrom('0', '16.25', '4.83', '-1.00'),
    );
    fc.assert(
      fc.property(amount, fee, cardTypes, fc.constantFrom(0, 1, 2, 2_000_000), (a, f, cardType, tol) => {
        const t = txn({ id: 'm', amount: a, fee: f, cardType });
        const below = belowFloor(t, new Dec(tol).dividedBy(100));
        const out = certainlyOut(t, tol);
        if (out) expect(below).toBe(false);
        if (!a.includes('.') || /\.\d\d$/.test(a)) {
          if (tol <= 1_000_000 && Number(a) <= 1e10) expect(out).toBe(!below);
        }
      }),
      { numRuns: 5000 },
    );
  });
  it("at the floor's rounding half and the debit caps", () => {
    // credit: 0.4825 % of 1,036.27 = 5.0000…; debit: min(0.35 %, 13) + min(0.0325 %, 3.25) = 3.96 there, 16.25 at 371,428.58
    const cases: [PortalTransaction['cardType'], string, string, boolean][] = [
      ['credit', '1036.27', '5.00', false],
      ['credit', '1036.27', '4.98', true],
      ['debit', '1036.27', '3.95', false],
      ['debit', '1036.27', '3.94', true],
      ['debit', '371428.58', '16.25', false],
      ['debit', '371428.58', '16.23', true],
      ['credit', '99.99', '0.00', false],
      ['qr_wechat', '1000.00', '0.00', false],
    ];
    for (const [cardType, a, f, below] of cases) {
      const t = txn({ id: 'm', amount: a, fee: f, cardType });
      expect(belowFloor(t, new Dec('0.01')), `${cardType} ${a} ${f}`).toBe(below);
      expect(certainlyOut(t, 1), `${cardType} ${a} ${f}`).toBe(!below);
    }
  });
});
