// Bad input (issue 5): rows whose date or money cannot be read are left out with an issue naming
// them — reconcile() never throws on them (an unreadable time once aborted the whole process).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reconcile } from '../../../lib/reconcile';
import { isReadableDate, isReadableDateTime, screenInput } from '../../../lib/reconcile/screen';
import { makeContext } from '../../../lib/reconcile/context';
import { isValidYmd } from '../../../lib/dates';
import { cashierRecord, input, line, txn } from '../../fixtures/scenarios/builders';

const good = () => [
  txn({ id: 'ok1', amount: '1000.00', fee: '6.00', occurredAt: '2026-03-03T10:00:00' }),
  txn({ id: 'ok2', amount: '500.00', fee: '3.00', occurredAt: '2026-03-03T11:00:00' }),
];

describe('screenInput', () => {
  it("notes the kept rows' time keys as it reads them: the context's order with them = reading the times again (property)", () => {
    const time = fc.constantFrom(
      '2026-03-03T10:00:00',
      '2026-03-03T10:00:00',
      '2026-03-02T23:59:59',
      '2026-03-04T00:00:00',
      '2026-03-03',
      '2026-03-03T10:00',
      '2026-03-03T10:00:00.5',
      'garbled',
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: time, id: fc.constantFrom('a', 'b', 'c', 'd'), badSettle: fc.boolean() }), { maxLength: 12 }),
        fc.array(fc.record({ on: fc.constantFrom('2026-03-03', '2026-03-02', '2026-03-03T10:00:00', '2026-02-30'), id: fc.constantFrom('x', 'y', 'z') }), {
          maxLength: 8,
        }),
        fc.array(fc.record({ at: time, id: fc.constantFrom('k', 'l', 'm') }), { maxLength: 8 }),
        (rows, lines, recs) => {
          const i = input({
            transactions: rows.map((r, k) => ({
              ...txn({ id: `${r.id}${k % 3}`, amount: '10.00', occurredAt: r.at }),
              ...(r.badSettle && { settleDate: 'soon' }),
            })),
            statementLines: lines.map((l, k) => line({ id: `${l.id}${k % 2}`, amount: '1.00', bookedOn: l.on })),
            cashier: recs.map((c, k) => cashierRecord({ id: `${c.id}${k % 2}`, amount: '10.00', occurredAt: c.at })),
          });
          const s = screenInput(i);
          const withKeys = makeContext(s.input, s.timeKeys);
          const reading = makeContext(s.input);
          expect(withKeys.transactions).toEqual(reading.transactions);
          expect(withKeys.lines).toEqual(reading.lines);
          expect(withKeys.cashier).toEqual(reading.cashier);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('passes clean input through untouched (same arrays)', () => {
    const i = input({ transactions: good(), statementLines: [line({ amount: '1491.00', bookedOn: '2026-03-04' })] });
    const s = screenInput(i);
    expect(s.issues).toEqual([]);
    expect(s.input).toBe(i);
  });

  it.each([
    ['an unreadable time', { occurredAt: 'garbled' }, 'occurredAt'],
    ['an impossible day', { occurredAt: '2026-02-30T10:00:00' }, 'occurredAt'],
    ['an hour of 25', { occurredAt: '2026-03-03T25:00:00' }, 'occurredAt'],
    ['an amount that is not a number', { amount: { amount: '12,00 元', currency: 'CNY' } }, 'amount'],
    ['a fee without an amount', { fee: { currency: 'CNY' } }, 'fee'],
  ])('leaves out a portal row with %s and says which', (_d, patch, field) => {
    const bad = { ...txn({ id: 'bad', amount: '100.00', fee: '0.60' }), ...(patch as object) };
    const r = reconcile(input({ transactions: [...good(), bad as never] }));
    const issue = r.issues.find((i) => i.raw === 'bad');
    expect(issue?.level).toBe('error');
    expect(issue?.message).toContain(field);
    expect(issue?.message).toContain('Portal transaction bad');
    expect(r.findings.flatMap((f) => f.transactionIds)).not.toContain('bad');
  });

  it('leaves out unreadable bank lines and cashier records, keeps the rest', () => {
    const r = reconcile(
      input({
        transactions: good(),
        statementLines: [line({ id: 'l-bad', amount: '1491.00', bookedOn: '04/03/2026' }), line({ id: 'l-ok', amount: '1491.00', bookedOn: '2026-03-04' })],
        cashier: [cashierRecord({ id: 'c-bad', amount: 'abc' }), cashierRecord({ id: 'c-ok', amount: '1000.00', occurredAt: '2026-03-03T10:00:00' })],
      }),
    );
    expect(
      r.issues
        .filter((i) => i.code === 'unreadable_row')
        .map((i) => i.raw)
        .sort(),
    ).toEqual(['c-bad', 'l-bad']);
    expect(r.matches.some((m) => m.statementLineIds.includes('l-ok'))).toBe(true);
  });

  it('reads an unreadable optional date as not shown, with a warning', () => {
    const t = { ...txn({ id: 's', amount: '1000.00', fee: '6.00', occurredAt: '2026-03-03T10:00:00' }), settleDate: 'soon' };
    const s = screenInput(input({ transactions: [t], statementLines: [{ ...line({ id: 'l', amount: '994.00' }), valueOn: '2026-13-01' }] }));
    expect(s.input.transactions[0]).not.toHaveProperty('settleDate');
    expect(s.input.statementLines[0]).not.toHaveProperty('valueOn');
    expect(s.issues.map((i) => [i.level, i.field])).toEqual([
      ['warning', 'settleDate'],
      ['warning', 'valueOn'],
    ]);
  });

  it('never throws on any text in the date and money fields', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (when, amount, booked, valueOn) => {
        const r = reconcile(
          input({
            transactions: [...good(), { ...txn({ id: 'x', amount: '1.00' }), occurredAt: when, amount: { amount, currency: 'CNY' } }],
            statementLines: [{ ...line({ id: 'y', amount: '1.00' }), bookedOn: booked, valueOn }],
          }),
        );
        expect(Array.isArray(r.findings)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('tells readable dates and times', () => {
    expect(['2026-03-05', '2024-02-29'].every(isReadableDate)).toBe(true);
    expect(['2026-3-5', '2025-02-29', '20260305', '', 'garbled'].some(isReadableDate)).toBe(false);
    expect(['2026-03-05T10:00', '2026-03-05T10:00:00', '2026-03-05T10:00:00.123+08:00', '2026-03-05T23:59:60Z', '2026-03-05'].every(isReadableDateTime)).toBe(
      true,
    );
    expect(['2026-03-05 10:00:00', '2026-03-05T24:00:00', '2026-03-05T10', '2026-03-05T10:00:00junk'].some(isReadableDateTime)).toBe(false);
  });

  it('reads dates in place exactly as slicing them out does', () => {
    // the definitions before the in-place reading (substrings per row), kept as the reference
    const refDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isValidYmd(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10));
    const TIME = /^T([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
    const refDateTime = (s: string) => refDate(s.slice(0, 10)) && (s.length === 10 || TIME.test(s.slice(10)));
    const one = (...xs: string[]) => fc.constantFrom(...xs);
    // mostly date-shaped strings (valid or one piece off), then anything
    const dateish = fc
      .tuple(
        one('2024', '2025', '1899', '2200', '20x6', '202'),
        one('-', '/', ''),
        one('02', '12', '13', '00', '2'),
        one('-', ''),
        one('28', '29', '30', '31', '00', '1'),
        one('', 'T', ' ', 'T1'),
        one('', '00', '23', '24', '2'),
        one('', ':', ':5'),
        one('', '00', '59', '60'),
        one('', ':59', ':60', ':61'),
        one('', '.', '.5', '.1234567890'),
        one('', 'Z', '+08:00', '-0530', '+8', '\n', 'x'),
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(dateish, fc.string({ maxLength: 30 })), (s) => {
        expect(isReadableDate(s)).toBe(refDate(s));
        expect(isReadableDateTime(s)).toBe(refDateTime(s));
      }),
      { numRuns: 3000 },
    );
    // and the 19-character shape read in place, one piece off at a time
    const shape19 = ['2026-03-05T23:59:60', '2026-03-05T10:00:61', '2026-03-05T24:00:00', '2026-03-05T10:60:00', '2026-03-05T1a:00:00'];
    const off19 = ['2026-03-05X10:00:00', '2026-03-05T10-00:00', '2026-03-05T10:00-00', '2026-03-05T10:00:0/', '2026-03-05T19:5\u0660:00'];
    for (const s of [...shape19, ...off19]) expect(isReadableDateTime(s)).toBe(refDateTime(s));
    expect(shape19.map(isReadableDateTime)).toEqual([true, false, false, false, false]);
    for (const s of ['2024-02-29', '2025-02-29', '2026-03-05T10:00:00.123+08:00', '2026-03-05T23:59:60Z', '2026-03-05T10:00\n'])
      expect([isReadableDate(s), isReadableDateTime(s)]).toEqual([refDate(s), refDateTime(s)]);
  });
});
