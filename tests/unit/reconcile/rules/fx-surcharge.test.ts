import { describe, expect, it } from 'vitest';
import { CONTRACT_PRESETS } from '../../../../lib/reconcile/fee-schedule';
import { input, txn } from '../../../fixtures/scenarios/builders';
import { findingsOf, type NegativeCase, type PositiveCase } from '../helpers';

const stripe = [CONTRACT_PRESETS['stripe-us-standard']];
const usd = { currency: 'USD', asOf: '2026-03-31' } as const;

const mustNot: NegativeCase[] = [
  {
    description: 'a UK card with the 1.5 % international fee',
    input: input({ contracts: stripe, transactions: [txn({ id: 'a', amount: '100.00', fee: '4.70', currency: usd.currency, cardCountry: 'GB' })] }),
  },
  {
    description: 'a US card at the domestic price',
    input: input({ contracts: stripe, transactions: [txn({ id: 'a', amount: '100.00', fee: '3.20', currency: usd.currency, cardCountry: 'US' })] }),
  },
  {
    description: 'a UK card with an FX fee column',
    input: input({
      contracts: stripe,
      transactions: [
        txn({
          id: 'a',
          amount: '100.00',
          fee: '4.70',
          currency: usd.currency,
          cardCountry: 'GB',
          extraFees: [{ label: 'Currency conversion fee', amount: '1.00' }],
        }),
      ],
    }),
  },
];

const must: PositiveCase[] = [
  {
    description: 'a US card charged the international 1.5 % (4.70 vs 3.20)',
    input: input({ contracts: stripe, transactions: [txn({ id: 'a', amount: '100.00', fee: '4.70', currency: usd.currency, cardCountry: 'US' })] }),
    expected: [{ atStake: '1.50', severity: 'suspect' }],
  },
  {
    description: 'a US card with an "International fee" column of 1.50',
    input: input({
      contracts: stripe,
      transactions: [
        txn({ id: 'a', amount: '100.00', fee: '3.20', currency: usd.currency, cardCountry: 'US', extraFees: [{ label: 'International fee', amount: '1.50' }] }),
      ],
    }),
    expected: [{ atStake: '1.50', severity: 'suspect' }],
  },
];

describe('fx_surcharge', () => {
  for (const c of mustNot) it(`no finding: ${c.description}`, () => expect(findingsOf('fx_surcharge', c.input)).toEqual([]));
  for (const c of must) {
    it(`finding: ${c.description}`, () => {
      expect(findingsOf('fx_surcharge', c.input).map((f) => ({ atStake: f.atStake?.amount, severity: f.severity }))).toEqual(c.expected);
      expect(findingsOf('fee_above_contract', c.input)).toEqual([]);
    });
  }
});
