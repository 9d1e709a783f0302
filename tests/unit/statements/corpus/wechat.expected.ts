// Corpus expectations for wechat/ (personal bill, CSV and its 2025 xlsx twin; double-entry-generator).
// Wallet policy as in alipay.expected.ts: the 11 neutral '/' rows (零钱提现, 信用卡还款, 理财通…) are
// reported, not imported, so 16 of d-e-g's 27 transactions; the twins must give identical lines.
import type { CorpusExpectation } from './types';

const peer = 'd-e-g emits 27 (incl. neutral rows), first 2017-10-20 信用卡还款 548.58 (neutral), last 2024-06-07 -0.01';

export const wechatExpected: CorpusExpectation[] = [
  {
    file: 'wechat/deg_wechat_2019_csv_16line_preamble.csv',
    expect: {
      format: 'wechat', lines: 16, accounts: 1, currency: 'CNY', errors: false, peer,
      contains: [{ date: '2019-09-26', amount: '-28.16' }, { date: '2019-09-24', amount: '0.35' }, { date: '2024-06-07', amount: '-0.01' }],
      note: 'wallet policy; ¥-prefixed amounts; ids with a trailing TAB',
    },
  },
  {
    file: 'wechat/deg_wechat_2025_new_format.xlsx',
    expect: {
      format: 'wechat', lines: 16, accounts: 1, currency: 'CNY', errors: false, peer,
      contains: [{ date: '2019-09-26', amount: '-28.16' }, { date: '2019-09-24', amount: '0.35' }, { date: '2024-06-07', amount: '-0.01' }],
      note: 'xlsx with an extra Column1..Column11 row and a second sheet: the first sheet with a header is read; same lines as the CSV (checked in corpus.test.ts)',
    },
  },
];
