// The rate-drift rule (doubles, exact rates only where a comparison is too close to call) = the
// plain reference on exact Decimal rates beside this test (reference/rate-drift.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReconcileInput } from '../../../lib/model';
import { makeContext } from '../../../lib/reconcile/context';
import { rateDrift } from '../../../lib/reconcile/rules/rate-drift';
import { buildScaleInput } from '../../bench/reconcile-input';
import { cnContract, input, txn } from '../../fixtures/scenarios/builders';
import { generateScenario } from '../../fixtures/scenarios/generator';
import { rateDriftReference } from './reference/rate-drift';

describe('rate drift on doubles = on exact Decimal rates', () => {
  /** the rule and the reference on one context */
  const both = (inp: ReconcileInput) => {
    const ctx = makeContext(inp);
    const fast = rateDrift.run(ctx);
    expect(fast).toEqual(rateDriftReference(ctx));
    // and after the fee audit of every row, whose hints spare the rule a Decimal (and a contract lookup) per row
    const audited = makeContext(inp);
    audited.feeExcessRows();
    expect(rateDrift.run(audited)).toEqual(fast);
    return fast;
  };
  it('on runs of rates on and around the half-step boundary, with and without a contract', () => {
    // fees that put 1,000.00 at 0.60 %, exactly half a step (0.01 pp) away, just inside and outside it, and well past the threshold
    const fees = ['6.00', '6.10', '6.09', '6.11', '5.90', '6.20', '6.80', '6.81', '7.00'];
    let drifts = 0;
    fc.assert(
      fc.property(
        // runs of one fee (a trend needs ≥ 3 alike in a row), now and then another row in between
        fc.array(
          fc.record({
            fee: fc.constantFrom(...fees),
            n: fc.integer({ min: 1, max: 8 }),
            // 5,000.00 on a debit card reaches the contract's cap of 20
            amount: fc.constantFrom('1000.00', '1000.00', '1000', '333.33', '5000.00'),
            card: fc.constantFrom('credit', 'credit', 'debit') as fc.Arbitrary<'credit' | 'debit'>,
            // settled the same day: its fee may hide an instant fee
            cycle: fc.constantFrom(undefined, undefined, undefined, 'D0') as fc.Arbitrary<'D0' | undefined>,
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.boolean(),
        (segments, withContract) => {
          const rows = segments.flatMap((g) => Array.from({ length: g.n }, () => g));
          const inp = input({
            contracts: withContract ? [cnContract({ id: 'c', effectiveFrom: '2026-01-01' })] : [],
            transactions: rows.map((r, i) =>
              txn({
                id: `r${String(i).padStart(2, '0')}`,
                amount: r.amount,
                fee: r.fee,
                cardType: r.card,
                ...(r.cycle && { settleCycle: r.cycle }),
                occurredAt: `2026-03-${String(1 + (i >> 1)).padStart(2, '0')}T1${i & 1}:00:00`,
              }),
            ),
          });
          drifts += both(inp).length;
        },
      ),
      { numRuns: 400 },
    );
    expect(drifts).toBeGreaterThan(20); // the property saw real findings, not only quiet months
  });
  it('with series interleaved in time: merchants printed with and without padding, card types outside the list, two currencies', () => {
    let drifts = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            // '000123' and '123' are one merchant to keys.ts but two series as printed (the finding names the printed id)
            merchant: fc.constantFrom('123', '000123', '456', ' 456', undefined),
            card: fc.constantFrom('credit', 'debit', 'prepaid', 'gift_card') as fc.Arbitrary<'credit'>,
            currency: fc.constantFrom('CNY', 'CNY', 'USD'),
            fee: fc.constantFrom('6.00', '6.00', '6.50', '7.00'),
            n: fc.integer({ min: 2, max: 6 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (segments) => {
          const rows = segments.flatMap((g) => Array.from({ length: g.n }, () => g));
          const inp = input({
            contracts: [],
            transactions: rows.map((r, i) => ({
              ...txn({
                id: `r${String(i).padStart(3, '0')}`,
                amount: '1000.00',
                fee: r.fee,
                cardType: r.card,
                occurredAt: `2026-03-01T10:${String(i % 60).padStart(2, '0')}:0${i >> 6}`,
              }),
              merchantId: r.merchant,
              amount: { amount: '1000.00', currency: r.currency },
              fee: { amount: r.fee, currency: r.currency },
            })),
          });
          drifts += both(inp).length;
        },
      ),
      { numRuns: 300 },
    );
    expect(drifts).toBeGreaterThan(20);
  });
  it('on the scale input and a scenario month', () => {
    for (const inp of [buildScaleInput(3000, 11).input, generateScenario({ seed: 44 }).input]) {
      both(inp);
    }
  });
});
