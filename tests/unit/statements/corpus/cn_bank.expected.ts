// Corpus expectations for cn_bank/ (mainland and Hong Kong bank exports; double-entry-generator e2e).
//
// Decisions that depart from the peer (double-entry-generator, "d-e-g"), applied to every file here:
//  1. Line counts: d-e-g's counts are what its example *config* emits after filters (corpus README);
//     SettleGuard imports every statement row, so where a file has more rows than the peer emits,
//     `lines` is the file's row count and `peer` records the peer's number.
//  2. bookedOn is the bank's posting date (记账日/入账日期/Post date) when the file has one: that
//     is when money moved on the account, the date settlement matching needs. d-e-g uses the
//     posting date for BOC credit but the transaction date for CGB and HSBC credit; where it used
//     the transaction date, `contains` lists the same amount on the posting date.
//  3. Signs are the account holder's view (+ = money in): a peer posting "Liabilities -50" to a
//     credit card is -50.00 here; "Expenses 13.40" against a debit card is -13.40.
import type { CorpusExpectation } from './types';

export const cnBankExpected: CorpusExpectation[] = [
  {
    file: 'cn_bank/deg_abc_debit_agricultural_bank.csv',
    expect: {
      format: 'abc',
      lines: 5,
      accounts: 1,
      currency: 'CNY',
      errors: false,
      contains: [
        { date: '2024-01-01', amount: '10000.00' },
        { date: '2024-01-04', amount: '0.00' },
      ],
      note: 'peer: 5 transactions, first 2024-01-01 +10000.00, last 2024-01-04 0.00 (利息税). The sample balances do not chain (edited by maintainers): warnings, not errors',
    },
  },
  {
    file: 'cn_bank/deg_boc_credit_separate_in_out_cols.csv',
    expect: {
      format: 'boc',
      lines: 14,
      currency: 'CNY',
      errors: false,
      contains: [
        { date: '2024-12-14', amount: '-50.00' },
        { date: '2024-12-29', amount: '89.84' },
        { date: '2024-12-24', amount: '-3.72', currency: 'USD' },
      ],
      peer: 'd-e-g emits 7 (config filters); first 2024-12-14 -50.00, last 2024-12-29 +89.84',
      note: 'all 14 rows imported (decision 1); the USD row keeps its own currency; accounts per card last-4 (4260, 2875) and currency',
    },
  },
  {
    file: 'cn_bank/deg_boc_debit_quoted_thousands.csv',
    expect: {
      format: 'boc',
      lines: 17,
      accounts: 1,
      accountId: '3167',
      currency: 'CNY',
      opening: '2813.58',
      closing: '3240.28',
      errors: false,
      contains: [
        { date: '2025-08-01', amount: '1000.00' },
        { date: '2025-08-22', amount: '-71.89' },
        { date: '2025-08-12', amount: '-2600.00' },
      ],
      peer: 'd-e-g emits 8 (config filters); first 2025-08-01 +1000.00, last 2025-08-22 -71.89',
      note: 'newest-first file whose running balance chains exactly: opening 2813.58 (= 813.58 + 3000.00 - 1000.00 before the first line) and closing 3240.28',
    },
  },
  {
    file: 'cn_bank/deg_bocom_credit_currency_prefixed_amounts.csv',
    expect: {
      format: 'bocom',
      lines: 8,
      accounts: 1,
      currency: 'CNY',
      errors: false,
      contains: [
        { date: '2025-01-10', amount: '123.18' },
        { date: '2025-01-29', amount: '13.50' },
        { date: '2025-01-18', amount: '-49.85' },
      ],
      note: 'peer: 8, first 2025-01-10 +123.18 (退货), last 2025-01-29 +13.50 (还款); sign from 交易说明; the posted CNY 49.85 (入账币种/金额) of a JPY 1000 purchase',
    },
  },
  {
    file: 'cn_bank/deg_bocom_debit_jie_dai_column.csv',
    expect: {
      format: 'bocom',
      lines: 6,
      accounts: 1,
      currency: 'CNY',
      errors: false,
      contains: [
        { date: '2024-02-02', amount: '-3.21' },
        { date: '2025-01-01', amount: '1.23' },
      ],
      note: 'peer: 6, first 2024-02-02 -3.21 (借 Dr), last 2025-01-01 +1.23 (贷 Cr)',
    },
  },
  {
    file: 'cn_bank/deg_cgb_credit_guangfa.csv',
    expect: {
      format: 'cgb',
      lines: 4,
      accounts: 1,
      currency: 'CNY',
      errors: false,
      contains: [
        { date: '2024-12-26', amount: '1130.68' },
        { date: '2025-01-06', amount: '-15.90' },
        { date: '2025-01-04', amount: '97.20' },
      ],
      peer: 'first 2024-12-25 +1130.68 (还款), last 2025-01-05 -15.90 (消费) — on the 交易日期',
      note: 'decision 2: booked on 入账日期 (2024-12-26, 2025-01-06); CGB prints spending positive, so amounts are negated',
    },
  },
  {
    file: 'cn_bank/deg_citic_credit_wps.xls',
    expect: {
      format: 'citic',
      lines: 13,
      accounts: 1,
      accountId: '6688',
      currency: 'CNY',
      errors: false,
      contains: [
        { date: '2024-10-20', amount: '-20.16' },
        { date: '2024-11-09', amount: '-5.90' },
        { date: '2024-11-09', amount: '0.20' },
      ],
      peer: 'd-e-g emits 12 of the 13 rows (config); first 2024-10-20 -20.16 (电费), last 2024-11-09 -5.90',
      note: 'BIFF8 .xls saved by WPS, read with @e965/xlsx; spending positive on CITIC credit → negated',
    },
  },
  {
    file: 'cn_bank/deg_cmb_debit.csv',
    expect: {
      format: 'cmb',
      lines: 5,
      accounts: 1,
      currency: 'CNY',
      errors: false,
      contains: [
        { date: '2024-01-01', amount: '1234.00' },
        { date: '2024-01-27', amount: '-3.00' },
      ],
      note: 'peer: 5, first 2024-01-01 +1234.00, last 2024-01-27 -3.00; quoted thousands "1,234.00"',
    },
  },
  {
    file: 'cn_bank/deg_icbc_debit_v1.csv',
    expect: {
      format: 'icbc',
      lines: 11,
      accounts: 1,
      accountId: '1234****9876',
      currency: 'CNY',
      errors: false,
      contains: [
        { date: '2023-02-10', amount: '30.00' },
        { date: '2023-05-02', amount: '-13.40' },
      ],
      peer: 'd-e-g emits 7 of 11 rows (config); first 2023-02-10 +30.00, last 2023-05-02 -13.40',
      note: 'the 人民币合计 footer is ignored with a warning; 余额 is masked "xx,yyyy.zz" → warnings, lines kept without a balance',
    },
  },
  {
    file: 'cn_bank/deg_icbc_debit_v2.csv',
    expect: {
      format: 'icbc',
      lines: 11,
      accounts: 1,
      accountId: '1234****9876',
      currency: 'CNY',
      errors: false,
      contains: [
        { date: '2023-02-10', amount: '30.00' },
        { date: '2023-05-02', amount: '-13.40' },
      ],
      peer: 'd-e-g emits 7 of 11 rows (config), the same as v1',
      note: 'v2 layout (交易详情, 对方账户) gives the same lines as v1',
    },
  },
  {
    file: 'cn_bank/deg_spdb_debit_pudong.xls',
    expect: {
      format: 'spdb',
      lines: 4,
      accounts: 1,
      accountId: '6200000000001230',
      currency: 'CNY',
      opening: '1985.21',
      closing: '1983.57',
      errors: false,
      contains: [
        { date: '2025-12-03', amount: '-3.88' },
        { date: '2025-12-05', amount: '10.00' },
      ],
      note: 'peer: 4, first 2025-12-03 -3.88, last 2025-12-05 -3.88; account from the key/value row above the header',
    },
  },
  {
    file: 'cn_bank/deg_hsbc_hk_credit_ddmmyyyy.csv',
    expect: {
      format: 'hsbc-hk',
      lines: 11,
      currency: 'CNY',
      errors: false,
      contains: [
        { date: '2025-03-21', amount: '-179.50' },
        { date: '2025-04-10', amount: '-1099.14' },
        { date: '2025-04-08', amount: '-27.90', currency: 'HKD' },
      ],
      peer: 'first 2025-03-20 -179.50 (KFC), last 2025-04-09 -1099.14 — on the Transaction date',
      note: 'decision 2: booked on the Post date; DD/MM/YYYY decided from days above 12; one HKD row keeps its currency',
    },
  },
  {
    file: 'cn_bank/deg_hsbc_hk_debit_balance_col.csv',
    expect: {
      format: 'hsbc-hk',
      lines: 10,
      currency: 'HKD',
      closing: '3612.17',
      errors: false,
      contains: [
        { date: '2025-03-01', amount: '5.45', currency: 'HKD' },
        { date: '2025-03-24', amount: '-100.00', currency: 'HKD' },
        { date: '2025-03-12', amount: '12500.00', currency: 'CNY' },
      ],
      peer: 'd-e-g emits 9 (its config drops the CNY salary row); first 2025-03-01 +5.45 HKD, last 2025-03-24 -100.00',
      note: 'the CNY row is a line of its own CNY account (its balance is in CNY), not dropped',
    },
  },
];
