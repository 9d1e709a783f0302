// The fee audit in whole cents (fee-cents.ts) = auditFee on Decimals: expectedFeeCents against
// expectedFee, and makeContext's excess rows and hints against the reference beside this test
// (reference/fee-audit.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contract, PortalTransaction, ReconcileInput } from '../../../lib/model';
import { makeContext } from '../../../lib/reconcile/context';
import { expectedFeeCents } from '../../../lib/reconcile/fee-cents';
import { expectedFee } from '../../../lib/reconcile/fee-schedule';
import { centsOf } from '../../../lib/money';
import { buildScaleInput } from '../../bench/reconcile-input';
import { txn } from '../../fixtures/scenarios/builders';
import { generateScenario } from '../../fixtures/scenarios/generator';
import { feeVerdictsReference } from './reference/fee-audit';

describe('fee audit in whole cents = auditFee', () => {
  it('expectedFeeCents = expectedFee wherever it answers, at the exact half cent, min and cap too (property)', () => {
    // amounts that put the percentage part exactly on a half cent, on the min or on the cap
    const amount = fc.oneof(
      fc
        .integer({ min: -100_000, max: 5_000_000 })
        .map((c) => `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`),
      fc.constantFrom('1.00', '3.00', '0.50', '100', '400', '400.00', '4000', '1000.00', '1000.01', '800.00', '8000.00', '10.005', '0'),
    );
    const rule = fc.record({
      cardType: fc.constantFrom('debit', 'credit', 'any') as fc.Arbitrary<Contract['rules'][number]['cardType']>,
      percent: fc.constantFrom('0.5', '0.6', '0.38', '1', '2.9', '0.0325', '0', '1.234567', '0.25'),
      minAmount: fc.option(fc.constantFrom('0', '100', '1000'), { nil: undefined }),
      maxAmount: fc.option(fc.constantFrom('100', '1000', '1000.00'), { nil: undefined }),
      min: fc.option(fc.constantFrom('0.50', '2', '5.00', '0.005'), { nil: undefined }),
      cap: fc.option(fc.constantFrom('20', '2', '5', '0.50'), { nil: undefined }),
      fixed: fc.option(fc.constantFrom('0', '0.30', '1'), { nil: undefined }),
      instantFee: fc.option(fc.constantFrom('0', '2', '0.50'), { nil: undefined }),
    });
    let answered = 0;
    fc.assert(
      fc.property(
        fc.array(rule, { minLength: 1, maxLength: 3 }),
        amount,
        fc.constantFrom('debit', 'credit', 'semi_credit') as fc.Arbitrary<PortalTransaction['cardType']>,
        fc.constantFrom('T1', 'D0') as fc.Arbitrary<Contract['settleCycle']>,
        fc.boolean(),
        (rules, a, cardType, settleCycle, instant) => {
          const contract: Contract = {
            id: 'k',
            label: 'k',
            currency: 'CNY',
            effectiveFrom: '2026-01-01',
            settleCycle,
            calendar: 'CN',
            rules,
            periodicFees: [],
          };
          const t = txn({ id: 't', amount: a, cardType });
          const fast = expectedFeeCents(t, contract, instant);
          if (fast === undefined) return;
          answered++;
          const slow = expectedFee(t, contract, { instantSettled: instant });
          expect(fast.rule).toBe(slow?.rule);
          if (!slow) return;
          expect(fast.total).toBe(centsOf(slow.total.toFixed(2)));
          expect(slow.total.decimalPlaces()).toBeLessThanOrEqual(2);
          expect([fast.capped, fast.minApplied, fast.fixed, fast.instantFee]).toEqual([
            slow.capped,
            slow.minApplied,
            centsOf(slow.fixed.toFixed(2)),
            centsOf(slow.instantFee.toFixed(2)),
          ]);
        },
      ),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(1000);
  });

  /** which rows feeExcessRows() keeps and every row's feeBreakdownHint */
  const verdicts = (inp: ReconcileInput) => {
    const ctx = makeContext(inp);
    return { excess: ctx.feeExcessRows().map((t) => t.id), hints: ctx.transactions.map((_, i) => ctx.feeBreakdownHint(i)) };
  };
  const reference = (inp: ReconcileInput) => feeVerdictsReference(makeContext(inp));
  it('on the chain of stores and a scenario month (excess rows and every hint)', () => {
    // the chain at 2,000 rows is three stores paid per order (D0: hint 3); the month settles T1
    for (const inp of [buildScaleInput(2000, 7).input, generateScenario({ seed: 44 }).input]) {
      const fast = verdicts(inp);
      expect(fast.excess.length).toBeGreaterThan(0);
      expect(fast.hints.filter((h) => h === (inp.transactions.length > 1900 ? 3 : 1)).length).toBeGreaterThan(500);
      expect(fast).toEqual(reference(inp));
    }
  });
  it('on generated rows and contracts: tiers, min, cap, fixed and instant fees, odd decimals, fees around the tolerance (property)', () => {
    const money = fc.oneof(
      fc.integer({ min: 0, max: 2_000_000 }).map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`),
      fc.constantFrom('0', '-0.00', '10.005', '-5.00', '20', '1000'),
    );
    const optMoney = fc.option(fc.constantFrom('0', '0.50', '2', '20', '0.005', '1000', '-1'), { nil: undefined });
    const ruleArb = fc.record({
      cardType: fc.constantFrom('debit', 'credit', 'any', 'qr_wechat') as fc.Arbitrary<Contract['rules'][number]['cardType']>,
      percent: fc.constantFrom('0.6', '0.5', '0.38', '0', '2.9', '0.0325', '1.234567', '-0.1', '.5'),
      minAmount: optMoney,
      maxAmount: optMoney,
      min: optMoney,
      cap: optMoney,
      fixed: optMoney,
      instantFee: optMoney,
    });
    fc.assert(
      fc.property(
        fc.array(ruleArb, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('T1', 'D0') as fc.Arbitrary<Contract['settleCycle']>,
        fc.boolean(),
        fc.array(
          fc.record({
            amount: money,
            fee: fc.option(money, { nil: undefined }),
            cardType: fc.constantFrom('debit', 'credit', 'semi_credit', 'qr_alipay') as fc.Arbitrary<PortalTransaction['cardType']>,
            cycle: fc.constantFrom(undefined, 'D0', 'T1') as fc.Arbitrary<PortalTransaction['settleCycle']>,
            instant: fc.boolean(),
          }),
          { maxLength: 8 },
        ),
        fc.constantFrom('0.01', '0.00', '0.05', '0.005'),
        (rules, settleCycle, surcharge, rows, tol) => {
          const contract: Contract = {
            id: 'k',
            label: 'k',
            currency: 'CNY',
            effectiveFrom: '2026-01-01',
            settleCycle,
            calendar: 'CN',
            rules,
            periodicFees: [],
            surcharges: surcharge ? [{ when: 'keyed', percent: '0.5' }] : undefined,
          };
          const inp: ReconcileInput = {
            transactions: rows.map((r, i) =>
              txn({
                id: `t${i}`,
                amount: r.amount,
                fee: r.fee,
                cardType: r.cardType,
                settleCycle: r.cycle,
                extraFees: r.instant ? [{ label: '秒到费', amount: '2.00' }] : undefined,
              }),
            ),
            statementLines: [],
            contracts: [contract],
            asOf: '2026-04-30',
            tolerances: { fee: tol },
          };
          let slow: unknown;
          let fast: unknown;
          try {
            slow = reference(inp);
          } catch (e) {
            slow = String(e);
          }
          try {
            fast = verdicts(inp);
          } catch (e) {
            fast = String(e);
          }
          expect(fast).toEqual(slow);
        },
      ),
      { numRuns: 500 },
    );
  });
  it('rows of several merchants (printed with and without padding, or none), kinds, statuses and card types, under contracts per merchant and date (property)', () => {
    const rule = (percent: string) => ({ cardType: 'any' as const, percent });
    const contract = (id: string, merchantId: string | undefined, effectiveFrom: string, percent: string, effectiveTo?: string): Contract => ({
      id,
      label: id,
      currency: 'CNY',
      merchantId,
      effectiveFrom,
      effectiveTo,
      settleCycle: 'T1',
      calendar: 'CN',
      rules: [rule(percent)],
      periodicFees: [],
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            merchant: fc.constantFrom('898100000000001', '000898100000000001', '898100000000002', undefined, ''),
            day: fc.integer({ min: 1, max: 9 }),
            kind: fc.constantFrom('sale', 'sale', 'preauth_completion', 'refund') as fc.Arbitrary<PortalTransaction['kind']>,
            status: fc.constantFrom('success', 'success', 'failed') as fc.Arbitrary<PortalTransaction['status']>,
            cardType: fc.constantFrom('debit', 'credit', 'gift_card') as fc.Arbitrary<PortalTransaction['cardType']>,
            fee: fc.constantFrom('6.00', '6.50', '0.00', '-0.00', '6.005'),
            amount: fc.constantFrom('1000.00', '1000.005', '-1000.00'),
          }),
          { maxLength: 12 },
        ),
        fc.boolean(),
        (rows, withGeneric) => {
          const contracts = [
            contract('m1-early', '898100000000001', '2026-03-01', '0.6', '2026-03-04'),
            contract('m1-late', '898100000000001', '2026-03-06', '0.65'),
            contract('m1-padded', '000898100000000001', '2026-03-01', '0.5'),
            ...(withGeneric ? [contract('any', undefined, '2026-03-03', '0.55')] : []),
          ];
          const inp: ReconcileInput = {
            transactions: rows.map((r, i) => ({
              ...txn({ id: `t${String(i).padStart(2, '0')}`, amount: r.amount, fee: r.fee, cardType: r.cardType, kind: r.kind, status: r.status }),
              merchantId: r.merchant,
              occurredAt: `2026-03-0${r.day}T10:00:${String(i).padStart(2, '0')}`,
            })),
            statementLines: [],
            contracts,
            asOf: '2026-04-30',
          };
          const ctx = makeContext(inp);
          expect(verdicts(inp)).toEqual(reference(inp));
          // the same contract gap issues as contractFor raises row by row
          ctx.feeExcessRows();
          const plain = makeContext(inp);
          for (const t of plain.transactions) plain.contractFor(t);
          expect(
            ctx
              .issues()
              .map((x) => x.message)
              .sort(),
          ).toEqual(
            plain
              .issues()
              .map((x) => x.message)
              .sort(),
          );
        },
      ),
      { numRuns: 400 },
    );
  });
});
