// Settlement groups and bank credits (DOMAIN.md §3.2, D7/D8).
//
// A group is what one settlement pays: the transactions of one merchant, currency and cycle
// with the same expected value date (or the same payoutId for processors that name payouts).
// Grouping by value date rather than by transaction date is what puts Friday, Saturday and
// Sunday (T+1 → Monday) into the one Monday credit. Expected net per row: the portal's `net`
// where shown, else amount − fee − extra fees; a void or reversal cancels its sale entirely
// (nothing clears), a refund settles as shown.
//
// Matching runs from strong to weak across all groups: the exact amount on the expected value
// date, then on the next working day, then 2–3 lines adding up to it, then a late exact credit
// within the grace period; only then the closest credit on the value date (short or over).
import { addDays } from '../dates';
import { Dec, ZERO, fromHundredths, hundredths } from '../money';
import { amountOf, dec } from './amounts';
import type { Contract, IsoDate, Issue, PortalTransaction, SettleCycle, StatementLine, Tolerances } from '../model';
import type { BusinessCalendar, CalendarId } from '../calendar';
import { txnDate } from './fee-schedule';
import { SETTLEMENT_CREDIT, lineText } from './labels';

export interface SettlementGroup {
  key: string;
  merchantId?: string;
  currency: string;
  cycle: SettleCycle;
  calendar: CalendarId;
  /** earliest transaction date in the group */
  firstDate: IsoDate;
  /** the portal's settleDate when every row shows the same one */
  settleDate?: IsoDate;
  expectedValueDate: IsoDate;
  payoutId?: string;
  transactions: PortalTransaction[];
  expected: Dec;
  sales: Dec;
  reversals: Dec;
  fees: Dec;
  /** false when some row had neither fee nor net and no contract to estimate it */
  complete: boolean;
  /** rows whose fee came from the contract because the portal showed neither fee nor net */
  estimatedFeeIds: string[];
  graceUntil: IsoDate;
  /** natural days searched after the value date before "late" (up to the next working day) */
  nearDates: IsoDate[];
}

export type OutcomeStatus = 'matched' | 'short' | 'over' | 'missing' | 'pending' | 'not_covered' | 'nothing_due' | 'incomplete';

export interface GroupOutcome {
  group: SettlementGroup;
  status: OutcomeStatus;
  lines: StatementLine[];
  received: Dec;
  /** expected − received (positive = short) */
  shortBy: Dec;
  basis?: 'settlement-group:amount' | 'settlement-group:date';
  confidence?: number;
  /** bank date of the matched line(s) */
  valueDate?: IsoDate;
}

export interface SettlementAnalysis {
  groups: SettlementGroup[];
  outcomes: GroupOutcome[];
  byTxn: Map<string, GroupOutcome>;
  issues: Issue[];
  coveredThrough(currency: string): IsoDate | undefined;
  isCovered(date: IsoDate, currency: string): boolean;
}

export interface SettlementOptions {
  contractFor(t: PortalTransaction): Contract | undefined;
  expectedFeeFor(t: PortalTransaction): Dec | undefined;
  calendar(id: CalendarId): BusinessCalendar;
  tolerances: Tolerances;
  asOf: IsoDate;
  /** the caller's makeOriginalIndex() over the same rows, so it is built once */
  originalOf?: (t: PortalTransaction) => PortalTransaction | undefined;
}

const SETTLING_KINDS = new Set<PortalTransaction['kind']>(['sale', 'preauth_completion', 'refund', 'fee', 'adjustment', 'chargeback']);
const CANCELLING_KINDS = new Set<PortalTransaction['kind']>(['void', 'reversal', 'preauth_completion_void']);

export function isCancelling(t: PortalTransaction): boolean {
  return CANCELLING_KINDS.has(t.kind);
}

/** Index to find the sale a void/refund/reversal points to (`originalRef` = its rrn, voucher or order no). */
export function makeOriginalIndex(txns: readonly PortalTransaction[]): (t: PortalTransaction) => PortalTransaction | undefined {
  const keysOf = (t: PortalTransaction): string[] | undefined => {
    const ref = t.originalRef?.trim().toUpperCase();
    if (!ref) return undefined;
    const keys = [ref];
    if (t.terminalId && t.batchNo) keys.push(`${t.terminalId}|${t.batchNo}|${ref}`.toUpperCase());
    if (t.terminalId) keys.push(`${t.terminalId}|${ref}`.toUpperCase());
    return keys;
  };
  // Only a few rows point at another (voids, refunds): index just the keys they ask for, so a
  // month of sales does not put five keys each into the map. A lookup for a row outside `txns`
  // whose keys were not foreseen falls back to the full index.
  const wanted = new Set<string>();
  for (const t of txns) for (const k of keysOf(t) ?? []) wanted.add(k);
  const build = (keep: (key: string) => boolean) => {
    const byRef = new Map<string, PortalTransaction>();
    if (wanted.size === 0 && keep !== everyKey) return byRef;
    const put = (k: string | undefined, t: PortalTransaction) => {
      if (!k) return;
      const key = k.trim().toUpperCase();
      if (key && keep(key) && !byRef.has(key)) byRef.set(key, t);
    };
    for (const t of txns) {
      if (t.kind !== 'sale' && t.kind !== 'preauth_completion') continue;
      put(t.rrn, t);
      put(t.orderNo, t);
      if (t.terminalId && t.batchNo && t.voucherNo) put(`${t.terminalId}|${t.batchNo}|${t.voucherNo}`, t);
      put(t.voucherNo && t.terminalId ? `${t.terminalId}|${t.voucherNo}` : undefined, t);
      put(t.id, t);
    }
    return byRef;
  };
  const everyKey = () => true;
  const partial = build((k) => wanted.has(k));
  let full: Map<string, PortalTransaction> | undefined;
  return (t) => {
    const keys = keysOf(t);
    if (!keys) return undefined;
    const byRef = keys.every((k) => wanted.has(k)) ? partial : (full ??= build(everyKey));
    for (const k of keys) {
      const hit = byRef.get(k);
      if (hit) return hit;
    }
    return undefined;
  };
}

/** Expected settlement of one row as the portal states it: net, else amount − fee − extra fees. */
export function statedNet(t: PortalTransaction): Dec | undefined {
  if (t.net && t.net.currency === t.amount.currency) return amountOf(t.net);
  const amount = amountOf(t.amount);
  let extras = ZERO;
  for (const f of t.extraFees ?? []) if (f.amount.currency === t.amount.currency) extras = extras.plus(amountOf(f.amount));
  if (t.fee && t.fee.currency === t.amount.currency) return amount.minus(amountOf(t.fee)).minus(extras);
  // rows that carry no fee by nature
  if (t.kind === 'fee' || t.kind === 'adjustment' || t.kind === 'chargeback' || t.kind === 'refund') return amount.minus(extras);
  return undefined;
}

/** The gross a row moves: 0 for a cancelled sale, minus the sale's amount for the void of a settled sale. */
function grossOf(t: PortalTransaction, originalOf: (t: PortalTransaction) => PortalTransaction | undefined): Dec {
  if ((t.kind === 'sale' || t.kind === 'preauth_completion') && t.status !== 'success') return ZERO;
  if (isCancelling(t)) {
    const orig = originalOf(t);
    if (orig) return orig.status === 'success' ? amountOf(orig.amount).neg() : ZERO;
  }
  return amountOf(t.amount);
}

/** Longest amount string the fast path takes: sums stay far inside Decimal's 40 digits, so both paths agree exactly. */
const FAST_MAX_LENGTH = 20;

/**
 * contributionOf(t).value and grossOf(t) of buildSettlementGroups in BigInt hundredths, for the
 * common rows only: a void/reversal-free row that is a cancelled sale (0, 0) or states a net in
 * its own currency, with amounts of at most two decimals. undefined for anything else (the
 * Decimal path decides, and throws where it throws).
 */
function fastParts(t: PortalTransaction): { value: bigint; gross: bigint } | undefined {
  if (isCancelling(t)) return undefined;
  const saleLike = t.kind === 'sale' || t.kind === 'preauth_completion';
  if (saleLike && (t.status === 'voided' || t.status === 'reversed')) return ZERO_PARTS;
  if (!t.net || t.net.currency !== t.amount.currency || t.net.amount.length > FAST_MAX_LENGTH) return undefined;
  const value = hundredths(t.net.amount);
  if (value === undefined) return undefined;
  if (t.kind === 'fee' || t.kind === 'adjustment') return { value, gross: 0n }; // gross not used
  if (saleLike && t.status !== 'success') return { value, gross: 0n };
  if (t.amount.amount.length > FAST_MAX_LENGTH) return undefined;
  const gross = hundredths(t.amount.amount);
  return gross === undefined ? undefined : { value, gross };
}
const ZERO_PARTS = { value: 0n, gross: 0n };
/** fromHundredths, sharing ZERO for the many zero totals (reversals of a day without refunds) */
const decOfHundredths = (v: bigint): Dec => (v === 0n ? ZERO : fromHundredths(v));

/** addDays() remembered per run: groups ask for the same few hundred dates over and over. */
function memoAddDays(): (date: IsoDate, days: number) => IsoDate {
  const memo = new Map<string, IsoDate>();
  return (date, days) => {
    const k = `${date}|${days}`;
    let d = memo.get(k);
    if (d === undefined) memo.set(k, (d = addDays(date, days)));
    return d;
  };
}

function rollValueDate(base: IsoDate, cycle: SettleCycle, cal: BusinessCalendar, addDays: (date: IsoDate, days: number) => IsoDate): IsoDate {
  switch (cycle) {
    case 'T1': return cal.nextWorkingDay(base);
    case 'D1': return addDays(base, 1);
    default: return base; // D0 / T0: same day
  }
}

export function buildSettlementGroups(txns: readonly PortalTransaction[], opts: SettlementOptions): { groups: SettlementGroup[]; issues: Issue[] } {
  const originalOf = opts.originalOf ?? makeOriginalIndex(txns);
  const addDays = memoAddDays();
  const groups = new Map<string, SettlementGroup>();
  const issues: Issue[] = [];
  const currenciesBySlot = new Map<string, Set<string>>();
  const payoutDates = new Map<string, IsoDate>();
  for (const t of txns) if (t.kind === 'payout' && t.payoutId) {
    const d = t.settleDate ?? txnDate(t);
    const prev = payoutDates.get(t.payoutId);
    if (!prev || d > prev) payoutDates.set(t.payoutId, d);
  }

  const contributionOf = (t: PortalTransaction): { value: Dec; estimated: boolean } | undefined => {
    if (isCancelling(t)) {
      const orig = originalOf(t);
      if (orig) {
        if (orig.status !== 'success') return { value: ZERO, estimated: false };
        const o = contributionOf(orig);
        return o ? { value: o.value.neg(), estimated: o.estimated } : undefined;
      }
      const n = statedNet(t);
      return n === undefined ? { value: amountOf(t.amount), estimated: true } : { value: n, estimated: false };
    }
    if ((t.kind === 'sale' || t.kind === 'preauth_completion') && (t.status === 'voided' || t.status === 'reversed')) return { value: ZERO, estimated: false };
    const n = statedNet(t);
    if (n !== undefined) return { value: n, estimated: false };
    const fee = opts.expectedFeeFor(t);
    if (fee === undefined) return undefined;
    return { value: amountOf(t.amount).minus(fee), estimated: true };
  };

  // per group, its totals in BigInt hundredths while every row so far took the exact fast path
  // (fastParts); a row that needs Decimal moves them into the group's Decimals for good
  const exact = new Map<SettlementGroup, { expected: bigint; sales: bigint; reversals: bigint }>();
  for (const t of txns) {
    const settles = (SETTLING_KINDS.has(t.kind) && (t.status === 'success' || ((t.kind === 'sale' || t.kind === 'preauth_completion') && (t.status === 'voided' || t.status === 'reversed'))))
      || (CANCELLING_KINDS.has(t.kind) && t.status === 'success');
    if (!settles) continue;
    const contract = opts.contractFor(t);
    const currency = t.amount.currency;
    const cycle: SettleCycle = t.settleCycle ?? contract?.settleCycle ?? 'T1';
    const calendarId: CalendarId = contract?.calendar ?? (currency === 'CNY' ? 'CN' : 'weekdays');
    const cal = opts.calendar(calendarId);
    const date = txnDate(t);
    let key: string;
    let valueDate: IsoDate;
    if (t.payoutId) {
      key = `payout|${t.payoutId}|${currency}`;
      valueDate = payoutDates.get(t.payoutId) ?? t.settleDate ?? rollValueDate(date, cycle, cal, addDays);
    } else {
      valueDate = t.settleDate && t.settleDate > date ? t.settleDate : rollValueDate(t.settleDate ?? date, cycle, cal, addDays);
      key = `${t.merchantId ?? ''}|${currency}|${cycle}|${valueDate}`;
      const slot = `${t.merchantId ?? ''}|${cycle}|${valueDate}`;
      const cur = currenciesBySlot.get(slot) ?? new Set<string>();
      cur.add(currency);
      currenciesBySlot.set(slot, cur);
    }
    let g = groups.get(key);
    if (!g) {
      const grace = cycle === 'D0' || cycle === 'T0' ? addDays(valueDate, 1)
        : t.payoutId ? addDays(valueDate, 3)
        : cal.addWorkingDays(valueDate, opts.tolerances.settlementGraceWorkdays);
      // a payout is looked for the day either side; a batch up to the next working day
      let nearDates: IsoDate[];
      if (t.payoutId) nearDates = [addDays(valueDate, -1), addDays(valueDate, 1)];
      else {
        const next = cal.nextWorkingDay(valueDate);
        nearDates = [];
        for (let d = addDays(valueDate, 1); d <= next; d = addDays(d, 1)) nearDates.push(d);
      }
      g = {
        key, merchantId: t.merchantId, currency, cycle, calendar: calendarId, firstDate: date,
        settleDate: t.settleDate, expectedValueDate: valueDate, payoutId: t.payoutId,
        transactions: [], expected: ZERO, sales: ZERO, reversals: ZERO, fees: ZERO,
        complete: true, estimatedFeeIds: [], graceUntil: grace, nearDates,
      };
      groups.set(key, g);
      exact.set(g, { expected: 0n, sales: 0n, reversals: 0n });
    }
    g.transactions.push(t);
    if (date < g.firstDate) g.firstDate = date;
    if (g.settleDate !== t.settleDate) g.settleDate = undefined;
    const x = exact.get(g);
    if (x !== undefined) {
      const f = fastParts(t);
      if (f !== undefined) {
        x.expected += f.value;
        if (t.kind !== 'fee' && t.kind !== 'adjustment') {
          if (t.kind === 'sale' || t.kind === 'preauth_completion') x.sales += f.gross;
          else x.reversals += f.gross;
        }
        continue;
      }
      g.expected = decOfHundredths(x.expected);
      g.sales = decOfHundredths(x.sales);
      g.reversals = decOfHundredths(x.reversals);
      exact.delete(g);
    }
    const c = contributionOf(t);
    if (!c) {
      g.complete = false;
      continue;
    }
    if (c.estimated) g.estimatedFeeIds.push(t.id);
    g.expected = g.expected.plus(c.value);
    // totals for the explanation: expected = sales + voidsRefunds − fees, row by row
    // fees (below) = Σ (gross − expected) over sales and reversals − Σ expected of fee rows
    //             = sales + voidsRefunds − expected
    if (t.kind !== 'fee' && t.kind !== 'adjustment') {
      const gross = grossOf(t, originalOf);
      if (t.kind === 'sale' || t.kind === 'preauth_completion') g.sales = g.sales.plus(gross);
      else g.reversals = g.reversals.plus(gross);
    }
  }
  for (const g of groups.values()) {
    const x = exact.get(g);
    if (x === undefined) g.fees = g.sales.plus(g.reversals).minus(g.expected);
    else {
      g.expected = decOfHundredths(x.expected);
      g.sales = decOfHundredths(x.sales);
      g.reversals = decOfHundredths(x.reversals);
      g.fees = decOfHundredths(x.sales + x.reversals - x.expected);
    }
  }
  for (const [slot, cur] of currenciesBySlot) {
    if (cur.size < 2) continue;
    const [merchantId, cycle, date] = slot.split('|');
    issues.push({
      level: 'warning', code: 'mixed_currency', field: 'currency', raw: [...cur].sort().join(','),
      message: `Settlement of ${date} (${cycle}${merchantId ? `, merchant ${merchantId}` : ''}) mixes currencies ${[...cur].sort().join(', ')}: each currency is reconciled on its own. 同一结算批次含多种币种，已按币种分别核对。`,
    });
  }
  const list = [...groups.values()];
  for (const g of list) g.transactions.sort(byTime);
  list.sort((a, b) => cmp(a.expectedValueDate, b.expectedValueDate) || b.expected.comparedTo(a.expected) || cmp(a.key, b.key));
  return { groups: list, issues };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
function byTime(a: PortalTransaction, b: PortalTransaction): number {
  return cmp(a.occurredAt, b.occurredAt) || cmp(a.id, b.id);
}

interface Credit {
  line: StatementLine;
  amount: Dec;
  date: IsoDate;
  settlementLike: boolean;
  /** taken by a group's settlement */
  claimed: boolean;
}

/** Up to this many candidate credits per search take part in 2–3 line combinations. */
const MAX_COMBO_CANDIDATES = 24;

export function analyseSettlements(txns: readonly PortalTransaction[], lines: readonly StatementLine[], opts: SettlementOptions): SettlementAnalysis {
  const { groups, issues } = buildSettlementGroups(txns, opts);
  const tol = dec(opts.tolerances.settlement);

  // statement coverage per currency: union of each account's first..last booking date
  const ranges = new Map<string, { from: IsoDate; to: IsoDate }[]>();
  const byAccount = new Map<string, { from: IsoDate; to: IsoDate; currency: string }>();
  for (const l of lines) {
    const k = `${l.accountId ?? ''}|${l.amount.currency}`;
    const r = byAccount.get(k);
    const d = l.bookedOn;
    if (!r) byAccount.set(k, { from: d, to: d, currency: l.amount.currency });
    else {
      if (d < r.from) r.from = d;
      if (d > r.to) r.to = d;
    }
  }
  for (const r of byAccount.values()) {
    const l = ranges.get(r.currency) ?? [];
    l.push({ from: r.from, to: r.to });
    ranges.set(r.currency, l);
  }
  const isCovered = (date: IsoDate, currency: string) => (ranges.get(currency) ?? []).some((r) => r.from <= date && date <= r.to);
  const coveredThrough = (currency: string) => (ranges.get(currency) ?? []).reduce<IsoDate | undefined>((m, r) => (!m || r.to > m ? r.to : m), undefined);

  // credits by date (booking date and value date both count), each bucket also sorted by amount
  // so a group finds its candidates by binary search instead of scanning every credit of the
  // day: with many stores or per-order payouts a day holds thousands of credits
  const creditsByDate = new Map<string, CreditBucket>();
  for (const l of lines) {
    const amount = amountOf(l.amount);
    if (!amount.greaterThan(ZERO)) continue;
    const c: Credit = { line: l, amount, date: l.bookedOn, settlementLike: SETTLEMENT_CREDIT.test(lineText(l)), claimed: false };
    const dates = l.valueOn && l.valueOn !== l.bookedOn ? [l.bookedOn, l.valueOn] : [l.bookedOn];
    for (const d of dates) {
      const k = `${d}|${l.amount.currency}`;
      const b = creditsByDate.get(k);
      if (b) b.byAmount.push(c);
      else creditsByDate.set(k, { byAmount: [c], settlementByAmount: [] });
    }
  }
  const memoCurrencies = new Set<string>();
  for (const b of creditsByDate.values()) {
    b.byAmount.sort(byAmountThenId);
    b.settlementByAmount = b.byAmount.filter((c) => c.settlementLike);
    for (const c of b.settlementByAmount) memoCurrencies.add(c.line.amount.currency);
  }
  const bucketsOn = (dates: readonly IsoDate[], currency: string): CreditBucket[] => dates.map((d) => creditsByDate.get(`${d}|${currency}`) ?? EMPTY_BUCKET);
  /** drop claimed credits from the sorted buckets (after the exact passes claimed most of them) */
  const compact = () => {
    for (const b of creditsByDate.values()) {
      b.byAmount = b.byAmount.filter((c) => !c.claimed);
      b.settlementByAmount = b.settlementByAmount.filter((c) => !c.claimed);
    }
  };

  const outcomes = new Map<string, GroupOutcome>();
  const settle = (g: SettlementGroup, chosen: Credit[], basis: GroupOutcome['basis'], confidence: number) => {
    for (const c of chosen) c.claimed = true;
    const received = chosen.reduce((s, c) => s.plus(c.amount), ZERO);
    const shortBy = g.expected.minus(received);
    const status: OutcomeStatus = shortBy.abs().lessThanOrEqualTo(tol) ? 'matched' : shortBy.greaterThan(ZERO) ? 'short' : 'over';
    const dates = chosen.map((c) => c.date).sort();
    outcomes.set(g.key, {
      group: g, status, lines: chosen.map((c) => c.line).sort((a, b) => cmp(a.id, b.id)), received, shortBy,
      basis, confidence, valueDate: dates[dates.length - 1],
    });
  };

  const addDays = memoAddDays();
  // groups still without an outcome; each pass only narrows it
  let openGroups: SettlementGroup[] = [];
  const open = () => (openGroups = openGroups.filter((g) => !outcomes.has(g.key)));
  for (const g of groups) {
    if (!g.complete) outcomes.set(g.key, { group: g, status: 'incomplete', lines: [], received: ZERO, shortBy: ZERO });
    else if (!g.expected.greaterThan(tol)) outcomes.set(g.key, { group: g, status: 'nothing_due', lines: [], received: ZERO, shortBy: ZERO });
  }
  openGroups = groups;
  const pickSingle = (g: SettlementGroup, dates: IsoDate[]): Credit | undefined => {
    const hits = creditsWithin(bucketsOn(dates, g.currency), g.expected.minus(tol), g.expected.plus(tol));
    hits.sort((a, b) => Number(b.settlementLike) - Number(a.settlementLike) || cmp(a.date, b.date) || cmp(a.line.id, b.line.id));
    return hits[0];
  };
  // 1–2: one credit of the exact amount on the value date, then up to the next working day
  for (const g of open()) {
    const c = pickSingle(g, [g.expectedValueDate]);
    if (c) settle(g, [c], 'settlement-group:amount', 0.95);
  }
  for (const g of open()) {
    const c = pickSingle(g, g.nearDates);
    if (c) settle(g, [c], 'settlement-group:amount', 0.9);
  }
  compact();
  // 3: two or three credits adding up to the group (acquirers that pay per day or per terminal)
  for (const g of open()) {
    const cands = comboCandidates(bucketsOn([g.expectedValueDate, ...g.nearDates], g.currency), g.expected, g.expected.plus(tol));
    const combo = findCombo(cands, g.expected, g.expected.minus(tol), g.expected.plus(tol));
    if (combo) settle(g, combo, 'settlement-group:amount', 0.8);
  }
  // 4: the exact amount arriving late but within the grace period
  for (const g of open()) {
    const late: IsoDate[] = [];
    const last = g.nearDates[g.nearDates.length - 1] ?? g.expectedValueDate;
    for (let d = addDays(last, 1); d <= g.graceUntil; d = addDays(d, 1)) late.push(d);
    const c = pickSingle(g, late);
    if (c) settle(g, [c], 'settlement-group:amount', 0.7);
  }
  // 5: the closest credit(s) on the value date / next working day: a short or over settlement
  for (const g of open()) {
    // where the bank writes settlement memos at all, a credit without one is not a settlement
    const settlementOnly = memoCurrencies.has(g.currency);
    const slack = Dec.max(g.expected.times(0.5), SLACK_FLOOR);
    const lo = g.expected.minus(slack);
    const hi = g.expected.plus(slack);
    const best = findClosest(bucketsOn([g.expectedValueDate, ...g.nearDates], g.currency), settlementOnly, g.expected, lo, hi);
    if (best) settle(g, best, 'settlement-group:date', 0.6);
  }
  // nothing found: missing once statements cover the grace period, else still pending
  for (const g of open()) {
    const covered = isCovered(g.expectedValueDate, g.currency) && isCovered(g.graceUntil, g.currency);
    let status: OutcomeStatus;
    if (covered && opts.asOf >= g.graceUntil) status = 'missing';
    else if (!isCovered(g.expectedValueDate, g.currency) && !isCovered(g.graceUntil, g.currency)) status = 'not_covered';
    else status = 'pending';
    outcomes.set(g.key, { group: g, status, lines: [], received: ZERO, shortBy: g.expected });
  }
  const list = groups.map((g) => outcomes.get(g.key)!);
  const byTxn = new Map<string, GroupOutcome>();
  for (const o of list) for (const t of o.group.transactions) byTxn.set(t.id, o);
  return { groups, outcomes: list, byTxn, issues, coveredThrough, isCovered };
}

/** The first (in a fixed order) set of 2–3 credits whose sum lies in [lo, hi] (target ± tolerance). */
function findCombo(cands: Credit[], target: Dec, lo: Dec, hi: Dec): Credit[] | undefined {
  const n = cands.length;
  const ok = (sum: Dec) => sum.greaterThanOrEqualTo(lo) && sum.lessThanOrEqualTo(hi);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
    const s2 = cands[i]!.amount.plus(cands[j]!.amount);
    if (ok(s2)) return [cands[i]!, cands[j]!];
  }
  const ceiling = target.times(1.5);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
    const s2 = cands[i]!.amount.plus(cands[j]!.amount);
    if (s2.greaterThan(ceiling)) continue;
    for (let k = j + 1; k < n; k++) if (ok(s2.plus(cands[k]!.amount))) return [cands[i]!, cands[j]!, cands[k]!];
  }
  return undefined;
}

/**
 * The single credit closest to `target` within [lo, hi] (ties: settlement-like memo, then the
 * first in date-list and id order). Pairs are not tried here: two unrelated credits can add up
 * to anything. Per bucket the nearest unclaimed credits below and above `target` are found by
 * binary search; only credits at the smallest distance can win.
 */
function findClosest(buckets: CreditBucket[], settlementOnly: boolean, target: Dec, lo: Dec, hi: Dec): Credit[] | undefined {
  let bestDist: Dec | undefined;
  let tied: { c: Credit; bucket: number }[] = [];
  const consider = (c: Credit, bucket: number) => {
    const dist = c.amount.minus(target).abs();
    const order = bestDist === undefined ? -1 : dist.comparedTo(bestDist);
    if (order < 0) {
      bestDist = dist;
      tied = [{ c, bucket }];
    } else if (order === 0) tied.push({ c, bucket });
  };
  buckets.forEach((b, i) => {
    const arr = settlementOnly ? b.settlementByAmount : b.byAmount;
    const at = upperBound(arr, target); // arr[at - 1] ≤ target < arr[at]
    // nearest at or below target, with every credit of that same amount
    let j = at - 1;
    while (j >= 0 && arr[j]!.claimed) j--;
    if (j >= 0 && arr[j]!.amount.greaterThanOrEqualTo(lo)) {
      const a = arr[j]!.amount;
      for (; j >= 0 && arr[j]!.amount.equals(a); j--) if (!arr[j]!.claimed) consider(arr[j]!, i);
    }
    let k = at;
    while (k < arr.length && arr[k]!.claimed) k++;
    if (k < arr.length && arr[k]!.amount.lessThanOrEqualTo(hi)) {
      const a = arr[k]!.amount;
      for (; k < arr.length && arr[k]!.amount.equals(a); k++) if (!arr[k]!.claimed) consider(arr[k]!, i);
    }
  });
  if (tied.length === 0) return undefined;
  // the order a scan of the buckets in date-list order, each by line id, would meet them
  const ordered = inListOrder(tied);
  let best = ordered[0]!;
  for (const c of ordered) if (c.settlementLike && !best.settlementLike) best = c;
  return [best];
}

interface CreditBucket {
  /** unclaimed-or-claimed credits of one date and currency, by amount then line id */
  byAmount: Credit[];
  /** the settlement-like ones among them, same order */
  settlementByAmount: Credit[];
}

const EMPTY_BUCKET: CreditBucket = { byAmount: [], settlementByAmount: [] };
const SLACK_FLOOR = new Dec(500);

function byAmountThenId(a: Credit, b: Credit): number {
  return a.amount.comparedTo(b.amount) || cmp(a.line.id, b.line.id);
}

/** First index whose amount is > `v` (arr sorted by amount). */
function upperBound(arr: readonly Credit[], v: Dec): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]!.amount.greaterThan(v)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First index whose amount is ≥ `v`. */
function lowerBound(arr: readonly Credit[], v: Dec): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]!.amount.lessThan(v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Unclaimed credits with lo ≤ amount ≤ hi on any of the buckets, each line once. */
function creditsWithin(buckets: CreditBucket[], lo: Dec, hi: Dec): Credit[] {
  const out: Credit[] = [];
  for (const b of buckets) {
    const arr = b.byAmount;
    for (let j = lowerBound(arr, lo); j < arr.length && arr[j]!.amount.lessThanOrEqualTo(hi); j++) {
      const c = arr[j]!;
      if (!c.claimed && !out.includes(c)) out.push(c);
    }
  }
  return out;
}

/** Credits met in several buckets keep their first bucket; then bucket order, then line id. */
function inListOrder(found: { c: Credit; bucket: number }[]): Credit[] {
  const first = new Map<Credit, number>();
  for (const f of found) {
    const prev = first.get(f.c);
    if (prev === undefined || f.bucket < prev) first.set(f.c, f.bucket);
  }
  return [...first].sort((a, b) => a[1] - b[1] || cmp(a[0].line.id, b[0].line.id)).map(([c]) => c);
}

/**
 * Candidates for 2–3 credit combinations: the unclaimed credits ≤ `hi` on the buckets — in
 * date-list then line-id order when there are at most MAX_COMBO_CANDIDATES of them, else the
 * MAX_COMBO_CANDIDATES closest to `target` (ties by line id). Each bucket is walked down from
 * `hi` only as far as those closest can reach: everything above `target` (within tolerance,
 * few), then MAX_COMBO_CANDIDATES below it plus any ties with the last.
 */
function comboCandidates(buckets: CreditBucket[], target: Dec, hi: Dec): Credit[] {
  const found: { c: Credit; bucket: number }[] = [];
  let complete = true;
  buckets.forEach((b, i) => {
    const arr = b.byAmount;
    let below = 0;
    let lastBelow: Dec | undefined;
    for (let j = upperBound(arr, hi) - 1; j >= 0; j--) {
      const c = arr[j]!;
      if (c.claimed) continue;
      if (!c.amount.greaterThan(target)) {
        if (below >= MAX_COMBO_CANDIDATES && !c.amount.equals(lastBelow!)) {
          complete = false;
          break;
        }
        below++;
        lastBelow = c.amount;
      }
      found.push({ c, bucket: i });
    }
  });
  const distinct = inListOrder(found);
  if (complete && distinct.length <= MAX_COMBO_CANDIDATES) return distinct;
  return distinct
    .sort((a, b) => a.amount.minus(target).abs().comparedTo(b.amount.minus(target).abs()) || cmp(a.line.id, b.line.id))
    .slice(0, MAX_COMBO_CANDIDATES);
}
