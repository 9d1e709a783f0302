import { describe, expect, it } from 'vitest';
import { input, line, txn } from '../../../fixtures/scenarios/builders';
import { findingsOf, type NegativeCase, type PositiveCase } from '../helpers';

const sale = (over: Partial<Parameters<typeof txn>[0]> = {}) =>
  txn({ id: 's', amount: '300.00', fee: '1.80', rrn: 'A', occurredAt: '2026-03-03T10:00:00', ...over });
const voidOf = (over: Partial<Parameters<typeof txn>[0]> = {}) =>
  txn({ id: 'v', kind: 'void', amount: '-300.00', originalRef: 'A', occurredAt: '2026-03-03T10:04:00', ...over });
const other = txn({ id: 'o', amount: '1000.00', fee: '6.00', occurredAt: '2026-03-03T12:00:00' });
const frame = [
  line({ id: 'f0', amount: '1.00', bookedOn: '2026-03-01', description: '利息' }),
  line({ id: 'f1', amount: '1.00', bookedOn: '2026-03-31', description: '利息' }),
];

const mustNot: NegativeCase[] = [
  { description: 'a void netting out its sale in the portal', input: input({ transactions: [sale({ net: '298.20' }), voidOf({ net: '-298.20' })] }) },
  { description: 'a voided sale showing net 0', input: input({ transactions: [sale({ net: '0.00', status: 'voided' }), voidOf({ net: '0.00' })] }) },
  {
    description: 'portal without a net column, bank paid only the other sale',
    input: input({ transactions: [sale(), voidOf(), other], statementLines: [...frame, line({ id: 'b', amount: '994.00', bookedOn: '2026-03-04' })] }),
  },
  {
    description: 'a failed void does not cancel the sale',
    input: input({ transactions: [sale({ net: '298.20' }), voidOf({ status: 'failed', net: '0.00' })] }),
  },
  { description: 'a sale without a void', input: input({ transactions: [sale({ net: '298.20' })] }) },
];

const must: PositiveCase[] = [
  {
    description: 'DOMAIN §3.4 example 6: the portal still nets +298.20 for the voided sale',
    input: input({ transactions: [sale({ net: '298.20' }), voidOf({ net: '0.00' })] }),
    expected: [{ atStake: '1.80', severity: 'overcharge', transactionIds: ['s', 'v'] }],
  },
  {
    description: 'a reversal (冲正) instead of a void, the portal still netting the sale',
    input: input({ transactions: [sale({ net: '298.20' }), voidOf({ kind: 'reversal', net: '0.00' })] }),
    expected: [{ atStake: '1.80', severity: 'overcharge', transactionIds: ['s', 'v'] }],
  },
  {
    description: 'a voided completion of a pre-authorisation',
    input: input({
      transactions: [sale({ kind: 'preauth_completion', net: '298.20' }), voidOf({ kind: 'preauth_completion_void', net: '0.00' })],
    }),
    expected: [{ atStake: '1.80', severity: 'overcharge', transactionIds: ['s', 'v'] }],
  },
  {
    description: 'the bank paid the group exactly the voided sale more',
    input: input({ transactions: [sale(), voidOf(), other], statementLines: [...frame, line({ id: 'b', amount: '1292.20', bookedOn: '2026-03-04' })] }),
    expected: [{ atStake: '1.80', severity: 'overcharge', transactionIds: ['s', 'v'], statementLineIds: ['b'] }],
  },
];

describe('void_still_settled', () => {
  for (const c of mustNot) it(`no finding: ${c.description}`, () => expect(findingsOf('void_still_settled', c.input)).toEqual([]));
  for (const c of must) {
    it(`finding: ${c.description}`, () => {
      const got = findingsOf('void_still_settled', c.input).map((f) => ({
        atStake: f.atStake?.amount,
        severity: f.severity,
        transactionIds: f.transactionIds,
        ...(c.expected[0]!.statementLineIds ? { statementLineIds: f.statementLineIds } : {}),
      }));
      expect(got).toEqual(c.expected);
    });
  }
  it('explains with the sale net and which evidence', () => {
    const [f] = findingsOf('void_still_settled', must.find((c) => c.description.startsWith('the bank paid'))!.input);
    expect(f!.explanation.params).toMatchObject({ saleNet: '298.20', feeCharged: '1.80', evidence: 'bank', rrn: 'A' });
  });
});
