// Dates as real bank files write them (issue 12, item 7): months and days without a year take the
// year from the statement's stated period, crossing New Year; D/M/YYYY is read in the order the
// file's language and locale say, else left for the merchant to choose; impossible dates are
// issues with their line numbers, never a date made up.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { parseStatementSync } from '../../../lib/statements/index';
import { dateInPeriod, statedPeriod, yearlessParts } from '../../../lib/statements/support/statement-period';
import { headerLanguage, orderWithoutDayAbove12 } from '../../../lib/statements/support/date-order';
import type { StatementParseResult } from '../../../lib/model';
import { expectedFor, project, readFixture } from './acquirer-helpers';
import { expectWellFormed } from './standard-format-helpers';

const gbk = (name: string, lines: string[]) => ({ name, bytes: new Uint8Array(iconv.encode(lines.join('\r\n') + '\r\n', 'gbk')) });
const utf8 = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n') + '\n') });
const dated = (r: StatementParseResult) => r.lines.map((l) => `${l.bookedOn} ${l.amount.amount}`);
const errors = (r: StatementParseResult) => r.issues.filter((i) => i.level === 'error').map((i) => `${i.code}@${i.line ?? ''}`);

const CMB_HEADER = '交易日,记账日,交易摘要,人民币金额,卡号末四位,交易地金额';
const CMB_ROWS = ['12/29,12/30,京东商城平台商户,"1,299.00",4523,"1,299.00"', '01/08,01/08,自动还款,"-3,500.00",4523,"-3,500.00"'];

describe('招商银行 credit card: MM/DD dates, the year from the statement', () => {
  const F = 'cn-bank/cmb-credit-202401.csv';
  it(`${F} (GBK, title 2024年01月) reads as its expected JSON: December lines are 2023's`, () => {
    const r = readFixture(F);
    // expected JSON checked by hand: 记账日 12/21–12/30 → 2023, 01/02–01/19 → 2024; spending −, the
    // refund and the repayment +; the 8891 supplementary card is an account of its own
    expect(project(r)).toEqual(expectedFor(F));
    expect(r.format).toBe('cmb');
    expect(dated(r)).toEqual([
      '2023-12-21 -17.90',
      '2023-12-24 -56.00',
      '2023-12-30 -1299.00',
      '2024-01-02 -6.00',
      '2024-01-04 199.00',
      '2024-01-08 3500.00',
      '2024-01-13 -68.32',
      '2024-01-19 -23.50',
    ]);
    expectWellFormed(r);
  });

  const periods: { description: string; preamble: string[]; name?: string; expected: string[] }[] = [
    {
      description: 'a 账单周期 line crossing New Year',
      preamble: ['招商银行信用卡', '账单周期：2023/12/20-2024/01/19'],
      expected: ['2023-12-30 -1299.00', '2024-01-08 3500.00'],
    },
    {
      description: 'a 账单周期 written with 年月日 and 至',
      preamble: ['招商银行信用卡对账单', '账单周期 2023年12月20日 至 2024年01月19日'],
      expected: ['2023-12-30 -1299.00', '2024-01-08 3500.00'],
    },
    { description: 'a 账单日', preamble: ['招商银行信用卡', '账单日：2024-01-19'], expected: ['2023-12-30 -1299.00', '2024-01-08 3500.00'] },
    {
      description: 'a period within one year (a December statement)',
      preamble: ['招商银行信用卡账单明细(2023年12月)'],
      expected: ['2023-12-30 -1299.00', '2023-01-08 3500.00'],
    },
    {
      description: 'only the file name states the month',
      preamble: ['招商银行信用卡账单明细'],
      name: '招商银行信用卡账单(2024年01月).csv',
      expected: ['2023-12-30 -1299.00', '2024-01-08 3500.00'],
    },
  ];
  for (const p of periods) {
    it(`takes the year from ${p.description}`, () => {
      const r = parseStatementSync(gbk(p.name ?? 'cmb.csv', [...p.preamble, CMB_HEADER, ...CMB_ROWS]));
      expect(dated(r)).toEqual(p.expected);
      expect(errors(r)).toEqual([]);
    });
  }

  it('a file that states no period: no year invented — an error on each line saying what is missing', () => {
    const r = parseStatementSync(gbk('export.csv', ['招商银行信用卡账单明细', CMB_HEADER, ...CMB_ROWS]));
    expect(r.lines).toEqual([]);
    expect(r.issues.filter((i) => i.level === 'error')).toEqual([
      expect.objectContaining({ code: 'missing_year', line: 3, raw: '12/30', message: expect.stringContaining('账单周期') }),
      expect.objectContaining({ code: 'missing_year', line: 4, raw: '01/08' }),
    ]);
  });

  it('a summary row after the lines is a footer, not a date without a year', () => {
    const r = parseStatementSync(
      gbk('cmb.csv', ['招商银行信用卡账单明细', '交易摘要,交易日,记账日,人民币金额', '京东商城,12/29,12/30,"1,299.00"', '本期合计,01/19,01/19,"1,299.00"']),
    );
    expect(r.issues.map((i) => i.code)).toEqual(['encoding_guessed', 'missing_year', 'footer_ignored']);
    expect(r.issues[1]).toMatchObject({ line: 3 });
  });

  it('impossible months and days are errors with their line numbers; the other lines import', () => {
    const r = parseStatementSync(
      gbk('cmb.csv', [
        '招商银行信用卡账单明细(2024年01月)',
        CMB_HEADER,
        '13/45,13/45,某商户,10.00,4523,10.00',
        '02/30,02/30,某商户,11.00,4523,11.00',
        ...CMB_ROWS,
      ]),
    );
    expect(errors(r)).toEqual(['bad_date@3', 'bad_date@4']);
    expect(r.issues.find((i) => i.line === 3)!.message).toContain('2024年01月');
    expect(dated(r)).toEqual(['2023-12-30 -1299.00', '2024-01-08 3500.00']);
  });

  it('support: the period, the parts and the year', () => {
    expect(statedPeriod('账单周期 2023/12/20-2024/01/19', '')?.to).toEqual({ y: 2024, m: 1, d: 19 });
    expect(statedPeriod('中国银行信用卡账单(2025年01月)', '')?.to).toEqual({ y: 2025, m: 1, d: 31 });
    expect(statedPeriod('交易日期 2024年1月5日', '')).toBeNull(); // a day, not a statement month
    expect(statedPeriod('明细', 'bill.csv')).toBeNull();
    expect(yearlessParts('12/29', false)).toEqual({ m: 12, d: 29 });
    expect(yearlessParts('29/12', true)).toEqual({ m: 12, d: 29 });
    expect(yearlessParts('12月29日', true)).toEqual({ m: 12, d: 29 });
    expect(yearlessParts('2024/12/29', false)).toBeNull();
    const jan = statedPeriod('2024年01月', '')!;
    expect(dateInPeriod({ m: 12, d: 29 }, jan)).toBe('2023-12-29');
    expect(dateInPeriod({ m: 1, d: 31 }, jan)).toBe('2024-01-31');
    expect(dateInPeriod({ m: 2, d: 29 }, statedPeriod('2025年01月', '')!)).toBeNull(); // 2024-02-29 is not in a 2025 statement
  });
});

describe('impossible dates in a dated file', () => {
  it('2024-02-30 and 13/45/2024 are errors with their lines; nothing is invented', () => {
    const r = parseStatementSync(utf8('bank.csv', ['交易日期,摘要,交易金额', '2024-02-30,结算,100.00', '13/45/2024,结算,200.00', '2024-02-29,结算,300.00']));
    expect(r.issues.filter((i) => i.level === 'error')).toEqual([
      expect.objectContaining({ code: 'bad_date', line: 2, raw: '2024-02-30' }),
      expect.objectContaining({ code: 'bad_date', line: 3, raw: '13/45/2024' }),
    ]);
    expect(dated(r)).toEqual(['2024-02-29 300.00']);
    expect(r.dateOrder).toBeUndefined();
  });
});

describe('D/M/YYYY in bank CSVs: the order from the file, else the merchant', () => {
  it('French headers: day first by their language (evidence before the decimal comma), and the evidence recorded', () => {
    const r = parseStatementSync(utf8('releve.csv', ['Date;Libellé;Montant;Devise', '03/04/2024;Virement;1.234,56;EUR', '05/06/2024;Carte;-12,30;EUR']));
    expect(dated(r)).toEqual(['2024-04-03 1234.56', '2024-06-05 -12.30']);
    expect(r.dateOrder).toMatchObject({ order: 'dmy', decidedBy: 'language', detail: expect.stringContaining('French') });
    expect(r.issues).toContainEqual(expect.objectContaining({ level: 'warning', code: 'date_order_assumed' }));
  });

  it('English headers but a decimal comma: day first', () => {
    const r = parseStatementSync(utf8('bank.csv', ['Date;Description;Amount', '03/04/2024;Transfer;1234,56', '05/06/2024;Card;-12,30']));
    expect(dated(r)).toEqual(['2024-04-03 1234.56', '2024-06-05 -12.30']);
    expect(r.dateOrder).toMatchObject({ order: 'dmy', decidedBy: 'decimal_comma' });
  });

  it('English headers with $ amounts: month first', () => {
    const r = parseStatementSync(utf8('bank.csv', ['Date,Description,Amount', '03/04/2024,Deposit,$1234.56', '05/06/2024,Card,-$12.30']));
    expect(dated(r)).toEqual(['2024-03-04 1234.56', '2024-05-06 -12.30']);
    expect(r.dateOrder).toMatchObject({ order: 'mdy', decidedBy: 'currency' });
  });

  const plain = ['Date,Description,Amount,Currency', '03/04/2024,Deposit,1234.56,GBP', '05/06/2024,Card,-12.30,GBP'];
  it('nothing decides: each such line an error, nothing guessed, and the order left to choose', () => {
    const r = parseStatementSync(utf8('bank.csv', plain));
    expect(r.lines).toEqual([]);
    expect(errors(r)).toEqual(['ambiguous_date@2', 'ambiguous_date@3']);
    expect(r.dateOrder).toMatchObject({ order: null, decidedBy: 'none' });
  });

  it('the merchant’s answer re-reads it, either way; parseStatement without options is unchanged', () => {
    const dmy = parseStatementSync(utf8('bank.csv', plain), { dateOrder: 'dmy' });
    expect(dated(dmy)).toEqual(['2024-04-03 1234.56', '2024-06-05 -12.30']);
    expect(dmy.dateOrder).toMatchObject({ order: 'dmy', decidedBy: 'merchant' });
    expect(dmy.issues).toEqual([]);
    const mdy = parseStatementSync(utf8('bank.csv', plain), { dateOrder: 'mdy' });
    expect(dated(mdy)).toEqual(['2024-03-04 1234.56', '2024-05-06 -12.30']);
  });

  it('a day above 12 anywhere decides for the whole file, over the answer', () => {
    const r = parseStatementSync(utf8('bank.csv', [...plain, '25/06/2024,Card,-1.00,GBP']), { dateOrder: 'mdy' });
    expect(dated(r)).toEqual(['2024-04-03 1234.56', '2024-06-05 -12.30', '2024-06-25 -1.00']);
    expect(r.dateOrder).toMatchObject({ order: 'dmy', decidedBy: 'dates' });
  });

  it('support: languages and the order of evidence', () => {
    expect(headerLanguage(['Fecha', 'Descripción', 'Importe', 'Saldo'])?.language).toBe('Spanish');
    expect(headerLanguage(['Buchungstag', 'Verwendungszweck', 'Betrag'])?.language).toBe('German');
    expect(headerLanguage(['Date', 'Description', 'Amount', 'Balance'])).toBeNull();
    expect(orderWithoutDayAbove12({ headers: ['Datum', 'Betrag'], decimalComma: false, dollars: true, caller: 'mdy' }).decidedBy).toBe('merchant');
    expect(orderWithoutDayAbove12({ headers: ['Date', 'Amount'], decimalComma: false, dollars: false }).order).toBeNull();
    expect(orderWithoutDayAbove12({ headers: ['Date', 'Amount'], decimalComma: false, dollars: false, dotted: true })).toMatchObject({
      order: 'dmy',
      decidedBy: 'dotted',
    });
  });
});
