// Wallet bills (Alipay, WeChat) and XLS/XLSX: personal bills become StatementLines under the wallet
// policy (csv.ts), merchant bills become PortalTransactions, spreadsheets read like their CSV twins.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';
import { parseStatement } from '../../../lib/statements/index';
import { splitCsv } from '../../../lib/statements/support/csv-split';
import type { StatementParseResult } from '../../../lib/model';

const FIXTURES = path.resolve(__dirname, '../../fixtures/statements/wallet');
const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(path.join(FIXTURES, name))) });
const gbk = (name: string, lines: string[]) => ({ name, bytes: new Uint8Array(iconv.encode(lines.join('\r\n') + '\r\n', 'gbk')) });
const amounts = (r: StatementParseResult) => r.lines.map((l) => `${l.bookedOn} ${l.amount.amount}`);
const codes = (r: StatementParseResult) => r.issues.map((i) => `${i.code}@${i.line ?? ''}`);

const ALIPAY_2023 = [
  '------------------------------------------------------------------------------------',
  '导出信息：', '姓名：xx', '共5笔记录',
  '------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------',
  '交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,',
  '2024-03-01 10:00:00,餐饮美食,咖啡店,/,拿铁,支出,28.00,余额宝,交易成功,A001\t,M001\t,,',
  '2024-03-01 11:00:00,转账红包,张三,/,转账,收入,100.00,余额,交易成功,A002\t,,,',
  '2024-03-02 09:00:00,投资理财,余额宝,/,余额宝-自动转入,不计收支,50.00,余额,交易成功,A003\t,,,',
  '2024-03-02 10:00:00,退款,咖啡店,/,退款-拿铁,不计收支,28.00,余额宝,退款成功,A001_R\t,M001\t,,',
  '2024-03-03 10:00:00,日用百货,超市,/,牙膏,支出,9.90,余额宝,交易关闭,A005\t,,,',
];

describe('alipay personal bill', () => {
  it('收入 +, 支出 −, refunds +; neutral moves and closed orders reported, not imported', async () => {
    const r = await parseStatement(gbk('支付宝交易明细(20240301-20240303).csv', ALIPAY_2023));
    expect(r.format).toBe('alipay');
    expect(r.encoding).toBe('gb18030');
    expect(amounts(r)).toEqual(['2024-03-01 -28.00', '2024-03-01 100.00', '2024-03-02 28.00']);
    expect(codes(r)).toEqual(['encoding_guessed@', 'neutral_not_imported@9', 'closed_not_imported@11']);
    expect(r.lines[0]).toMatchObject({ description: '拿铁', counterparty: '咖啡店', reference: 'A001', source: { line: 7 } });
  });

  it('the 2021 回单 layout (收/支 first, padded cells, trailing comma) reads the same way', async () => {
    const r = await parseStatement(gbk('alipay_record.csv', [
      '------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------',
      '收/支                 ,交易对方                ,对方账号                ,商品说明                ,收/付款方式              ,金额                  ,交易状态                ,交易分类                ,交易订单号     ,商家订单号           ,交易时间            ,',
      '支出                  ,咖啡店                ,                    ,拿铁     ,招商银行(9876)          ,28.00                ,交易成功                ,餐饮美食                ,A001\t,M001\t,2021-06-14 14:00:38 ,',
      '------------------------------------------------------------------------------------',
      '导出信息：',
    ]));
    expect(r.format).toBe('alipay');
    expect(amounts(r)).toEqual(['2021-06-14 -28.00']);
    expect(r.issues.map((i) => i.code)).toContain('footer_ignored');
  });

  it('an unreadable amount is an error with its line; the rest still imports', async () => {
    const lines = [...ALIPAY_2023];
    lines[7] = lines[7]!.replace('100.00', '一百');
    const r = await parseStatement(gbk('a.csv', lines));
    expect(r.issues).toContainEqual(expect.objectContaining({ level: 'error', code: 'bad_amount', line: 8, raw: '一百' }));
    expect(amounts(r)).toEqual(['2024-03-01 -28.00', '2024-03-02 28.00']);
  });
});

const WECHAT = [
  '微信支付账单明细,,,,,,,,,,', '微信昵称：[测试],,,,,,,,,,', '共3笔记录,,,,,,,,,,', '----------------------微信支付账单明细列表--------------------,,,,,,,,,,',
  '交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注',
  '2024-03-01 12:45:27,商户消费,米线店,"总共消费:28.16",支出,¥28.16,中国银行(1234),支付成功,"3985734"\t,"129847129"\t,"/"',
  '2024-03-01 10:10:11,二维码收款,用户A,/,收入,¥23.00,零钱,已收钱,3985735\t,/\t,/',
  '2024-03-02 16:29:37,零钱提现,招商银行(),"/",/,¥100.10,工商银行,提现已到账,207210715100077148235523883175\t,/\t,"服务费¥0.10"',
];

describe('wechat personal bill', () => {
  it('CSV: ¥ amounts, TAB-suffixed ids, neutral "/" rows reported', async () => {
    const r = await parseStatement({ name: '微信支付账单(20240301-20240302).csv', bytes: new TextEncoder().encode(WECHAT.join('\n')) });
    expect(r.format).toBe('wechat');
    expect(amounts(r)).toEqual(['2024-03-01 -28.16', '2024-03-01 23.00']);
    expect(r.lines[0]!.reference).toBe('3985734');
    expect(codes(r)).toEqual(['neutral_not_imported@8']);
  });

  it('XLSX twin (built with SheetJS) gives the same lines and ids', async () => {
    const rows = splitCsv(WECHAT.join('\n')).rows;
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Column1', 'Column2'], ...rows]), 'bill');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const x = await parseStatement({ name: 'bill.xlsx', bytes });
    const c = await parseStatement({ name: 'bill.csv', bytes: new TextEncoder().encode(WECHAT.join('\n')) });
    expect(x.format).toBe('wechat');
    expect(x.lines.map((l) => [l.id, l.bookedOn, l.amount.amount, l.description])).toEqual(c.lines.map((l) => [l.id, l.bookedOn, l.amount.amount, l.description]));
  });
});

describe('xls/xlsx bank exports', () => {
  const sheet = (aoa: unknown[][], bookType: 'xlsx' | 'biff8') => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Sheet1');
    return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
  };
  it.each(['xlsx', 'biff8'] as const)('%s: preamble, 存入/取出 columns, date serials read as dates', async (bookType) => {
    const date = new Date(Date.UTC(2025, 11, 3));
    const bytes = sheet([['账号', '6200000000001230', '账户类型', '借记卡'], ['交易日期', '交易类型', '存入金额', '取出金额', '余额'], [date, '网上支付', '', '3.88', '1981.33'], ['2025/12/05  07:22:32', '汇入', '10.00', '', '1991.33']], bookType);
    const r = await parseStatement({ name: 'export.' + (bookType === 'xlsx' ? 'xlsx' : 'xls'), bytes });
    expect(r.format).toBe('spdb');
    expect(amounts(r)).toEqual(['2025-12-03 -3.88', '2025-12-05 10.00']);
    expect(r.accounts[0]).toMatchObject({ accountId: '6200000000001230', openingBalance: { amount: '1985.21' }, closingBalance: { amount: '1991.33' } });
  });
  it('a workbook without a statement table is an error, not an exception', async () => {
    const r = await parseStatement({ name: 'notes.xlsx', bytes: sheet([['shopping list'], ['milk']], 'xlsx') });
    expect(r.lines).toEqual([]);
    expect(r.issues[0]).toMatchObject({ level: 'error', code: 'no_header' });
  });
});

describe('merchant bills → PortalTransactions', () => {
  it('WeChat 交易账单: backticks stripped, stops at 总交易单数, refund negative with fee given back', async () => {
    const r = await parseStatement(fixture('wechat-merchant-bill.csv'));
    expect(r.format).toBe('wechat-merchant');
    expect(r.kind).toBe('acquirer');
    expect(r.transactions!.map((t) => [t.kind, t.amount.amount, t.fee?.amount, t.net?.amount, t.orderNo, t.terminalId])).toEqual([
      ['sale', '100.00', '0.60', '99.40', 'SG20240301001', 'POS01'],
      ['refund', '-40.00', '-0.24', '-39.76', 'SG20240301001', 'POS01'],
    ]);
    expect(r.transactions![0]).toMatchObject({ occurredAt: '2024-03-01T12:00:01', cardType: 'qr_wechat', merchantId: '1900000001' });
    expect(r.issues).toEqual([expect.objectContaining({ level: 'error', code: 'bad_amount', line: 4, raw: 'abc' })]);
    const again = await parseStatement(fixture('wechat-merchant-bill.csv'));
    expect(again.transactions!.map((t) => t.id)).toEqual(r.transactions!.map((t) => t.id));
    expect(new Set(r.transactions!.map((t) => t.id)).size).toBe(2);
  });

  it('Alipay 业务明细 (GBK, # comment lines): sale and refund with 服务费 as the fee', async () => {
    const r = await parseStatement(fixture('alipay-merchant-detail.csv'));
    expect(r.format).toBe('alipay-merchant');
    expect(r.transactions!.map((t) => [t.kind, t.amount.amount, t.fee?.amount, t.net?.amount, t.orderNo, t.occurredAt])).toEqual([
      ['sale', '100.00', '0.60', '100.00', 'SG20240301001', '2024-03-01T12:00:05'],
      ['refund', '-40.00', '-0.24', '-40.00', 'SG20240301001', '2024-03-01T12:30:02'],
    ]);
    expect(r.issues.filter((i) => i.level === 'error')).toEqual([]);
  });
});
