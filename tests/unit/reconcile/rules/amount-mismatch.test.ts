import { describe, expect, it } from 'vitest';
import { cashierRecord, input, txn } from '../../../fixtures/scenarios/builders';
import { findingsOf, type NegativeCase, type PositiveCase } from '../helpers';

const p = (amount: string, over: Partial<Parameters<typeof txn>[0]> = {}) =>
  txn({ id: 'a', amount, fee: '0.60', orderNo: 'O-1', occurredAt: '2026-03-02T10:00:00', cardType: 'qr_wechat', ...over });
const c = (amount: string) => cashierRecord({ id: 'k', amount, orderNo: 'O-1', tender: 'qr', occurredAt: '2026-03-02T10:00:30' });

const mustNot: NegativeCase[] = [
  { description: 'same amount under the same order number', input: input({ transactions: [p('100.00')], cashier: [c('100.00')] }) },
  { description: 'different order numbers never pair', input: input({ transactions: [p('90.00', { orderNo: 'O-2' })], cashier: [c('100.00')] }) },
  { description: 'a failed row (status_mismatch owns it)', input: input({ transactions: [p('90.00', { status: 'failed' })], cashier: [c('100.00')] }) },
];

const must: PositiveCase[] = [
  {
    description: 'acquirer collected 90.00 on a 100.00 bill',
    input: input({ transactions: [p('90.00')], cashier: [c('100.00')] }),
    expected: [{ atStake: '10.00', severity: 'suspect' }],
  },
  {
    description: 'acquirer collected more than the bill (no loss, still flagged)',
    input: input({ transactions: [p('110.00')], cashier: [c('100.00')] }),
    expected: [{ atStake: undefined, severity: 'suspect' }],
  },
];

describe('amount_mismatch', () => {
  for (const x of mustNot) it(`no finding: ${x.description}`, () => expect(findingsOf('amount_mismatch', x.input)).toEqual([]));
  for (const x of must) {
    it(`finding: ${x.description}`, () => {
      expect(findingsOf('amount_mismatch', x.input).map((f) => ({ atStake: f.atStake?.amount, severity: f.severity }))).toEqual(x.expected);
    });
  }
});
