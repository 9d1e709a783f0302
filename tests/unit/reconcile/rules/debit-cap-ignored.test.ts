import { describe, expect, it } from 'vitest';
import { cnContract, input, txn } from '../../../fixtures/scenarios/builders';
import { findingsOf, type NegativeCase, type PositiveCase } from '../helpers';

const mustNot: NegativeCase[] = [
  { description: 'debit capped correctly', input: input({ transactions: [txn({ id: 'a', amount: '8000.00', fee: '20.00', cardType: 'debit' })] }) },
  { description: 'within tolerance of the cap', input: input({ transactions: [txn({ id: 'a', amount: '8000.00', fee: '20.01', cardType: 'debit' })] }) },
  { description: 'a credit card has no cap', input: input({ transactions: [txn({ id: 'a', amount: '8000.00', fee: '48.00', cardType: 'credit' })] }) },
  {
    description: 'a debit rule without a cap',
    input: input({
      contracts: [cnContract({ rules: [{ cardType: 'debit', percent: '0.5' }] })],
      transactions: [txn({ id: 'a', amount: '8000.00', fee: '40.00', cardType: 'debit' })],
    }),
  },
  {
    description: 'a debit billed at the credit rate is wrong_card_rate instead',
    input: input({ transactions: [txn({ id: 'a', amount: '8000.00', fee: '48.00', cardType: 'debit' })] }),
  },
  {
    description: 'a debit refund giving back the capped fee',
    input: input({ transactions: [txn({ id: 'a', amount: '-8000.00', fee: '-20.00', cardType: 'debit', kind: 'refund' })] }),
  },
];

const must: PositiveCase[] = [
  {
    description: 'DOMAIN §3.4 example 1: 8,000.00 debit charged 40.00 → 20.00',
    input: input({ transactions: [txn({ id: 'a', amount: '8000.00', fee: '40.00', cardType: 'debit' })] }),
    expected: [{ atStake: '20.00', severity: 'overcharge' }],
  },
  {
    description: '10,000.00 debit charged 50.00 → 30.00',
    input: input({ transactions: [txn({ id: 'a', amount: '10000.00', fee: '50.00', cardType: 'debit' })] }),
    expected: [{ atStake: '30.00', severity: 'overcharge' }],
  },
  {
    description: 'a fee above the cap on a small amount: only the part above the cap',
    input: input({ transactions: [txn({ id: 'a', amount: '2000.00', fee: '25.00', cardType: 'debit' })] }),
    expected: [{ atStake: '5.00', severity: 'overcharge' }],
  },
];

describe('debit_cap_ignored', () => {
  for (const c of mustNot) it(`no finding: ${c.description}`, () => expect(findingsOf('debit_cap_ignored', c.input)).toEqual([]));
  for (const c of must) {
    it(`finding: ${c.description}`, () => {
      expect(findingsOf('debit_cap_ignored', c.input).map((f) => ({ atStake: f.atStake?.amount, severity: f.severity }))).toEqual(c.expected);
    });
  }
  it('explains: expected = amount × rate capped at cap; charged; difference', () => {
    const [f] = findingsOf('debit_cap_ignored', must[0]!.input);
    expect(f!.explanation.params).toMatchObject({
      amount: '8000.00',
      rate: '0.5',
      cap: '20.00',
      uncapped: '40.00',
      expected: '20.00',
      charged: '40.00',
      difference: '20.00',
    });
  });
});
