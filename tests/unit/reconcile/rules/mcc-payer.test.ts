// D18, bank side: a settlement paid by someone who cannot be a licensed acquirer (二清 risk).
import { describe, expect, it } from 'vitest';
import { cnContract, input, line, txn } from '../../../fixtures/scenarios/builders';
import { findingsOf } from '../helpers';
import { renderExplanation } from '../../../../lib/i18n/messages';

// Tuesday 2026-03-03 sales at 0.6 %: T+1 pays 994.00 + 497.00 = 1491.00 on Wednesday 03-04
const tue = [
  txn({ id: 'a', amount: '1000.00', fee: '6.00', occurredAt: '2026-03-03T10:00:00' }),
  txn({ id: 'b', amount: '500.00', fee: '3.00', occurredAt: '2026-03-03T11:00:00' }),
];
const frame = [
  line({ id: 'open', amount: '1.00', bookedOn: '2026-03-01', description: '利息' }),
  line({ id: 'close', amount: '1.00', bookedOn: '2026-03-31', description: '利息' }),
];
const paidBy = (counterparty: string | undefined, contracts = [cnContract()]) =>
  input({
    contracts,
    transactions: tue,
    statementLines: [
      ...frame,
      line({ id: 'pay', amount: '1491.00', bookedOn: '2026-03-04', counterparty }),
      line({ id: 'rent', amount: '-8000.00', bookedOn: '2026-03-05', description: '房租', counterparty: '某某置业有限公司' }),
    ],
  });
const payer = (f: { explanation: { params: Record<string, string> } }) => f.explanation.params['payer'] !== undefined;

describe('mcc_jump_risk: settlement payer', () => {
  it.each([
    ['a licensed acquirer', '银联商务股份有限公司'],
    ['a bank', '中国工商银行上海分行'],
    ['the acquirer named in the contract', '汇通收单有限公司'],
    ['no payer name on the statement', undefined],
  ])('no finding when paid by %s', (_d, name) => {
    const contracts = [cnContract({ label: '汇通收单 标准费率' })];
    expect(findingsOf('mcc_jump_risk', paidBy(name, contracts)).filter(payer)).toEqual([]);
  });

  it('an unlicensed company paying the settlement is an info finding on the bank line', () => {
    const got = findingsOf('mcc_jump_risk', paidBy('深圳市某某信息科技有限公司')).filter(payer);
    expect(got).toHaveLength(1);
    const f = got[0]!;
    expect(f.severity).toBe('info');
    expect(f.atStake).toBeUndefined();
    expect(f.statementLineIds).toEqual(['pay']); // the rent paid to another company is not a settlement
    expect(f.transactionIds).toEqual([]);
    expect(renderExplanation('en', f.explanation)).toContain('were paid by “深圳市某某信息科技有限公司”');
    expect(renderExplanation('zh-CN', f.explanation)).toContain('付款方为“深圳市某某信息科技有限公司”');
    expect(renderExplanation('zh-CN', f.explanation)).toContain('¥1,491.00');
  });

  it('a person paying the settlement is flagged too', () => {
    expect(findingsOf('mcc_jump_risk', paidBy('王晓明')).filter(payer)).toHaveLength(1);
  });
});
