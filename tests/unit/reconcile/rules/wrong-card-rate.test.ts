import { describe, expect, it } from 'vitest';
import { cnContract, input, txn } from '../../../fixtures/scenarios/builders';
import { findingsOf, type NegativeCase, type PositiveCase } from '../helpers';

const tiered = cnContract({
  rules: [
    { cardType: 'qr_unionpay', maxAmount: '1000', percent: '0.38' },
    { cardType: 'qr_unionpay', minAmount: '1000', percent: '0.6' },
    { cardType: 'debit', percent: '0.5', cap: '20' },
    { cardType: 'credit', percent: '0.6' },
  ],
});

const mustNot: NegativeCase[] = [
  { description: 'credit at the credit rate', input: input({ transactions: [txn({ id: 'a', amount: '1000.00', fee: '6.00', cardType: 'credit' })] }) },
  { description: 'debit at the debit rate', input: input({ transactions: [txn({ id: 'a', amount: '1000.00', fee: '5.00', cardType: 'debit' })] }) },
  {
    description: 'a debit overcharge that matches no other rule',
    input: input({ transactions: [txn({ id: 'a', amount: '1000.00', fee: '5.50', cardType: 'debit' })] }),
  },
  {
    description: 'QR ≤ 1000 at its own tier',
    input: input({ contracts: [tiered], transactions: [txn({ id: 'a', amount: '800.00', fee: '3.04', cardType: 'qr_unionpay' })] }),
  },
];

const must: PositiveCase[] = [
  {
    description: 'debit 1,000.00 billed at the credit rate 0.6 % (6.00 vs 5.00)',
    input: input({ transactions: [txn({ id: 'a', amount: '1000.00', fee: '6.00', cardType: 'debit' })] }),
    expected: [{ atStake: '1.00', severity: 'suspect' }],
  },
  {
    description: 'debit 8,000.00 billed as credit: the whole 28.00, not the cap',
    input: input({ transactions: [txn({ id: 'a', amount: '8000.00', fee: '48.00', cardType: 'debit' })] }),
    expected: [{ atStake: '28.00', severity: 'suspect' }],
  },
  {
    description: 'QR 800.00 billed at the >1000 tier rate (4.80 vs 3.04)',
    input: input({ contracts: [tiered], transactions: [txn({ id: 'a', amount: '800.00', fee: '4.80', cardType: 'qr_unionpay' })] }),
    expected: [{ atStake: '1.76', severity: 'suspect' }],
  },
];

describe('wrong_card_rate', () => {
  for (const c of mustNot) it(`no finding: ${c.description}`, () => expect(findingsOf('wrong_card_rate', c.input)).toEqual([]));
  for (const c of must) {
    it(`finding: ${c.description}`, () => {
      expect(findingsOf('wrong_card_rate', c.input).map((f) => ({ atStake: f.atStake?.amount, severity: f.severity }))).toEqual(c.expected);
    });
  }
  it('names the rule the fee matched', () => {
    const [f] = findingsOf('wrong_card_rate', must[0]!.input);
    expect(f!.explanation.params).toMatchObject({ appliedCardType: 'credit', appliedRate: '0.6', appliedExpected: '6.00', expected: '5.00', charged: '6.00' });
    expect(findingsOf('debit_cap_ignored', must[1]!.input)).toEqual([]);
  });
});
