// Corpus expectations for acquirer/ (Adyen settlement detail reports, PayPal activity/statements;
// OCA tests). DESIGN.md §3: 'adyen' → transactions (one per report row), 'paypal' → bank lines.
//
// Where SettleGuard counts differently from OCA, by decision:
//  - Adyen: OCA books the batch's commission/markup/scheme fees/interchange as one extra statement
//    line (22 = 21 rows + 1 fee line for batch 48). SettleGuard keeps one transaction per report
//    row, each with its own fee, so the fee audit can see which payment carried which fee: 21.
//  - PayPal: OCA imports one currency per journal (activity: 45 USD rows + 26 fee lines = 71;
//    statement: 11 USD rows + 7 fee lines = 18, or 8 EUR rows). SettleGuard keeps every currency
//    as an account of its own and, like OCA, books a non-zero fee as a line of its own:
//    activity 45 + 26 (USD) + 29 (EUR) + 2 (AUD) = 102 lines; statement 18 + 8 = 26.
import type { CorpusExpectation } from './types';

export const acquirerExpected: CorpusExpectation[] = [
  {
    file: 'acquirer/oca_adyen_settlement_detail_report_batch_238_no_payout.csv',
    expect: {
      format: 'adyen',
      transactions: 3,
      accounts: 1,
      currency: 'USD',
      errors: false,
      note: 'peer OCA test_05: 3 lines (Balancetransfer in 454331.99, Fee 0.09, Balancetransfer out 454331.90), sum 0, no MerchantPayout',
    },
  },
  {
    file: 'acquirer/oca_adyen_settlement_detail_2016_48.xlsx',
    expect: {
      format: 'adyen',
      transactions: 21,
      errors: false,
      peer: 'OCA test_01: 22 lines, sum 0',
      note: '19 Settled + Fee + MerchantPayout rows; OCA adds one aggregated commission line (see the header of this file)',
    },
  },
  {
    file: 'acquirer/oca_adyen_settlement_detail_credit_fees_2016_8.xlsx',
    expect: {
      format: 'adyen',
      transactions: 40,
      errors: false,
      note: 'peer OCA test_02: imported (credit fees); 40 report rows incl. 3 Refunded, Fee and MerchantPayout',
    },
  },
  {
    file: 'acquirer/oca_adyen_INVALID.xls',
    expect: {
      format: 'adyen',
      lines: 0,
      transactions: 0,
      errors: true,
      note: 'peer OCA test_03: rejected with "not a Adyen settlement details file" (an xlsx container named .xls whose identity columns read "Invalid header")',
    },
  },
  {
    file: 'acquirer/oca_paypal_activity_en_ddmmyyyy.csv',
    expect: {
      format: 'paypal',
      lines: 102,
      accounts: 3,
      currency: 'USD',
      opening: '0.00',
      errors: false,
      contains: [
        { date: '2015-12-29', amount: '84.00', currency: 'USD' },
        { date: '2015-12-29', amount: '-4.25', currency: 'USD' },
        { date: '2016-06-22', amount: '100.00', currency: 'AUD' },
      ],
      peer: 'OCA: 1 statement, 71 lines in a USD journal; DD/MM/YYYY; first Gross 84.00 / Fee -4.25 / Net 79.75',
      note: 'every currency kept (see the header of this file)',
    },
  },
  {
    file: 'acquirer/oca_paypal_statement_en_mdyyyy_multicurrency.csv',
    expect: {
      format: 'paypal',
      lines: 26,
      accounts: 2,
      errors: false,
      contains: [
        { date: '2018-09-04', amount: '-1058.09', currency: 'EUR' },
        { date: '2018-09-30', amount: '292.30', currency: 'USD' },
        { date: '2018-09-30', amount: '-11.12', currency: 'USD' },
      ],
      note: 'peer OCA: 18 USD lines + 8 EUR lines (their journals filter by currency); M/D/YYYY, "-1,058.09"',
    },
  },
  {
    file: 'acquirer/oca_paypal_EMPTY_activity.csv',
    expect: {
      format: 'paypal',
      lines: 0,
      errors: true,
      note: 'peer OCA: header only → must be rejected (UserError, nothing created): an error issue, 0 lines',
    },
  },
];
