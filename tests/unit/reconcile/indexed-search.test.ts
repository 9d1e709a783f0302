// The searches that use indexes instead of scans (settlement credits by date and amount, cashier
// records by amount and time) must pick what a scan over everything picks, also where the index
// has to be careful: many records of one amount, more combination candidates than are tried,
// ties between credits equally far from the expected amount.
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../lib/reconcile';
import { matchCashier } from '../../../lib/reconcile/matching';
import { cashierRecord, input, line, txn } from '../../fixtures/scenarios/builders';

const pad = (n: number) => String(n).padStart(2, '0');

describe('cashier matching by amount and time window', () => {
  it('a café: 300 sales of the same 25.00, each tied to the cashier record next to it in time', () => {
    const txns = [];
    const cashier = [];
    for (let i = 0; i < 300; i++) {
      // one sale every 10 minutes over three days; the cashier books it 40 s earlier
      const minutes = i * 10;
      const day = pad(2 + Math.floor(minutes / (24 * 60)));
      const m = minutes % (24 * 60);
      const at = `2026-03-${day}T${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
      txns.push(txn({ id: `t${String(i).padStart(3, '0')}`, amount: '25.00', occurredAt: `${at}:40`, cardType: 'qr_wechat', terminalId: 'T1' }));
      cashier.push(cashierRecord({ id: `c${String(i).padStart(3, '0')}`, amount: '25', occurredAt: `${at}:00`, tender: 'qr', terminalId: 'T1' }));
    }
    const m = matchCashier(txns, cashier, 600);
    expect(m.matches).toHaveLength(300);
    for (const x of m.matches) {
      expect(x.cashierId.slice(1)).toBe(x.transactionId.slice(1));
      expect(x.basis).toBe('cashier:amount+time');
      expect(x.secondsApart).toBe(40);
    }
  });

  it('an unreadable time never matches, a readable one still does', () => {
    const m = matchCashier(
      [
        txn({ id: 'a', amount: '8.00', occurredAt: '2026-03-02T10:00:00', cardLast4: '1111' }),
        txn({ id: 'b', amount: '8.00', occurredAt: 'yesterday', cardLast4: '2222' }),
      ],
      [
        cashierRecord({ id: 'k', amount: '8.00', occurredAt: '2026-03-02T10:02:00', cardLast4: '1111' }),
        cashierRecord({ id: 'j', amount: '8.00', occurredAt: 'n/a', cardLast4: '2222' }),
      ],
      600,
    );
    expect(m.matches.map((x) => [x.transactionId, x.cashierId])).toEqual([['a', 'k']]);
  });
});

describe('settlement credits by date and amount', () => {
  const sale = (id: string, amount: string) => txn({ id, amount, fee: '0.00', net: amount, occurredAt: '2026-03-02T10:00:00' });

  it('two credits adding up to the group are found among more credits than combinations try', () => {
    // 30 small unrelated credits on the value date, plus the acquirer's two per-terminal credits
    const lines = [];
    for (let i = 1; i <= 30; i++) lines.push(line({ id: `n${pad(i)}`, amount: `${i}.00`, bookedOn: '2026-03-03', description: '银联商务 结算款' }));
    lines.push(line({ id: 'p1', amount: '600.00', bookedOn: '2026-03-03' }), line({ id: 'p2', amount: '400.00', bookedOn: '2026-03-03' }));
    const r = reconcile(input({ transactions: [sale('s1', '700.00'), sale('s2', '300.00')], statementLines: lines }));
    const m = r.matches.find((x) => x.transactionIds.includes('s1'));
    expect(m).toEqual({ transactionIds: ['s1', 's2'], statementLineIds: ['p1', 'p2'], basis: 'settlement-group:amount', confidence: 0.8 });
    expect(r.residuals).toEqual([]);
  });

  it('an exact credit is preferred on the value date even with hundreds of credits that day', () => {
    const lines = [];
    for (let i = 0; i < 400; i++)
      lines.push(line({ id: `n${String(i).padStart(3, '0')}`, amount: `${100 + i}.50`, bookedOn: '2026-03-03', description: '转账', counterparty: '张三' }));
    lines.push(line({ id: 'pay', amount: '321.00', bookedOn: '2026-03-03' }));
    const r = reconcile(input({ transactions: [sale('s1', '321.00')], statementLines: lines }));
    expect(r.matches.find((x) => x.transactionIds.includes('s1'))?.statementLineIds).toEqual(['pay']);
  });

  it('of two settlement credits equally far from the expected amount, the first by line id is taken', () => {
    const lines = [line({ id: 'l-b', amount: '990.00', bookedOn: '2026-03-03' }), line({ id: 'l-a', amount: '1010.00', bookedOn: '2026-03-03' })];
    const r = reconcile(input({ transactions: [sale('s1', '1000.00')], statementLines: lines }));
    expect(r.matches.find((x) => x.transactionIds.includes('s1'))).toEqual({
      transactionIds: ['s1'],
      statementLineIds: ['l-a'],
      basis: 'settlement-group:date',
      confidence: 0.5,
    });
    expect(r.residuals.map((x) => [x.expected.amount, x.received.amount])).toEqual([['1000.00', '1010.00']]);
  });

  it('the settlement-like credit wins a tie with a plain transfer where the bank writes no memos', () => {
    // no credit in this currency carries a settlement memo, so every credit is a candidate
    const lines = [
      line({ id: 'l-a', amount: '1010.00', bookedOn: '2026-03-03', description: '转账', counterparty: '张三', currency: 'USD' }),
      line({ id: 'l-b', amount: '990.00', bookedOn: '2026-03-03', description: '转账', counterparty: '李四', currency: 'USD' }),
    ];
    const r = reconcile(
      input({
        transactions: [txn({ id: 's1', amount: '1000.00', fee: '0.00', net: '1000.00', currency: 'USD', occurredAt: '2026-03-02T10:00:00' })],
        statementLines: lines,
        contracts: [],
      }),
    );
    expect(r.matches.find((x) => x.transactionIds.includes('s1'))?.statementLineIds).toEqual(['l-a']);
  });
});
