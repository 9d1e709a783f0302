// The popup reads what a reconciliation left (issue 15 "Speed"): findings through their status
// index, the stored summary of rows per site, what was not checked, the latest import; never
// the rows themselves, so 100,000 stored transactions cost it nothing.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '../../../lib/db';
import type { Finding, ReconcileResult } from '../../../lib/model';
import { loadPopupData } from '../../../lib/services/popup';
import { figuresOf, splitBySite } from '../../../lib/popup-figures';
import { storeFindings } from '../../../lib/services/reconcile';
import { line, tx } from '../services/builders';

vi.mock('wxt/browser', () => ({
  browser: { runtime: { getManifest: () => ({ content_scripts: [] }) }, permissions: { contains: async () => true } },
}));

const A = 'https://a.example';
const B = 'https://b.example';
const onA = tx({ evidence: { url: `${A}/trade?page=1`, capturedAt: '2026-03-16T08:00:00Z', cells: {}, sha256: '' } });
const onA2 = tx({ evidence: { url: `${A}/trade?page=2`, capturedAt: '2026-03-16T09:30:00Z', cells: {}, sha256: '' }, rrn: '606400009999', terminalId: 'T9' });
const onB = tx({ evidence: { url: `${B}/list`, capturedAt: '2026-03-15T10:00:00Z', cells: {}, sha256: '' } });
const credit = line({ reference: 'BANKREF1' });

function finding(id: string, severity: Finding['severity'], atStake: string, transactionIds: string[], statementLineIds: string[] = []): Finding {
  return {
    id,
    kind: severity === 'suspect' ? 'duplicate_charge' : 'fee_above_contract',
    severity,
    atStake: { amount: atStake, currency: 'CNY' },
    transactionIds,
    statementLineIds,
    explanation: { key: 'finding.x', params: {} },
  };
}

const result: ReconcileResult = {
  findings: [
    finding('f:fee', 'overcharge', '2.00', [onA2.id]),
    finding('f:dup', 'suspect', '388.00', [onA.id, onA2.id]),
    finding('f:b', 'overcharge', '5.00', [onB.id]),
    finding('f:bank', 'overcharge', '36.50', [], [credit.id]),
  ],
  unchecked: [{ reason: 'partial_capture', days: ['2026-03-24'], hint: { key: 'unchecked.partial_capture', params: {} } }],
  matches: [],
  residuals: [],
  issues: [],
};

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  await db.transactions.bulkPut([onA, onA2, onB]);
  await db.statementLines.bulkPut([credit]);
  await storeFindings(db, result, '2026-03-16T10:00:00Z', { transactions: [onA, onA2, onB], statementLines: [credit] });
});

describe('loadPopupData', () => {
  it('splits findings by the site of their rows, certain apart from suspected, without reading any row', async () => {
    const db = getDb();
    const reads = [
      vi.spyOn(db.transactions, 'toArray'),
      vi.spyOn(db.transactions, 'each'),
      vi.spyOn(db.transactions, 'toCollection'),
      vi.spyOn(db.statementLines, 'toArray'),
    ];
    const data = await loadPopupData({ kind: 'web', origin: A }, 'en-US');
    for (const r of reads) expect(r).not.toHaveBeenCalled();
    expect(data.site?.certain).toEqual({ count: 1, atStake: [{ amount: '2.00', currency: 'CNY' }] });
    expect(data.site?.suspected).toEqual({ count: 1, atStake: [{ amount: '388.00', currency: 'CNY' }] });
    // the other site's finding and the bank-only one, not those already shown for this site
    expect(data.elsewhere.certain).toEqual({ count: 2, atStake: [{ amount: '41.50', currency: 'CNY' }] });
    expect(data.elsewhere.suspected.count).toBe(0);
    expect(data.siteRows).toBe(2);
    expect(data.lastCaptureAt).toBe('2026-03-16T09:30:00Z');
    expect(data.lastCheckedAt).toBe('2026-03-16T10:00:00Z');
    expect(data.unchecked.map((u) => u.days)).toEqual([['2026-03-24']]);
    expect(data.next).toEqual({ kind: 'review', count: 3, certain: true });
    // what the options page shows as stored rows, without IndexedDB's count() walking every key
    expect((await db.summaries.get('main'))?.rows).toEqual({ transactions: 3, statementLines: 1, cashier: 0 });
  });

  it('a decision leaves the figures at once, without a new reconciliation: the same as summing the open findings', async () => {
    const db = getDb();
    await db.findings.update('f:fee', { status: 'dismissed' });
    await db.findings.update('f:b', { status: 'disputed' });
    const data = await loadPopupData({ kind: 'web', origin: A }, 'en-US');
    expect(data.site?.certain.count).toBe(0);
    expect(data.site?.suspected.count).toBe(1);
    const { site, elsewhere } = splitBySite(await db.findings.toArray(), A);
    expect(data.site).toEqual(figuresOf(site));
    expect(data.elsewhere).toEqual(figuresOf(elsewhere));
    expect(data.elsewhere.certain).toEqual({ count: 1, atStake: [{ amount: '36.50', currency: 'CNY' }] });
    // reopened: counted again
    await db.findings.update('f:fee', { status: 'open' });
    expect((await loadPopupData({ kind: 'web', origin: A }, 'en-US')).site?.certain.count).toBe(1);
  });

  it('a finding dismissed before the last reconciliation and reopened since counts again', async () => {
    const db = getDb();
    await db.findings.update('f:fee', { status: 'dismissed' });
    await storeFindings(db, result, '2026-03-17T10:00:00Z', { transactions: [onA, onA2, onB], statementLines: [credit] });
    expect((await loadPopupData({ kind: 'web', origin: A }, 'en-US')).site?.certain.count).toBe(0);
    await db.findings.update('f:fee', { status: 'open' });
    const data = await loadPopupData({ kind: 'web', origin: A }, 'en-US');
    expect(data.site?.certain).toEqual({ count: 1, atStake: [{ amount: '2.00', currency: 'CNY' }] });
  });

  it('a decision kept after its evidence went is not taken off twice', async () => {
    const db = getDb();
    await db.findings.update('f:b', { status: 'disputed' });
    await storeFindings(db, { ...result, findings: result.findings.filter((f) => f.id !== 'f:b') }, '2026-03-17T10:00:00Z', {
      transactions: [onA, onA2, onB],
      statementLines: [credit],
    });
    expect((await db.findings.get('f:b'))?.status).toBe('disputed');
    const data = await loadPopupData({ kind: 'web', origin: A }, 'en-US');
    expect(data.elsewhere.certain).toEqual({ count: 1, atStake: [{ amount: '36.50', currency: 'CNY' }] });
  });

  it('each finding keeps its first row for the dashboard: date, RRN, terminal, amount; a bank-only one its line', async () => {
    const db = getDb();
    expect((await db.findings.get('f:fee'))?.facts).toEqual({
      sites: [A],

      date: '2026-03-05',
      rrn: '606400009999',
      terminalId: 'T9',
      amount: onA2.amount,
    });
    expect((await db.findings.get('f:bank'))?.facts).toEqual({
      sites: [],

      date: '2026-03-06',
      rrn: 'BANKREF1',
      amount: credit.amount,
    });
  });

  it('a browser page: one block for every site; the last capture is the latest anywhere', async () => {
    const data = await loadPopupData({ kind: 'restricted' }, 'zh-CN');
    expect(data.site).toBeNull();
    expect(data.elsewhere.certain.count).toBe(3);
    expect(data.elsewhere.suspected.count).toBe(1);
    expect(data.lastCaptureAt).toBe('2026-03-16T09:30:00Z');
    expect(data.locale).toBe('zh-CN');
  });
});
