// The shape of a per-format corpus expectation file (tests/unit/statements/corpus/<format>.expected.ts),
// read by tests/unit/statements/corpus.test.ts. One entry per corpus file of that format.
export interface CorpusExpectation {
  /** `local_path` from /work/shared/corpus/MANIFEST.tsv, e.g. 'ofx/ofxjs_nz_savings_sgml.ofx' */
  file: string;
  expect: {
    /** the format id the registry should pick (detect), e.g. 'ofx', 'camt053' */
    format?: string;
    lines?: number;
    /** accounts[] entries (one per statement in the file) */
    accounts?: number;
    /** lines[0].amount.amount */
    firstAmount?: string;
    /** lines[0].bookedOn */
    firstDate?: string;
    /** accounts[0].openingBalance.amount */
    opening?: string;
    /** accounts[0].closingBalance.amount */
    closing?: string;
    /** accounts[0].accountId */
    accountId?: string;
    /** accounts[0].currency */
    currency?: string;
    /** true: at least one issue of level 'error'; false: none */
    errors?: boolean;
    /** lines that must be among the parsed lines (bookedOn + signed amount, optionally currency) — the
     *  peer's first and last transactions, restated in SettleGuard's sign and date conventions */
    contains?: { date: string; amount: string; currency?: string }[];
    /** acquirer exports: transactions[] length */
    transactions?: number;
    /** what the peer project asserts, verbatim in short, when our numbers differ by decision */
    peer?: string;
    /** where the numbers come from (peer assertion) and any decision that departs from a peer */
    note?: string;
  };
  /**
   * A known gap: the file is not yet read as its project expects (the reason says why). The test
   * then asserts that the expectation still FAILS, so fixing the gap turns the test red until
   * `pending` is removed — it can never silently pass or silently rot.
   */
  pending?: string;
}
