// Corpus expectations for bank_csv_other/ (Canadian BMO and TD; double-entry-generator e2e).
// The files state no currency; the peer's CAD comes from its config. Without a caller default
// SettleGuard marks them XXX with a warning (the import service passes the merchant's setting).
import type { CorpusExpectation } from './types';

export const bankCsvOtherExpected: CorpusExpectation[] = [
  {
    file: 'bank_csv_other/deg_bmo_ca_credit.csv',
    expect: {
      format: 'bmo',
      lines: 3,
      accounts: 1,
      accountId: '5191230567984561',
      currency: 'XXX',
      errors: false,
      contains: [
        { date: '2023-05-12', amount: '-3.27' },
        { date: '2023-05-15', amount: '-6.00' },
      ],
      peer: 'first 2023-05-11 -3.27 CAD, last 2023-05-12 -6.00 — on the Transaction Date',
      note: 'booked on the Posting Date (cn_bank decision 2); BMO credit prints purchases positive → negated',
    },
  },
  {
    file: 'bank_csv_other/deg_bmo_ca_debit.csv',
    expect: {
      format: 'bmo',
      lines: 4,
      accounts: 1,
      accountId: '5678653123124124',
      currency: 'XXX',
      errors: false,
      contains: [
        { date: '2023-05-01', amount: '0.01' },
        { date: '2023-06-12', amount: '-40.00' },
      ],
      note: 'peer: 4, first 2023-05-01 +0.01, last 2023-06-12 -40.00; header " Transaction Amount" with a leading space',
    },
  },
  {
    file: 'bank_csv_other/deg_td_ca_no_header.csv',
    expect: {
      format: 'csv',
      lines: 9,
      accounts: 1,
      currency: 'XXX',
      errors: false,
      firstDate: '2023-05-01',
      firstAmount: '-1.96',
      contains: [
        { date: '2023-05-01', amount: '-1.96' },
        { date: '2023-05-01', amount: '0.01' },
        { date: '2023-05-03', amount: '332.22' },
      ],
      note: 'peer: 9, first 2023-05-01 -1.96, last 2023-05-03 +332.22 (d-e-g knows the TD layout from its config). No header row: the columns are read from their values (date; description; withdrawal, deposit — one filled per row; balance) with a columns_inferred warning; no day is above 12, so MM/DD/YYYY is chosen because the lines then span 2 days rather than 59',
    },
  },
];
