// DOMAIN.md §3.4 worked examples 1, 3, 4, 5 as end-to-end fixtures.
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../lib/reconcile';
import { cashierRecord, cnContract, input, line, txn } from '../../fixtures/scenarios/builders';

const summary = (r: ReturnType<typeof reconcile>) => r.findings.map((f) => ({ kind: f.kind, severity: f.severity, atStake: f.atStake?.amount }));

describe('DOMAIN.md §3.4 worked examples', () => {
  it('1. debit cap: 8,000.00 on a debit card, fee 40.00 → debit_cap_ignored 20.00', () => {
    const r = reconcile(input({ contracts: [cnContract()], transactions: [txn({ amount: '8000.00', fee: '40.00', cardType: 'debit' })] }));
    expect(summary(r)).toEqual([{ kind: 'debit_cap_ignored', severity: 'overcharge', atStake: '20.00' }]);
  });

  it('3. T+0 fee without opt-in: 10,000.00 credit, 0.60 % T1, fee 62.00 → instant_fee_unexpected 2.00', () => {
    const r = reconcile(input({ transactions: [txn({ amount: '10000.00', fee: '62.00', cardType: 'credit', settleCycle: 'D0' })] }));
    expect(summary(r)).toEqual([{ kind: 'instant_fee_unexpected', severity: 'suspect', atStake: '2.00' }]);
  });

  it('4. batch shortfall over 清明 2018: value date 04-08 (Sunday make-up day), shortfall 48.00', () => {
    // Σsales 12,345.00 (5,000 + 7,245 + 100), Σvoids 100.00, Σfees 73.47 → expected 12,171.53
    const transactions = [
      txn({ id: 'a', amount: '5000.00', fee: '30.00', occurredAt: '2018-04-04T09:10:00', rrn: 'A' }),
      txn({ id: 'b', amount: '7245.00', fee: '43.47', occurredAt: '2018-04-04T13:20:00', rrn: 'B' }),
      txn({ id: 'c', amount: '100.00', fee: '0.60', occurredAt: '2018-04-04T15:00:00', rrn: 'C' }),
      txn({ id: 'v', amount: '-100.00', kind: 'void', occurredAt: '2018-04-04T15:03:00', originalRef: 'C' }),
    ];
    const statementLines = [
      line({ id: 'open', amount: '1.00', bookedOn: '2018-04-01', description: '结息' }),
      line({ id: 'noise', amount: '12123.53', bookedOn: '2018-04-05', description: '转账 张三' }),
      line({ id: 'credit', amount: '12123.53', bookedOn: '2018-04-08', description: '银联商务结算款' }),
      line({ id: 'close', amount: '1.00', bookedOn: '2018-04-30', description: '结息' }),
    ];
    const r = reconcile(input({ asOf: '2018-04-30', contracts: [cnContract()], transactions, statementLines }));
    const shortfall = r.findings.find((f) => f.kind === 'settlement_shortfall');
    expect(shortfall).toBeDefined();
    expect(shortfall!.atStake).toEqual({ amount: '48.00', currency: 'CNY' });
    expect(shortfall!.expected).toEqual({ amount: '12171.53', currency: 'CNY' });
    expect(shortfall!.actual).toEqual({ amount: '12123.53', currency: 'CNY' });
    expect(shortfall!.transactionIds).toEqual(['a', 'b', 'c', 'v']);
    expect(shortfall!.statementLineIds).toEqual(['credit']);
    expect(shortfall!.explanation.params).toMatchObject({
      expectedValueDate: '2018-04-08',
      sales: '12345.00',
      voidsRefunds: '-100.00',
      fees: '73.47',
      difference: '48.00',
    });
    // the same money is never at stake twice
    const atStake = r.findings.filter((f) => f.atStake).map((f) => f.kind);
    expect(atStake).toEqual(['settlement_shortfall']);
  });

  it('5. duplicate: two 88.00 sales 55 s apart, cashier shows one → duplicate_charge (overcharge) listing both', () => {
    const common = { amount: '88.00', fee: '0.53', terminalId: '12345678', cardLast4: '0085' };
    const r = reconcile(
      input({
        transactions: [
          txn({ id: 'first', ...common, occurredAt: '2026-03-02T12:01:10', rrn: '000000000001' }),
          txn({ id: 'second', ...common, occurredAt: '2026-03-02T12:02:05', rrn: '000000000002' }),
        ],
        cashier: [cashierRecord({ id: 'pos1', amount: '88.00', occurredAt: '2026-03-02T12:01:00', cardLast4: '0085', terminalId: '12345678' })],
      }),
    );
    const dup = r.findings.filter((f) => f.kind === 'duplicate_charge');
    expect(dup.map((f) => ({ severity: f.severity, atStake: f.atStake?.amount, transactionIds: f.transactionIds }))).toEqual([
      { severity: 'overcharge', atStake: '88.00', transactionIds: ['second', 'first'] },
    ]);
    expect(dup[0]!.explanation.params).toMatchObject({ rrn: '000000000002', originalRrn: '000000000001' });
  });
});
