// The capture service writes coverage in the same transaction as the rows (DESIGN.md "Coverage"),
// the capture message carries the page facts (validated), and reconciliation receives them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SettleGuardDb } from '../../../lib/db';
import { storeCapturedRows } from '../../../lib/services/capture';
import { runReconciliation } from '../../../lib/services/reconcile';
import { coverageDays } from '../../../lib/coverage';
import { parseContentMessage } from '../../../lib/messaging';
import type { CaptureFacts } from '../../../lib/coverage';
import { tx } from './builders';

const SITE = 'http://portal.test:8080';
const MID = '898310058120001';
const NOW = '2026-03-16T08:00:00Z';
const FACTS: CaptureFacts = {
  merchantId: MID,
  merchantName: '上海静安区示例便利店',
  dateRange: { from: '2026-03-02', to: '2026-03-03' },
  stated: { count: 3, amount: { value: '300.00', currency: 'CNY' }, source: 'summary' },
};
const row = (day: string) => tx({ occurredAt: `${day}T09:30:00`, merchantId: MID });

let db: SettleGuardDb;
beforeEach(() => {
  db = openDb(`test-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('storeCapturedRows with coverage', () => {
  it('records the rows per day and the statement on every day of the query; complete once the rows reach it', async () => {
    const first = await storeCapturedRows(db, [row('2026-03-02'), row('2026-03-02')], { site: SITE, facts: FACTS, now: NOW });
    expect(first).toMatchObject({ added: 2, coverage: 2 });
    let records = await db.coverage.where('site').equals(SITE).sortBy('day');
    expect(records.map((r) => [r.day, Object.keys(r.rows).length, r.complete, r.stated?.count, r.query])).toEqual([
      ['2026-03-02', 2, false, 3, FACTS.dateRange],
      ['2026-03-03', 0, false, 3, FACTS.dateRange],
    ]);
    await storeCapturedRows(db, [row('2026-03-03')], { site: SITE, facts: FACTS, now: NOW });
    records = await db.coverage.where('site').equals(SITE).sortBy('day');
    expect(records.map((r) => r.complete)).toEqual([true, true]);
  });

  it('the rows and their coverage are one transaction: a failing coverage write stores no row either', async () => {
    // the coverage write fails (a full disk, a worker stopped mid-way): the rows' write is undone
    const bad = row('2026-03-02');
    const original = db.coverage.bulkPut.bind(db.coverage);
    db.coverage.bulkPut = (() => Promise.reject(new Error('disk full'))) as unknown as typeof db.coverage.bulkPut;
    await expect(storeCapturedRows(db, [bad], { site: SITE, facts: FACTS, now: NOW })).rejects.toThrow('disk full');
    db.coverage.bulkPut = original;
    expect(await db.transactions.get(bad.id)).toBeUndefined();
  });

  it('a row read again on another day is counted on that day only', async () => {
    const r = row('2026-03-02');
    await storeCapturedRows(db, [r], { site: SITE, now: NOW });
    await storeCapturedRows(
      db,
      [{ ...r, occurredAt: '2026-03-03T09:30:00', evidence: { ...r.evidence, cells: { ...r.evidence.cells, 交易时间: '2026-03-03' }, sha256: '' } }],
      { site: SITE, now: NOW },
    );
    const records = await db.coverage.where('site').equals(SITE).sortBy('day');
    expect(records.map((c) => [c.day, Object.keys(c.rows)])).toEqual([
      ['2026-03-02', []],
      ['2026-03-03', [r.id]],
    ]);
  });

  it('without a site (no sender origin) the rows are stored and no coverage is written', async () => {
    expect(await storeCapturedRows(db, [row('2026-03-02')])).toEqual({ added: 1, updated: 0, known: 0 });
    expect(await db.coverage.count()).toBe(0);
  });

  it('a finished walk with no new rows still marks the days of its query complete', async () => {
    await storeCapturedRows(db, [row('2026-03-02')], { site: SITE, now: NOW });
    const walked = await storeCapturedRows(db, [], {
      site: SITE,
      facts: { merchantId: MID, dateRange: { from: '2026-03-02', to: '2026-03-02' }, walkedAllPages: true },
      now: NOW,
    });
    expect(walked.coverage).toBe(1);
    expect((await db.coverage.toArray()).map((r) => [r.day, r.walked, r.complete])).toEqual([['2026-03-02', true, true]]);
  });
});

describe('reconciliation receives the coverage', () => {
  it('runReconciliation passes coverageDays of the stored records and rows (the result stores without error)', async () => {
    const rows = [row('2026-03-02'), row('2026-03-02'), row('2026-03-03')];
    await storeCapturedRows(db, rows, { site: SITE, facts: FACTS, now: NOW });
    const days = coverageDays(await db.coverage.toArray(), await db.transactions.toArray());
    expect(days.map((d) => [d.day, d.rowsSeen, d.complete])).toEqual([
      ['2026-03-02', 2, true],
      ['2026-03-03', 1, true],
    ]);
    await expect(runReconciliation(db, '2026-03-16', NOW)).resolves.toMatchObject({ issues: expect.any(Array) });
  });
});

describe('content/capture carries the page facts', () => {
  const msg = (facts: unknown) => ({ type: 'content/capture', url: 'http://portal.test/', rows: [], facts });
  it('valid facts pass, with nothing beyond the known parts', () => {
    const res = parseContentMessage(msg({ ...FACTS, walkedAllPages: true, extra: '<img>' }));
    expect(res).toEqual({ ok: true, value: { type: 'content/capture', url: 'http://portal.test/', rows: [], facts: { ...FACTS, walkedAllPages: true } } });
  });
  it.each([
    ['a count that is not a whole number', { stated: { count: 1.5, source: 'pager' } }],
    ['a negative count', { stated: { count: -1, source: 'pager' } }],
    ['an amount that is not a decimal string', { stated: { amount: { value: '1,234.00' }, source: 'summary' } }],
    ['a currency that is not a code', { stated: { amount: { value: '1.00', currency: '元' }, source: 'summary' } }],
    ['a statement without its source', { stated: { count: 3 } }],
    ['a date range that is not ISO dates', { dateRange: { from: '03/02/2026', to: '2026-03-03' } }],
    ['walkedAllPages that is not a boolean', { walkedAllPages: 'yes' }],
    ['a merchant name too long', { merchantName: 'x'.repeat(201) }],
  ])('refuses %s', (_description, facts) => {
    expect(parseContentMessage(msg(facts)).ok).toBe(false);
  });
});
