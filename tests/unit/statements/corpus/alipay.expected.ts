// Corpus expectations for alipay/ (GBK personal bills; double-entry-generator and beancount-daoru).
//
// Wallet policy (lib/statements/csv.ts, support/wallet-moves.ts, DOMAIN.md §1.4): a bill line is
// money that moved for the holder. 收入 +, 支出 −; a closed order (交易关闭) moved no money and is
// reported, not imported; a 不计收支/其他 row is signed by which way it crossed the wallet's edge
// (余额 + 余额宝): fund sales into 余额宝 and 收益发放 +, 余额宝 top-ups paid by card +, fund
// purchases (买入) −, refunds (退款成功) +; a move from 余额 into 余额宝 stays inside the wallet and
// is reported, not imported. These are the signs of double-entry-generator's and daoru's
// wallet-side postings, except where d-e-g posts an unconfigured row to Expenses:FIXME (below).
import type { CorpusExpectation } from './types';

export const alipayExpected: CorpusExpectation[] = [
  {
    file: 'alipay/deg_alipay_2023_gbk_preamble24.csv',
    expect: {
      format: 'alipay',
      lines: 8,
      accounts: 1,
      currency: 'CNY',
      errors: false,
      contains: [
        { date: '2023-01-18', amount: '222228.50' },
        { date: '2023-07-10', amount: '-82.00' },
        { date: '2023-02-04', amount: '16.03' },
        { date: '2023-02-02', amount: '99.34' },
      ],
      peer: 'd-e-g emits 7, first 2023-01-18 +222228.50, last 2023-07-10 -82.00; its 2023-02-02 卖出至余额宝 row is Assets:Alipay -99.34 against Expenses:FIXME',
      note: "the fund sale into 余额宝 is +99.34 here: d-e-g's -99.34 is its default for a row no rule of its example config matches (Expenses:FIXME), not a statement of direction — its 2021 example posts the same 卖出至余额宝 as +15.40. We also import the 2023-01-09 refund (+50.00) d-e-g leaves out: 8 lines. The preamble's 共66笔 is not enforced",
    },
  },
  {
    file: 'alipay/deg_alipay_2021_gbk_receipt_padded_cells.csv',
    expect: {
      format: 'alipay',
      lines: 13,
      accounts: 1,
      currency: 'CNY',
      errors: false,
      contains: [
        { date: '2021-06-14', amount: '-6.51' },
        { date: '2021-06-01', amount: '109.90' },
        { date: '2021-12-09', amount: '-7.50' },
        { date: '2020-06-02', amount: '15.40' },
        { date: '2020-06-09', amount: '0.11' },
        { date: '2021-05-19', amount: '-50.00' },
        { date: '2021-09-29', amount: '-3000.00' },
        { date: '2021-09-29', amount: '-20.00' },
      ],
      peer: 'd-e-g emits 16, first 2020-06-02 蚂蚁财富 卖出至余额宝 15.40 (a neutral 其他 row: Assets:Alipay +15.40); 收益发放 +0.11; 买入 -50, -3000, -20 (Assets:Alipay)',
      note: "wallet policy: the 5 其他 fund moves with d-e-g's wallet-side signs; 余额宝-单次转入 from 余额 (d-e-g: +2 and -2 on Assets:Alipay) and 1 closed order reported, not imported; the refund listed as both 其他 and 收入 is imported once: 16 - 3 = 13",
    },
  },
  {
    file: 'alipay/daoru_alipay_20230210-20230213_gbk.csv',
    expect: {
      format: 'alipay',
      lines: 9,
      accounts: 1,
      currency: 'CNY',
      errors: false,
      contains: [
        { date: '2023-02-12', amount: '-49.74' },
        { date: '2023-01-09', amount: '50.00' },
        { date: '2025-12-20', amount: '66.57' },
        { date: '2023-02-02', amount: '99.34' },
      ],
      peer: 'daoru emits 10, first 2025-12-20 余额宝 66.57 (a neutral 不计收支 row: Assets:Payment:Alipay:YuEBao +66.57 from a credit card), last 2023-02-12 -49.74',
      note: 'wallet policy: the 余额宝 top-up paid by card (+66.57) and the fund sale into 余额宝 (+99.34) are imported; 2 closed orders reported, not imported',
    },
  },
  {
    file: 'alipay/daoru_alipay_20201122-20201214_gbk.csv',
    expect: {
      format: 'alipay',
      lines: 22,
      accounts: 1,
      currency: 'CNY',
      errors: false,
      contains: [
        { date: '2020-12-14', amount: '-129.00' },
        { date: '2020-12-13', amount: '88.88' },
        { date: '2020-12-05', amount: '24.88' },
        { date: '2020-12-07', amount: '0.31' },
      ],
      note: 'no peer assertion (an LLM-prediction example); numbers read from the file: 24 rows − 2 closed orders; the neutral rows are 3 refunds (+) and a 余额宝 收益发放 (+0.31)',
    },
  },
];
