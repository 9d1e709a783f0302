// Corpus expectations for alipay/ (GBK personal bills; double-entry-generator and beancount-daoru).
//
// Wallet policy (lib/statements/csv.ts, DOMAIN.md §1.4), where SettleGuard departs from both peers:
// a bill line is money that moved for the holder. 收入 +, 支出 −; a closed order (交易关闭) moved no
// money and is reported, not imported; a 不计收支/其他 row is a move between the holder's own funds
// (余额宝 top-ups, fund purchases, card repayments) whose direction the bill does not state, so it
// is reported, not imported — except refunds (退款成功), which come back (+). The peers post those
// neutral rows to ledger accounts chosen by their configs, which is why their counts are higher.
import type { CorpusExpectation } from './types';

export const alipayExpected: CorpusExpectation[] = [
  {
    file: 'alipay/deg_alipay_2023_gbk_preamble24.csv',
    expect: {
      format: 'alipay', lines: 7, accounts: 1, currency: 'CNY', errors: false,
      contains: [{ date: '2023-01-18', amount: '222228.50' }, { date: '2023-07-10', amount: '-82.00' }, { date: '2023-02-04', amount: '16.03' }],
      note: 'peer d-e-g: 7 transactions, first 2023-01-18 +222228.50, last 2023-07-10 -82.00 — the same count (its filters drop closed/neutral rows too); the preamble\'s 共66笔 is not enforced',
    },
  },
  {
    file: 'alipay/deg_alipay_2021_gbk_receipt_padded_cells.csv',
    expect: {
      format: 'alipay', lines: 8, accounts: 1, currency: 'CNY', errors: false,
      contains: [{ date: '2021-06-14', amount: '-6.51' }, { date: '2021-06-01', amount: '109.90' }, { date: '2021-12-09', amount: '-7.50' }],
      peer: 'd-e-g emits 16, first 2020-06-02 蚂蚁财富 卖出至余额宝 15.40 (a neutral 其他 row)',
      note: 'wallet policy: 4 其他 fund moves and 1 closed order reported, not imported; the refund listed as both 其他 and 收入 is imported once',
    },
  },
  {
    file: 'alipay/daoru_alipay_20230210-20230213_gbk.csv',
    expect: {
      format: 'alipay', lines: 7, accounts: 1, currency: 'CNY', errors: false,
      contains: [{ date: '2023-02-12', amount: '-49.74' }, { date: '2023-01-09', amount: '50.00' }],
      peer: 'daoru emits 10, first 2025-12-20 余额宝 66.57 (a neutral 不计收支 row), last 2023-02-12 -49.74',
      note: 'wallet policy: the 2025-12-20 余额宝 row and another neutral fund move are not imported; 2 closed orders reported',
    },
  },
  {
    file: 'alipay/daoru_alipay_20201122-20201214_gbk.csv',
    expect: {
      format: 'alipay', lines: 21, accounts: 1, currency: 'CNY', errors: false,
      contains: [{ date: '2020-12-14', amount: '-129.00' }, { date: '2020-12-13', amount: '88.88' }, { date: '2020-12-05', amount: '24.88' }],
      note: 'no peer assertion (an LLM-prediction example); numbers read from the file: 35 rows − 10 neutral fund moves − 4 closed orders',
    },
  },
];
