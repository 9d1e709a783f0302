// PayPal activity/statement CSVs → bank lines, one account per currency, fees as lines of their own.
import { describe, expect, it } from 'vitest';
import { parseStatementSync } from '../../../lib/statements/index';
import { expectedFor, project, readFixture, text } from './acquirer-helpers';
import { expectWellFormed } from './standard-format-helpers';

const F = 'paypal/actividad_es.csv';
const ACTIVITY =
  '"Date","Time","TimeZone","Name","Type","Status","Currency","Gross","Fee","Net","From Email Address","To Email Address","Transaction ID","Balance"';

describe('paypal', () => {
  it(`${F} (Spanish, decimal comma, day-first told by its language) reads as its expected JSON`, () => {
    const r = readFixture(F);
    expect(project(r)).toEqual(expectedFor(F));
    expectWellFormed(r);
  });

  it('gross and fee lines add up to Net and the balance chains from the opening balance', () => {
    const r = readFixture(F);
    const total = r.lines.reduce((a, l) => a + Math.round(Number(l.amount.amount) * 100), 0);
    expect(r.accounts[0]).toMatchObject({ openingBalance: { amount: '0.00' }, closingBalance: { amount: '478.51' } });
    expect(total).toBe(47851);
  });

  it('a denied payment moved no money: reported, not imported; a bad amount: an error with its line', () => {
    const r = readFixture(F);
    expect(r.issues).toEqual([
      expect.objectContaining({ level: 'warning', code: 'date_order_assumed' }),
      expect.objectContaining({ level: 'warning', code: 'not_completed', line: 4 }),
      expect.objectContaining({ level: 'error', code: 'bad_amount', line: 6, raw: '1O,00' }),
    ]);
    expect(r.lines.some((l) => l.source.line === 4 || l.source.line === 6)).toBe(false);
  });

  it('month-first when a second number is above 12; thousands commas', () => {
    const r = parseStatementSync(
      text('s.csv', [
        ACTIVITY,
        '"9/4/2018","20:44:10","PDT","P1","Express Checkout Payment","Completed","USD","1,309.80","-48.76","1,261.04","a@b","me@c","TID9","1,261.93"',
        '"9/27/2018","18:15:34","PDT","P3","Express Checkout Payment","Completed","USD","5,600.00","-207.50","5,392.50","a@b","me@c","TID15","6,654.43"',
      ]),
    );
    expect(r.format).toBe('paypal');
    expect(r.lines.map((l) => `${l.bookedOn} ${l.amount.amount}`)).toEqual([
      '2018-09-04 1309.80',
      '2018-09-04 -48.76',
      '2018-09-27 5600.00',
      '2018-09-27 -207.50',
    ]);
    expect(r.lines[1]!.balanceAfter).toEqual({ amount: '1261.93', currency: 'USD' });
  });

  it('header only: an error and nothing else', () => {
    const r = parseStatementSync(text('empty.csv', [ACTIVITY]));
    expect(r.lines).toEqual([]);
    expect(r.issues).toEqual([expect.objectContaining({ level: 'error', code: 'no_transactions' })]);
  });

  // dates in no date order either way, so PayPal's row order cannot decide
  const SHUFFLED = (currency: string) => [
    `"05/03/2016","10:00:00","PST","A","Payment","Completed","${currency}","1.00","0.00","1.00","","","T1","1.00"`,
    `"02/04/2016","10:00:00","PST","A","Payment","Completed","${currency}","1.00","0.00","1.00","","","T2","2.00"`,
    `"03/01/2016","10:00:00","PST","A","Payment","Completed","${currency}","1.00","0.00","1.00","","","T3","3.00"`,
    `"04/02/2016","10:00:00","PST","A","Payment","Completed","${currency}","1.00","0.00","1.00","","","T4","4.00"`,
  ];

  it('English headers in pounds, nothing deciding: not guessed — an error, and the order left for the merchant to choose', () => {
    const r = parseStatementSync(text('s.csv', [ACTIVITY, ...SHUFFLED('GBP')]));
    expect(r.lines).toEqual([]);
    expect(r.issues[0]).toMatchObject({ level: 'error', code: 'ambiguous_date' });
    expect(r.dateOrder).toMatchObject({ order: null, decidedBy: 'none' });
  });

  it('the merchant’s answer (dateOrder) reads the same file, day first or month first', () => {
    const dmy = parseStatementSync(text('s.csv', [ACTIVITY, ...SHUFFLED('GBP')]), { dateOrder: 'dmy' });
    expect(dmy.lines.map((l) => l.bookedOn)).toEqual(['2016-03-05', '2016-04-02', '2016-01-03', '2016-02-04']);
    expect(dmy.dateOrder).toEqual({ order: 'dmy', decidedBy: 'merchant', detail: expect.any(String), example: '05/03/2016' });
    expect(dmy.issues).toEqual([]);
    const mdy = parseStatementSync(text('s.csv', [ACTIVITY, ...SHUFFLED('GBP')]), { dateOrder: 'mdy' });
    expect(mdy.lines.map((l) => l.bookedOn)).toEqual(['2016-05-03', '2016-02-04', '2016-03-01', '2016-04-02']);
  });

  it('US English headers with amounts in USD: month first, and the evidence recorded', () => {
    const r = parseStatementSync(text('s.csv', [ACTIVITY, ...SHUFFLED('USD')]));
    expect(r.lines.map((l) => l.bookedOn)).toEqual(['2016-05-03', '2016-02-04', '2016-03-01', '2016-04-02']);
    expect(r.dateOrder).toMatchObject({ order: 'mdy', decidedBy: 'currency' });
    expect(r.issues).toEqual([expect.objectContaining({ level: 'warning', code: 'date_order_assumed' })]);
  });

  it('a Spanish export whose rows are in no date order: day first by its language, not refused', () => {
    const r = parseStatementSync(
      text('actividad.csv', [
        '"Fecha","Hora","Zona horaria","Nombre","Descripción","Estado","Divisa","Bruto","Comisión","Neto","Saldo","Id. de transacción"',
        '"03/04/2024","10:00:00","CET","Cliente 1","Pago","Completado","EUR","10,00","-0,64","9,36","9,36","T1"',
        '"01/02/2024","11:00:00","CET","Cliente 2","Pago","Completado","EUR","20,00","-0,98","19,02","28,38","T2"',
        '"02/05/2024","12:00:00","CET","Cliente 3","Pago","Completado","EUR","5,00","0,00","5,00","33,38","T3"',
      ]),
    );
    expect(r.lines.filter((l) => !l.description.startsWith('PayPal fee')).map((l) => l.bookedOn)).toEqual(['2024-04-03', '2024-02-01', '2024-05-02']);
    expect(r.dateOrder).toMatchObject({ order: 'dmy', decidedBy: 'language', detail: expect.stringContaining('Spanish') });
    expect(r.issues.filter((i) => i.level === 'error')).toEqual([]);
  });

  it('a day above 12 decides over the merchant’s answer and the language', () => {
    const r = parseStatementSync(
      text('s.csv', [
        ACTIVITY,
        '"9/4/2018","20:44:10","PDT","P1","Payment","Completed","EUR","1.00","0.00","1.00","","","T1","1.00"',
        '"9/27/2018","18:15:34","PDT","P3","Payment","Completed","EUR","1.00","0.00","1.00","","","T2","2.00"',
      ]),
      { dateOrder: 'dmy' },
    );
    expect(r.lines.map((l) => l.bookedOn)).toEqual(['2018-09-04', '2018-09-27']);
    expect(r.dateOrder).toMatchObject({ order: 'mdy', decidedBy: 'dates' });
  });
});
