// Corpus expectations for wechat/ (personal bill, CSV and its 2025 xlsx twin; double-entry-generator).
// Wallet policy as in alipay.expected.ts (lib/statements/support/wallet-moves.ts): of the 11 neutral
// '/' rows, 9 move money into or out of the wallet (零钱 + 零钱通) and are imported with the sign of
// d-e-g's wallet-side posting — 信用卡还款 −548.58, 零钱充值 +1300, 转入零钱通-来自工商银行 +2000,
// 零钱通转出-到工商银行 −5505, 购买理财通 −10000 and −3000, and 3 零钱提现, each as the transfer plus
// its 服务费 line (−100.00 and −0.10 of ¥100.10, as d-e-g splits them). The 2 moves between 零钱
// and 零钱通 (d-e-g: +x on one wallet account, −x on the other) are reported, not imported.
// So 25 of d-e-g's 27 transactions, as 28 lines; the twins must give identical lines.
import type { CorpusExpectation } from './types';

const peer = 'd-e-g emits 27 (incl. neutral rows), first 2017-10-20 信用卡还款 548.58 (neutral; Wechat:Cash -548.58), last 2024-06-07 -0.01';
const neutral = [
  { date: '2017-10-20', amount: '-548.58' },
  { date: '2019-04-16', amount: '1300.00' },
  { date: '2021-01-17', amount: '2000.00' },
  { date: '2020-07-06', amount: '-5505.00' },
  { date: '2020-02-14', amount: '-10000.00' },
  { date: '2021-07-15', amount: '-100.00' },
  { date: '2021-07-15', amount: '-0.10' },
  { date: '2021-07-11', amount: '-1000.10' },
  { date: '2021-07-11', amount: '-1.00' },
];

export const wechatExpected: CorpusExpectation[] = [
  {
    file: 'wechat/deg_wechat_2019_csv_16line_preamble.csv',
    expect: {
      format: 'wechat',
      lines: 28,
      accounts: 1,
      currency: 'CNY',
      errors: false,
      peer,
      contains: [{ date: '2019-09-26', amount: '-28.16' }, { date: '2019-09-24', amount: '0.35' }, { date: '2024-06-07', amount: '-0.01' }, ...neutral],
      note: 'wallet policy; ¥-prefixed amounts; ids with a trailing TAB',
    },
  },
  {
    file: 'wechat/deg_wechat_2025_new_format.xlsx',
    expect: {
      format: 'wechat',
      lines: 28,
      accounts: 1,
      currency: 'CNY',
      errors: false,
      peer,
      contains: [{ date: '2019-09-26', amount: '-28.16' }, { date: '2019-09-24', amount: '0.35' }, { date: '2024-06-07', amount: '-0.01' }, ...neutral],
      note: 'xlsx with an extra Column1..Column11 row and a second sheet: the first sheet with a header is read; same lines as the CSV (checked in corpus.test.ts)',
    },
  },
];
