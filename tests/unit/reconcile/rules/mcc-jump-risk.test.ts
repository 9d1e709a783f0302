import { describe, expect, it } from 'vitest';
import { input, txn } from '../../../fixtures/scenarios/builders';
import { findingsOf, type NegativeCase, type PositiveCase } from '../helpers';

const mustNot: NegativeCase[] = [
  { description: 'credit at 0.6 %', input: input({ contracts: [], transactions: [txn({ id: 'a', amount: '1000.00', fee: '6.00', cardType: 'credit' })] }) },
  {
    description: 'credit at exactly the 0.4825 % floor',
    input: input({ contracts: [], transactions: [txn({ id: 'a', amount: '10000.00', fee: '48.25', cardType: 'credit' })] }),
  },
  {
    description: 'QR payments are legitimately cheaper',
    input: input({ contracts: [], transactions: [txn({ id: 'a', amount: '1000.00', fee: '2.00', cardType: 'qr_wechat' })] }),
  },
  {
    description: 'a debit at the 20.00 cap (floor 16.25 for big amounts)',
    input: input({ contracts: [], transactions: [txn({ id: 'a', amount: '50000.00', fee: '20.00', cardType: 'debit' })] }),
  },
  {
    description: 'small amounts are not judged',
    input: input({ contracts: [], transactions: [txn({ id: 'a', amount: '50.00', fee: '0.19', cardType: 'credit' })] }),
  },
  {
    description: 'US cards are outside the CN floor',
    input: input({ contracts: [], transactions: [txn({ id: 'a', amount: '1000.00', fee: '1.00', cardType: 'credit', currency: 'USD' })] }),
  },
];

const must: PositiveCase[] = [
  {
    description: 'credit at 0.38 % (跳码 teaser rate)',
    input: input({
      contracts: [],
      transactions: [
        txn({ id: 'a', amount: '1000.00', fee: '3.80', cardType: 'credit' }),
        txn({ id: 'b', amount: '2000.00', fee: '7.60', cardType: 'credit', occurredAt: '2026-03-05T10:00:00' }),
      ],
    }),
    expected: [{ severity: 'info', transactionIds: ['a', 'b'] }],
  },
  {
    description: 'a debit cap of 10.00 on a big amount',
    input: input({ contracts: [], transactions: [txn({ id: 'a', amount: '50000.00', fee: '10.00', cardType: 'debit' })] }),
    expected: [{ severity: 'info', transactionIds: ['a'] }],
  },
];

describe('mcc_jump_risk', () => {
  for (const x of mustNot) it(`no finding: ${x.description}`, () => expect(findingsOf('mcc_jump_risk', x.input)).toEqual([]));
  for (const x of must) {
    it(`finding: ${x.description}`, () => {
      const got = findingsOf('mcc_jump_risk', x.input);
      expect(got.map((f) => ({ severity: f.severity, transactionIds: f.transactionIds }))).toEqual(x.expected);
      expect(got.every((f) => f.atStake === undefined)).toBe(true);
    });
  }
});
