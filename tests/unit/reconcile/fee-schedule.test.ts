import { describe, expect, it } from 'vitest';
import { CONTRACT_PRESETS, expectedFee, pickContract, pickRule } from '../../../lib/reconcile/fee-schedule';
import { cnContract, txn } from '../../fixtures/scenarios/builders';

describe('pickContract', () => {
  const older = cnContract({ id: 'a', effectiveFrom: '2025-01-01' });
  const newer = cnContract({ id: 'b', effectiveFrom: '2026-02-01', rules: [{ cardType: 'any', percent: '0.55' }] });
  const ended = cnContract({ id: 'c', effectiveFrom: '2024-01-01', effectiveTo: '2024-12-31' });
  it('the later effectiveFrom wins where two cover the date', () => {
    expect(pickContract(txn({ amount: '100', occurredAt: '2026-03-01T10:00:00' }), [older, newer])?.id).toBe('b');
    expect(pickContract(txn({ amount: '100', occurredAt: '2026-01-15T10:00:00' }), [older, newer])?.id).toBe('a');
  });
  it('effectiveTo is inclusive; outside every contract there is none', () => {
    expect(pickContract(txn({ amount: '100', occurredAt: '2024-12-31T23:59:59' }), [ended])?.id).toBe('c');
    expect(pickContract(txn({ amount: '100', occurredAt: '2025-01-01T00:00:00' }), [ended])).toBeUndefined();
  });
  it('a merchant-specific contract beats a general one; other currencies never apply', () => {
    const mine = cnContract({ id: 'm', merchantId: '898100000000001', effectiveFrom: '2020-01-01' });
    expect(pickContract(txn({ amount: '100' }), [newer, mine])?.id).toBe('m');
    expect(pickContract(txn({ amount: '100', currency: 'USD' }), [newer, mine])).toBeUndefined();
  });
});

describe('pickRule', () => {
  const tiered = cnContract({
    rules: [
      { cardType: 'any', percent: '0.38' },
      { cardType: 'qr_unionpay', maxAmount: '1000', percent: '0.38' },
      { cardType: 'qr_unionpay', minAmount: '1000', percent: '0.6' },
      { cardType: 'credit', percent: '0.6' },
    ],
  });
  it('exact card type before any; amount tiers are minAmount < |amount| ≤ maxAmount', () => {
    expect(pickRule(txn({ amount: '1000', cardType: 'qr_unionpay' }), tiered)?.percent).toBe('0.38');
    expect(pickRule(txn({ amount: '1000.01', cardType: 'qr_unionpay' }), tiered)?.percent).toBe('0.6');
    expect(pickRule(txn({ amount: '50', cardType: 'credit' }), tiered)?.percent).toBe('0.6');
    expect(pickRule(txn({ amount: '50', cardType: 'qr_wechat' }), tiered)?.percent).toBe('0.38');
  });
  it('准贷记卡 borrows the credit rule', () => {
    expect(pickRule(txn({ amount: '50', cardType: 'semi_credit' }), cnContract())?.percent).toBe('0.6');
  });
});

describe('expectedFee', () => {
  const cases: { description: string; t: Parameters<typeof txn>[0]; contract?: ReturnType<typeof cnContract>; expected: string; percentPart?: string }[] = [
    { description: 'credit 0.6 % of 10,000.00', t: { amount: '10000.00', cardType: 'credit' }, expected: '60.00' },
    { description: 'debit 0.5 % capped at 20 (8,000.00 → 20.00)', t: { amount: '8000.00', cardType: 'debit' }, expected: '20.00' },
    { description: 'debit below the cap', t: { amount: '1000.00', cardType: 'debit' }, expected: '5.00' },
    { description: 'half-up rounding: 0.6 % of 0.75 = 0.0045 → 0.00', t: { amount: '0.75' }, expected: '0.00' },
    { description: 'half-up rounding: 0.6 % of 1.25 = 0.0075 → 0.01', t: { amount: '1.25' }, expected: '0.01' },
    { description: 'refund amounts are priced on |amount|', t: { amount: '-100.00', kind: 'refund' }, expected: '0.60' },
    {
      description: 'min applies before the cap',
      t: { amount: '10.00' },
      contract: cnContract({ rules: [{ cardType: 'any', percent: '0.6', min: '0.50', cap: '30' }] }),
      expected: '0.50',
    },
    {
      description: 'instant fee only for D0/T0',
      t: { amount: '10000.00' },
      contract: cnContract({ settleCycle: 'D0', rules: [{ cardType: 'any', percent: '0.6', instantFee: '2' }] }),
      expected: '62.00',
    },
    {
      description: 'instant fee not due on T1 unless the row settled instantly',
      t: { amount: '10000.00' },
      contract: cnContract({ rules: [{ cardType: 'any', percent: '0.6', instantFee: '2' }] }),
      expected: '60.00',
    },
    {
      description: 'instant fee due when the row settled D0',
      t: { amount: '10000.00', settleCycle: 'D0' },
      contract: cnContract({ rules: [{ cardType: 'any', percent: '0.6', instantFee: '2' }] }),
      expected: '62.00',
    },
    {
      description: 'Stripe: 2.9 % + 0.30 on $100',
      t: { amount: '100.00', currency: 'USD', cardCountry: 'US' },
      contract: CONTRACT_PRESETS['stripe-us-standard'],
      expected: '3.20',
    },
    {
      description: 'Stripe keyed: + 0.5 %',
      t: { amount: '100.00', currency: 'USD', cardCountry: 'US', entryMode: 'keyed' },
      contract: CONTRACT_PRESETS['stripe-us-standard'],
      expected: '3.70',
    },
    {
      description: 'Stripe international card: + 1.5 %',
      t: { amount: '100.00', currency: 'USD', cardCountry: 'GB' },
      contract: CONTRACT_PRESETS['stripe-us-standard'],
      expected: '4.70',
    },
    {
      description: 'Square in person 2.6 % + 0.15',
      t: { amount: '100.00', currency: 'USD', entryMode: 'chip' },
      contract: CONTRACT_PRESETS['square-us-free'],
      expected: '2.75',
    },
    {
      description: 'Square keyed 3.5 % + 0.15',
      t: { amount: '100.00', currency: 'USD', entryMode: 'keyed' },
      contract: CONTRACT_PRESETS['square-us-free'],
      expected: '3.65',
    },
    { description: 'CN preset debit cap', t: { amount: '5000.00', cardType: 'debit' }, contract: CONTRACT_PRESETS['cn-card-standard'], expected: '20.00' },
  ];
  for (const c of cases) {
    it(c.description, () => {
      const t = txn(c.t);
      const b = expectedFee(t, c.contract ?? cnContract(), { instantSettled: t.settleCycle === 'D0' });
      expect(b?.total.toFixed(2)).toBe(c.expected);
    });
  }
  it('reports the parts: uncapped, capped flag', () => {
    const b = expectedFee(txn({ amount: '8000.00', cardType: 'debit' }), cnContract())!;
    expect([b.uncappedPercentPart.toFixed(2), b.percentPart.toFixed(2), b.capped]).toEqual(['40.00', '20.00', true]);
  });
  it('no rule → undefined', () => {
    expect(expectedFee(txn({ amount: '1', cardType: 'qr_wechat' }), cnContract({ rules: [{ cardType: 'credit', percent: '0.6' }] }))).toBeUndefined();
  });
});
