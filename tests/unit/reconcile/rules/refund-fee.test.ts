// D10 (d): the sale's fee not given back on its refund, where the contract says it should be.
import { describe, expect, it } from 'vitest';
import { cnContract, input, txn } from '../../../fixtures/scenarios/builders';
import { findingsOf, type NegativeCase, type PositiveCase } from '../helpers';
import { renderExplanation } from '../../../../lib/i18n/messages';

const sale = txn({ id: 's', amount: '300.00', fee: '1.80', rrn: 'A', occurredAt: '2026-03-02T10:00:00', cardLast4: '1234' });
const refund = (id: string, amount: string, fee?: string, net?: string) =>
  txn({ id, kind: 'refund', amount, fee, net, originalRef: 'A', occurredAt: '2026-03-05T10:00:00', cardLast4: '1234' });
const returns = [cnContract({ feeReturnedOnRefund: true })];
const keeps = [cnContract({ feeReturnedOnRefund: false })];

const mustNot: NegativeCase[] = [
  { description: 'fee given back in full', input: input({ contracts: returns, transactions: [sale, refund('r', '-300.00', '-1.80')] }) },
  { description: 'partial refund, fee given back pro rata', input: input({ contracts: returns, transactions: [sale, refund('r', '-100.00', '-0.60')] }) },
  { description: 'the contract keeps the fee', input: input({ contracts: keeps, transactions: [sale, refund('r', '-300.00', '0.00')] }) },
  { description: 'the contract does not say', input: input({ transactions: [sale, refund('r', '-300.00', '0.00')] }) },
  { description: 'the refund row shows neither fee nor net', input: input({ contracts: returns, transactions: [sale, refund('r', '-300.00')] }) },
  { description: 'within the fee tolerance (one cent short)', input: input({ contracts: returns, transactions: [sale, refund('r', '-300.00', '-1.79')] }) },
];

const must: PositiveCase[] = [
  {
    description: 'no fee given back on a full refund',
    input: input({ contracts: returns, transactions: [sale, refund('r', '-300.00', '0.00')] }),
    expected: [{ atStake: '1.80', severity: 'suspect', transactionIds: ['r', 's'] }],
  },
  {
    description: 'partial refund, nothing given back',
    input: input({ contracts: returns, transactions: [sale, refund('r', '-100.00', '0.00')] }),
    expected: [{ atStake: '0.60', severity: 'suspect', transactionIds: ['r', 's'] }],
  },
  {
    description: 'only net shown: −300.00 settles −300.00, so no fee came back',
    input: input({ contracts: returns, transactions: [sale, refund('r', '-300.00', undefined, '-300.00')] }),
    expected: [{ atStake: '1.80', severity: 'suspect', transactionIds: ['r', 's'] }],
  },
  {
    description: 'a fee charged on the refund as well',
    input: input({ contracts: returns, transactions: [sale, refund('r', '-300.00', '0.50')] }),
    expected: [{ atStake: '2.30', severity: 'suspect', transactionIds: ['r', 's'] }],
  },
];

describe('refund_problem (d): fee not given back', () => {
  for (const c of mustNot) it(`no finding: ${c.description}`, () => expect(findingsOf('refund_problem', c.input)).toEqual([]));
  for (const c of must) {
    it(`finding: ${c.description}`, () => {
      expect(
        findingsOf('refund_problem', c.input).map((f) => ({ atStake: f.atStake?.amount, severity: f.severity, transactionIds: f.transactionIds })),
      ).toEqual(c.expected);
    });
  }

  it('explains the arithmetic in both languages', () => {
    const [f] = findingsOf('refund_problem', input({ contracts: returns, transactions: [sale, refund('r', '-100.00', '-0.20')] }));
    expect(f!.atStake?.amount).toBe('0.40');
    expect(f!.expected).toEqual({ amount: '-0.60', currency: 'CNY' });
    expect(f!.actual).toEqual({ amount: '-0.20', currency: 'CNY' });
    const en = renderExplanation('en', f!.explanation);
    expect(en).toContain('should have given back ¥0.60');
    expect(en).toContain('¥0.20 came back');
    expect(en).toContain('¥0.40 kept');
    const zh = renderExplanation('zh-CN', f!.explanation);
    expect(zh).toContain('少退 ¥0.40');
  });
});
