// Coverage (DESIGN.md "Coverage"): folding captures into per-(site, merchant, day) records, and
// turning the records and the stored rows into ReconcileInput.coverage.
import { describe, expect, it } from 'vitest';
import { coverageDays, coverageId, daysOf, foldCapture, type CaptureFacts, type CoverageRecord } from '../../lib/coverage';
import type { PortalTransaction } from '../../lib/model';
import { tx } from './services/builders';

const SITE = 'https://portal.example';
const NOW = '2026-03-16T08:00:00Z';
const MID = '898310058120001';

const row = (day: string, amount = '100.00', over: Partial<PortalTransaction> = {}) =>
  tx({ occurredAt: `${day}T10:00:00`, merchantId: MID, amount: { amount, currency: 'CNY' }, ...over });

/** Folds captures one after the other, as the capture service does, and returns every record. */
function fold(captures: { rows: PortalTransaction[]; facts?: CaptureFacts; site?: string }[], start: CoverageRecord[] = []): CoverageRecord[] {
  const all = new Map(start.map((r) => [r.id, r]));
  for (const c of captures) {
    const site = c.site ?? SITE;
    for (const r of foldCapture(
      [...all.values()].filter((x) => x.site === site),
      { site, rows: c.rows, ...(c.facts ? { facts: c.facts } : {}), now: NOW },
    ))
      all.set(r.id, r);
  }
  return [...all.values()];
}

const byDay = (records: CoverageRecord[]) => Object.fromEntries(records.map((r) => [`${r.merchantId ?? '-'} ${r.day}`, r.complete]));

describe('daysOf', () => {
  it.each([
    [{ from: '2026-03-02', to: '2026-03-04' }, ['2026-03-02', '2026-03-03', '2026-03-04']],
    [{ from: '2024-02-28', to: '2024-03-01' }, ['2024-02-28', '2024-02-29', '2024-03-01']],
    [{ from: '2026-03-04', to: '2026-03-02' }, null],
    [{ from: '2024-01-01', to: '2026-01-01' }, null],
  ])('%j → %j', (range, expected) => {
    expect(daysOf(range)).toEqual(expected);
  });
});

describe('foldCapture', () => {
  it('rows go to their (site, merchant, local day); without a statement the days are unknown', () => {
    const records = fold([{ rows: [row('2026-03-02'), row('2026-03-02'), row('2026-03-03')] }]);
    expect(records.map((r) => [r.id, Object.keys(r.rows).length, r.complete])).toEqual([
      [coverageId(SITE, MID, '2026-03-02'), 2, 'unknown'],
      [coverageId(SITE, MID, '2026-03-03'), 1, 'unknown'],
    ]);
  });

  it('re-capturing the same rows changes nothing', () => {
    const rows = [row('2026-03-02')];
    const first = fold([{ rows }]);
    expect(foldCapture(first, { site: SITE, rows, now: '2026-03-17T00:00:00Z' })).toEqual([]);
  });

  it('a one-day query whose pager states 3 rows: partial at 2, complete at 3', () => {
    const facts: CaptureFacts = { merchantId: MID, dateRange: { from: '2026-03-02', to: '2026-03-02' }, stated: { count: 3, source: 'pager' } };
    const a = row('2026-03-02'),
      b = row('2026-03-02'),
      c = row('2026-03-02');
    const partial = fold([{ rows: [a, b], facts }]);
    expect(partial).toHaveLength(1);
    expect(partial[0]).toMatchObject({ complete: false, stated: { count: 3, source: 'pager', scope: 'day' } });
    const complete = fold([{ rows: [c], facts }], partial);
    expect(complete[0]!.complete).toBe(true);
  });

  it('a query over three days: each day of it carries the statement; the rows of all three reach the count', () => {
    const facts: CaptureFacts = {
      merchantId: MID,
      dateRange: { from: '2026-03-02', to: '2026-03-04' },
      stated: { count: 3, amount: { value: '300.00', currency: 'CNY' }, source: 'summary' },
    };
    const page1 = fold([{ rows: [row('2026-03-02'), row('2026-03-04')], facts }]);
    // 03-03 has no row yet, but belongs to the query: it is recorded, partial
    expect(byDay(page1)).toEqual({ [`${MID} 2026-03-02`]: false, [`${MID} 2026-03-03`]: false, [`${MID} 2026-03-04`]: false });
    expect(page1.every((r) => r.stated?.scope === 'query' && r.query?.from === '2026-03-02')).toBe(true);
    const page2 = fold([{ rows: [row('2026-03-03')], facts }], page1);
    expect(byDay(page2)).toEqual({ [`${MID} 2026-03-02`]: true, [`${MID} 2026-03-03`]: true, [`${MID} 2026-03-04`]: true });
  });

  it('a stated amount without a count: complete when the rows sum to it (signed or sales only)', () => {
    const range = { from: '2026-03-02', to: '2026-03-02' };
    const stated = (value: string): CaptureFacts => ({ merchantId: MID, dateRange: range, stated: { amount: { value }, source: 'summary' } });
    const rows = [row('2026-03-02', '100.00'), row('2026-03-02', '50.00'), row('2026-03-02', '-20.00', { kind: 'refund' })];
    expect(fold([{ rows, facts: stated('130.00') }])[0]!.complete).toBe(true); // signed
    expect(fold([{ rows, facts: stated('150.00') }])[0]!.complete).toBe(true); // sales only
    expect(fold([{ rows, facts: stated('400.00') }])[0]!.complete).toBe(false); // rows missing
    expect(fold([{ rows, facts: stated('140.00') }])[0]!.complete).toBe('unknown'); // neither reading
    // the page named no currency: the rows' currency is the statement's
    expect(fold([{ rows, facts: stated('130.00') }])[0]!.stated?.amount).toEqual({ amount: '130.00', currency: 'CNY' });
  });

  it('Capture all pages that walked every page of a query: its days are complete, even those without rows', () => {
    const facts: CaptureFacts = { merchantId: MID, dateRange: { from: '2026-03-07', to: '2026-03-08' }, walkedAllPages: true };
    const records = fold([{ rows: [row('2026-03-07')] }, { rows: [], facts }]);
    expect(byDay(records)).toEqual({ [`${MID} 2026-03-07`]: true, [`${MID} 2026-03-08`]: true });
  });

  it('a reading the capture replaced leaves the record it was counted in; a row read on another day moves', () => {
    const a = row('2026-03-02'),
      b = row('2026-03-02');
    const before = fold([{ rows: [a, b] }]);
    const renamed = { ...a, id: `${a.id}:new` };
    const movedB = { ...b, occurredAt: '2026-03-03T10:00:00' };
    const after = foldCapture(before, { site: SITE, rows: [renamed, movedB], now: NOW, removedIds: [a.id, b.id] });
    expect(Object.fromEntries(after.map((r) => [r.day, Object.keys(r.rows)]))).toEqual({ '2026-03-02': [renamed.id], '2026-03-03': [b.id] });
  });

  it('no query range on the page: the statement cannot be placed on days and is not used', () => {
    const records = fold([{ rows: [row('2026-03-02')], facts: { merchantId: MID, stated: { count: 1, source: 'pager' } } }]);
    expect(records.map((r) => [r.complete, r.stated])).toEqual([['unknown', undefined]]);
  });

  it('a page naming no merchant, rows of two: the statement is about the whole site', () => {
    const other = '898310058120002';
    const facts: CaptureFacts = { dateRange: { from: '2026-03-02', to: '2026-03-02' }, stated: { count: 2, source: 'pager' } };
    const records = fold([{ rows: [row('2026-03-02'), row('2026-03-02', '10.00', { merchantId: other })], facts }]);
    expect(byDay(records)).toEqual({ [`${MID} 2026-03-02`]: 'unknown', [`${other} 2026-03-02`]: 'unknown', '- 2026-03-02': true });
  });

  it("a page naming its merchant: another merchant's rows of that day do not count toward its statement", () => {
    const facts: CaptureFacts = { merchantId: MID, dateRange: { from: '2026-03-02', to: '2026-03-02' }, stated: { count: 2, source: 'pager' } };
    const records = fold([{ rows: [row('2026-03-02'), row('2026-03-02', '10.00', { merchantId: '898310058120002' })], facts }]);
    expect(records.find((r) => r.merchantId === MID)!.complete).toBe(false);
  });

  it("rows of another site do not count toward this site's statement", () => {
    const facts: CaptureFacts = { merchantId: MID, dateRange: { from: '2026-03-02', to: '2026-03-02' }, stated: { count: 2, source: 'pager' } };
    const records = fold([
      { rows: [row('2026-03-02')], site: 'https://other.example' },
      { rows: [row('2026-03-02')], facts },
    ]);
    expect(records.find((r) => r.site === SITE)!.complete).toBe(false);
  });
});

describe('coverageDays: ReconcileInput.coverage', () => {
  it('one entry per (merchant, day) a record speaks of, with rows seen, the statement and the verdict', () => {
    const rows = [row('2026-03-02'), row('2026-03-02'), row('2026-03-03')];
    const facts: CaptureFacts = { merchantId: MID, dateRange: { from: '2026-03-02', to: '2026-03-03' }, stated: { count: 4, source: 'pager' } };
    const records = fold([{ rows, facts }]);
    expect(coverageDays(records, rows)).toEqual([
      {
        merchantId: MID,
        day: '2026-03-02',
        rowsSeen: 2,
        stated: { count: 4, source: 'pager' },
        query: { from: '2026-03-02', to: '2026-03-03' },
        complete: false,
      },
      {
        merchantId: MID,
        day: '2026-03-03',
        rowsSeen: 1,
        stated: { count: 4, source: 'pager' },
        query: { from: '2026-03-02', to: '2026-03-03' },
        complete: false,
      },
    ]);
  });

  it('a one-day statement: no query beside it; rows seen counts every stored row of the day', () => {
    const rows = [row('2026-03-02'), row('2026-03-02')];
    const records = fold([
      {
        rows,
        facts: {
          merchantId: MID,
          dateRange: { from: '2026-03-02', to: '2026-03-02' },
          stated: { count: 2, amount: { value: '200.00', currency: 'CNY' }, source: 'pager+summary' },
        },
      },
    ]);
    const imported = row('2026-03-02', '5.00', { portal: 'cn-settlement' });
    expect(coverageDays(records, [...rows, imported])).toEqual([
      {
        merchantId: MID,
        day: '2026-03-02',
        rowsSeen: 3,
        stated: { count: 2, amount: { amount: '200.00', currency: 'CNY' }, source: 'pager+summary' },
        complete: true,
      },
    ]);
  });

  it('is re-assessed on the rows stored now: a deleted row no longer counts', () => {
    const rows = [row('2026-03-02'), row('2026-03-02')];
    const records = fold([{ rows, facts: { merchantId: MID, dateRange: { from: '2026-03-02', to: '2026-03-02' }, stated: { count: 2, source: 'pager' } } }]);
    expect(coverageDays(records, rows)[0]!.complete).toBe(true);
    expect(coverageDays(records, rows.slice(1))[0]).toMatchObject({ rowsSeen: 1, complete: false });
  });

  it("a statement about the whole site speaks for each merchant's day", () => {
    const other = '898310058120002';
    const rows = [row('2026-03-02'), row('2026-03-02', '10.00', { merchantId: other })];
    const records = fold([{ rows, facts: { dateRange: { from: '2026-03-02', to: '2026-03-02' }, stated: { count: 2, source: 'pager' } } }]);
    expect(coverageDays(records, rows).map((d) => [d.merchantId ?? '-', d.rowsSeen, d.complete])).toEqual([
      ['-', 0, true],
      [MID, 1, true],
      [other, 1, true],
    ]);
  });

  it('days without any record are left to reconcile to infer', () => {
    expect(coverageDays([], [row('2026-03-02')])).toEqual([]);
  });
});
