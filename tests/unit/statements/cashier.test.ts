// Cashier / POS exports → CashierRecords; unknown columns → ask the merchant once, remember by header set.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseStatementSync } from '../../../lib/statements/index';
import { headerSetKey, parseCashierWithMapping, readCashierHeaders, readTender } from '../../../lib/statements/cashier';
import { expectWellFormedAcquirer, expectedFor, fixture, project, readFixture, text } from './acquirer-helpers';

const F = 'cashier/shouyin-liushui.csv';
const OWN = 'cashier/till-own-columns.csv';

describe('cashier', () => {
  it(`${F} reads as its expected JSON`, () => {
    const r = readFixture(F);
    expect(project(r)).toEqual(expectedFor(F));
    expectWellFormedAcquirer(r);
  });

  it('bad rows are issues on their lines; nothing is invented', () => {
    const r = readFixture(F);
    expect(r.issues.map((i) => `${i.level} ${i.code}@${i.line}`)).toEqual([
      'error bad_amount@6',
      'error tender_unknown@7',
      'warning tender_mixed@8',
      'warning summary_ignored@9',
    ]);
    expect(r.cashier!.map((c) => c.orderNo)).toEqual(['XS001', 'XS002', 'XS003', 'XS004', 'XS007']);
  });

  it.each([
    ['现金', 'cash'],
    ['银行卡', 'card'],
    ['刷卡', 'card'],
    ['信用卡', 'card'],
    ['微信支付', 'qr'],
    ['支付宝', 'qr'],
    ['云闪付', 'qr'],
    ['会员卡储值', 'other'],
    ['Cash', 'cash'],
    ['Visa', 'card'],
    ['现金+微信', 'mixed'],
    ['', null],
    ['赊账', null],
  ] as const)('tender %s → %s', (input, want) => {
    expect(readTender(input)).toBe(want);
  });

  it("unknown columns: cashier_mapping_needed with the headers, then the merchant's mapping reads the file", () => {
    const r = readFixture(OWN);
    expect(r.format).toBe('cashier');
    expect(r.cashier).toEqual([]);
    const issue = r.issues.find((i) => i.level === 'error')!;
    expect(issue.code).toBe('cashier_mapping_needed');
    const headers = JSON.parse(issue.raw!) as string[];
    expect(headers).toEqual(['票据编号', '成交时刻', '收款额', '结账途径', '收银员']);
    expect(readCashierHeaders(fixture(OWN))).toEqual(headers);

    const mapped = parseCashierWithMapping(fixture(OWN), { 票据编号: 'orderNo', 成交时刻: 'occurredAt', 收款额: 'amount', 结账途径: 'tender', 收银员: null });
    expect(mapped.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(mapped.cashier!.map(({ id: _id, ...c }) => c)).toEqual([
      { occurredAt: '2024-03-05T12:00:00', amount: { amount: '66.00', currency: 'CNY' }, kind: 'sale', tender: 'card', orderNo: 'B-1' },
      { occurredAt: '2024-03-05T12:05:00', amount: { amount: '12.00', currency: 'CNY' }, kind: 'sale', tender: 'cash', orderNo: 'B-2' },
    ]);
    // re-reading gives the same ids (idempotent import)
    expect(
      parseCashierWithMapping(fixture(OWN), { 票据编号: 'orderNo', 成交时刻: 'occurredAt', 收款额: 'amount', 结账途径: 'tender' }).cashier!.map((c) => c.id),
    ).toEqual(mapped.cashier!.map((c) => c.id));
  });

  it('a mapping that lacks time, amount or payment method, or fits another export, is refused', () => {
    expect(parseCashierWithMapping(fixture(OWN), { 票据编号: 'orderNo', 收款额: 'amount' }).issues[0]).toMatchObject({ code: 'mapping_incomplete' });
    expect(parseCashierWithMapping(fixture(OWN), { Zeit: 'occurredAt', Betrag: 'amount', Zahlart: 'tender' }).issues[0]).toMatchObject({
      code: 'mapping_mismatch',
    });
  });

  it('headerSetKey: the same columns in any order, spacing or case give one key; other columns another', () => {
    const k = headerSetKey(['票据编号', '成交时刻', '收款额', '结账途径']);
    expect(headerSetKey(['结账途径 ', '收款额', '成交时刻', '票据编号'])).toBe(k);
    expect(headerSetKey(['Receipt', 'When'])).toBe(headerSetKey(['when', 'RECEIPT']));
    expect(headerSetKey(['票据编号', '成交时刻', '收款额'])).not.toBe(k);
  });

  it('a date column plus a time column; refunds negative; English headers with a default currency', () => {
    const r = parseStatementSync(
      text('pos.csv', [
        'Receipt No,Date,Time,Payment Method,Type,Amount,Register',
        'R1,2024-03-05,14:00:00,Card,Sale,12.50,T1',
        'R2,2024-03-05,15:00:00,Cash,Refund,2.00,T1',
      ]),
    );
    expect(r.format).toBe('cashier');
    expect(r.cashier).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['currency_missing', 'currency_missing']);
    const withDefault = parseCashierWithMapping(
      {
        name: 'pos.csv',
        bytes: new TextEncoder().encode(
          'Receipt No,Date,Time,Payment Method,Type,Amount,Register\nR1,2024-03-05,14:00:00,Card,Sale,12.50,T1\nR2,2024-03-05,15:00:00,Cash,Refund,2.00,T1\n',
        ),
      },
      { 'Receipt No': 'orderNo', Date: 'occurredAt', Time: 'occurredAt', 'Payment Method': 'tender', Type: 'kind', Amount: 'amount', Register: 'terminalId' },
      { defaultCurrency: 'usd' },
    );
    expect(withDefault.cashier!.map((c) => [c.occurredAt, c.kind, c.amount.amount, c.amount.currency, c.tender, c.terminalId])).toEqual([
      ['2024-03-05T14:00:00', 'sale', '12.50', 'USD', 'card', 'T1'],
      ['2024-03-05T15:00:00', 'refund', '-2.00', 'USD', 'cash', 'T1'],
    ]);
    expect(withDefault.issues).toContainEqual(expect.objectContaining({ level: 'warning', code: 'currency_defaulted' }));
  });

  it('wallet bills and bank statements are not cashier exports', () => {
    const wallet = parseStatementSync(
      text('w.csv', [
        '交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注',
        '2024-03-01 12:45:27,商户消费,米线店,米线,支出,¥28.16,零钱,支付成功,1,2,/',
      ]),
    );
    expect(wallet.format).not.toBe('cashier');
  });

  it('never throws; every non-empty row is a record or an issue', () => {
    const cell = fc.constantFrom('', 'A1', '2024-03-05 10:00:00', 'x', '12.00', '-3', '现金', '微信', '赊账', '退款', '销售', '合计');
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 12 }), (rows) => {
        const r = parseStatementSync(text('c.csv', ['单号,时间,支付方式,类型,金额', ...rows.map((c) => c.join(','))]));
        expectWellFormedAcquirer(r);
        expect(r.format).toBe('cashier');
        const imported = r.cashier!.length;
        const reported = new Set(r.issues.filter((i) => i.line !== undefined && !(i.level === 'warning' && i.code !== 'summary_ignored')).map((i) => i.line))
          .size;
        const nonEmpty = rows.filter((c) => c.some((x) => x !== '')).length;
        expect(imported + reported).toBeGreaterThanOrEqual(nonEmpty);
      }),
      { numRuns: 200 },
    );
  });
});
