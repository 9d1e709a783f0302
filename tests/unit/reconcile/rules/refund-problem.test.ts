import { describe, expect, it } from 'vitest';
import { cashierRecord, input, txn } from '../../../fixtures/scenarios/builders';
import { findingsOf, type NegativeCase, type PositiveCase } from '../helpers';

const sale = txn({ id: 's', amount: '300.00', fee: '1.80', rrn: 'A', occurredAt: '2026-03-02T10:00:00', cardLast4: '1234' });
const refund = (id: string, amount: string, day = '05') =>
  txn({ id, kind: 'refund', amount, originalRef: 'A', occurredAt: `2026-03-${day}T10:00:00`, cardLast4: '1234' });
const later = txn({ id: 'later', amount: '50.00', fee: '0.30', occurredAt: '2026-03-20T10:00:00' });

const mustNot: NegativeCase[] = [
  { description: 'one full refund', input: input({ transactions: [sale, refund('r1', '-300.00')] }) },
  { description: 'two partial refunds within the sale', input: input({ transactions: [sale, refund('r1', '-100.00'), refund('r2', '-200.00', '06')] }) },
  {
    description: 'cashier refund processed by the acquirer',
    input: input({
      transactions: [sale, refund('r1', '-300.00'), later],
      cashier: [cashierRecord({ id: 'c', kind: 'refund', amount: '-300.00', occurredAt: '2026-03-05T10:00:00', cardLast4: '1234' })],
    }),
  },
  {
    description: 'cashier refund only two working days old',
    input: input({
      asOf: '2026-03-09',
      transactions: [sale, later],
      cashier: [cashierRecord({ id: 'c', kind: 'refund', amount: '-300.00', occurredAt: '2026-03-05T10:00:00', cardLast4: '1234' })],
    }),
  },
  {
    description: 'cashier refund after the last portal data',
    input: input({
      transactions: [sale],
      cashier: [cashierRecord({ id: 'c', kind: 'refund', amount: '-300.00', occurredAt: '2026-03-05T10:00:00', cardLast4: '1234' })],
    }),
  },
];

const must: PositiveCase[] = [
  {
    description: 'a refund larger than the sale',
    input: input({ transactions: [sale, refund('r1', '-350.00')] }),
    expected: [{ atStake: '50.00', severity: 'suspect', transactionIds: ['r1', 's'] }],
  },
  {
    description: 'the same refund twice',
    input: input({ transactions: [sale, refund('r1', '-300.00'), refund('r2', '-300.00', '06')] }),
    expected: [{ atStake: '300.00', severity: 'suspect', transactionIds: ['r2', 'r1', 's'] }],
  },
  {
    description: 'the same refund twice, sale not captured',
    input: input({ transactions: [refund('r1', '-300.00'), refund('r2', '-300.00', '06')] }),
    expected: [{ atStake: '300.00', severity: 'suspect', transactionIds: ['r2', 'r1'] }],
  },
  {
    description: 'cashier refund never processed after 3 working days',
    input: input({
      transactions: [sale, later],
      cashier: [cashierRecord({ id: 'c', kind: 'refund', amount: '-300.00', occurredAt: '2026-03-05T10:00:00', cardLast4: '1234' })],
    }),
    expected: [{ atStake: undefined, severity: 'suspect', transactionIds: [] }],
  },
];

describe('refund_problem', () => {
  for (const c of mustNot) it(`no finding: ${c.description}`, () => expect(findingsOf('refund_problem', c.input)).toEqual([]));
  for (const c of must) {
    it(`finding: ${c.description}`, () => {
      expect(
        findingsOf('refund_problem', c.input).map((f) => ({ atStake: f.atStake?.amount, severity: f.severity, transactionIds: f.transactionIds })),
      ).toEqual(c.expected);
    });
  }
});
