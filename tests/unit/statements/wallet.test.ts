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
  '导出信息：',
  '姓名：xx',
  '共5笔记录',
  '------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------',
  '交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,',
  '2024-03-01 10:00:00,餐饮美食,咖啡店,/,拿铁,支出,28.00,余额宝,交易成功,A001\t,M001\t,,',
  '2024-03-01 11:00:00,转账红包,张三,/,转账,收入,100.00,余额,交易成功,A002\t,,,',
  '2024-03-02 09:00:00,投资理财,余额宝,/,余额宝-自动转入,不计收支,50.00,余额,交易成功,A003\t,,,',
  '2024-03-02 10:00:00,退款,咖啡店,/,退款-拿铁,不计收支,28.00,余额宝,退款成功,A001_R\t,M001\t,,',
  '2024-03-03 10:00:00,日用百货,超市,/,牙膏,支出,9.90,余额宝,交易关闭,A005\t,,,',
];

describe('alipay personal bill', () => {
  it('收入 +, 支出 −, refunds +; a move from 余额 into 余额宝 and closed orders reported, not imported', async () => {
    const r = await parseStatement(gbk('支付宝交易明细(20240301-20240303).csv', ALIPAY_2023));
    expect(r.format).toBe('alipay');
    expect(r.encoding).toBe('gb18030');
    expect(amounts(r)).toEqual(['2024-03-01 -28.00', '2024-03-01 100.00', '2024-03-02 28.00']);
    expect(codes(r)).toEqual(['encoding_guessed@', 'internal_move@9', 'closed_not_imported@11']);
    expect(r.lines[0]).toMatchObject({ description: '拿铁', counterparty: '咖啡店', reference: 'A001', source: { line: 7 } });
  });

  it('the 2021 回单 layout (收/支 first, padded cells, trailing comma) reads the same way', async () => {
    const r = await parseStatement(
      gbk('alipay_record.csv', [
        '------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------',
        '收/支                 ,交易对方                ,对方账号                ,商品说明                ,收/付款方式              ,金额                  ,交易状态                ,交易分类                ,交易订单号     ,商家订单号           ,交易时间            ,',
        '支出                  ,咖啡店                ,                    ,拿铁     ,招商银行(9876)          ,28.00                ,交易成功                ,餐饮美食                ,A001\t,M001\t,2021-06-14 14:00:38 ,',
        '------------------------------------------------------------------------------------',
        '导出信息：',
      ]),
    );
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
  '微信支付账单明细,,,,,,,,,,',
  '微信昵称：[测试],,,,,,,,,,',
  '共3笔记录,,,,,,,,,,',
  '----------------------微信支付账单明细列表--------------------,,,,,,,,,,',
  '交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注',
  '2024-03-01 12:45:27,商户消费,米线店,"总共消费:28.16",支出,¥28.16,中国银行(1234),支付成功,"3985734"\t,"129847129"\t,"/"',
  '2024-03-01 10:10:11,二维码收款,用户A,/,收入,¥23.00,零钱,已收钱,3985735\t,/\t,/',
  '2024-03-02 16:29:37,零钱提现,招商银行(),"/",/,¥100.10,工商银行,提现已到账,207210715100077148235523883175\t,/\t,"服务费¥0.10"',
];

describe('alipay neutral (不计收支) rows', () => {
  const row = (goods: string, method: string, amount: string) => `2024-03-04 09:00:00,投资理财,余额宝,/,${goods},不计收支,${amount},${method},交易成功,B1\t,,,`;
  const cases: { description: string; goods: string; method: string; expected: string[]; code?: string }[] = [
    {
      description: '余额宝 top-up paid by a credit card: into the wallet',
      goods: '余额宝-安心自动充-自动攒入',
      method: '交通银行信用卡(7449)',
      expected: ['2024-03-04 66.57'],
    },
    { description: 'a fund sold into 余额宝', goods: '蚂蚁财富-某基金-卖出至余额宝', method: '余额宝', expected: ['2024-03-04 66.57'] },
    { description: '余额宝 收益发放', goods: '余额宝-3月3日-收益发放', method: '余额宝', expected: ['2024-03-04 66.57'] },
    { description: 'a fund bought', goods: '蚂蚁财富-某指数C-买入', method: '', expected: ['2024-03-04 -66.57'] },
    { description: '提现 to a bank card', goods: '余额提现', method: '余额', expected: ['2024-03-04 -66.57'] },
    { description: 'from 余额 into 余额宝: inside the wallet', goods: '余额宝-单次转入', method: '余额', expected: [], code: 'internal_move@7' },
  ];
  for (const c of cases) {
    it(c.description, async () => {
      const r = await parseStatement(gbk('alipay.csv', [...ALIPAY_2023.slice(0, 6), row(c.goods, c.method, '66.57')]));
      expect(r.format).toBe('alipay');
      expect(amounts(r)).toEqual(c.expected);
      expect(codes(r).filter((x) => x !== 'encoding_guessed@')).toEqual(c.code ? [c.code] : []);
    });
  }
});

describe('wechat personal bill', () => {
  it('CSV: ¥ amounts, TAB-suffixed ids; a 零钱提现 is the transfer and its 服务费, both leaving the wallet', async () => {
    const r = await parseStatement({ name: '微信支付账单(20240301-20240302).csv', bytes: new TextEncoder().encode(WECHAT.join('\n')) });
    expect(r.format).toBe('wechat');
    expect(amounts(r)).toEqual(['2024-03-01 -28.16', '2024-03-01 23.00', '2024-03-02 -100.00', '2024-03-02 -0.10']);
    expect(r.lines[0]!.reference).toBe('3985734');
    expect(r.lines[2]).toMatchObject({
      description: '零钱提现 服务费¥0.10',
      counterparty: '招商银行()',
      reference: '207210715100077148235523883175',
      source: { line: 8 },
    });
    expect(r.lines[3]).toMatchObject({ description: '服务费 — 零钱提现 服务费¥0.10', source: { line: 8 } });
    expect(r.lines[2]!.id).not.toBe(r.lines[3]!.id);
    expect(codes(r)).toEqual([]);
  });

  // Every kind of neutral row a WeChat bill has (its own note: 充值/提现/理财通购买/零钱通存取/信用卡还款),
  // signed by which way the money crossed the wallet's edge (零钱 + 零钱通).
  const neutral: { description: string; row: string; expected: string[]; code?: string }[] = [
    {
      description: '零钱提现 without a fee',
      row: '2024-03-03 09:00:00,零钱提现,工商银行(9876),/,/,¥500.00,工商银行,提现已到账,T1\t,/\t,/',
      expected: ['2024-03-03 -500.00'],
    },
    {
      description: '零钱提现 with a fee in 备注',
      row: '2024-03-03 09:00:00,零钱提现,工商银行(9876),/,/,¥1001.10,工商银行,提现已到账,T1\t,/\t,服务费¥1.00',
      expected: ['2024-03-03 -1000.10', '2024-03-03 -1.00'],
    },
    {
      description: '零钱充值 from a bank card',
      row: '2024-03-03 09:00:00,零钱充值,工商银行(9876),/,/,¥1300.00,工商银行(9876),充值完成,T1\t,/\t,/',
      expected: ['2024-03-03 1300.00'],
    },
    {
      description: '信用卡还款',
      row: '2024-03-03 09:00:00,信用卡还款,建设银行信用卡还款,/,/,¥548.58,零钱,支付成功,T1\t,M1\t,/',
      expected: ['2024-03-03 -548.58'],
    },
    {
      description: '转入零钱通 from a bank',
      row: '2024-03-03 09:00:00,转入零钱通-来自工商银行(9876),/,/,/,¥2000.00,工商银行(9876),支付成功,T1\t,M1\t,/',
      expected: ['2024-03-03 2000.00'],
    },
    {
      description: '零钱通转出 to a bank',
      row: '2024-03-03 09:00:00,零钱通转出-到工商银行(9876),/,/,/,¥5505.00,零钱通,支付成功,T1\t,/\t,/',
      expected: ['2024-03-03 -5505.00'],
    },
    {
      description: '购买理财通',
      row: '2024-03-03 09:00:00,购买理财通,理财通,鹏华增值宝(000569),/,¥10000.00,工商银行,支付成功,T1\t,M1\t,/',
      expected: ['2024-03-03 -10000.00'],
    },
    {
      description: '转入零钱通 from 零钱: inside the wallet',
      row: '2024-03-03 09:00:00,转入零钱通-来自零钱,/,/,/,¥1.23,零钱,支付成功,T1\t,M1\t,/',
      expected: [],
      code: 'internal_move@6',
    },
    {
      description: '转入零钱通 paid from 零钱 (the 支付方式 says so): inside the wallet',
      row: '2024-03-03 09:00:00,转入零钱通,/,/,/,¥8.00,零钱,支付成功,T1\t,M1\t,/',
      expected: [],
      code: 'internal_move@6',
    },
    {
      description: '零钱通转出 to 零钱: inside the wallet',
      row: '2024-03-03 09:00:00,零钱通转出-到零钱,/,/,/,¥2634.78,零钱通,支付成功,T1\t,/\t,/',
      expected: [],
      code: 'internal_move@6',
    },
    {
      description: 'a neutral row that does not say which way',
      row: '2024-03-03 09:00:00,群收款,同事,/,/,¥30.00,/,已收钱,T1\t,/\t,/',
      expected: [],
      code: 'neutral_not_imported@6',
    },
  ];
  for (const c of neutral) {
    it(`neutral "/" row: ${c.description}`, async () => {
      const r = await parseStatement({ name: 'wechat.csv', bytes: new TextEncoder().encode([...WECHAT.slice(0, 5), c.row].join('\n')) });
      expect(r.format).toBe('wechat');
      expect(amounts(r)).toEqual(c.expected);
      expect(codes(r)).toEqual(c.code ? [c.code] : []);
    });
  }

  it('XLSX twin (built with SheetJS) gives the same lines and ids', async () => {
    const rows = splitCsv(WECHAT.join('\n')).rows;
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Column1', 'Column2'], ...rows]), 'bill');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const x = await parseStatement({ name: 'bill.xlsx', bytes });
    const c = await parseStatement({ name: 'bill.csv', bytes: new TextEncoder().encode(WECHAT.join('\n')) });
    expect(x.format).toBe('wechat');
    expect(x.lines.map((l) => [l.id, l.bookedOn, l.amount.amount, l.description])).toEqual(
      c.lines.map((l) => [l.id, l.bookedOn, l.amount.amount, l.description]),
    );
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
    const bytes = sheet(
      [
        ['账号', '6200000000001230', '账户类型', '借记卡'],
        ['交易日期', '交易类型', '存入金额', '取出金额', '余额'],
        [date, '网上支付', '', '3.88', '1981.33'],
        ['2025/12/05  07:22:32', '汇入', '10.00', '', '1991.33'],
      ],
      bookType,
    );
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
