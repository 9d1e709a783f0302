import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../../lib/reconcile';
import { cnContract, input, line, txn } from '../../../fixtures/scenarios/builders';
import { findingsOf, type NegativeCase, type PositiveCase } from '../helpers';

// A Tuesday with two sales; T+1 → Wednesday 2026-03-04. Expected net 1000 − 6 + 500 − 3 = 1491.00.
const tue = [
  txn({ id: 's1', amount: '1000.00', fee: '6.00', occurredAt: '2026-03-03T10:00:00' }),
  txn({ id: 's2', amount: '500.00', fee: '3.00', occurredAt: '2026-03-03T15:00:00' }),
];
// statement lines around the dates so the statement covers them
const frame = [
  line({ id: 'open', amount: '1.00', bookedOn: '2026-03-01', description: '利息' }),
  line({ id: 'close', amount: '1.00', bookedOn: '2026-03-31', description: '利息' }),
];

const mustNot: NegativeCase[] = [
  {
    description: 'the exact credit on the value date',
    input: input({ transactions: tue, statementLines: [...frame, line({ id: 'b', amount: '1491.00', bookedOn: '2026-03-04' })] }),
  },
  {
    description: 'the exact credit one working day later',
    input: input({ transactions: tue, statementLines: [...frame, line({ id: 'b', amount: '1491.00', bookedOn: '2026-03-05' })] }),
  },
  {
    description: 'two credits adding up to the group',
    input: input({
      transactions: tue,
      statementLines: [...frame, line({ id: 'b1', amount: '994.00', bookedOn: '2026-03-04' }), line({ id: 'b2', amount: '497.00', bookedOn: '2026-03-04' })],
    }),
  },
  {
    description: 'within the settlement tolerance',
    input: input({ transactions: tue, statementLines: [...frame, line({ id: 'b', amount: '1490.99', bookedOn: '2026-03-04' })] }),
  },
  {
    description: 'more than expected is not a shortfall',
    input: input({ transactions: tue, statementLines: [...frame, line({ id: 'b', amount: '1500.00', bookedOn: '2026-03-04' })] }),
  },
  { description: 'no bank statement at all', input: input({ transactions: tue }) },
  {
    description: 'a bank statement that ends before the value date',
    input: input({
      transactions: tue,
      statementLines: [line({ id: 'x', amount: '20.00', bookedOn: '2026-02-20' }), line({ id: 'y', amount: '1300.00', bookedOn: '2026-03-03' })],
    }),
  },
  {
    description: 'Friday + Saturday + Sunday sales paid in one Monday credit',
    input: input({
      transactions: [
        txn({ id: 'f', amount: '100.00', fee: '0.60', occurredAt: '2026-03-06T10:00:00' }),
        txn({ id: 'sa', amount: '200.00', fee: '1.20', occurredAt: '2026-03-07T10:00:00' }),
        txn({ id: 'su', amount: '300.00', fee: '1.80', occurredAt: '2026-03-08T10:00:00' }),
      ],
      statementLines: [...frame, line({ id: 'mon', amount: '596.40', bookedOn: '2026-03-09' })],
    }),
  },
  {
    description: 'a shortfall equal to the contracted 流量费, first time this year',
    input: input({
      contracts: [cnContract({ periodicFees: [{ label: '流量费', amount: '48', every: 'year' }] })],
      transactions: tue,
      statementLines: [...frame, line({ id: 'b', amount: '1443.00', bookedOn: '2026-03-04' })],
    }),
  },
  {
    description: 'a void cancels its sale and fee; the portal net is used where shown',
    input: input({
      transactions: [
        txn({ id: 's1', amount: '1000.00', fee: '6.00', net: '994.00', occurredAt: '2026-03-03T10:00:00', rrn: 'R1' }),
        txn({ id: 'v1', amount: '-1000.00', kind: 'void', originalRef: 'R1', occurredAt: '2026-03-03T10:05:00' }),
        txn({ id: 's2', amount: '500.00', fee: '3.00', net: '497.00', occurredAt: '2026-03-03T15:00:00' }),
      ],
      statementLines: [...frame, line({ id: 'b', amount: '497.00', bookedOn: '2026-03-04' })],
    }),
  },
];

const must: PositiveCase[] = [
  {
    description: '48.00 short on the value date',
    input: input({ transactions: tue, statementLines: [...frame, line({ id: 'b', amount: '1443.00', bookedOn: '2026-03-04' })] }),
    expected: [{ atStake: '48.00', severity: 'overcharge', transactionIds: ['s1', 's2'], statementLineIds: ['b'] }],
  },
  {
    description: 'short, paid a working day late',
    input: input({ transactions: tue, statementLines: [...frame, line({ id: 'b', amount: '1400.00', bookedOn: '2026-03-05' })] }),
    expected: [{ atStake: '91.00', severity: 'overcharge', transactionIds: ['s1', 's2'], statementLineIds: ['b'] }],
  },
  {
    description: 'the same 流量费 a second time in the year is a hidden fee, not a shortfall; a different amount is a shortfall',
    input: input({
      contracts: [cnContract({ periodicFees: [{ label: '流量费', amount: '48', every: 'year' }] })],
      transactions: [...tue, txn({ id: 's3', amount: '100.00', fee: '0.60', occurredAt: '2026-03-10T10:00:00' })],
      statementLines: [...frame, line({ id: 'b', amount: '1443.00', bookedOn: '2026-03-04' }), line({ id: 'c', amount: '89.40', bookedOn: '2026-03-11' })],
    }),
    expected: [{ atStake: '10.00', severity: 'overcharge', transactionIds: ['s3'], statementLineIds: ['c'] }],
  },
];

describe('settlement_shortfall', () => {
  for (const c of mustNot) it(`no finding: ${c.description}`, () => expect(findingsOf('settlement_shortfall', c.input)).toEqual([]));
  for (const c of must) {
    it(`finding: ${c.description}`, () => {
      expect(
        findingsOf('settlement_shortfall', c.input).map((f) => ({
          atStake: f.atStake?.amount,
          severity: f.severity,
          transactionIds: f.transactionIds,
          statementLineIds: f.statementLineIds,
        })),
      ).toEqual(c.expected);
    });
  }
  it('records matches with basis and confidence, and residuals for what is unexplained', () => {
    const ok = reconcile(mustNot[0]!.input);
    expect(ok.matches).toEqual([{ transactionIds: ['s1', 's2'], statementLineIds: ['b'], basis: 'settlement-group:amount', confidence: 0.95 }]);
    expect(ok.residuals).toEqual([]);
    const late = reconcile(mustNot[1]!.input);
    expect(late.matches[0]).toMatchObject({ basis: 'settlement-group:amount', confidence: 0.9 });
    const short = reconcile(must[0]!.input);
    expect(short.matches).toEqual([{ transactionIds: ['s1', 's2'], statementLineIds: ['b'], basis: 'settlement-group:date', confidence: 0.5 }]);
    expect(short.residuals).toEqual([
      {
        settleDate: '2026-03-04',
        expected: { amount: '1491.00', currency: 'CNY' },
        received: { amount: '1443.00', currency: 'CNY' },
        transactionIds: ['s1', 's2'],
        statementLineIds: ['b'],
      },
    ]);
    const over = reconcile(mustNot[4]!.input);
    expect(over.residuals.map((r) => [r.expected.amount, r.received.amount])).toEqual([['1491.00', '1500.00']]);
  });
  it('explains with dates and totals', () => {
    const [f] = findingsOf('settlement_shortfall', must[0]!.input);
    expect(f!.explanation).toEqual({
      key: 'finding.settlement_shortfall',
      params: expect.objectContaining({
        settleDate: '2026-03-03',
        expectedValueDate: '2026-03-04',
        valueDate: '2026-03-04',
        expected: '1491.00',
        received: '1443.00',
        difference: '48.00',
        sales: '1500.00',
        fees: '9.00',
        count: '2',
        settleCycle: 'T1',
      }),
    });
  });
  it('reports mixed currencies and an inconsistent net as issues', () => {
    const r = reconcile(
      input({
        transactions: [
          txn({ id: 'a', amount: '100.00', fee: '0.60', net: '98.00', occurredAt: '2026-03-03T10:00:00' }),
          txn({ id: 'b', amount: '100.00', fee: '2.90', currency: 'USD', occurredAt: '2026-03-03T10:00:00' }),
        ],
        contracts: [cnContract({ calendar: 'CN' })],
      }),
    );
    expect(r.issues.map((i) => i.code).sort()).toEqual(['mixed_currency', 'net_inconsistent']);
  });
});
