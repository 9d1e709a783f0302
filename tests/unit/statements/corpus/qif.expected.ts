// Corpus expectations for qif/. Numbers come from the peer assertions in MANIFEST.tsv (see each note);
// QIF states no currency, so without a default currency lines are XXX with a currency_missing warning.
import type { CorpusExpectation } from './types';

export const qifExpected: CorpusExpectation[] = [
  {
    file: 'qif/actual_qif_account_header.qif',
    expect: {
      format: 'qif',
      lines: 1,
      accounts: 1,
      firstAmount: '-25.00',
      firstDate: '2018-12-19',
      accountId: 'Checking Main',
      currency: 'XXX',
      errors: false,
      note: "peer Actual: 0 errors, 1 txn, account hint from !Account N 'Checking Main' (we keep the name as written)",
    },
  },
  {
    file: 'qif/actual_qif_category_4digit_year.qif',
    expect: {
      format: 'qif',
      lines: 2,
      accounts: 1,
      firstAmount: '-100.58',
      firstDate: '2024-06-24',
      currency: 'XXX',
      errors: false,
      note: 'peer Actual: 2 txns, payees Outlet / GroceriesYou; amounts -100.58, -20.15',
    },
  },
  {
    file: 'qif/gnucash_BROKEN_inconsistent_per_record_date_formats.qif',
    expect: {
      format: 'qif',
      lines: 0,
      accounts: 0,
      errors: true,
      note: 'peer GnuCash: hard failure for mixed date formats -> error, both records skipped with issues',
    },
  },
  {
    file: 'qif/gnucash_iso_multi_days_at_most12_AMBIGUOUS.qif',
    expect: {
      format: 'qif',
      lines: 4,
      accounts: 1,
      firstAmount: '10.00',
      firstDate: '2022-12-11',
      currency: 'XXX',
      errors: false,
      note: 'peer GnuCash: needs user choice YMD/YDM; DECISION: read YMD (2022-12-11 …) with a qif_date_order_ambiguous warning',
    },
  },
  {
    file: 'qif/gnucash_ymd_apostrophe.qif',
    expect: {
      format: 'qif',
      lines: 1,
      accounts: 1,
      firstAmount: '10.00',
      firstDate: '2024-01-02',
      currency: 'XXX',
      errors: false,
      note: 'peer GnuCash: ambiguous YMD/YDM; DECISION: YMD 2024-01-02 with a warning',
    },
  },
  {
    file: 'qif/oca_test_qif_dmy.qif',
    expect: {
      format: 'qif',
      lines: 5,
      accounts: 1,
      firstAmount: '-1000.00',
      firstDate: '2013-08-12',
      currency: 'XXX',
      errors: false,
      note: 'peer OCA (configured dmy): 12/8/13 -> 2013-08-12; detected from the file (a day > 12 rules M/D/Y out)',
    },
  },
  {
    file: 'qif/oca_test_qif_mdy.qif',
    expect: {
      format: 'qif',
      lines: 5,
      accounts: 1,
      firstAmount: '-1000.00',
      firstDate: '2013-08-12',
      currency: 'XXX',
      errors: false,
      note: 'peer OCA: first 2013-08-12, sum -1896.09 needs the thousands comma in T-1,000.00',
    },
  },
  {
    file: 'qif/oca_test_qif_ymd.qif',
    expect: {
      format: 'qif',
      lines: 5,
      accounts: 1,
      firstAmount: '-1000.00',
      firstDate: '2013-08-12',
      currency: 'XXX',
      errors: false,
      note: 'peer OCA (configured ymd): 13/08/12 -> 2013-08-12; detected because 13/3/3 only reads as YY/M/D',
    },
  },
  { file: 'qif/quiffen_EMPTY.qif', expect: { lines: 0, accounts: 0, errors: true, note: 'peer quiffen: 0-byte file must fail -> error issue' } },
  {
    file: 'qif/quiffen_INVALID_not_qif.txt',
    expect: { lines: 0, accounts: 0, errors: true, note: 'peer quiffen: non-QIF text must fail -> error issue (not recognised as any format)' },
  },
  {
    file: 'qif/quiffen_ISO_dates_caret_before_txns.qif',
    expect: {
      format: 'qif',
      lines: 2,
      accounts: 1,
      firstAmount: '-184.80',
      firstDate: '2022-09-23',
      currency: 'XXX',
      errors: false,
      note: 'peer quiffen: 2 BANK txns (-184.8 on 2022-09-23, -13.16); stray ^ after !Type:Bank',
    },
  },
  {
    file: 'qif/quiffen_option_autoswitch.qif',
    expect: {
      format: 'qif',
      lines: 0,
      accounts: 0,
      errors: false,
      note: "peer quiffen: 1 account 'My Bank Account' and no transactions; accounts[] lists statement coverage, so 0 here (account list skipped with a warning)",
    },
  },
  {
    file: 'qif/quiffen_test_wikipedia_style_splits.qif',
    expect: {
      format: 'qif',
      lines: 6,
      accounts: 1,
      firstAmount: '0.00',
      firstDate: '2020-02-10',
      currency: 'XXX',
      errors: false,
      note: 'peer quiffen: 6 BANK transactions (+1 INVST skipped with an issue); splits kept in the description',
    },
  },
  {
    file: 'qif/quiffen_unknown_account_type_real_quicken.qif',
    expect: {
      format: 'qif',
      lines: 0,
      accounts: 0,
      errors: false,
      note: 'peer quiffen: transactions only under INVST -> 0 bank lines, investment section skipped with an issue',
    },
  },
];
