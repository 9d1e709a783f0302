// reconcile() warns once per year its settlement calendar does not know (calendarCoverage), for
// the years of the groups' first dates and value dates — and only for those.
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../lib/reconcile';
import { cnContract, input, txn } from '../../fixtures/scenarios/builders';

const sale = (id: string, occurredAt: string) => txn({ id, amount: '100.00', fee: '0.60', occurredAt });
const years = (rows: ReturnType<typeof sale>[]) =>
  reconcile(input({ contracts: [cnContract({ id: 'c', effectiveFrom: '2026-01-01' })], transactions: rows, asOf: '2029-01-31' }))
    .issues.filter((i) => i.code === 'calendar_not_covered')
    .map((i) => i.raw);

describe('calendar coverage issues of a reconcile run', () => {
  it('none inside the years the calendar knows', () => {
    expect(years([sale('a', '2026-03-02T10:00:00'), sale('b', '2026-06-02T10:00:00')])).toEqual([]);
  });
  it('one per year past it, from first dates and from value dates alike', () => {
    // 2026-12-31 settles in 2027; rows of 2028, several of them, and 2026 again in between
    const rows = [
      sale('a', '2026-12-31T10:00:00'),
      sale('b', '2028-03-02T10:00:00'),
      sale('c', '2026-05-02T10:00:00'),
      sale('d', '2028-07-02T10:00:00'),
      sale('e', '2028-07-03T10:00:00'),
    ];
    expect(years(rows)).toEqual(['2027', '2028']);
  });
});
