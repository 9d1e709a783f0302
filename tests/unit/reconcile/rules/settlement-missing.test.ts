import { describe, expect, it } from 'vitest';
import { input, line, txn } from '../../../fixtures/scenarios/builders';
import { findingsOf, type NegativeCase, type PositiveCase } from '../helpers';

// Tuesday 2026-03-03 sales, T+1 → Wed 03-04, grace 2 working days → Fri 03-06.
const tue = [
  txn({ id: 's1', amount: '1000.00', fee: '6.00', occurredAt: '2026-03-03T10:00:00' }),
  txn({ id: 's2', amount: '500.00', fee: '3.00', occurredAt: '2026-03-03T15:00:00' }),
];
const from = line({ id: 'open', amount: '1.00', bookedOn: '2026-03-01', description: '利息' });

const mustNot: NegativeCase[] = [
  {
    description: 'paid on time',
    input: input({
      transactions: tue,
      statementLines: [
        from,
        line({ id: 'b', amount: '1491.00', bookedOn: '2026-03-04' }),
        line({ id: 'z', amount: '1.00', bookedOn: '2026-03-20', description: '利息' }),
      ],
    }),
  },
  {
    description: 'paid late but within the grace period',
    input: input({
      transactions: tue,
      statementLines: [
        from,
        line({ id: 'b', amount: '1491.00', bookedOn: '2026-03-06' }),
        line({ id: 'z', amount: '1.00', bookedOn: '2026-03-20', description: '利息' }),
      ],
    }),
  },
  {
    description: 'the statement ends before the grace period is over',
    input: input({ transactions: tue, statementLines: [from, line({ id: 'z', amount: '1.00', bookedOn: '2026-03-05', description: '利息' })] }),
  },
  { description: 'no statement at all', input: input({ transactions: tue }) },
  {
    description: 'asOf before the grace period ends',
    input: input({
      asOf: '2026-03-05',
      transactions: tue,
      statementLines: [from, line({ id: 'z', amount: '1.00', bookedOn: '2026-03-05', description: '利息' })],
    }),
  },
  {
    description: 'a group that nets to nothing (sale and its void)',
    input: input({
      transactions: [
        txn({ id: 's', amount: '100.00', fee: '0.60', rrn: 'R', occurredAt: '2026-03-03T10:00:00' }),
        txn({ id: 'v', kind: 'void', amount: '-100.00', originalRef: 'R', occurredAt: '2026-03-03T10:01:00' }),
      ],
      statementLines: [from, line({ id: 'z', amount: '1.00', bookedOn: '2026-03-20', description: '利息' })],
    }),
  },
];

const must: PositiveCase[] = [
  {
    description: 'nothing arrived by the end of the grace period',
    input: input({ transactions: tue, statementLines: [from, line({ id: 'z', amount: '1.00', bookedOn: '2026-03-20', description: '利息' })] }),
    expected: [{ atStake: '1491.00', severity: 'overcharge', transactionIds: ['s1', 's2'], statementLineIds: [] }],
  },
];

describe('settlement_missing', () => {
  for (const c of mustNot) it(`no finding: ${c.description}`, () => expect(findingsOf('settlement_missing', c.input)).toEqual([]));
  for (const c of must) {
    it(`finding: ${c.description}`, () => {
      expect(
        findingsOf('settlement_missing', c.input).map((f) => ({
          atStake: f.atStake?.amount,
          severity: f.severity,
          transactionIds: f.transactionIds,
          statementLineIds: f.statementLineIds,
        })),
      ).toEqual(c.expected);
      expect(findingsOf('settlement_shortfall', c.input)).toEqual([]);
    });
  }
  it('explains the due date and the grace period', () => {
    const [f] = findingsOf('settlement_missing', must[0]!.input);
    expect(f!.explanation.params).toMatchObject({
      expectedValueDate: '2026-03-04',
      graceUntil: '2026-03-06',
      expected: '1491.00',
      coveredThrough: '2026-03-20',
    });
  });
});
