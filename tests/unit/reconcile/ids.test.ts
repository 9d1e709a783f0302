// One id normaliser (keys.ts): terminal 00012345 and 12345 are one terminal in every pass of
// reconcile(); an RRN is compared as printed.
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../lib/reconcile';
import { normaliseId, sameId, type IdKind } from '../../../lib/reconcile/keys';
import { memoMerchant } from '../../../lib/reconcile/memo-merchant';
import { cashierRecord, input, txn } from '../../fixtures/scenarios/builders';

describe('normaliseId', () => {
  const cases: { description: string; kind: IdKind; input: string | undefined; expected: string }[] = [
    { description: 'terminal padding dropped', kind: 'terminal', input: '00012345', expected: '12345' },
    { description: 'terminal trimmed, upper case', kind: 'terminal', input: ' 0001ab ', expected: '1AB' },
    { description: 'terminal already normal: itself', kind: 'terminal', input: '12345678', expected: '12345678' },
    { description: 'all zeros keep one', kind: 'batch', input: '000000', expected: '0' },
    { description: 'merchant padding dropped', kind: 'merchant', input: '0898100000000001', expected: '898100000000001' },
    { description: 'voucher padding dropped', kind: 'voucher', input: '000123', expected: '123' },
    { description: 'RRN as printed: zeros kept', kind: 'rrn', input: '000000000001', expected: '000000000001' },
    { description: 'RRN trimmed, upper case', kind: 'rrn', input: ' 0a1b ', expected: '0A1B' },
    { description: 'order number as printed', kind: 'order', input: '0042', expected: '0042' },
    { description: 'missing id', kind: 'terminal', input: undefined, expected: '' },
    { description: 'blank id', kind: 'terminal', input: '  ', expected: '' },
  ];
  for (const c of cases) it(c.description, () => expect(normaliseId(c.kind, c.input)).toBe(c.expected));

  it('sameId: both present and equal once normalised', () => {
    expect(sameId('terminal', '00012345', '12345')).toBe(true);
    expect(sameId('rrn', '000000000001', '1')).toBe(false);
    expect(sameId('terminal', undefined, '')).toBe(false);
  });
});

describe('00012345 and 12345 are one terminal in every pass', () => {
  const card = { cardLast4: '0085', fee: '0.53' };

  it('cashier matching: the terminal pass ties them', () => {
    const r = reconcile(
      input({
        transactions: [txn({ id: 'p', amount: '88.00', ...card, terminalId: '00012345', occurredAt: '2026-03-02T12:01:10' })],
        cashier: [cashierRecord({ id: 'c', amount: '88.00', cardLast4: '0085', terminalId: '12345', occurredAt: '2026-03-02T12:01:00' })],
      }),
    );
    expect(r.matches.filter((m) => m.basis.startsWith('cashier:'))).toEqual([
      { transactionIds: ['p'], statementLineIds: [], cashierIds: ['c'], basis: 'cashier:amount+last4+terminal+time', confidence: 0.9 },
    ]);
  });

  it('duplicates: rows on 00012345 and 12345 are one terminal, and a cashier export naming 012345 covers it', () => {
    const r = reconcile(
      input({
        transactions: [
          txn({ id: 'first', amount: '88.00', ...card, terminalId: '00012345', occurredAt: '2026-03-02T12:01:10', rrn: '000000000001' }),
          txn({ id: 'second', amount: '88.00', ...card, terminalId: '12345', occurredAt: '2026-03-02T12:02:05', rrn: '000000000002' }),
        ],
        cashier: [cashierRecord({ id: 'pos1', amount: '88.00', cardLast4: '0085', terminalId: '012345', occurredAt: '2026-03-02T12:01:00' })],
      }),
    );
    const dup = r.findings.filter((f) => f.kind === 'duplicate_charge');
    expect(dup.map((f) => ({ severity: f.severity, transactionIds: f.transactionIds }))).toEqual([
      { severity: 'overcharge', transactionIds: ['second', 'first'] },
    ]);
  });

  it('missing at acquirer: a till sale on 12345 left open on a day the portal shows 00012345 is raised', () => {
    const r = reconcile(
      input({
        transactions: [txn({ id: 'p', amount: '50.00', fee: '0.30', cardLast4: '1111', terminalId: '00012345', occurredAt: '2026-03-02T10:00:00' })],
        cashier: [
          cashierRecord({ id: 'match', amount: '50.00', cardLast4: '1111', terminalId: '12345', occurredAt: '2026-03-02T10:00:20' }),
          cashierRecord({ id: 'open', amount: '70.00', cardLast4: '2222', terminalId: '12345', occurredAt: '2026-03-02T11:00:00' }),
        ],
      }),
    );
    expect(r.findings.filter((f) => f.kind === 'missing_at_acquirer').map((f) => f.cashierIds)).toEqual([['open']]);
  });

  it('two portal sources: terminal + batch + voucher match with and without padding', () => {
    const r = reconcile(
      input({
        transactions: [
          txn({ id: 'list', portal: 'generic', amount: '20.00', terminalId: '00012345', batchNo: '000001', voucherNo: '000123' }),
          txn({ id: 'export', portal: 'lakala', amount: '20.00', fee: '0.12', terminalId: '12345', batchNo: '1', voucherNo: '123' }),
        ],
      }),
    );
    expect(r.matches.filter((m) => m.basis === 'portal:terminal+batch+voucher').map((m) => [...m.transactionIds].sort())).toEqual([['export', 'list']]);
  });

  it('RRN as printed: 000000000001 and 1 are two transactions', () => {
    const r = reconcile(
      input({
        transactions: [
          txn({ id: 'list', portal: 'generic', amount: '20.00', rrn: '000000000001' }),
          txn({ id: 'export', portal: 'lakala', amount: '20.00', rrn: '1' }),
        ],
      }),
    );
    expect(r.matches.filter((m) => m.basis === 'portal:rrn+date')).toEqual([]);
    const same = reconcile(
      input({
        transactions: [
          txn({ id: 'list', portal: 'generic', amount: '20.00', rrn: '000000000001' }),
          txn({ id: 'export', portal: 'lakala', amount: '20.00', rrn: ' 000000000001' }),
        ],
      }),
    );
    expect(same.matches.filter((m) => m.basis === 'portal:rrn+date')).toHaveLength(1);
  });

  it('settlement memo: a MID printed without its padding names the padded MID', () => {
    expect(memoMerchant('结算 商户号898100000000001', ['0898100000000001', '0898100000000002'])).toBe('0898100000000001');
    expect(memoMerchant('结算 商户号0898100000000002', ['898100000000001', '898100000000002'])).toBe('898100000000002');
  });
});
