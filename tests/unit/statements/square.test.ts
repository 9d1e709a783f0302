// Square transactions CSV → card parts as PortalTransactions, cash/gift/other parts as CashierRecords.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseStatementSync } from '../../../lib/statements/index';
import { sum } from '../../../lib/money';
import { expectWellFormedAcquirer, expectedFor, project, readFixture, text } from './acquirer-helpers';

const F = 'square/transactions.csv';
const HEADER =
  'Date,Time,Time Zone,Total Collected,Card,Card Entry Methods,Cash,Fees,Net Total,Transaction ID,Payment ID,Card Brand,PAN Suffix,Event Type,Deposit ID,Deposit Date';

describe('square', () => {
  it(`${F} reads as its expected JSON`, () => {
    const r = readFixture(F);
    expect(project(r)).toEqual(expectedFor(F));
    expectWellFormedAcquirer(r);
  });

  it('cash never becomes an acquirer transaction; a split tender is split', () => {
    const r = readFixture(F);
    expect(r.transactions!.map((t) => t.amount.amount)).toEqual(['10.00', '15.00', '-10.00']);
    expect(r.cashier!.map((c) => [c.tender, c.amount.amount, c.orderNo])).toEqual([
      ['cash', '5.00', 'P2'],
      ['cash', '5.00', 'P3'],
    ]);
    expect(r.transactions!.every((t) => t.payoutId)).toBe(true);
  });

  it('deposit = Σ card − Σ fees per Deposit ID (DOMAIN.md §3.2)', () => {
    const r = readFixture(F);
    const d100 = r.transactions!.filter((t) => t.payoutId === 'D100');
    expect(
      sum(
        d100.map((t) => t.net!),
        'USD',
      ).amount,
    ).toBe('24.15');
  });

  it('the unreadable row is reported once with its line and nothing is invented', () => {
    const r = readFixture(F);
    expect(r.issues).toEqual([expect.objectContaining({ level: 'error', code: 'bad_amount', line: 6, raw: '$abc' })]);
  });

  it('day-first dates from the data; ambiguous dates without a US zone are refused', () => {
    const uk = parseStatementSync(
      text('uk.csv', [HEADER, '13/03/2024,10:00:00,Europe/London,£10.00,£10.00,Tapped,£0.00,-£0.18,£9.82,T1,P1,Visa,4242,Payment,D1,14/03/2024']),
    );
    expect(uk.transactions![0]).toMatchObject({
      occurredAt: '2024-03-13T10:00:00',
      settleDate: '2024-03-14',
      amount: { amount: '10.00', currency: 'GBP' },
      fee: { amount: '0.18' },
    });
    const amb = parseStatementSync(
      text('amb.csv', [HEADER, '03/04/2024,10:00:00,Europe/London,£10.00,£10.00,Tapped,£0.00,-£0.18,£9.82,T1,P1,Visa,4242,Payment,D1,04/04/2024']),
    );
    expect(amb.transactions).toEqual([]);
    expect(amb.issues[0]).toMatchObject({ level: 'error', code: 'ambiguous_date' });
    expect(amb.dateOrder).toMatchObject({ order: null, decidedBy: 'none', example: '03/04/2024' });
    // the merchant's answer from the preview reads it
    const answered = parseStatementSync(
      text('amb.csv', [HEADER, '03/04/2024,10:00:00,Europe/London,£10.00,£10.00,Tapped,£0.00,-£0.18,£9.82,T1,P1,Visa,4242,Payment,D1,04/04/2024']),
      { dateOrder: 'dmy' },
    );
    expect(answered.transactions![0]).toMatchObject({ occurredAt: '2024-04-03T10:00:00', settleDate: '2024-04-04' });
  });

  it('never throws on garbled rows; every non-empty row is imported or reported', () => {
    const cell = fc.constantFrom('', '$1.00', '-$0.30', 'abc', '3/5/2024', '14:00:00', 'Visa', 'Refund', 'Payment', '$0.00');
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 16, maxLength: 16 }), { maxLength: 12 }), (rows) => {
        const r = parseStatementSync(text('s.csv', [HEADER, ...rows.map((c) => c.join(','))]));
        expectWellFormedAcquirer(r);
        if (r.issues.some((i) => i.code === 'ambiguous_date' || i.code === 'no_header')) return;
        const covered = new Set([...(r.transactions ?? []).map((t) => Number(t.evidence.url.split('#L')[1])), ...r.issues.map((i) => i.line)]);
        const cashierRows = (r.cashier ?? []).length;
        const uncovered = rows.map((c, i) => ({ c, line: i + 2 })).filter(({ c, line }) => c.some((x) => x !== '') && !covered.has(line));
        expect(uncovered.length).toBeLessThanOrEqual(cashierRows);
      }),
      { numRuns: 200 },
    );
  });
});
