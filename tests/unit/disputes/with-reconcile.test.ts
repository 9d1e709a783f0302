// The engine's real findings render without gaps: this is where lib/reconcile's params and the
// explanation templates of lib/i18n meet (DOMAIN.md §3.4 examples 1, 3 and 5, plus a shortfall).
import { describe, expect, it } from 'vitest';
import { renderDispute } from '../../../lib/disputes/render';
import { LOCALES, renderExplanation } from '../../../lib/i18n/messages';
import { reconcile } from '../../../lib/reconcile/index';
import { cashierRecord, cnContract, line, txn } from '../../fixtures/scenarios/builders';

describe('findings from lib/reconcile', () => {
  const transactions = [
    txn({
      id: 'a',
      occurredAt: '2026-03-02T10:15:00',
      amount: '8000.00',
      fee: '40.00',
      cardType: 'debit',
      cardLast4: '6789',
      rrn: '123456789012',
      voucherNo: '000123',
      batchNo: '000045',
      settleDate: '2026-03-02',
    }),
    txn({ id: 'b', occurredAt: '2026-03-02T12:01:10', amount: '88.00', fee: '0.53', cardLast4: '0085', rrn: '406512010001', settleDate: '2026-03-02' }),
    txn({ id: 'c', occurredAt: '2026-03-02T12:02:05', amount: '88.00', fee: '0.53', cardLast4: '0085', rrn: '406512020002', settleDate: '2026-03-02' }),
    txn({ id: 'd', occurredAt: '2026-03-02T13:00:00', amount: '10000.00', fee: '62.00', cardLast4: '1111', rrn: '406513000004', settleDate: '2026-03-02' }),
  ];
  const statementLines = [line({ id: 'l1', bookedOn: '2026-03-03', amount: '17900.00' })];
  const cashier = [
    cashierRecord({ occurredAt: '2026-03-02T10:15:00', amount: '8000.00', cardLast4: '6789' }),
    cashierRecord({ occurredAt: '2026-03-02T12:01:00', amount: '88.00', cardLast4: '0085' }),
    cashierRecord({ occurredAt: '2026-03-02T13:00:00', amount: '10000.00', cardLast4: '1111' }),
  ];
  const { findings } = reconcile({ transactions, statementLines, cashier, contracts: [cnContract()], asOf: '2026-03-20' });
  const kinds = findings.map((f) => f.kind);

  it('finds the expected kinds', () => {
    expect(kinds).toEqual(expect.arrayContaining(['debit_cap_ignored', 'duplicate_charge', 'settlement_shortfall']));
    expect(kinds.some((k) => k === 'fee_above_contract' || k === 'instant_fee_unexpected')).toBe(true);
  });

  it('explains every one of them without an unknown', () => {
    for (const f of findings) {
      for (const locale of LOCALES) {
        const text = renderExplanation(locale, f.explanation);
        expect(text, `${f.kind} ${locale}: ${text}`).not.toMatch(/未知|unknown|\{/);
      }
    }
  });

  it('drafts a letter with the numbers of each item', () => {
    const { text } = renderDispute({ findings, transactions, statementLines, merchant: { name: '张记面馆' }, asOf: '2026-03-20' }, 'zh-CN');
    expect(text).toContain('商户号：898100000000001');
    expect(text).toContain('| 2026-03-02 10:15:00 | ¥8,000.00 | 123456789012 | 000123/000045 | 6789 借记卡 | ¥40.00 | ¥20.00 | ¥20.00 | 借记卡未封顶');
    expect(text).toContain('重复扣款（重复）');
    expect(text).toContain('实到 ¥17,900.00');
  });
});
