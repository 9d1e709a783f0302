// What every rule sees: the cleaned input plus shared analyses computed once, lazily
// (fee audits, settlement groups, cashier matching, duplicate clusters). Rules stay small and
// cannot disagree about the facts.
import { makeBusinessCalendar, type BusinessCalendar, type CalendarId } from '../calendar';
import { type Dec, ZERO, centsOf, decOf, isPositive } from '../money';
import type { CashierRecord, Contract, Finding, FindingKind, IsoDate, Issue, PortalTransaction, ReconcileInput, StatementLine, Tolerances } from '../model';
import { DEFAULT_TOLERANCES } from '../model';
import { auditFee, isInstantSettled, type FeeAudit } from './fee-audit';
import { quickFeeAuditAt } from './fee-cents';
import { contractGapIssue, expectedFee, pickContract, txnDate, type FeeBreakdown } from './fee-schedule';
import { dedupePortalRows, isOneSource, matchCashier, type CashierMatching, type TxnAlias } from './matching';
import type { InMemoryOrder } from './memory-order';
import { gather, timeOrder } from './order';
import { buildRowIndex, FLAG, type RowIndex } from './row-index';
import { analyseSettlements, makeOriginalLookup } from './settlement';
import { reviewSettlements, type ReviewedSettlement } from './settlement-gaps';
import { findDuplicates, type DuplicateCluster } from './duplicates';
import { buildFeeLedger, type FeeLedger } from './periodic';
import { normaliseId } from './keys';
import type { ScreenedTimeKeys } from './screen';

export interface Rule {
  kind: FindingKind;
  run(ctx: RuleContext): Finding[];
}

export interface RuleContext {
  readonly asOf: IsoDate;
  readonly tolerances: Tolerances;
  readonly tolFee: Dec;
  readonly tolSettlement: Dec;
  /** portal rows after collapsing the same transaction seen by two sources; sorted by time, id */
  readonly transactions: readonly PortalTransaction[];
  readonly lines: readonly StatementLine[];
  readonly cashier: readonly CashierRecord[];
  readonly contracts: readonly Contract[];
  readonly aliases: readonly TxnAlias[];
  /**
   * `transactions` as columns (row-index.ts): cents, epoch seconds, normalised ids, kind/status/
   * card codes and flags, read once per run; rows[i] describes transactions[i]. Read these
   * instead of parsing a row's strings again.
   */
  readonly rows: RowIndex;
  txn(id: string): PortalTransaction | undefined;
  calendar(id: CalendarId): BusinessCalendar;
  contractFor(t: PortalTransaction): Contract | undefined;
  feeAudit(t: PortalTransaction): FeeAudit | undefined;
  /** rows whose fee audit found an excess above tolerance, in `transactions` order (the only rows the fee kinds look at) */
  feeExcessRows(): readonly PortalTransaction[];
  /**
   * What rate drift needs of feeBreakdown(transactions[index]), when the fee audit of every row
   * (feeExcessRows()) already priced it with the same options: 1 = the breakdown removes nothing
   * from the fee (no fixed, instant or surcharge part; neither capped nor raised to the min),
   * 2 = capped or raised to the min, 3 = the row settles D0/T0 (rate drift leaves it out) and its
   * audit priced it, 0 = not known (ask feeBreakdown). One byte per row, so the fee is computed
   * once per run without keeping a breakdown per row.
   */
  feeBreakdownHint(index: number): 0 | 1 | 2 | 3;
  /** expectedFee(t, contractFor(t)) with default options */
  feeBreakdown(t: PortalTransaction): FeeBreakdown | undefined;
  originalOf(t: PortalTransaction): PortalTransaction | undefined;
  /**
   * `transactions` and `cashier` as their objects lie in memory, each row with its index there
   * (−1: a row merged into its twin): for passes whose outcome does not depend on the order
   * they read rows in (see memory-order.ts).
   */
  inMemoryOrder(): { txns: InMemoryOrder<PortalTransaction>; cashier: InMemoryOrder<CashierRecord>; lines: InMemoryOrder<StatementLine> };
  /** settlement groups and their credits, reviewed as acquirers pay, with what could not be checked (settlement-gaps.ts) */
  settlement(): ReviewedSettlement;
  cashierMatching(): CashierMatching;
  /** true when the cashier export covers this date, currency and terminal (where it names terminals) */
  cashierCovers(date: IsoDate, terminalId?: string, currency?: string): boolean;
  duplicates(): DuplicateCluster[];
  feeLedger(): FeeLedger;
  /** input problems found while analysing (deduplicated by code + raw + message) */
  issue(i: Issue): void;
  issues(): Issue[];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `timeKeys`: screen.ts's time keys of the input's arrays (screenInput's, for the input it
 * returned); without them the times are read here.
 */
export function makeContext(input: ReconcileInput, timeKeys?: ScreenedTimeKeys): RuleContext {
  const tolerances: Tolerances = { ...DEFAULT_TOLERANCES, ...(input.tolerances ?? {}) };
  const txnOrder = timeOrder(input.transactions, (t) => t.occurredAt, timeKeys?.transactions);
  const sortedTxns = gather(input.transactions, txnOrder);
  // rows of one source never collapse (dedupePortalRows would walk them all to find that out)
  const { kept, aliases } = isOneSource(input.transactions) ? { kept: sortedTxns, aliases: [] } : dedupePortalRows(sortedTxns);
  const lineOrder = timeOrder(input.statementLines, (l) => l.bookedOn, timeKeys?.statementLines);
  const lines = gather(input.statementLines, lineOrder);
  const cashierInput = input.cashier ?? [];
  const cashierOrder = timeOrder(cashierInput, (c) => c.occurredAt, input.cashier ? timeKeys?.cashier : undefined);
  const cashier = gather(cashierInput, cashierOrder);
  // the rows as they lie in memory (the input arrays), each with its index in `kept` / `cashier`
  const txnAt = new Int32Array(input.transactions.length).fill(-1);
  // kept is sortedTxns less the rows merged into a twin, in the same order
  for (let j = 0, k = 0; j < sortedTxns.length && k < kept.length; j++) if (sortedTxns[j] === kept[k]) txnAt[txnOrder[j]!] = k++;
  const cashierAt = new Int32Array(cashierInput.length);
  for (let j = 0; j < cashierOrder.length; j++) cashierAt[cashierOrder[j]!] = j;
  const lineAt = new Int32Array(lineOrder.length);
  for (let j = 0; j < lineOrder.length; j++) lineAt[lineOrder[j]!] = j;
  const memory = {
    txns: { rows: input.transactions, at: txnAt },
    cashier: { rows: cashierInput, at: cashierAt },
    lines: { rows: input.statementLines, at: lineAt },
  };
  const inMemoryOrder = () => memory;
  const rows = buildRowIndex(kept, memory.txns);
  const contracts = [...input.contracts].sort((a, b) => cmp(a.effectiveFrom, b.effectiveFrom) || cmp(a.id, b.id));
  const extraHolidays = new Set(input.extraHolidays ?? []);
  const tolFee = decOf(tolerances.fee);
  const tolSettlement = decOf(tolerances.settlement);

  // built on first use: only a few rules look rows up by id
  let byId: Map<string, PortalTransaction> | undefined;
  const issueMap = new Map<string, Issue>();
  const issue = (i: Issue) => {
    const k = `${i.code}|${i.raw ?? ''}|${i.message}`;
    if (!issueMap.has(k)) issueMap.set(k, i);
  };
  const calendars = new Map<CalendarId, BusinessCalendar>();
  const calendar = (id: CalendarId) => {
    let c = calendars.get(id);
    if (!c) calendars.set(id, (c = makeBusinessCalendar(id, extraHolidays)));
    return c;
  };
  // the contract depends only on currency, merchant and date: memoised per that triple, not per
  // row, so a million rows keep a few hundred entries
  // by currency, then merchant, then date; each merchant also remembers its last date (rows come
  // in time order, so most calls ask for the date just asked), which spares the date string
  type ContractMemo = { last: string; lastContract: Contract | undefined; byDate: Map<string, Contract | undefined> };
  const contractMemo = new Map<string, Map<string, ContractMemo>>();
  const memoOf = (currency: string, merchant: string) => {
    let byMerchant = contractMemo.get(currency);
    if (!byMerchant) contractMemo.set(currency, (byMerchant = new Map()));
    let m = byMerchant.get(merchant);
    if (!m) byMerchant.set(merchant, (m = { last: '', lastContract: undefined, byDate: new Map() }));
    return m;
  };
  /** the contract of `t` on `date` (its txnDate), through m */
  const contractOn = (m: ContractMemo, date: string, t: PortalTransaction) => {
    let c: Contract | undefined;
    if (m.byDate.has(date)) c = m.byDate.get(date);
    else {
      c = pickContract(t, contracts);
      if (!c) {
        const gap = contractGapIssue(t, contracts);
        if (gap) issue(gap);
      }
      m.byDate.set(date, c);
    }
    m.last = date;
    m.lastContract = c;
    return c;
  };
  const contractFor = (t: PortalTransaction) => {
    const m = memoOf(t.amount.currency, t.merchantId ?? '');
    if (m.last.length === 10 && t.occurredAt.startsWith(m.last)) return m.lastContract;
    return contractOn(m, txnDate(t), t);
  };
  // contractFor(rows[i]) from the row index's columns: the same memo entry (a merchant id in
  // normal form is its printed id; '' and none pick alike), found by the merchant and currency
  // codes, the date compared as the day column's string; the row is read only for a new date
  const memoByCode: (ContractMemo | undefined)[] = new Array(rows.merchants.length * rows.currencies.length);
  const contractAt = (i: number) => {
    if ((rows.flags[i]! & FLAG.respelledId) !== 0) return contractFor(rows.rows[i]!);
    const code = rows.merchantCode[i]! * rows.currencies.length + rows.currency[i]!;
    let m = memoByCode[code];
    if (!m) memoByCode[code] = m = memoOf(rows.currencies[rows.currency[i]!]!, rows.merchants[rows.merchantCode[i]!]!);
    const day = rows.day[i]!;
    if (m.last === day && day.length === 10) return m.lastContract;
    return contractOn(m, day, rows.rows[i]!);
  };
  const feeBreakdown = (t: PortalTransaction) => {
    const c = contractFor(t);
    return c ? expectedFee(t, c) : undefined;
  };
  const audit = (t: PortalTransaction) => {
    const c = contractFor(t);
    return c ? auditFee(t, c, tolFee) : undefined;
  };
  // only audits with an excess are kept (a row's audit holds a dozen Decimals; at a million rows
  // keeping them all would cost hundreds of MB); any other row is re-audited on request
  const excessAudits = new Map<PortalTransaction, FeeAudit>();
  const feeAudit = (t: PortalTransaction) => excessAudits.get(t) ?? audit(t);
  let excessRowsMemo: PortalTransaction[] | undefined;
  let breakdownHints: Uint8Array | undefined;
  const feeExcessRows = () => {
    if (excessRowsMemo) return excessRowsMemo;
    const hints = new Uint8Array(kept.length);
    const tolFeeCents = centsOf(tolerances.fee);
    // every row audited once, in time order from the row index's columns (fee-cents.ts
    // quickFeeAuditAt); a row object is read only when the columns cannot decide
    const excess: PortalTransaction[] = [];
    for (let i = 0; i < kept.length; i++) {
      const c = contractAt(i);
      if (!c) continue;
      // the common row in whole cents: no Decimal when its fee is within tolerance
      const q = tolFeeCents === undefined ? undefined : quickFeeAuditAt(rows, i, c, tolFeeCents);
      if (q && !q.excess) {
        hints[i] = q.hint;
        continue;
      }
      const t = kept[i]!;
      const a = auditFee(t, c, tolFee);
      if (a) hints[i] = breakdownHint(t, a);
      if (!a?.excess.greaterThan(a.tolerance)) continue;
      excessAudits.set(t, a);
      excess.push(t);
    }
    excessRowsMemo = excess;
    breakdownHints = hints;
    return excessRowsMemo;
  };
  const originals = makeOriginalLookup(kept, memory.txns);
  const originalOf = originals.of;

  let settlementMemo: ReviewedSettlement | undefined;
  let cashierMemo: CashierMatching | undefined;
  let dupMemo: DuplicateCluster[] | undefined;
  let ledgerMemo: FeeLedger | undefined;

  // one walk over the records, in memory order (see memory-order.ts; sets do not depend on the
  // order): a date is added once per run of records on it, a currency once per run in it, and a
  // terminal id is normalised only when it differs from the one before
  const cashierDates = new Set<string>();
  const cashierTerminals = new Set<string>();
  const cashierCurrencies = new Set<string>();
  let lastDate: string | undefined;
  let lastTerminal: string | undefined;
  let lastCurrency: string | undefined;
  for (const c of cashierInput) {
    if (lastDate === undefined || lastDate.length !== 10 || !c.occurredAt.startsWith(lastDate)) cashierDates.add((lastDate = c.occurredAt.slice(0, 10)));
    if (c.amount.currency !== lastCurrency) cashierCurrencies.add((lastCurrency = c.amount.currency));
    if (c.terminalId === lastTerminal) continue;
    lastTerminal = c.terminalId;
    const term = normaliseId('terminal', c.terminalId);
    if (term) cashierTerminals.add(term);
  }
  // the first and last record's dates in time order: the smallest and largest date (a string's
  // prefix rises with it)
  let cashierFrom: string | undefined;
  let cashierTo: string | undefined;
  for (const d of cashierDates) {
    if (cashierFrom === undefined || d < cashierFrom) cashierFrom = d;
    if (cashierTo === undefined || d > cashierTo) cashierTo = d;
  }

  const ctx: RuleContext = {
    asOf: input.asOf,
    tolerances,
    tolFee,
    tolSettlement,
    transactions: kept,
    lines,
    cashier,
    contracts,
    aliases,
    rows,
    txn: (id) => (byId ??= new Map(kept.map((t) => [t.id, t]))).get(id),
    calendar,
    contractFor,
    feeAudit,
    feeExcessRows,
    feeBreakdownHint: (index) => (breakdownHints ? (breakdownHints[index] as 0 | 1 | 2 | 3) : 0),
    feeBreakdown,
    originalOf,
    inMemoryOrder,
    settlement() {
      if (!settlementMemo) {
        const analysis = analyseSettlements(kept, lines, {
          contractFor,
          contractAt,
          expectedFeeFor(t) {
            if (!contractFor(t)) return undefined;
            if (!isPositive(t.amount)) return ZERO;
            return feeBreakdown(t)?.total;
          },
          calendar,
          tolerances,
          asOf: input.asOf,
          originals,
          rows,
          txnsInTimeOrder: true,
        });
        settlementMemo = reviewSettlements(analysis, { lines, tolerance: tolSettlement, asOf: input.asOf, coverage: input.coverage });
        for (const i of settlementMemo.issues) issue(i);
      }
      return settlementMemo;
    },
    cashierMatching() {
      if (!cashierMemo) cashierMemo = matchCashier(kept, cashier, tolerances.cashierMatchSeconds, true, inMemoryOrder(), rows);
      return cashierMemo;
    },
    cashierCovers(date, terminalId, currency) {
      if (!cashierFrom || !cashierTo || date < cashierFrom || date > cashierTo) return false;
      if (currency && !cashierCurrencies.has(currency)) return false;
      // an export that names its terminals covers those terminals only (online sales have none)
      if (!terminalId && cashierTerminals.size > 0) return false;
      // a day with no cashier record inside the range may be a closed day or a missing export
      if (!cashierDates.has(date)) return false;
      if (terminalId && cashierTerminals.size > 0 && !cashierTerminals.has(normaliseId('terminal', terminalId))) return false;
      return true;
    },
    duplicates() {
      if (!dupMemo) dupMemo = findDuplicates(ctx);
      return dupMemo;
    },
    feeLedger() {
      if (!ledgerMemo) ledgerMemo = buildFeeLedger(ctx);
      return ledgerMemo;
    },
    issue,
    issues: () => [...issueMap.values()],
  };
  return ctx;
}

/**
 * feeBreakdownHint of a row from its audit. The audit priced the row with instantSettled =
 * isInstantSettled(t) || instant extra fees > 0 and fxApplied = FX extra fees > 0; when both
 * are false its breakdown is expectedFee(t, contract) with default options, field for field.
 */
function breakdownHint(t: PortalTransaction, a: FeeAudit): 0 | 1 | 2 | 3 {
  if (isInstantSettled(t)) return 3;
  if (a.instantCharged.greaterThan(ZERO) || a.fxCharged.greaterThan(ZERO)) return 0;
  const b = a.breakdown;
  if (b.capped || b.minApplied) return 2;
  return b.fixed.isZero() && b.instantFee.isZero() && b.surcharges.length === 0 ? 1 : 0;
}

export { txnDate };
