// The domain types of DESIGN.md §3. Names and shapes here are a contract: extend, never rename.

export type IsoDate = string; // 'YYYY-MM-DD'
export type LocalDateTime = string; // 'YYYY-MM-DDTHH:mm:ss' as shown by the portal, in the portal's zone
export type MoneyJson = { amount: string; currency: string }; // amount: plain signed decimal string

export type TxnKind =
  | 'sale'
  | 'void'
  | 'refund'
  | 'reversal'
  | 'preauth'
  | 'preauth_completion'
  | 'preauth_completion_void'
  | 'fee'
  | 'adjustment'
  | 'chargeback'
  | 'payout';

export type CardType = 'debit' | 'credit' | 'semi_credit' | 'prepaid' | 'foreign' | 'qr_wechat' | 'qr_alipay' | 'qr_unionpay' | 'unknown';

export type TxnStatus = 'success' | 'failed' | 'pending' | 'voided' | 'reversed' | 'unknown';
export type SettleCycle = 'T1' | 'D1' | 'D0' | 'T0';
export type EntryMode = 'chip' | 'swipe' | 'contactless' | 'keyed' | 'online' | 'qr';

export interface Evidence {
  url: string;
  capturedAt: string;
  cells: Record<string, string>;
  sha256: string;
}

export interface PortalTransaction {
  id: string;
  portal: string;
  occurredAt: LocalDateTime;
  kind: TxnKind;
  status: TxnStatus;
  amount: MoneyJson;
  fee?: MoneyJson;
  net?: MoneyJson;
  extraFees?: { label: string; amount: MoneyJson }[];
  cardType: CardType;
  cardBin?: string;
  cardLast4?: string;
  cardCountry?: string;
  entryMode?: EntryMode;
  merchantId?: string;
  merchantName?: string;
  terminalId?: string;
  rrn?: string;
  voucherNo?: string;
  batchNo?: string;
  authCode?: string;
  orderNo?: string;
  originalRef?: string;
  settleDate?: IsoDate;
  settleCycle?: SettleCycle;
  payoutId?: string;
  evidence: Evidence;
}

export interface StatementLine {
  id: string;
  bookedOn: IsoDate;
  valueOn?: IsoDate;
  amount: MoneyJson;
  description: string;
  counterparty?: string;
  reference?: string;
  balanceAfter?: MoneyJson;
  accountId?: string;
  source: { file: string; line: number };
}

export interface Issue {
  level: 'error' | 'warning';
  code: string;
  message: string;
  line?: number;
  field?: string;
  raw?: string;
  /** the text in the issue catalogues (lib/i18n/catalogue-issues-*.ts): its key and string params; `message`
   *  is its English rendering. Required of every issue built now; an issue stored by a version before
   *  issue 15 may lack it, so readers go through lib/i18n/issues.ts issueText, which falls back to `message`. */
  i18n: { key: string; params: Record<string, string> };
}

export interface CashierRecord {
  id: string;
  occurredAt: LocalDateTime;
  amount: MoneyJson;
  kind: 'sale' | 'refund';
  tender: 'card' | 'qr' | 'cash' | 'other';
  orderNo?: string;
  cardLast4?: string;
  terminalId?: string;
}

export interface ContractRule {
  cardType: CardType | 'any';
  minAmount?: string; // minAmount < |amount| ≤ maxAmount
  maxAmount?: string;
  percent: string; // '0.6' means 0.6 %
  fixed?: string;
  cap?: string;
  min?: string;
  instantFee?: string;
}

export interface Contract {
  id: string;
  label: string;
  merchantId?: string;
  currency: string;
  effectiveFrom: IsoDate;
  effectiveTo?: IsoDate;
  settleCycle: SettleCycle;
  calendar: 'CN' | 'weekdays';
  rules: ContractRule[];
  surcharges?: { when: 'keyed' | 'online' | 'foreign_card' | 'fx'; percent?: string; fixed?: string }[];
  chargebackFee?: string;
  /**
   * Whether a refund (退货) gives back the fee charged on the sale, pro rata. Many acquirers
   * keep it (DOMAIN.md §2.4); undefined = the contract does not say, so nothing is checked.
   */
  feeReturnedOnRefund?: boolean;
  periodicFees: { label: string; amount: string; every: 'month' | 'quarter' | 'year' }[];
}

export interface Tolerances {
  fee: string;
  settlement: string;
  duplicateWindowSeconds: number;
  possibleDuplicateWindowSeconds: number;
  cashierMatchSeconds: number;
  settlementGraceWorkdays: number;
  rateDriftPoints: string;
}

export const DEFAULT_TOLERANCES: Tolerances = {
  fee: '0.01',
  settlement: '0.01',
  duplicateWindowSeconds: 300,
  possibleDuplicateWindowSeconds: 3600,
  cashierMatchSeconds: 600,
  settlementGraceWorkdays: 2,
  rateDriftPoints: '0.02',
};

export type FindingKind =
  | 'duplicate_charge'
  | 'fee_above_contract'
  | 'debit_cap_ignored'
  | 'wrong_card_rate'
  | 'instant_fee_unexpected'
  | 'rate_drift'
  | 'settlement_shortfall'
  | 'settlement_missing'
  | 'void_still_settled'
  | 'refund_problem'
  | 'hidden_fee'
  | 'unmatched_portal_sale'
  | 'missing_at_acquirer'
  | 'amount_mismatch'
  | 'status_mismatch'
  | 'deposit_deducted'
  | 'chargeback_fee'
  | 'mcc_jump_risk'
  | 'fx_surcharge'
  // issue 13 item 4, beyond DESIGN.md's 19: a terminal out of line with the shop's others (always 'info')
  | 'terminal_health';

export const FINDING_KINDS: readonly FindingKind[] = [
  'duplicate_charge',
  'fee_above_contract',
  'debit_cap_ignored',
  'wrong_card_rate',
  'instant_fee_unexpected',
  'rate_drift',
  'settlement_shortfall',
  'settlement_missing',
  'void_still_settled',
  'refund_problem',
  'hidden_fee',
  'unmatched_portal_sale',
  'missing_at_acquirer',
  'amount_mismatch',
  'status_mismatch',
  'deposit_deducted',
  'chargeback_fee',
  'mcc_jump_risk',
  'fx_surcharge',
  'terminal_health',
];

export type Severity = 'overcharge' | 'suspect' | 'info';

export interface Finding {
  id: string;
  kind: FindingKind;
  severity: Severity;
  atStake?: MoneyJson;
  transactionIds: string[];
  statementLineIds: string[];
  cashierIds?: string[];
  expected?: MoneyJson;
  actual?: MoneyJson;
  explanation: { key: string; params: Record<string, string> };
}

export interface Match {
  transactionIds: string[];
  statementLineIds: string[];
  basis: string;
  confidence: number;
}

export interface Residual {
  settleDate?: IsoDate;
  payoutId?: string;
  expected: MoneyJson;
  received: MoneyJson;
  transactionIds: string[];
  statementLineIds: string[];
}

export interface ReconcileInput {
  transactions: PortalTransaction[];
  statementLines: StatementLine[];
  cashier?: CashierRecord[];
  contracts: Contract[];
  asOf: IsoDate;
  tolerances?: Partial<Tolerances>;
  /** Extra non-working days the merchant added (e.g. for years the CN calendar does not cover). */
  extraHolidays?: IsoDate[];
  /** What the extension has seen of each day (DESIGN.md "Coverage"); absent or silent about a day → inferred from the data */
  coverage?: CoverageDay[];
}

/** One day of one merchant as seen on the portal (DESIGN.md "Coverage"; derived by lib/coverage.ts). */
export interface CoverageDay {
  merchantId?: string;
  day: IsoDate;
  /** stored rows of that merchant on that day */
  rowsSeen: number;
  /** what the portal stated: for this day, or for the query `query` that covered it */
  stated?: { count?: number; amount?: MoneyJson; source: string };
  /** the query the statement (or the walk of all its pages) was about, when more than this day */
  query?: { from: IsoDate; to: IsoDate };
  complete: boolean | 'unknown';
}

export interface ReconcileResult {
  findings: Finding[];
  /** what could not be checked (DESIGN.md "Coverage"): not findings, each with the one action that would check it */
  unchecked: Unchecked[];
  matches: Match[];
  residuals: Residual[];
  issues: Issue[];
}

/** Days whose settlement or three-way check waits on more data (DESIGN.md §3 ReconcileResult.unchecked). */
export interface Unchecked {
  reason: 'partial_capture' | 'no_statement' | 'statement_ended' | 'no_contract' | string;
  days: IsoDate[];
  merchantId?: string;
  hint: { key: string; params: Record<string, string> };
}

export interface StatementAccount {
  accountId?: string;
  currency?: string;
  openingBalance?: MoneyJson;
  closingBalance?: MoneyJson;
  period?: { from: IsoDate; to: IsoDate };
}

export interface StatementParseResult {
  format: string;
  encoding: string;
  accounts: StatementAccount[];
  kind: 'bank' | 'acquirer' | 'cashier';
  lines: StatementLine[];
  transactions?: PortalTransaction[];
  cashier?: CashierRecord[];
  /** Present when the file is SettleGuard JSON (contracts, backups). */
  contracts?: Contract[];
  /** A SettleGuard backup: its validated records per store, restored together (lib/services/backup.ts) */
  backup?: Record<string, { id: string }[]>;
  /** What restoring that backup writes, for the preview: records per store, the schema it came from */
  restore?: BackupSummary;
  /**
   * How dates like 03/04/2024 (day and month both ≤ 12) were read, present when the file has
   * such dates: the order and what decided it. `order: null` when nothing in the file did — the
   * import preview then asks the merchant and parses again with `dateOrder` set.
   */
  dateOrder?: DateOrderDecision;
  issues: Issue[];
}

export interface BackupSummary {
  /** the database schema (lib/db.ts version) the backup was exported from; 0 for files exported before backups said */
  schema: number;
  /** records per store, in the backup's store order */
  counts: Record<string, number>;
  /** the backup holds settings: restoring replaces the merchant's current ones */
  replacesSettings: boolean;
}

export type DateOrder = 'dmy' | 'mdy';

export interface DateOrderDecision {
  order: DateOrder | null;
  /** dates: a day above 12; dotted: DD.MM.YYYY; language: the headers' language; decimal_comma;
   *  currency: US English headers with $; row_order: only one order puts the rows in date order;
   *  span: lines days rather than months apart; format: the file format's convention (QIF: month
   *  first); merchant: the caller's dateOrder; none */
  decidedBy: 'dates' | 'dotted' | 'language' | 'decimal_comma' | 'currency' | 'row_order' | 'span' | 'format' | 'merchant' | 'none';
  /** what was seen, for the preview ("headers in Spanish: Fecha, Bruto") */
  detail: string;
  /** a date of the file that the two orders read differently, as written ("03/04/2024") */
  example?: string;
}

export interface CapturedColumn {
  header: string;
  field: string | null;
  /** where the column's meaning came from: its header, its values, or the merchant (Teach columns); absent when unplaced */
  source?: 'header' | 'values' | 'taught';
  /** how sure the reading is, 0..1 (1 for a known header or a taught column) */
  confidence?: number;
  /** for a column placed from its values: the evidence, an i18n key ('infer.…') with its params */
  reason?: { key: string; params: Record<string, string> };
  /** what the column is read as when that is no PortalTransaction field: 'currency', 'direction' */
  readAs?: string;
}

export interface CapturedRow {
  element: Element;
  transaction: PortalTransaction | null;
  issues: Issue[];
}

export interface CapturedTable {
  adapter: string;
  columns: CapturedColumn[];
  rows: CapturedRow[];
}

export type FindingStatus = 'open' | 'dismissed' | 'disputed' | 'resolved';

export interface StoredFinding extends Finding {
  status: FindingStatus;
  statusBy?: string;
  statusAt?: string;
  firstSeenAt: string;
  /** what the dashboard and popup show of its evidence, written with it (lib/store-summary.ts) */
  facts?: FindingFacts;
}

/** A finding's first row as the dashboard lists it, and the sites its rows were captured on. */
export interface FindingFacts {
  date?: IsoDate;
  rrn?: string;
  terminalId?: string;
  amount?: MoneyJson;
  /** origins of the pages its rows were captured on (none for bank-only findings) */
  sites: string[];
}
