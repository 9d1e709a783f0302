import { describe, expect, it } from 'vitest';
import { input, line, txn } from '../../../fixtures/scenarios/builders';
import { findingsOf, type NegativeCase, type PositiveCase } from '../helpers';

const day = (d: string, id: string, amount = '1000.00', fee = '6.00') => txn({ id, amount, fee, occurredAt: `2026-03-${d}T10:00:00` });
const frame = [
  line({ id: 'o', amount: '1.00', bookedOn: '2026-03-01', description: '利息' }),
  line({ id: 'e', amount: '1.00', bookedOn: '2026-03-31', description: '利息' }),
];
const feeRow = (id: string, amount: string, label: string) =>
  txn({
    id,
    kind: 'fee',
    amount,
    cardType: 'unknown',
    occurredAt: '2026-03-10T00:00:00',
    evidence: { url: 'u', capturedAt: 'c', cells: { 类型: label }, sha256: '' },
  });

const mustNot: NegativeCase[] = [
  {
    description: 'first settlement paid in full',
    input: input({ transactions: [day('03', 'a')], statementLines: [...frame, line({ id: 'b', amount: '994.00', bookedOn: '2026-03-04' })] }),
  },
  {
    description: 'a 299.00 shortfall on a later settlement is a shortfall',
    input: input({
      transactions: [day('03', 'a'), day('10', 'b')],
      statementLines: [...frame, line({ id: 'b1', amount: '994.00', bookedOn: '2026-03-04' }), line({ id: 'b2', amount: '695.00', bookedOn: '2026-03-11' })],
    }),
  },
  {
    description: 'a non-round first shortfall',
    input: input({ transactions: [day('03', 'a')], statementLines: [...frame, line({ id: 'b', amount: '900.00', bookedOn: '2026-03-04' })] }),
  },
];

const must: PositiveCase[] = [
  {
    description: '刷1000元仅到账595元: 399.00 off the first settlement',
    input: input({
      transactions: [day('03', 'a', '1000.00', '6.00')],
      statementLines: [...frame, line({ id: 'b', amount: '595.00', bookedOn: '2026-03-04' })],
    }),
    expected: [{ atStake: '399.00', severity: 'overcharge', transactionIds: ['a'] }],
  },
  {
    description: 'a 押金 fee row',
    input: input({ transactions: [feeRow('f', '-299.00', '激活押金')] }),
    expected: [{ atStake: '299.00', severity: 'overcharge', transactionIds: ['f'] }],
  },
];

describe('deposit_deducted', () => {
  for (const c of mustNot) it(`no finding: ${c.description}`, () => expect(findingsOf('deposit_deducted', c.input)).toEqual([]));
  for (const c of must) {
    it(`finding: ${c.description}`, () => {
      expect(
        findingsOf('deposit_deducted', c.input).map((f) => ({ atStake: f.atStake?.amount, severity: f.severity, transactionIds: f.transactionIds })),
      ).toEqual(c.expected);
      expect(findingsOf('settlement_shortfall', c.input)).toEqual([]);
    });
  }
});
