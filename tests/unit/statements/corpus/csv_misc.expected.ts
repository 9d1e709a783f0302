// Corpus expectations for csv_misc/ (Actual's GB18030 encoding fixture).
import type { CorpusExpectation } from './types';

export const csvMiscExpected: CorpusExpectation[] = [
  {
    file: 'csv_misc/actual_gb18030_generic.csv',
    expect: {
      format: 'csv',
      lines: 3,
      accounts: 1,
      currency: 'XXX',
      errors: false,
      contains: [
        { date: '2024-05-01', amount: '-35.00' },
        { date: '2024-05-03', amount: '95.75' },
      ],
      note: 'no peer assertion (helper: 3 rows, first 2024-05-01 北京餐厅 -35.00). English headers and no currency → XXX with a currency_missing warning (the caller passes the default currency); encoding_guessed warning (gb18030)',
    },
  },
];
