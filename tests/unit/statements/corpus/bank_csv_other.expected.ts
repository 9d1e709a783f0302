// Corpus expectations for bank_csv_other/ (Canadian BMO and TD; double-entry-generator e2e).
// The files state no currency; the peer's CAD comes from its config. Without a caller default
// SettleGuard marks them XXX with a warning (the import service passes the merchant's setting).
import type { CorpusExpectation } from './types';

export const bankCsvOtherExpected: CorpusExpectation[] = [
  {
    file: 'bank_csv_other/deg_bmo_ca_credit.csv',
    expect: {
      format: 'bmo', lines: 3, accounts: 1, accountId: '5191230567984561', currency: 'XXX', errors: false,
      contains: [{ date: '2023-05-12', amount: '-3.27' }, { date: '2023-05-15', amount: '-6.00' }],
      peer: 'first 2023-05-11 -3.27 CAD, last 2023-05-12 -6.00 — on the Transaction Date',
      note: 'booked on the Posting Date (cn_bank decision 2); BMO credit prints purchases positive → negated',
    },
  },
  {
    file: 'bank_csv_other/deg_bmo_ca_debit.csv',
    expect: {
      format: 'bmo', lines: 4, accounts: 1, accountId: '5678653123124124', currency: 'XXX', errors: false,
      contains: [{ date: '2023-05-01', amount: '0.01' }, { date: '2023-06-12', amount: '-40.00' }],
      note: 'peer: 4, first 2023-05-01 +0.01, last 2023-06-12 -40.00; header " Transaction Amount" with a leading space',
    },
  },
  {
    file: 'bank_csv_other/deg_td_ca_no_header.csv',
    expect: {
      lines: 9, errors: false,
      contains: [{ date: '2023-05-01', amount: '-1.96' }, { date: '2023-05-03', amount: '332.22' }],
      note: 'peer: 9, first 2023-05-01 -1.96, last 2023-05-03 +332.22 (MM/DD/YYYY, debit/credit/balance columns)',
    },
    pending: 'no header row: d-e-g knows the TD layout from its config. SettleGuard reports "no header row found" (an error, 0 lines) rather than guess which column is which; a headerless TD profile is future work',
  },
];
