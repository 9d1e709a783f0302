import { describe, expect, it } from 'vitest';
import { CONTRACT_PRESETS } from '../../../../lib/reconcile/fee-schedule';
import { input, txn } from '../../../fixtures/scenarios/builders';
import { findingsOf, type NegativeCase, type PositiveCase } from '../helpers';

const stripe = [CONTRACT_PRESETS['stripe-us-standard']]; // chargebackFee 15.00
const usd = (over: Parameters<typeof txn>[0]) => txn({ currency: 'USD', cardType: 'unknown', ...over });
const cb = (id: string, day: string, over: Partial<Parameters<typeof txn>[0]> = {}) =>
  usd({ id, kind: 'chargeback', amount: '-80.00', originalRef: 'ch_1', occurredAt: `2026-03-${day}T00:00:00`, ...over });
const cbFee = (id: string, day: string, amount = '-15.00', kind: 'fee' | 'adjustment' = 'fee') =>
  usd({ id, kind, amount, occurredAt: `2026-03-${day}T00:00:00`, evidence: { url: 'u', capturedAt: 'c', cells: { Type: 'Dispute fee' }, sha256: '' } });

const mustNot: NegativeCase[] = [
  { description: 'a chargeback with its contracted 15.00 fee', input: input({ contracts: stripe, transactions: [cb('c', '05'), cbFee('f', '05')] }) },
  { description: 'two different chargebacks', input: input({ contracts: stripe, transactions: [cb('c1', '05'), cb('c2', '09', { originalRef: 'ch_2' })] }) },
  { description: 'a chargeback row whose own fee is as contracted', input: input({ contracts: stripe, transactions: [cb('c', '05', { fee: '15.00' })] }) },
];

const must: PositiveCase[] = [
  {
    description: 'a dispute fee with no chargeback',
    input: input({ contracts: stripe, transactions: [cbFee('f', '05')] }),
    expected: [{ atStake: '15.00', severity: 'suspect', transactionIds: ['f'] }],
  },
  {
    description: 'a dispute fee booked as an adjustment, with no chargeback',
    input: input({ contracts: stripe, transactions: [cbFee('f', '05', '-15.00', 'adjustment')] }),
    expected: [{ atStake: '15.00', severity: 'suspect', transactionIds: ['f'] }],
  },
  {
    description: 'a dispute fee above the contract',
    input: input({ contracts: stripe, transactions: [cb('c', '05'), cbFee('f', '05', '-25.00')] }),
    expected: [{ atStake: '10.00', severity: 'suspect', transactionIds: ['f', 'c'] }],
  },
  {
    description: 'the same chargeback twice',
    input: input({ contracts: stripe, transactions: [cb('c1', '05'), cb('c2', '12')] }),
    expected: [{ atStake: '80.00', severity: 'suspect', transactionIds: ['c2', 'c1'] }],
  },
];

describe('chargeback_fee', () => {
  for (const x of mustNot) it(`no finding: ${x.description}`, () => expect(findingsOf('chargeback_fee', x.input)).toEqual([]));
  for (const x of must) {
    it(`finding: ${x.description}`, () => {
      expect(
        findingsOf('chargeback_fee', x.input).map((f) => ({ atStake: f.atStake?.amount, severity: f.severity, transactionIds: f.transactionIds })),
      ).toEqual(x.expected);
    });
  }
  it('a chargeback fee is never also a hidden fee', () => {
    expect(findingsOf('hidden_fee', must[0]!.input)).toEqual([]);
  });
});
