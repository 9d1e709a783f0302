import { describe, expect, it } from 'vitest';
import { Dec } from '../../../../lib/money';
import { reconcile } from '../../../../lib/reconcile';
import { CONTRACT_PRESETS } from '../../../../lib/reconcile/fee-schedule';
import { cnContract, input, txn } from '../../../fixtures/scenarios/builders';
import { findingsOf, type NegativeCase, type PositiveCase } from '../helpers';

const mustNot: NegativeCase[] = [
  { description: 'credit fee exactly 0.6 %', input: input({ transactions: [txn({ id: 'a', amount: '10000.00', fee: '60.00' })] }) },
  { description: 'within the 0.01 tolerance', input: input({ transactions: [txn({ id: 'a', amount: '10000.00', fee: '60.01' })] }) },
  { description: 'charged less than the contract', input: input({ transactions: [txn({ id: 'a', amount: '10000.00', fee: '50.00' })] }) },
  {
    description: 'a refund giving the fee back (negative fee)',
    input: input({ transactions: [txn({ id: 'a', amount: '-100.00', fee: '-0.60', kind: 'refund' })] }),
  },
  { description: 'a void with a negative fee', input: input({ transactions: [txn({ id: 'a', amount: '-100.00', fee: '-9.00', kind: 'void' })] }) },
  {
    description: 'a refund that keeps a fee is not a sale overcharge',
    input: input({ transactions: [txn({ id: 'a', amount: '-100.00', fee: '5.00', kind: 'refund' })] }),
  },
  { description: 'a failed sale', input: input({ transactions: [txn({ id: 'a', amount: '100.00', fee: '9.00', status: 'failed' })] }) },
  { description: 'no contract at all', input: input({ contracts: [], transactions: [txn({ id: 'a', amount: '100.00', fee: '9.00' })] }) },
  {
    description: 'outside every contract (gap)',
    input: input({ contracts: [cnContract({ effectiveFrom: '2026-04-01' })], transactions: [txn({ id: 'a', amount: '100.00', fee: '9.00' })] }),
  },
  { description: 'debit exactly at the cap', input: input({ transactions: [txn({ id: 'a', amount: '8000.00', fee: '20.00', cardType: 'debit' })] }) },
  {
    description: 'the cap excess goes to debit_cap_ignored, not here',
    input: input({ transactions: [txn({ id: 'a', amount: '8000.00', fee: '40.00', cardType: 'debit' })] }),
  },
  {
    description: 'a debit billed at the credit rate goes to wrong_card_rate',
    input: input({ transactions: [txn({ id: 'a', amount: '1000.00', fee: '6.00', cardType: 'debit' })] }),
  },
  {
    description: 'Stripe domestic card at 2.9 % + 0.30',
    input: input({
      contracts: [CONTRACT_PRESETS['stripe-us-standard']],
      transactions: [txn({ id: 'a', amount: '100.00', fee: '3.20', currency: 'USD', cardCountry: 'US' })],
    }),
  },
];

const must: PositiveCase[] = [
  {
    description: 'credit 10,000.00 charged 0.68 % (68.00 vs 60.00)',
    input: input({ transactions: [txn({ id: 'a', amount: '10000.00', fee: '68.00' })] }),
    expected: [{ atStake: '8.00', severity: 'overcharge' }],
  },
  {
    description: 'two cents over on 100.00',
    input: input({ transactions: [txn({ id: 'a', amount: '100.00', fee: '0.62' })] }),
    expected: [{ atStake: '0.02' }],
  },
  {
    description: 'debit under the cap charged 5.50 (5.00 due)',
    input: input({ transactions: [txn({ id: 'a', amount: '1000.00', fee: '5.50', cardType: 'debit' })] }),
    expected: [{ atStake: '0.50' }],
  },
  {
    description: 'Stripe charged 3.50 on $100 (3.20 due)',
    input: input({
      contracts: [CONTRACT_PRESETS['stripe-us-standard']],
      transactions: [txn({ id: 'a', amount: '100.00', fee: '3.50', currency: 'USD', cardCountry: 'US' })],
    }),
    expected: [{ atStake: '0.30' }],
  },
  {
    description: 'only what the cap does not explain: 2,000.00 debit charged 25.00 (10.00 due) → 5.00 over the cap, 10.00 here',
    input: input({ transactions: [txn({ id: 'a', amount: '2000.00', fee: '25.00', cardType: 'debit' })] }),
    expected: [{ atStake: '10.00' }],
  },
];

describe('fee_above_contract', () => {
  for (const c of mustNot) it(`no finding: ${c.description}`, () => expect(findingsOf('fee_above_contract', c.input)).toEqual([]));
  for (const c of must) {
    it(`finding: ${c.description}`, () => {
      const got = findingsOf('fee_above_contract', c.input);
      expect(got.map((f) => ({ atStake: f.atStake?.amount, ...(c.expected[0]!.severity ? { severity: f.severity } : {}) }))).toEqual(c.expected);
    });
  }
  it('explanation carries the arithmetic as decimal strings', () => {
    const [f] = findingsOf('fee_above_contract', must[0]!.input);
    expect(f!.explanation).toEqual({
      key: 'finding.fee_above_contract',
      params: expect.objectContaining({
        amount: '10000.00',
        rate: '0.6',
        expected: '60.00',
        charged: '68.00',
        difference: '8.00',
        percentPart: '60.00',
        currency: 'CNY',
        contractId: 'k-cn',
      }),
    });
    expect(f!.expected).toEqual({ amount: '60.00', currency: 'CNY' });
    expect(f!.actual).toEqual({ amount: '68.00', currency: 'CNY' });
  });
  it('one excess, one finding: the kinds of a row add up to its excess', () => {
    const r = reconcile(must[4]!.input);
    const total = r.findings.reduce((s, f) => s.plus(f.atStake?.amount ?? '0'), new Dec(0));
    expect(r.findings.map((f) => [f.kind, f.atStake?.amount]).sort()).toEqual([
      ['debit_cap_ignored', '5.00'],
      ['fee_above_contract', '10.00'],
    ]);
    expect(total.toFixed(2)).toBe('15.00');
  });
  it('reports a contract gap and a missing contract as issues', () => {
    expect(reconcile(mustNot[8]!.input).issues.map((i) => i.code)).toContain('contract_gap');
    expect(reconcile(mustNot[7]!.input).issues.map((i) => i.code)).toContain('no_contract');
  });
});
