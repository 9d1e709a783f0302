// findDuplicates (amount buckets, positions until a key repeats, sales near a cluster by binary
// search) = the plain reference beside this test (reference/duplicates.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReconcileInput } from '../../../lib/model';
import { makeContext } from '../../../lib/reconcile/context';
import { findDuplicates, type DuplicateCluster } from '../../../lib/reconcile/duplicates';
import { buildScaleInput } from '../../bench/reconcile-input';
import { cashierRecord, input, txn } from '../../fixtures/scenarios/builders';
import { generateScenario } from '../../fixtures/scenarios/generator';
import { findDuplicatesReference } from './reference/duplicates';

const summary = (ds: DuplicateCluster[]) =>
  ds.map((d) => ({
    original: d.original.id,
    dups: d.duplicates.map((x) => [x.txn.id, x.severity, x.secondsApart]),
    cashier: d.cashier.map((c) => c.id),
    covered: d.cashierCovered,
    n: d.portalCount,
  }));

describe('duplicate swipes: keys without copies, positions until a key repeats = the reference grouping', () => {
  const both = (inp: ReconcileInput) => {
    const ctx = makeContext(inp);
    const fast = summary(findDuplicates(ctx));
    expect(fast).toEqual(summary(findDuplicatesReference(ctx)));
    return fast;
  };
  it('on the chain of stores and scenario months', () => {
    let n = 0;
    for (const inp of [buildScaleInput(3000, 7).input, generateScenario({ seed: 1 }).input, generateScenario({ seed: 44 }).input]) n += both(inp).length;
    expect(n).toBeGreaterThan(0);
  });
  it('generated swipes and cashier sales around the window edges, odd times, a negative or wide window (property)', () => {
    const time = fc.oneof(
      fc.integer({ min: 0, max: 600 }).map((s) => `2026-03-02T10:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`),
      fc.constantFrom('2026-03-02T09:55:00', '2026-03-02T10:20:00', '2026-03-02T10:05', '2026-03-02T10:03:00+08:00', 'garbled', '2026-03-02'),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            t: fc.oneof(
              time.filter((t) => t.length === 19),
              fc.constantFrom('2026-03-02T10:05'),
            ),
            last4: fc.constantFrom('1234', '9999', ' 1234', '1234\t'),
            // zero, negative, a third decimal (not whole cents: read on the row), another currency
            amount: fc.constantFrom('25.00', '25', '30.00', '0.00', '-25.00', '25.000'),
            currency: fc.constantFrom('CNY', 'CNY', 'CNY', 'USD'),
            terminal: fc.constantFrom('T1', 't1', ' T1', 'T1\u3000', 'Tü', 'T-1_A'),
            merchant: fc.constantFrom(undefined, 'm1', 'M1', ''),
            bin: fc.constantFrom(undefined, '622202', 'abc', 'ABC'),
          }),
          { minLength: 2, maxLength: 12 },
        ),
        fc.array(fc.record({ t: time, amount: fc.constantFrom('25.00', '25.0', '30.00'), last4: fc.constantFrom(undefined, '1234') }), { maxLength: 12 }),
        fc.constantFrom(0, 60, 180, -30, 3600, 0.5),
        (swipes, sales, w) => {
          const inp: ReconcileInput = {
            transactions: swipes.map((x, i) =>
              txn({
                id: `t${i}`,
                amount: x.amount,
                currency: x.currency,
                occurredAt: x.t,
                cardLast4: x.last4,
                terminalId: x.terminal,
                merchantId: x.merchant,
                cardBin: x.bin,
                rrn: `r${i}`,
              }),
            ),
            statementLines: [],
            contracts: [],
            asOf: '2026-04-30',
            cashier: sales.map((x, i) =>
              cashierRecord({ id: `c${String(i).padStart(2, '0')}`, amount: x.amount, occurredAt: x.t, cardLast4: x.last4, terminalId: 'T1' }),
            ),
            tolerances: { cashierMatchSeconds: w },
          };
          both(inp);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('duplicate swipes: the cashier sales near a cluster by binary search = every sale of the amount', () => {
  const at = (sec: number, frac = '') => {
    const d = new Date(Date.UTC(2026, 2, 3, 10, 0, 0) + sec * 1000).toISOString().slice(0, 19);
    return `${d}${frac}`;
  };
  it('with sales on both sides of the window, at its edges (±600 s, ±601 s, half seconds), same times, and buckets whose times do not rise (property)', () => {
    let withCashier = 0;
    fc.assert(
      fc.property(
        // the cluster: 2–4 swipes of 88.00 on one card within a few minutes
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 2, maxLength: 4 }),
        // the cashier's 88.00 sales: offsets from the first or the last swipe (the window's edges), a fraction now and then, a terminal
        fc
          .tuple(
            // far from the cluster (a busy amount: the bucket is large), then a few at the window's edges
            fc.array(
              fc.record({
                fromLast: fc.constant(false),
                off: fc.oneof(fc.integer({ min: -9000, max: -1500 }), fc.integer({ min: 2000, max: 9000 })),
                frac: fc.constant(''),
                term: fc.constantFrom(undefined, 'T1'),
              }),
              { minLength: 10, maxLength: 40 },
            ),
            fc.array(
              fc.record({
                fromLast: fc.boolean(),
                off: fc.constantFrom(-601, -600, -599, 0, 599, 600, 601),
                frac: fc.constantFrom('', '', '.500', '.499'),
                term: fc.constantFrom(undefined, 'T1', 'T2'),
              }),
              { maxLength: 4 },
            ),
          )
          .map(([far, near]) => [...far, ...near]),
        fc.boolean(),
        (swipes, sales, shuffled) => {
          const sorted = [...swipes].sort((a, b) => a - b);
          const transactions = sorted.map((sec, i) =>
            txn({ id: `p${i}`, amount: '88.00', fee: '0.53', cardLast4: '4321', terminalId: 'T1', rrn: `R${i}`, occurredAt: at(sec) }),
          );
          // a bucket in time order, or (shuffled) one whose times do not rise: built in this order, the context sorts records by time then id
          const cashier = sales.map((x, i) =>
            cashierRecord({
              id: `c${String(i).padStart(2, '0')}`,
              amount: '88.00',
              occurredAt: at((x.fromLast ? sorted[sorted.length - 1]! : sorted[0]!) + x.off, x.frac),
              terminalId: x.term,
              cardLast4: '4321',
            }),
          );
          if (shuffled) cashier.push(cashierRecord({ id: 'zz', amount: '88.00', occurredAt: at(0, '+08:00'), terminalId: 'T1' }));
          const inp = input({ transactions, cashier, contracts: [] });
          const ctx = makeContext(inp);
          const fast = summary(findDuplicates(ctx));
          withCashier += fast.filter((d) => d.cashier.length > 0).length;
          expect(fast).toEqual(summary(findDuplicatesReference(ctx)));
        },
      ),
      { numRuns: 500 },
    );
    expect(withCashier).toBeGreaterThan(50); // reported clusters with cashier sales at the edges, not only empty windows
  });
});
