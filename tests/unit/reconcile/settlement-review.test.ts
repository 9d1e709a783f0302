// How acquirers really pay (issue 13 items 1-3), one case each: memo before amount, several
// batches in one credit, one batch in several credits, per-batch fee rounding, coverage input,
// refunds for another amount than the till's, and the same card buying twice.
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../lib/reconcile';
import { Dec } from '../../../lib/money';
import type { StatementLine } from '../../../lib/model';
import { cashierRecord, input, line, txn } from '../../fixtures/scenarios/builders';

const A = '898100000000001';
const B = '898100000000002';
const frame = [
  line({ id: 'f0', amount: '0.10', bookedOn: '2026-02-01', description: '结息' }),
  line({ id: 'f1', amount: '0.10', bookedOn: '2026-10-30', description: '结息' }),
];
const sale = (id: string, amount: string, fee: string, at: string, over: Partial<Parameters<typeof txn>[0]> = {}) =>
  txn({ id, amount, fee, occurredAt: at, ...over });
const kinds = (r: ReturnType<typeof reconcile>) => r.findings.map((f) => `${f.kind} ${f.atStake?.amount ?? ''} ${f.statementLineIds.join(',')}`);
const basisOf = (r: ReturnType<typeof reconcile>, id: string) => r.matches.find((m) => m.transactionIds.includes(id))?.basis;

describe('settlement as acquirers pay', () => {
  it('two MIDs paid into one account: each credit goes to the MID its memo names, though the other is closer in amount', () => {
    const txns = [
      sale('a1', '1000.00', '6.00', '2026-03-02T10:00:00', { merchantId: A }),
      sale('a2', '500.00', '3.00', '2026-03-02T11:00:00', { merchantId: A }),
      sale('b1', '1408.45', '8.45', '2026-03-02T12:00:00', { merchantId: B }),
    ];
    const lines = [
      ...frame,
      line({ id: 'la', amount: '1040.00', bookedOn: '2026-03-03', description: `银联商务 结算款 商户号${A}` }),
      line({ id: 'lb', amount: '1395.00', bookedOn: '2026-03-03', description: `银联商务 结算款 商户号${B}` }),
    ];
    const r = reconcile(input({ transactions: txns, statementLines: lines }));
    expect(kinds(r).sort()).toEqual(['settlement_shortfall 451.00 la', 'settlement_shortfall 5.00 lb']);
    expect(basisOf(r, 'a1')).toBe('settlement-group:memo-merchant');
  });

  it('a 调休 Saturday batch and the next paid in one credit: no finding, both matched on several-batches', () => {
    // 2026-10-09 (Fri) settles on the make-up Saturday 10-10; 10-10's sales settle Monday 10-12
    const txns = [sale('s1', '1000.00', '6.00', '2026-10-09T10:00:00'), sale('s2', '2000.00', '12.00', '2026-10-10T10:00:00')];
    const r = reconcile(
      input({ transactions: txns, statementLines: [...frame, line({ id: 'c', amount: '2982.00', bookedOn: '2026-10-12' })], asOf: '2026-10-30' }),
    );
    expect(kinds(r)).toEqual([]);
    expect([basisOf(r, 's1'), basisOf(r, 's2')]).toEqual(['settlement-group:several-batches', 'settlement-group:several-batches']);
  });

  it('one batch in four credits (per terminal): no finding; a part missing is a shortfall of that part, not the batch missing', () => {
    const txns = ['1000.00', '500.00', '300.00', '200.00'].map((amount, i) =>
      sale(`s${i + 1}`, amount, new Dec(amount).times('0.006').toFixed(2), `2026-03-02T1${i}:00:00`, { merchantId: A, terminalId: `1000000${i}` }),
    );
    // per terminal nets 994.00, 497.00, 298.20, 198.80
    const parts = ['994.00', '497.00', '298.20', '198.80'].map((amount, i) =>
      line({ id: `p${i}`, amount, bookedOn: '2026-03-03', description: `银联商务 结算款 商户号${A} 终端1000000${i}` }),
    );
    const r = reconcile(input({ transactions: txns, statementLines: [...frame, ...parts] }));
    expect(kinds(r)).toEqual([]);
    expect(basisOf(r, 's1')).toBe('settlement-group:several-credits');
    expect(kinds(reconcile(input({ transactions: txns, statementLines: [...frame, ...parts.slice(0, 3)] })))).toEqual(['settlement_shortfall 198.80 p0,p1,p2']);
  });

  it('per-batch fee rounding: a difference within 0.01 × rows is rounding; beyond it a shortfall', () => {
    const txns = Array.from({ length: 30 }, (_, i) => sale(`s${i}`, '33.33', '0.20', `2026-03-02T10:${String(i).padStart(2, '0')}:00`));
    const expected = 30 * 33.13; // 993.90
    const paid = (cents: number) =>
      reconcile(
        input({
          transactions: txns,
          statementLines: [...frame, line({ id: 'c', amount: ((expected * 100 - cents) / 100).toFixed(2), bookedOn: '2026-03-03' })],
        }),
      );
    expect(kinds(paid(25))).toEqual([]);
    expect(basisOf(paid(25), 's0')).toMatch(/\+fee-rounding$/);
    expect(kinds(paid(31))).toEqual(['settlement_shortfall 0.31 c']);
  });

  it('coverage says a day is partly captured: a short credit is unchecked (Capture all pages), not a shortfall', () => {
    const txns = [sale('s1', '1000.00', '6.00', '2026-03-02T10:00:00'), sale('s2', '500.00', '3.00', '2026-03-02T11:00:00')];
    const lines = [...frame, line({ id: 'c', amount: '1400.00', bookedOn: '2026-03-03' })];
    const coverage = [{ merchantId: txns[0]!.merchantId, day: '2026-03-02', rowsSeen: 2, stated: { count: 41, source: 'pager' }, complete: false as const }];
    const r = reconcile(input({ transactions: txns, statementLines: lines, coverage }));
    expect(kinds(r)).toEqual([]);
    expect(r.unchecked).toEqual([
      {
        reason: 'partial_capture',
        days: ['2026-03-02'],
        merchantId: txns[0]!.merchantId,
        hint: { key: 'unchecked.partial_capture', params: expect.objectContaining({ days: '2026-03-02', rowsSeen: '2', statedCount: '41' }) },
      },
    ]);
    // without coverage the data decides: a credit smaller than the rows is still a shortfall
    expect(kinds(reconcile(input({ transactions: txns, statementLines: lines })))).toEqual(['settlement_shortfall 91.00 c']);
  });

  it('two per-order payouts of near amounts: each takes the credit whose memo names it, though the other is within tolerance', () => {
    // by amount alone PO-0002 (994.01, looked at first) takes c1, the lower id within tolerance, and PO-0001 then takes c2
    const txns = [
      sale('s1', '1000.00', '6.00', '2026-03-02T10:00:00', { payoutId: 'PO-0001', settleDate: '2026-03-03' }),
      sale('s2', '1000.01', '6.00', '2026-03-02T11:00:00', { payoutId: 'PO-0002', settleDate: '2026-03-03' }),
    ];
    const lines = [
      ...frame,
      line({ id: 'c1', amount: '994.00', bookedOn: '2026-03-03', description: '聚合支付 结算款 PO-0001' }),
      line({ id: 'c2', amount: '994.01', bookedOn: '2026-03-03', description: '聚合支付 结算款 PO-0002' }),
    ];
    const r = reconcile(input({ transactions: txns, statementLines: lines }));
    const paid = (id: string) => r.matches.find((m) => m.transactionIds.includes(id));
    expect([paid('s1')?.statementLineIds, paid('s2')?.statementLineIds]).toEqual([['c1'], ['c2']]);
    expect([paid('s1')?.basis, paid('s2')?.basis]).toEqual(['settlement-group:memo-payout', 'settlement-group:memo-payout']);
    expect(kinds(r).filter((k) => k.startsWith('settlement'))).toEqual([]);
  });

  it('two credits of the exact amount after the value date: the one that reads as a settlement, else the earlier, else the lower line id', () => {
    // Thursday's sale settles T+1 on Friday 03-06; up to Monday 03-09 the exact amount still counts
    const txns = [sale('s1', '1000.00', '6.00', '2026-03-05T10:00:00')];
    const paidBy = (...credits: StatementLine[]) =>
      reconcile(input({ transactions: txns, statementLines: [...frame, ...credits] })).matches.find((m) => m.transactionIds.includes('s1'))?.statementLineIds;
    const on = (id: string, bookedOn: string, description = '银联商务 结算款') => line({ id, amount: '994.00', bookedOn, description });
    expect(paidBy(on('z', '2026-03-07'), on('a', '2026-03-09'))).toEqual(['z']);
    expect(paidBy(on('b', '2026-03-09'), on('a', '2026-03-09'))).toEqual(['a']);
    expect(paidBy(on('z', '2026-03-07', '转账 张三'), on('a', '2026-03-09'))).toEqual(['a']);
  });
});

describe('refunds and repeat purchases', () => {
  const s = sale('s', '1000.00', '6.00', '2026-03-02T10:00:00', { rrn: 'R1', cardLast4: '1234', terminalId: 'T1' });
  const refund = txn({
    id: 'r',
    kind: 'refund',
    amount: '-1000.00',
    net: '-1000.00',
    occurredAt: '2026-03-05T15:00:00',
    originalRef: 'R1',
    cardLast4: '1234',
    terminalId: 'T1',
  });
  const tillSale = cashierRecord({ id: 'cs', amount: '1000.00', occurredAt: '2026-03-02T09:59:30', cardLast4: '1234', terminalId: 'T1' });

  it('a refund processed for more than the till recorded: the difference, not "not processed"', () => {
    const till = cashierRecord({ id: 'cr', kind: 'refund', amount: '-600.00', occurredAt: '2026-03-05T14:59:20', cardLast4: '1234', terminalId: 'T1' });
    const r = reconcile(input({ transactions: [s, refund], cashier: [tillSale, till], asOf: '2026-03-20' }));
    const f = r.findings.filter((x) => x.kind === 'refund_problem');
    expect(f.map((x) => [x.explanation.params.problem, x.severity, x.atStake?.amount, x.cashierIds])).toEqual([
      ['refund_above_till', 'suspect', '400.00', ['cr']],
    ]);
  });

  it('a refund processed for less than the till recorded: info, the difference stated', () => {
    const till = cashierRecord({ id: 'cr', kind: 'refund', amount: '-1000.00', occurredAt: '2026-03-05T14:59:20', cardLast4: '1234', terminalId: 'T1' });
    const half = { ...refund, amount: { amount: '-500.00', currency: 'CNY' }, net: { amount: '-500.00', currency: 'CNY' } };
    const f = reconcile(input({ transactions: [s, half], cashier: [tillSale, till], asOf: '2026-03-20' })).findings.filter((x) => x.kind === 'refund_problem');
    expect(f.map((x) => [x.explanation.params.problem, x.severity, x.atStake, x.explanation.params.difference])).toEqual([
      ['refund_below_till', 'info', undefined, '500.00'],
    ]);
  });

  it('the same card buying the same amount again minutes later with two till orders: no duplicate; without a till export suspect at most', () => {
    const again = sale('s2', '1000.00', '6.00', '2026-03-02T10:03:00', { rrn: 'R2', cardLast4: '1234', terminalId: 'T1' });
    const till2 = cashierRecord({ id: 'cs2', amount: '1000.00', occurredAt: '2026-03-02T10:02:40', cardLast4: '1234', terminalId: 'T1', orderNo: 'POS-2' });
    expect(reconcile(input({ transactions: [s, again], cashier: [tillSale, till2] })).findings.filter((f) => f.kind === 'duplicate_charge')).toEqual([]);
    const noTill = reconcile(input({ transactions: [s, again] })).findings.filter((f) => f.kind === 'duplicate_charge');
    expect(noTill.map((f) => f.severity)).toEqual(['suspect']);
  });
});
