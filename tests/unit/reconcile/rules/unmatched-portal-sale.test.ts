import { describe, expect, it } from 'vitest';
import { cashierRecord, input, txn } from '../../../fixtures/scenarios/builders';
import { findingsOf, type NegativeCase, type PositiveCase } from '../helpers';

const p = (id: string, time: string, over: Partial<Parameters<typeof txn>[0]> = {}) =>
  txn({ id, amount: '120.00', fee: '0.72', occurredAt: `2026-03-02T${time}`, cardLast4: '4321', terminalId: 'T1', ...over });
const c = (id: string, time: string, over: Partial<Parameters<typeof cashierRecord>[0]> = {}) =>
  cashierRecord({ id, amount: '120.00', occurredAt: `2026-03-02T${time}`, cardLast4: '4321', terminalId: 'T1', ...over });

const mustNot: NegativeCase[] = [
  { description: 'matched by amount + last4 within 10 minutes', input: input({ transactions: [p('a', '10:00:00')], cashier: [c('k', '10:06:00')] }) },
  {
    description: 'matched by order number despite the time',
    input: input({ transactions: [p('a', '10:00:00', { orderNo: 'O1' })], cashier: [c('k', '11:30:00', { orderNo: 'O1' })] }),
  },
  { description: 'no cashier export at all', input: input({ transactions: [p('a', '10:00:00')] }) },
  {
    description: 'the cashier export does not cover that day',
    input: input({ transactions: [p('a', '10:00:00', { occurredAt: '2026-03-09T10:00:00' })], cashier: [c('k', '10:00:00')] }),
  },
  {
    description: 'a terminal the cashier export does not include',
    input: input({ transactions: [p('a', '10:00:00'), p('b', '11:00:00', { terminalId: 'T9', cardLast4: '9999' })], cashier: [c('k', '10:00:00')] }),
  },
  {
    description: 'a sale that was voided',
    input: input({
      transactions: [
        p('a', '10:00:00'),
        p('x', '12:00:00', { rrn: 'X', cardLast4: '5555' }),
        p('v', '12:01:00', { kind: 'void', amount: '-120.00', originalRef: 'X' }),
      ],
      cashier: [c('k', '10:00:00')],
    }),
  },
  {
    description: 'the second swipe of a duplicate (duplicate_charge owns it)',
    input: input({ transactions: [p('a', '10:00:00', { rrn: '1' }), p('b', '10:01:00', { rrn: '2' })], cashier: [c('k', '10:00:10')] }),
  },
  {
    description: 'the same amount and card 30 minutes apart in the cashier: too far',
    input: input({ transactions: [p('a', '10:00:00')], cashier: [c('k', '10:00:00'), c('k2', '09:00:00', { amount: '5.00' })] }),
  },
];

const must: PositiveCase[] = [
  {
    description: 'a sale with no cashier record that day',
    input: input({ transactions: [p('a', '10:00:00'), p('b', '15:00:00', { amount: '77.00', cardLast4: '1111' })], cashier: [c('k', '10:00:00')] }),
    expected: [{ severity: 'suspect', transactionIds: ['b'] }],
  },
  {
    description: 'a cashier record 30 minutes away does not match',
    input: input({ transactions: [p('a', '10:00:00')], cashier: [c('k', '10:30:00')] }),
    expected: [{ severity: 'suspect', transactionIds: ['a'] }],
  },
];

describe('unmatched_portal_sale', () => {
  for (const x of mustNot) it(`no finding: ${x.description}`, () => expect(findingsOf('unmatched_portal_sale', x.input)).toEqual([]));
  for (const x of must) {
    it(`finding: ${x.description}`, () => {
      expect(findingsOf('unmatched_portal_sale', x.input).map((f) => ({ severity: f.severity, transactionIds: f.transactionIds }))).toEqual(x.expected);
      expect(findingsOf('unmatched_portal_sale', x.input).every((f) => f.atStake === undefined)).toBe(true);
    });
  }
});
