import { describe, expect, it } from 'vitest';
import { effectiveRates } from '../../lib/trends';
import { tx } from './services/builders';

describe('effectiveRates', () => {
  it('is Σfee ÷ Σamount per month and card type, sales only', () => {
    const rows = [
      tx({ occurredAt: '2026-01-05T10:00:00', amount: { amount: '1000.00', currency: 'CNY' }, fee: { amount: '6.00', currency: 'CNY' } }),
      tx({ occurredAt: '2026-01-20T10:00:00', amount: { amount: '500.00', currency: 'CNY' }, fee: { amount: '3.00', currency: 'CNY' } }),
      tx({ occurredAt: '2026-02-03T10:00:00', amount: { amount: '1000.00', currency: 'CNY' }, fee: { amount: '6.80', currency: 'CNY' } }),
      tx({ occurredAt: '2026-02-03T11:00:00', cardType: 'debit', amount: { amount: '8000.00', currency: 'CNY' }, fee: { amount: '20.00', currency: 'CNY' } }),
      tx({ occurredAt: '2026-02-04T11:00:00', kind: 'refund', amount: { amount: '-100.00', currency: 'CNY' }, fee: { amount: '-0.60', currency: 'CNY' } }),
      tx({ occurredAt: '2026-02-05T11:00:00', fee: undefined }),
    ];
    expect(effectiveRates(rows).map((p) => [p.month, p.cardType, p.ratePercent, p.count, p.volume.amount])).toEqual([
      ['2026-01', 'credit', '0.600', 2, '1500.00'],
      ['2026-02', 'credit', '0.680', 1, '1000.00'],
      ['2026-02', 'debit', '0.250', 1, '8000.00'],
    ]);
  });
});
