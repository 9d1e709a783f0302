import { describe, expect, it } from 'vitest';
import { cashierRecord, input, txn } from '../../../fixtures/scenarios/builders';
import { findingsOf, type NegativeCase, type PositiveCase } from '../helpers';

const p = (over: Partial<Parameters<typeof txn>[0]> = {}) =>
  txn({ id: 'a', amount: '100.00', fee: '0.60', occurredAt: '2026-03-02T10:00:00', cardLast4: '4321', terminalId: 'T1', ...over });
const c = cashierRecord({ id: 'k', amount: '100.00', occurredAt: '2026-03-02T10:00:20', cardLast4: '4321', terminalId: 'T1' });

const mustNot: NegativeCase[] = [
  { description: 'success in both', input: input({ transactions: [p()], cashier: [c] }) },
  {
    description: 'failed and not in the cashier',
    input: input({ transactions: [p({ status: 'failed' }), p({ id: 'ok', occurredAt: '2026-03-02T10:01:00' })], cashier: [c] }),
  },
  { description: 'failed without a net', input: input({ transactions: [p({ status: 'failed', settleDate: '2026-03-03' })] }) },
  {
    description: 'a failed void or reversal that shows a net and a settle date (it cancels, it does not settle)',
    input: input({
      transactions: [
        p({ id: 'v', kind: 'void', status: 'failed', net: '99.40', settleDate: '2026-03-03' }),
        p({ id: 'r', kind: 'reversal', status: 'pending', net: '99.40', settleDate: '2026-03-03', occurredAt: '2026-03-02T10:05:00' }),
      ],
    }),
  },
  {
    description: 'the same row from two sources, both success',
    input: input({ transactions: [p({ rrn: 'R', portal: 'list' }), p({ id: 'b', rrn: 'R', portal: 'settlement-file' })] }),
  },
];

const must: PositiveCase[] = [
  {
    description: 'cashier booked it as paid, the acquirer says failed',
    input: input({ transactions: [p({ status: 'failed' })], cashier: [c] }),
    expected: [{ atStake: '100.00', severity: 'suspect', transactionIds: ['a'] }],
  },
  {
    description: 'failed but settled',
    input: input({ transactions: [p({ status: 'failed', net: '99.40', settleDate: '2026-03-03' })] }),
    expected: [{ atStake: undefined, severity: 'suspect', transactionIds: ['a'] }],
  },
  {
    description: 'success in the list, failed in the settlement file',
    input: input({ transactions: [p({ rrn: 'R', portal: 'list' }), p({ id: 'b', rrn: 'R', portal: 'settlement-file', status: 'failed' })] }),
    expected: [{ atStake: undefined, severity: 'suspect', transactionIds: ['a', 'b'] }],
  },
];

describe('status_mismatch', () => {
  for (const x of mustNot) it(`no finding: ${x.description}`, () => expect(findingsOf('status_mismatch', x.input)).toEqual([]));
  for (const x of must) {
    it(`finding: ${x.description}`, () => {
      expect(
        findingsOf('status_mismatch', x.input).map((f) => ({ atStake: f.atStake?.amount, severity: f.severity, transactionIds: f.transactionIds })),
      ).toEqual(x.expected);
    });
  }
});
