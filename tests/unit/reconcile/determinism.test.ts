import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../lib/reconcile';
import type { ReconcileInput } from '../../../lib/model';
import { cashierRecord, cnContract, input, line, txn } from '../../fixtures/scenarios/builders';
import { generateScenario } from '../../fixtures/scenarios/generator';
import { buildScaleInput } from '../../bench/reconcile-input';

function sample(): ReconcileInput {
  const common = { terminalId: '12345678', cardLast4: '0085' };
  return input({
    contracts: [cnContract()],
    transactions: [
      txn({ id: 'd1', amount: '8000.00', fee: '40.00', cardType: 'debit', occurredAt: '2026-03-03T09:00:00' }),
      txn({ id: 'c1', amount: '10000.00', fee: '68.00', occurredAt: '2026-03-03T10:00:00' }),
      txn({ id: 'x1', amount: '88.00', fee: '0.53', occurredAt: '2026-03-03T12:01:10', rrn: 'R1', ...common }),
      txn({ id: 'x2', amount: '88.00', fee: '0.53', occurredAt: '2026-03-03T12:02:05', rrn: 'R2', ...common }),
    ],
    cashier: [cashierRecord({ id: 'p1', amount: '88.00', occurredAt: '2026-03-03T12:01:00', cardLast4: '0085', terminalId: '12345678' })],
    statementLines: [
      line({ id: 'o', amount: '1.00', bookedOn: '2026-03-01', description: '利息' }),
      line({ id: 'b', amount: '17000.00', bookedOn: '2026-03-04' }),
      line({ id: 'e', amount: '1.00', bookedOn: '2026-03-31', description: '利息' }),
    ],
  });
}

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('reconcile() is deterministic', () => {
  it('the same input twice gives the same result, with findings of several kinds', () => {
    const a = reconcile(sample());
    const b = reconcile(sample());
    expect(b).toEqual(a);
    expect(new Set(a.findings.map((f) => f.kind))).toEqual(new Set(['debit_cap_ignored', 'fee_above_contract', 'duplicate_charge', 'settlement_shortfall']));
  });
  it('input order does not matter (property)', () => {
    const base = reconcile(sample());
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const s = sample();
        const r = reconcile({
          ...s,
          transactions: shuffle(s.transactions, seed),
          statementLines: shuffle(s.statementLines, seed + 1),
          cashier: shuffle(s.cashier ?? [], seed + 2),
        });
        expect(r).toEqual(base);
      }),
      { numRuns: 50 },
    );
  });
  it('input order does not matter on a labelled month and a chain of stores (cashier matches, rows read in memory order)', () => {
    for (const inp of [generateScenario({ seed: 42 }).input, buildScaleInput(1500, 3).input]) {
      const base = reconcile(inp);
      expect(base.matches.some((m) => m.basis.startsWith('cashier:'))).toBe(true);
      for (const seed of [1, 2]) {
        const r = reconcile({
          ...inp,
          transactions: shuffle(inp.transactions, seed),
          statementLines: shuffle(inp.statementLines, seed + 1),
          cashier: shuffle(inp.cashier ?? [], seed + 2),
        });
        expect(r).toEqual(base);
      }
    }
  });
  it('finding ids depend only on the evidence, not on the rest of the input', () => {
    const s = sample();
    const alone = reconcile({ ...s, transactions: s.transactions.filter((t) => t.id === 'd1'), statementLines: [], cashier: [] });
    const all = reconcile(s);
    const id = alone.findings.find((f) => f.kind === 'debit_cap_ignored')!.id;
    expect(all.findings.find((f) => f.kind === 'debit_cap_ignored')!.id).toBe(id);
  });
  it('does not read the clock: the result is the same across time', () => {
    const a = reconcile(sample());
    const realNow = Date.now;
    Date.now = () => 0;
    try {
      expect(reconcile(sample())).toEqual(a);
    } finally {
      Date.now = realNow;
    }
  });
});
