// Corpus expectations for cn_platform/ (京东 JD and 美团 Meituan bills). Wallet policy as in
// alipay.expected.ts. Where the two peers disagree on the same export (d-e-g after its config
// filters, daoru all rows), SettleGuard follows the rows: daoru's count, minus neutral moves.
import type { CorpusExpectation } from './types';

export const cnPlatformExpected: CorpusExpectation[] = [
  {
    file: 'cn_platform/deg_jd_jingdong_utf8bom_preamble.csv',
    expect: {
      format: 'jd',
      lines: 23,
      accounts: 1,
      currency: 'CNY',
      errors: false,
      contains: [
        { date: '2024-12-05', amount: '-235.61' },
        { date: '2024-12-30', amount: '-10.20' },
        { date: '2024-12-28', amount: '-131.77' },
        { date: '2024-12-28', amount: '89.84' },
      ],
      peer: 'd-e-g emits 22, daoru 26 (= 共26笔); both first 2024-12-05 -235.61, last 2024-12-30 -10.20',
      note: '26 rows − 3 neutral non-refund rows (先享后付 0.00 and fund moves); "131.77(已退款89.84)" is 131.77 paid, its refund 89.84 a line of its own',
    },
  },
  {
    file: 'cn_platform/deg_meituan_utf8bom_crlf.csv',
    expect: {
      format: 'meituan',
      lines: 29,
      accounts: 1,
      currency: 'CNY',
      errors: false,
      contains: [
        { date: '2025-02-12', amount: '-10.06' },
        { date: '2025-02-28', amount: '-21.17' },
      ],
      peer: 'd-e-g emits 18 after its filters; daoru reads the same export as 29 (= 共29笔)',
      note: 'amount is 实付金额 (what was paid, ¥21.17) rather than 订单金额 (¥22.30)',
    },
  },
  {
    file: 'cn_platform/daoru_meituan_202502_utf8bom.csv',
    expect: {
      format: 'meituan',
      lines: 29,
      accounts: 1,
      currency: 'CNY',
      errors: false,
      contains: [
        { date: '2025-02-02', amount: '-19.20' },
        { date: '2025-02-28', amount: '-21.17' },
      ],
      note: 'peer daoru: 29 transactions, first 2025-02-02 -19.20, last 2025-02-28 -21.17',
    },
  },
];
