import { describe, expect, it } from 'vitest';
import { cnContract, input, line, txn } from '../../../fixtures/scenarios/builders';
import { findingsOf, type NegativeCase, type PositiveCase } from '../helpers';

const feeRow = (id: string, amount: string, label: string, day = '10') =>
  txn({
    id,
    kind: 'fee',
    amount,
    cardType: 'unknown',
    occurredAt: `2026-03-${day}T00:00:00`,
    evidence: { url: 'u', capturedAt: 'c', cells: { 交易类型: label }, sha256: '' },
  });
const withFlowFee = cnContract({ periodicFees: [{ label: '流量费', amount: '48', every: 'year' }] });
const debit = (id: string, amount: string, description: string, bookedOn = '2026-03-12') => line({ id, amount, description, bookedOn });

const mustNot: NegativeCase[] = [
  { description: 'the contracted yearly 流量费 once', input: input({ contracts: [withFlowFee], transactions: [feeRow('f', '-48.00', '流量费')] }) },
  { description: 'a bank debit that is not a fee (rent)', input: input({ statementLines: [debit('b', '-3000.00', '房租 转账')] }) },
  {
    description: 'the contracted fee as portal row and bank debit (one charge)',
    input: input({ contracts: [withFlowFee], transactions: [feeRow('f', '-48.00', '流量费')], statementLines: [debit('b', '-48.00', 'POS流量费 扣款')] }),
  },
  { description: 'a chargeback fee row (chargeback_fee owns it)', input: input({ transactions: [feeRow('f', '-15.00', '拒付手续费')] }) },
  { description: 'an activation deposit row (deposit_deducted owns it)', input: input({ transactions: [feeRow('f', '-299.00', '激活押金')] }) },
  {
    description: 'an instant-settlement fee column (instant_fee_unexpected owns it)',
    input: input({ transactions: [txn({ id: 't', amount: '1000.00', fee: '6.00', extraFees: [{ label: '秒到费', amount: '2.00' }] })] }),
  },
];

const must: PositiveCase[] = [
  {
    description: '流量费 not in the contract',
    input: input({ transactions: [feeRow('f', '-48.00', '流量费')] }),
    expected: [{ atStake: '48.00', severity: 'overcharge', transactionIds: ['f'] }],
  },
  {
    description: '流量费 taken as an adjustment row',
    input: input({ transactions: [{ ...feeRow('a', '-48.00', '流量费'), kind: 'adjustment' }] }),
    expected: [{ atStake: '48.00', severity: 'overcharge', transactionIds: ['a'] }],
  },
  {
    description: 'the contracted yearly 流量费 a second time in the year',
    input: input({ contracts: [withFlowFee], transactions: [feeRow('f1', '-48.00', '流量费', '02'), feeRow('f2', '-48.00', '流量费', '20')] }),
    expected: [{ atStake: '48.00', severity: 'overcharge', transactionIds: ['f2'] }],
  },
  {
    description: 'the contracted fee charged above its amount',
    input: input({ contracts: [withFlowFee], transactions: [feeRow('f', '-99.00', '流量费')] }),
    expected: [{ atStake: '51.00', severity: 'overcharge', transactionIds: ['f'] }],
  },
  {
    description: 'a PCI non-compliance bank debit',
    input: input({ contracts: [], statementLines: [debit('b', '-29.95', 'PCI NON-COMPLIANCE FEE', '2026-03-05')] }),
    expected: [{ atStake: '29.95', severity: 'overcharge', transactionIds: [] }],
  },
  {
    description: 'a per-row 保险费 column',
    input: input({ transactions: [txn({ id: 't', amount: '1000.00', fee: '6.00', extraFees: [{ label: '保险费', amount: '0.50' }] })] }),
    expected: [{ atStake: '0.50', severity: 'overcharge', transactionIds: ['t'] }],
  },
];

describe('hidden_fee', () => {
  for (const c of mustNot) it(`no finding: ${c.description}`, () => expect(findingsOf('hidden_fee', c.input)).toEqual([]));
  for (const c of must) {
    it(`finding: ${c.description}`, () => {
      expect(findingsOf('hidden_fee', c.input).map((f) => ({ atStake: f.atStake?.amount, severity: f.severity, transactionIds: f.transactionIds }))).toEqual(
        c.expected,
      );
    });
  }
  it('a settlement short by a typical 流量费 amount also raises a candidate without money at stake', () => {
    const inp = input({
      transactions: [txn({ id: 's', amount: '1000.00', fee: '6.00', occurredAt: '2026-03-03T10:00:00' })],
      statementLines: [
        line({ id: 'o', amount: '1.00', bookedOn: '2026-03-01', description: '利息' }),
        line({ id: 'b', amount: '946.00', bookedOn: '2026-03-04' }),
        line({ id: 'e', amount: '1.00', bookedOn: '2026-03-30', description: '利息' }),
      ],
    });
    const [f] = findingsOf('hidden_fee', inp);
    expect(f).toMatchObject({ severity: 'suspect', transactionIds: ['s'], statementLineIds: ['b'] });
    expect(f!.atStake).toBeUndefined();
    expect(findingsOf('settlement_shortfall', inp).map((x) => x.atStake?.amount)).toEqual(['48.00']);
  });
});
