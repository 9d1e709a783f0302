// Corpus expectations for qfx/ (Quicken's OFX with INTU.BID). Actual's files were rebuilt from index text.
import type { CorpusExpectation } from './types';

export const qfxExpected: CorpusExpectation[] = [
  {
    file: 'qfx/actual_8859-1_fr_cad.qfx',
    expect: {
      format: 'qfx',
      lines: 1,
      accounts: 1,
      firstAmount: '-20.00',
      firstDate: '2022-10-19',
      closing: '9999.99',
      accountId: '999-12345-0055666-EOP',
      currency: 'CAD',
      errors: false,
      note: "peer Actual: 1 txn -20.00 on 2022-10-19, fitid wSoKuCS77, 'Paiement facture/Carte prépayée'",
    },
  },
  {
    file: 'qfx/actual_html_escaped_double_amp.qfx',
    expect: {
      format: 'qfx',
      lines: 2,
      accounts: 1,
      firstAmount: '-1.00',
      firstDate: '2023-05-09',
      closing: '1111.11',
      accountId: '00000 00-00000',
      currency: 'CAD',
      errors: false,
      note: "peer Actual: 2 txns -1.00; 2nd NAME double-escaped &amp;lt; decodes to 'TPAY <DEFTPYMT>'",
    },
  },
  {
    file: 'qfx/ofxjs_ally_qfx_v1header_closed_tags.qfx',
    expect: {
      format: 'qfx',
      lines: 1,
      accounts: 1,
      firstAmount: '0.84',
      firstDate: '2016-12-15',
      closing: '1025.23',
      accountId: 'XXXXXXXXXX',
      currency: 'USD',
      errors: false,
      note: 'peer ofx-js: 1 txn INT 0.84 on 2016-12-15, fitid 21172131531687',
    },
  },
  {
    file: 'qfx/ofxjs_cad_creditcard_qfx_intu_bid.qfx',
    expect: {
      format: 'qfx',
      lines: 5,
      accounts: 1,
      firstAmount: '-6.88',
      firstDate: '2026-03-23',
      closing: '904.53',
      accountId: '4510000000003333',
      currency: 'CAD',
      errors: false,
      note: 'peer ofx-js: CAD, CCACCTFROM 4510000000003333, LEDGERBAL 904.53, 5 txns, first -6.88',
    },
  },
];
