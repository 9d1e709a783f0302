import { describe, expect, it } from 'vitest';
import { cnContract, input, txn } from '../../../fixtures/scenarios/builders';
import { findingsOf, type NegativeCase, type PositiveCase } from '../helpers';

const priced = cnContract({ rules: [{ cardType: 'any', percent: '0.6', instantFee: '2' }] });

const mustNot: NegativeCase[] = [
  {
    description: 'D0 contract with a 2.00 instant fee charged 62.00',
    input: input({
      contracts: [cnContract({ settleCycle: 'D0', rules: [{ cardType: 'any', percent: '0.6', instantFee: '2' }] })],
      transactions: [txn({ id: 'a', amount: '10000.00', fee: '62.00' })],
    }),
  },
  { description: 'T1 row on a T1 contract at 60.00', input: input({ transactions: [txn({ id: 'a', amount: '10000.00', fee: '60.00', settleCycle: 'T1' })] }) },
  {
    description: 'opted in to 秒到 at the contracted 2.00 (extra-fee column)',
    input: input({
      contracts: [priced],
      transactions: [txn({ id: 'a', amount: '10000.00', fee: '60.00', settleCycle: 'D0', extraFees: [{ label: '秒到手续费', amount: '2.00' }] })],
    }),
  },
  {
    description: 'a T1 rate hike of a whole yuan is a fee above contract, not an instant fee',
    input: input({ transactions: [txn({ id: 'a', amount: '1000.00', fee: '7.00', settleCycle: 'T1' })] }),
  },
];

const must: PositiveCase[] = [
  {
    description: 'DOMAIN §3.4 example 3: lump fee 62.00 = 60.00 + 2.00 秒到 on a T1 contract',
    input: input({ transactions: [txn({ id: 'a', amount: '10000.00', fee: '62.00', settleCycle: 'D0' })] }),
    expected: [{ atStake: '2.00', severity: 'suspect' }],
  },
  {
    description: '秒到费 column of 3.00 without any instant price',
    input: input({ transactions: [txn({ id: 'a', amount: '10000.00', fee: '60.00', settleCycle: 'D0', extraFees: [{ label: '秒到费', amount: '3.00' }] })] }),
    expected: [{ atStake: '3.00' }],
  },
  {
    description: '秒到费 3.00 where 2.00 is contracted',
    input: input({
      contracts: [priced],
      transactions: [txn({ id: 'a', amount: '10000.00', fee: '60.00', settleCycle: 'D0', extraFees: [{ label: '秒到费', amount: '3.00' }] })],
    }),
    expected: [{ atStake: '1.00' }],
  },
  {
    description: 'the instant fee charged twice in one lump (64.00 for 60.00 + 2.00)',
    input: input({ contracts: [priced], transactions: [txn({ id: 'a', amount: '10000.00', fee: '64.00', settleCycle: 'D0' })] }),
    expected: [{ atStake: '2.00' }],
  },
];

describe('instant_fee_unexpected', () => {
  for (const c of mustNot) it(`no finding: ${c.description}`, () => expect(findingsOf('instant_fee_unexpected', c.input)).toEqual([]));
  for (const c of must) {
    it(`finding: ${c.description}`, () => {
      const got = findingsOf('instant_fee_unexpected', c.input).map((f) => ({ atStake: f.atStake?.amount, severity: f.severity }));
      expect(got.map((g, i) => (c.expected[i]?.severity ? g : { atStake: g.atStake }))).toEqual(c.expected);
    });
  }
  it('example 3 leaves nothing for fee_above_contract', () => {
    expect(findingsOf('fee_above_contract', must[0]!.input)).toEqual([]);
    const [f] = findingsOf('instant_fee_unexpected', must[0]!.input);
    expect(f!.explanation.params).toMatchObject({ expected: '60.00', charged: '62.00', difference: '2.00', settleCycle: 'T1', instantBasis: 'lump-fee' });
  });
});
