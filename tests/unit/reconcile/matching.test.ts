import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../lib/reconcile';
import { dedupePortalRows, matchCashier } from '../../../lib/reconcile/matching';
import { cashierRecord, input, txn } from '../../fixtures/scenarios/builders';

describe('matchCashier', () => {
  const t = (id: string, time: string, over: Partial<Parameters<typeof txn>[0]> = {}) =>
    txn({ id, amount: '50.00', occurredAt: `2026-03-02T${time}`, cardLast4: '1111', terminalId: 'T1', ...over });
  const c = (id: string, time: string, over: Partial<Parameters<typeof cashierRecord>[0]> = {}) =>
    cashierRecord({ id, amount: '50.00', occurredAt: `2026-03-02T${time}`, cardLast4: '1111', terminalId: 'T1', ...over });
  const cases: { description: string; txns: ReturnType<typeof txn>[]; cashier: ReturnType<typeof cashierRecord>[]; expected: [string, string, string][] }[] = [
    {
      description: 'order number first',
      txns: [t('a', '10:00:00', { orderNo: 'X' })],
      cashier: [c('k', '12:00:00', { orderNo: 'X' })],
      expected: [['a', 'k', 'cashier:orderNo']],
    },
    {
      description: 'amount + last4 + terminal within the window',
      txns: [t('a', '10:00:00')],
      cashier: [c('k', '10:04:00')],
      expected: [['a', 'k', 'cashier:amount+last4+terminal+time']],
    },
    {
      description: 'amount + last4 when the cashier names no terminal',
      txns: [t('a', '10:00:00')],
      cashier: [c('k', '10:04:00', { terminalId: undefined })],
      expected: [['a', 'k', 'cashier:amount+last4+time']],
    },
    {
      description: 'amount + time only when unique both ways',
      txns: [t('a', '10:00:00', { cardLast4: undefined })],
      cashier: [c('k', '10:01:00', { cardLast4: undefined })],
      expected: [['a', 'k', 'cashier:amount+time']],
    },
    {
      description: 'never amount alone: two candidates, no last4 → nothing',
      txns: [t('a', '10:00:00', { cardLast4: undefined })],
      cashier: [c('k1', '10:01:00', { cardLast4: undefined }), c('k2', '10:02:00', { cardLast4: undefined })],
      expected: [],
    },
    {
      description: "a weak pass never steals a strong pass's record",
      txns: [t('a', '10:00:00', { orderNo: 'X', cardLast4: undefined }), t('b', '10:00:30')],
      cashier: [c('k', '10:00:10', { orderNo: 'X' })],
      expected: [['a', 'k', 'cashier:orderNo']],
    },
    { description: 'cash never matches a card row', txns: [t('a', '10:00:00')], cashier: [c('k', '10:00:00', { tender: 'cash' })], expected: [] },
    {
      description: 'closest in time wins',
      txns: [t('a', '10:00:00'), t('b', '10:05:00')],
      cashier: [c('k', '10:04:30')],
      expected: [['b', 'k', 'cashier:amount+last4+terminal+time']],
    },
  ];
  for (const x of cases) {
    it(x.description, () => {
      const m = matchCashier(x.txns, x.cashier, 600);
      expect(m.matches.map((p) => [p.transactionId, p.cashierId, p.basis])).toEqual(x.expected);
    });
  }
  it('reconcile() reports cashier matches with basis and confidence', () => {
    const r = reconcile(input({ transactions: [t('a', '10:00:00', { orderNo: 'X' })], cashier: [c('k', '10:00:00', { orderNo: 'X' })] }));
    expect(r.matches).toContainEqual({ transactionIds: ['a'], statementLineIds: [], cashierIds: ['k'], basis: 'cashier:orderNo', confidence: 0.95 });
  });
});

describe('dedupePortalRows', () => {
  it('collapses one transaction seen by two sources, keeping the richer row', () => {
    const a = txn({ id: 'list', portal: 'generic', amount: '10.00', rrn: '123', occurredAt: '2026-03-02T10:00:00' });
    const b = txn({ id: 'file', portal: 'cn-settlement', amount: '10.00', fee: '0.06', net: '9.94', rrn: '123', occurredAt: '2026-03-02T10:00:00' });
    const { kept, aliases } = dedupePortalRows([a, b]);
    expect(kept.map((t) => t.id)).toEqual(['file']);
    expect(aliases).toEqual([{ keptId: 'file', aliasId: 'list', basis: 'portal:rrn+date', confidence: 0.99 }]);
  });
  it('never collapses rows of one source or of different amounts', () => {
    const a = txn({ id: 'x', amount: '10.00', rrn: '1' });
    const b = txn({ id: 'y', amount: '10.00', rrn: '1' });
    const c = txn({ id: 'z', portal: 'other', amount: '11.00', rrn: '1' });
    expect(dedupePortalRows([a, b, c]).kept.map((t) => t.id)).toEqual(['x', 'y', 'z']);
  });
  it('a finding on the kept row also names the other copy', () => {
    const r = reconcile(
      input({
        transactions: [
          txn({ id: 'list', portal: 'generic', amount: '8000.00', cardType: 'debit', rrn: '9', occurredAt: '2026-03-02T10:00:00' }),
          txn({ id: 'file', portal: 'cn-settlement', amount: '8000.00', fee: '40.00', cardType: 'debit', rrn: '9', occurredAt: '2026-03-02T10:00:00' }),
        ],
      }),
    );
    expect(r.findings.map((f) => [f.kind, f.transactionIds])).toEqual([['debit_cap_ignored', ['file', 'list']]]);
  });
});
