import { describe, expect, it } from 'vitest';
import { cnContract, input, txn } from '../../../fixtures/scenarios/builders';
import { findingsOf, type NegativeCase, type PositiveCase } from '../helpers';

/** n credit sales of 1,000.00 starting on `day` of March 2026, one a day, at `rate` percent */
function run(prefix: string, day: number, n: number, fee: string, extra: Partial<Parameters<typeof txn>[0]> = {}) {
  return Array.from({ length: n }, (_, i) =>
    txn({ id: `${prefix}${i}`, amount: '1000.00', fee, occurredAt: `2026-03-${String(day + i).padStart(2, '0')}T10:00:00`, ...extra }),
  );
}

const mustNot: NegativeCase[] = [
  { description: 'a steady 0.60 %', input: input({ contracts: [], transactions: run('a', 1, 8, '6.00') }) },
  {
    description: 'two odd rows are not a trend',
    input: input({ contracts: [], transactions: [...run('a', 1, 4, '6.00'), ...run('b', 5, 2, '6.80'), ...run('c', 7, 4, '6.00')] }),
  },
  {
    description: 'a step of 0.01 pp is below the threshold',
    input: input({ contracts: [], transactions: [...run('a', 1, 4, '6.00'), ...run('b', 5, 4, '6.10')] }),
  },
  { description: 'a rate cut is not a hike', input: input({ contracts: [], transactions: [...run('a', 1, 4, '6.80'), ...run('b', 5, 4, '6.00')] }) },
  {
    description: 'the contract changed to the new rate',
    input: input({
      contracts: [
        cnContract({ id: 'old', effectiveFrom: '2026-01-01' }),
        cnContract({ id: 'new', effectiveFrom: '2026-03-05', rules: [{ cardType: 'any', percent: '0.68' }] }),
      ],
      transactions: [...run('a', 1, 4, '6.00'), ...run('b', 5, 4, '6.80')],
    }),
  },
  {
    description: 'small amounts (rounding noise)',
    input: input({ contracts: [], transactions: [...run('a', 1, 4, '0.06', { amount: '10.00' }), ...run('b', 5, 4, '0.07', { amount: '10.00' })] }),
  },
];

const must: PositiveCase[] = [
  {
    description: 'DOMAIN §3.4 example 2: 0.60 % → 0.68 % from 03-05 with no contract: excess Σ amount × 0.08 %',
    input: input({ contracts: [], transactions: [...run('a', 1, 4, '6.00'), ...run('b', 5, 3, '6.80')] }),
    expected: [{ atStake: '2.40', severity: 'overcharge', transactionIds: ['b0', 'b1', 'b2'] }],
  },
  {
    description: 'with an unchanged contract the per-row excess is fee_above_contract; the drift carries no money',
    input: input({ transactions: [...run('a', 1, 4, '6.00'), ...run('b', 5, 3, '6.80')] }),
    expected: [{ atStake: undefined, severity: 'overcharge', transactionIds: ['b0', 'b1', 'b2'] }],
  },
];

describe('rate_drift', () => {
  for (const c of mustNot) it(`no finding: ${c.description}`, () => expect(findingsOf('rate_drift', c.input)).toEqual([]));
  for (const c of must) {
    it(`finding: ${c.description}`, () => {
      expect(findingsOf('rate_drift', c.input).map((f) => ({ atStake: f.atStake?.amount, severity: f.severity, transactionIds: f.transactionIds }))).toEqual(
        c.expected,
      );
    });
  }
  it('explains the old and new rate and the start date', () => {
    const [f] = findingsOf('rate_drift', must[0]!.input);
    expect(f!.explanation.params).toMatchObject({ oldRate: '0.60', newRate: '0.68', from: '2026-03-05', count: '3', excess: '2.40', cardType: 'credit' });
    expect(findingsOf('fee_above_contract', must[1]!.input).map((x) => x.atStake?.amount)).toEqual(['0.80', '0.80', '0.80']);
  });
});
