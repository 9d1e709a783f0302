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
import { Dec, MAX_EXACT_CENTS, ZERO, centsOf, fromCents } from '../money';
import { amountOf, dec } from './amounts';
import type { Contract, IsoDate, Issue, PortalTransaction, SettleCycle, StatementLine, Tolerances } from '../model';
import type { BusinessCalendar, CalendarId } from '../calendar';
import { txnDate } from './fee-schedule';
import { SETTLEMENT_CREDIT, lineText } from './labels';
import { identityOrder, type InMemoryOrder } from './memory-order';

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

/** 'unchecked': rows of the group were not all seen, or the statement ends too early (settlement-review.ts) */
export type OutcomeStatus = 'matched' | 'short' | 'over' | 'missing' | 'pending' | 'not_covered' | 'nothing_due' | 'incomplete' | 'unchecked';

export interface GroupOutcome {
  group: SettlementGroup;
  status: OutcomeStatus;
  lines: StatementLine[];
  received: Dec;
  /** expected − received (positive = short) */
  shortBy: Dec;
  /** 'settlement-group:amount' | 'settlement-group:date' here; settlement-review.ts adds its own */
  basis?: string;
  confidence?: number;
  /** bank date of the matched line(s) */
  valueDate?: IsoDate;
}

export interface SettlementAnalysis {
  groups: SettlementGroup[];
  outcomes: GroupOutcome[];
  byTxn: Map<string, GroupOutcome>;
  /**
   * byTxn restricted to `ids`: for each id in `ids` that a group holds, byTxn.get(id). Built
   * without byTxn's map over every settling row (one rule asks this for a few sales).
   */
  outcomesOf(ids: ReadonlySet<string>): Map<string, GroupOutcome>;
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
  /**
   * The caller knows the rows are in (occurredAt, id) order (reconcile()'s context sorted them):
   * each group then collects its rows in that order and does not sort them again.
   */
  txnsInTimeOrder?: boolean;
}

const SETTLING_KINDS = new Set<PortalTransaction['kind']>(['sale', 'preauth_completion', 'refund', 'fee', 'adjustment', 'chargeback']);
const CANCELLING_KINDS = new Set<PortalTransaction['kind']>(['void', 'reversal', 'preauth_completion_void']);

export function isCancelling(t: PortalTransaction): boolean {
  return CANCELLING_KINDS.has(t.kind);
}

/**
 * Index to find the sale a void/refund/reversal points to (`originalRef` = its rrn, voucher or
 * order no): for each key, the first sale in `txns` that has it. `memory` gives the rows in the
 * order they lie in memory with their index in `txns` (see InMemoryOrder): the index is built
 * reading them that way (at 100k rows 28 ms against 66-86 in time order), keeping per key the
 * sale of the smallest index, which is the first.
 */
export function makeOriginalIndex(txns: readonly PortalTransaction[], memory?: InMemoryOrder<PortalTransaction>): (t: PortalTransaction) => PortalTransaction | undefined {
  const { rows, at } = memory ?? identityOrder(txns);
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
  for (let q = 0; q < rows.length; q++) {
    if (at[q]! < 0) continue;
    const ks = keysOf(rows[q]!);
    if (ks) for (const k of ks) wanted.add(k);
  }
  // the part after the last '|' of each wanted key: a composite key of a sale (terminal|…|voucher)
  // can be wanted only if its voucher is such a tail, so most sales build no composite key
  const wantedTails = new Set<string>();
  for (const k of wanted) wantedTails.add(k.slice(k.lastIndexOf('|') + 1));
  /** key → the index in `txns` of the first sale with it */
  const build = (keep: (key: string) => boolean) => {
    const byRef = new Map<string, number>();
    if (wanted.size === 0 && keep !== everyKey) return byRef;
    const put = (k: string | undefined, i: number) => {
      if (!k) return;
      const key = isNormalKey(k) ? k : k.trim().toUpperCase();
      if (!key || !keep(key)) return;
      const prev = byRef.get(key);
      if (prev === undefined || i < prev) byRef.set(key, i);
    };
    for (let q = 0; q < rows.length; q++) {
      const i = at[q]!;
      if (i < 0) continue;
      const t = rows[q]!;
      if (t.kind !== 'sale' && t.kind !== 'preauth_completion') continue;
      put(t.rrn, i);
      put(t.orderNo, i);
      // a voucher in normal form is the tail of the normalised composite key as it is
      const composite = keep === everyKey || !t.voucherNo || !isNormalKey(t.voucherNo) || t.voucherNo.includes('|') || wantedTails.has(t.voucherNo);
      if (composite && t.terminalId && t.batchNo && t.voucherNo) put(`${t.terminalId}|${t.batchNo}|${t.voucherNo}`, i);
      if (composite) put(t.voucherNo && t.terminalId ? `${t.terminalId}|${t.voucherNo}` : undefined, i);
      put(t.id, i);
    }
    return byRef;
  };
  const everyKey = () => true;
  // most sales' keys are not wanted: a number made of a key's length and last character, looked
  // up first, turns most of them away without hashing the key (a wanted key always passes)
  const sig = (k: string) => k.length * 65_536 + k.charCodeAt(k.length - 1);
  const wantedSigs = new Set<number>();
  for (const k of wanted) wantedSigs.add(sig(k));
  const partial = build((k) => wantedSigs.has(sig(k)) && wanted.has(k));
  let full: Map<string, number> | undefined;
  return (t) => {
    const keys = keysOf(t);
    if (!keys) return undefined;
    const byRef = keys.every((k) => wanted.has(k)) ? partial : (full ??= build(everyKey));
    for (const k of keys) {
      const hit = byRef.get(k);
      if (hit !== undefined) return txns[hit];
    }
    return undefined;
  };
}

/** True when trim() and toUpperCase() leave `k` as it is: only digits, A–Z, '-', '_', '|', '.', '/' (most references and ids). */
function isNormalKey(k: string): boolean {
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 45 || c === 95 || c === 124 || c === 46 || c === 47)) return false;
  }
  return true;
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

/**
 * contributionOf(t).value and grossOf(t) of buildSettlementGroups in whole cents, for the common
 * rows: a cancelled sale (0, 0); a row that states a net in its own currency; a void or reversal
 * of a sale that was not successful (0, 0) or that states its net (minus the sale's net and
 * amount) — amounts of at most two decimals (centsOf: exact integers ≤ 2^50). Sets fastValue and
 * fastGross and returns true; false for anything else (the Decimal path decides, and throws
 * where it throws). Out-variables rather than a result object: this runs once per row.
 */
let fastValue = 0;
let fastGross = 0;
function fastParts(t: PortalTransaction, originalOf: (t: PortalTransaction) => PortalTransaction | undefined): boolean {
  const saleLike = t.kind === 'sale' || t.kind === 'preauth_completion';
  if (isCancelling(t)) {
    const orig = originalOf(t);
    if (!orig) return false;
    if (orig.status !== 'success') {
      fastValue = 0;
      fastGross = 0;
      return true;
    }
    // contributionOf(orig) negated: the original is a sale (the index holds only those); its
    // stated net, never an estimate
    if (!fastParts(orig, originalOf) || isCancelling(orig) || !orig.net || orig.net.currency !== orig.amount.currency) return false;
    const gross = centsOf(orig.amount.amount); // grossOf(t) = −|the sale's amount| as written
    if (gross === undefined) return false;
    fastValue = 0 - fastValue;
    fastGross = 0 - gross;
    return true;
  }
  if (saleLike && (t.status === 'voided' || t.status === 'reversed')) {
    fastValue = 0;
    fastGross = 0;
    return true;
  }
  if (!t.net || t.net.currency !== t.amount.currency) return false;
  const value = centsOf(t.net.amount);
  if (value === undefined) return false;
  fastValue = value;
  fastGross = 0;
  if (t.kind === 'fee' || t.kind === 'adjustment') return true; // gross not used
  if (saleLike && t.status !== 'success') return true;
  const gross = centsOf(t.amount.amount);
  if (gross === undefined) return false;
  fastGross = gross;
  return true;
}

/** addDays() remembered per run: groups ask for the same few hundred dates over and over (per offset, then per date: no key string per call). */
function memoAddDays(): (date: IsoDate, days: number) => IsoDate {
  const memo = new Map<number, Map<string, IsoDate>>();
  return (date, days) => {
    let m = memo.get(days);
    if (m === undefined) memo.set(days, (m = new Map()));
    let d = m.get(date);
    if (d === undefined) m.set(date, (d = addDays(date, days)));
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

/**
 * A settlement group as buildSettlementGroups makes it. Its totals stay in whole cents (`ec`,
 * `sc`, `rc`: expected, sales, reversals) while every row so far took the exact path and each sum
 * is a safe integer, so exact; the first row that needs Decimal turns them into Decimals for
 * good. The Decimals the SettlementGroup fields promise are made on first read: most groups
 * (a payout per order) are matched on cents and never read them.
 */
/** the rows of a group not yet given one (never written to: addRow replaces it) */
const NO_ROWS: PortalTransaction[] = [];
const SMALL_GROUP = 8;

class Group implements SettlementGroup {
  /**
   * Grown by addRow: up to SMALL_GROUP rows as an exact-size copy per row (a push onto an
   * array of one gives it room for 17 — most per-order payout groups hold one or two rows, and
   * a million rows make ~600k of them), then by push.
   */
  transactions: PortalTransaction[] = NO_ROWS;
  /** made on the first estimated row (most groups have none: no empty array per group) */
  private estimated: string[] | undefined;
  complete = true;
  inCents = true;
  ec = 0;
  sc = 0;
  rc = 0;
  /** the totals as Decimals, made when first asked or when a row leaves cents (most groups never) */
  private dec: { e: Dec; s: Dec; r: Dec; f: Dec } | undefined;
  /** the group's outcome, once analyseSettlements has one */
  outcome: GroupOutcome | undefined;
  /** expected in whole cents for an analysis on cents (set by analyseSettlements) */
  ac = 0;
  /** the key of a batch group; a payout group's is written when asked (a string per payout otherwise) */
  private batchKey: string | undefined;

  constructor(
    batchKey: string | undefined,
    readonly merchantId: string | undefined,
    readonly currency: string,
    readonly cycle: SettleCycle,
    readonly calendar: CalendarId,
    public firstDate: IsoDate,
    public settleDate: IsoDate | undefined,
    readonly expectedValueDate: IsoDate,
    readonly payoutId: string | undefined,
    readonly graceUntil: IsoDate,
    readonly nearDates: IsoDate[],
  ) {
    this.batchKey = batchKey;
  }

  get key(): string {
    return this.batchKey ?? `payout|${this.payoutId}|${this.currency}`;
  }

  addRow(t: PortalTransaction): void {
    const rows = this.transactions;
    const n = rows.length;
    if (n === 0) this.transactions = [t];
    else if (n === 1) this.transactions = [rows[0]!, t];
    else if (n < SMALL_GROUP) this.transactions = rows.concat([t]);
    else rows.push(t);
  }

  get estimatedFeeIds(): string[] {
    return this.estimated ?? NO_IDS;
  }
  addEstimated(id: string): void {
    (this.estimated ??= []).push(id);
  }

  /** the Decimal totals; on cents, each made from its cents once (cents never change after building) */
  private decimals(): { e: Dec; s: Dec; r: Dec; f: Dec } {
    return (this.dec ??= { e: ZERO, s: ZERO, r: ZERO, f: ZERO });
  }
  get expected(): Dec {
    const d = this.decimals();
    if (this.inCents) d.e = centsToDec(this.ec, d.e);
    return d.e;
  }
  get sales(): Dec {
    const d = this.decimals();
    if (this.inCents) d.s = centsToDec(this.sc, d.s);
    return d.s;
  }
  get reversals(): Dec {
    const d = this.decimals();
    if (this.inCents) d.r = centsToDec(this.rc, d.r);
    return d.r;
  }
  get fees(): Dec {
    const d = this.decimals();
    if (this.inCents) d.f = centsToDec(this.sc + this.rc - this.ec, d.f);
    return d.f;
  }

  /** adds one fast row; false (nothing added) when a sum would leave the exact range */
  addCents(value: number, gross: number, kind: PortalTransaction['kind']): boolean {
    const ec = this.ec + value;
    let sc = this.sc;
    let rc = this.rc;
    if (kind !== 'fee' && kind !== 'adjustment') {
      if (kind === 'sale' || kind === 'preauth_completion') sc += gross;
      else rc += gross;
    }
    if (!(Math.abs(ec) <= MAX_EXACT_CENTS && Math.abs(sc) <= MAX_EXACT_CENTS && Math.abs(rc) <= MAX_EXACT_CENTS)) return false;
    this.ec = ec;
    this.sc = sc;
    this.rc = rc;
    return true;
  }

  /** the totals so far become Decimals; later rows add to those (each sum is at most 2^50, fees at most 3 × 2^50: exact) */
  toDecimal(): void {
    if (!this.inCents) return;
    this.dec = { e: fromCents(this.ec), s: fromCents(this.sc), r: fromCents(this.rc), f: fromCents(this.sc + this.rc - this.ec) };
    this.inCents = false;
  }

  addDecimal(value: Dec, gross: Dec | undefined, kind: PortalTransaction['kind']): void {
    const d = this.decimals();
    d.e = d.e.plus(value);
    if (gross === undefined) return;
    if (kind === 'sale' || kind === 'preauth_completion') d.s = d.s.plus(gross);
    else d.r = d.r.plus(gross);
  }

  finish(): void {
    if (!this.inCents) {
      const d = this.decimals();
      d.f = d.s.plus(d.r).minus(d.e);
    }
  }
}

/** A Decimal as whole cents when it is one of at most 2^50 (exact), else undefined. */
function decimalCents(d: Dec): number | undefined {
  if (d.decimalPlaces() > 2 || d.abs().greaterThan(MAX_EXACT_CENTS_DEC)) return undefined;
  return Number(d.times(100).toFixed(0));
}
const MAX_EXACT_CENTS_DEC = new Dec(MAX_EXACT_CENTS).dividedBy(100);

/** the lines of an outcome without any (frozen: read only) */
const NO_LINES: StatementLine[] = Object.freeze([]) as unknown as StatementLine[];

/** the estimatedFeeIds of a group without estimated rows (frozen: read only) */
const NO_IDS: string[] = Object.freeze([]) as unknown as string[];

/** the Decimal of `cents`, reusing `prev` when it already is that value (cents never change after building) */
function centsToDec(cents: number, prev: Dec): Dec {
  return prev !== ZERO || cents === 0 ? prev : fromCents(cents);
}

/** Switch for tests: false sums groups and runs every settlement pass on Decimals (the reference the cents path must equal). */
let centsPathEnabled = true;

export function buildSettlementGroups(txns: readonly PortalTransaction[], opts: SettlementOptions): { groups: SettlementGroup[]; issues: Issue[] } {
  return buildGroups(txns, opts);
}

function buildGroups(txns: readonly PortalTransaction[], opts: SettlementOptions): { groups: Group[]; issues: Issue[] } {
  const originalOf = opts.originalOf ?? makeOriginalIndex(txns);
  const addDays = memoAddDays();
  const groups = new Map<string, Group>();
  const payoutList: Group[] = [];
  const payoutGroups = new Map<string, Map<string, Group>>();
  const issues: Issue[] = [];
  const currenciesBySlot = new Map<string, Set<string>>();
  const payoutDates = new Map<string, IsoDate>();
  const payoutNearDates = new Map<IsoDate, IsoDate[]>();
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
    // a payout's rows find their group by currency and payout id (no key string per row); the
    // key is written once, when the group is made
    let byPayout: Map<string, Group> | undefined;
    let g: Group | undefined;
    if (t.payoutId) {
      byPayout = payoutGroups.get(currency);
      if (!byPayout) payoutGroups.set(currency, (byPayout = new Map()));
      g = byPayout.get(t.payoutId);
    }
    if (!g) {
      let key: string | undefined;
      let valueDate: IsoDate;
      if (t.payoutId) {
        valueDate = payoutDates.get(t.payoutId) ?? t.settleDate ?? rollValueDate(date, cycle, cal, addDays);
      } else {
        valueDate = t.settleDate && t.settleDate > date ? t.settleDate : rollValueDate(t.settleDate ?? date, cycle, cal, addDays);
        key = `${t.merchantId ?? ''}|${currency}|${cycle}|${valueDate}`;
      }
      // a payout's group is only ever found through byPayout (a miss there is a miss here)
      g = key === undefined ? undefined : groups.get(key);
      if (!g) {
        const grace = cycle === 'D0' || cycle === 'T0' ? addDays(valueDate, 1)
          : t.payoutId ? addDays(valueDate, 3)
          : cal.addWorkingDays(valueDate, opts.tolerances.settlementGraceWorkdays);
        // a payout is looked for the day either side; a batch up to the next working day
        let nearDates: IsoDate[];
        if (t.payoutId) {
          // one array per value date, shared by its payouts' groups (read only)
          let near = payoutNearDates.get(valueDate);
          if (!near) payoutNearDates.set(valueDate, (near = [addDays(valueDate, -1), addDays(valueDate, 1)]));
          nearDates = near;
        } else {
          const next = cal.nextWorkingDay(valueDate);
          nearDates = [];
          for (let d = addDays(valueDate, 1); d <= next; d = addDays(d, 1)) nearDates.push(d);
          // every row of a slot's currency is in this currency's group: noting it once per group is the same set
          const slot = `${t.merchantId ?? ''}|${cycle}|${valueDate}`;
          const cur = currenciesBySlot.get(slot);
          if (cur) cur.add(currency);
          else currenciesBySlot.set(slot, new Set([currency]));
        }
        g = new Group(key, t.merchantId, currency, cycle, calendarId, date, t.settleDate, valueDate, t.payoutId, grace, nearDates);
        if (key === undefined) payoutList.push(g);
        else groups.set(key, g);
      }
      if (byPayout) byPayout.set(t.payoutId!, g);
    }
    g.addRow(t);
    if (date < g.firstDate) g.firstDate = date;
    if (g.settleDate !== t.settleDate) g.settleDate = undefined;
    if (g.inCents) {
      if (centsPathEnabled && fastParts(t, originalOf) && g.addCents(fastValue, fastGross, t.kind)) continue;
      g.toDecimal();
    }
    const c = contributionOf(t);
    if (!c) {
      g.complete = false;
      continue;
    }
    if (c.estimated) g.addEstimated(t.id);
    // totals for the explanation: expected = sales + voidsRefunds − fees, row by row
    // fees = Σ (gross − expected) over sales and reversals − Σ expected of fee rows
    //      = sales + voidsRefunds − expected
    g.addDecimal(c.value, t.kind !== 'fee' && t.kind !== 'adjustment' ? grossOf(t, originalOf) : undefined, t.kind);
  }
  for (const g of groups.values()) g.finish();
  for (const g of payoutList) g.finish();
  for (const [slot, cur] of currenciesBySlot) {
    if (cur.size < 2) continue;
    const [merchantId, cycle, date] = slot.split('|');
    issues.push({
      level: 'warning', code: 'mixed_currency', field: 'currency', raw: [...cur].sort().join(','),
      message: `Settlement of ${date} (${cycle}${merchantId ? `, merchant ${merchantId}` : ''}) mixes currencies ${[...cur].sort().join(', ')}: each currency is reconciled on its own. 同一结算批次含多种币种，已按币种分别核对。`,
    });
  }
  // in a total order below (keys are unique): the insertion order does not matter
  const list = [...groups.values(), ...payoutList];
  if (!opts.txnsInTimeOrder) for (const g of list) if (g.transactions.length > 1) g.transactions.sort(byTime);
  list.sort((a, b) => cmp(a.expectedValueDate, b.expectedValueDate) || (a.inCents && b.inCents ? Math.sign(b.ec - a.ec) : b.expected.comparedTo(a.expected)) || cmp(a.key, b.key));
  return { groups: list, issues };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
function byTime(a: PortalTransaction, b: PortalTransaction): number {
  return cmp(a.occurredAt, b.occurredAt) || cmp(a.id, b.id);
}

/**
 * An amount in the settlement passes: whole cents (a JS number) when the analysis runs on cents,
 * else a Decimal; one analysis uses one kind throughout. Cents are used only when every credit,
 * every group's expected amount and the tolerance are whole cents of at most 2^50, so every sum
 * the passes form (at most three credits, a group ± tolerance or ± half of it, × 1.5) is an
 * exactly represented number far below Number.MAX_SAFE_INTEGER: the same comparisons as Decimal.
 */
type Amt = number | Dec;
const lt = (a: Amt, b: Amt): boolean => (typeof a === 'number' ? a < (b as number) : a.lessThan(b as Dec));
const gt = (a: Amt, b: Amt): boolean => (typeof a === 'number' ? a > (b as number) : a.greaterThan(b as Dec));
const le = (a: Amt, b: Amt): boolean => !gt(a, b);
const ge = (a: Amt, b: Amt): boolean => !lt(a, b);
const eq = (a: Amt, b: Amt): boolean => (typeof a === 'number' ? a === b : a.equals(b as Dec));
const cmpAmt = (a: Amt, b: Amt): number => (typeof a === 'number' ? (a < (b as number) ? -1 : a > (b as number) ? 1 : 0) : a.comparedTo(b as Dec));
const plus = (a: Amt, b: Amt): Amt => (typeof a === 'number' ? a + (b as number) : a.plus(b as Dec));
const minus = (a: Amt, b: Amt): Amt => (typeof a === 'number' ? a - (b as number) : a.minus(b as Dec));
const absAmt = (a: Amt): Amt => (typeof a === 'number' ? Math.abs(a) : a.abs());
/** a × k for k = 0.5 or 1.5: exact on cents (half-cents of numbers below 2^52 are representable) */
const timesAmt = (a: Amt, k: 0.5 | 1.5): Amt => (typeof a === 'number' ? a * k : a.times(k));
const maxAmt = (a: Amt, b: Amt): Amt => (gt(b, a) ? b : a);

interface Credit {
  line: StatementLine;
  amount: Amt;
  date: IsoDate;
  settlementLike: boolean;
  /** taken by a group's settlement */
  claimed: boolean;
}

/** A group's outcome; `received` and `shortBy` become Decimals on first read (most are never read). */
/** An outcome's money is kept as the analysis had it (cents or Decimal); a Decimal is made per ask (few ask: short, over and missing groups). */
class Outcome implements GroupOutcome {
  constructor(
    readonly group: SettlementGroup,
    readonly status: OutcomeStatus,
    readonly lines: StatementLine[],
    private readonly rec: Amt,
    private readonly short: Amt,
    readonly basis?: GroupOutcome['basis'],
    readonly confidence?: number,
    readonly valueDate?: IsoDate,
  ) {}
  get received(): Dec {
    return typeof this.rec === 'number' ? fromCents(this.rec) : this.rec;
  }
  get shortBy(): Dec {
    return typeof this.short === 'number' ? fromCents(this.short) : this.short;
  }
}

/** Up to this many candidate credits per search take part in 2–3 line combinations. */
const MAX_COMBO_CANDIDATES = 24;

export function setSettlementCentsPath(enabled: boolean): void {
  centsPathEnabled = enabled;
}

export function analyseSettlements(txns: readonly PortalTransaction[], lines: readonly StatementLine[], opts: SettlementOptions): SettlementAnalysis {
  const { groups, issues } = buildGroups(txns, opts);
  const tolDec = dec(opts.tolerances.settlement);

  // statement coverage per currency: union of each account's first..last booking date
  const ranges = new Map<string, { from: IsoDate; to: IsoDate }[]>();
  // by account, then currency (no key string per line)
  const byAccount = new Map<string, Map<string, { from: IsoDate; to: IsoDate; currency: string }>>();
  for (const l of lines) {
    const account = l.accountId ?? '';
    let byCurrency = byAccount.get(account);
    if (!byCurrency) byAccount.set(account, (byCurrency = new Map()));
    const r = byCurrency.get(l.amount.currency);
    const d = l.bookedOn;
    if (!r) byCurrency.set(l.amount.currency, { from: d, to: d, currency: l.amount.currency });
    else {
      if (d < r.from) r.from = d;
      if (d > r.to) r.to = d;
    }
  }
  for (const byCurrency of byAccount.values()) for (const r of byCurrency.values()) {
    const l = ranges.get(r.currency) ?? [];
    l.push({ from: r.from, to: r.to });
    ranges.set(r.currency, l);
  }
  const { isCovered, coveredThrough } = coverageOf(ranges);

  // cents or Decimals for the whole analysis (see Amt)
  const tolCents = centsOf(opts.tolerances.settlement);
  const lineCents: (number | undefined)[] = new Array<number | undefined>(lines.length);
  let useCents = centsPathEnabled && tolCents !== undefined;
  for (let i = 0; i < lines.length && useCents; i++) {
    const c = centsOf(lines[i]!.amount.amount);
    if (c === undefined) useCents = false;
    lineCents[i] = c;
  }
  // a group whose totals went Decimal (an estimated fee, a third decimal on some row) may still
  // expect a whole number of cents
  for (let i = 0; i < groups.length && useCents; i++) {
    const g = groups[i]!;
    const c = g.inCents ? g.ec : decimalCents(g.expected);
    if (c === undefined) useCents = false;
    else g.ac = c;
  }
  const tol: Amt = useCents ? tolCents! : tolDec;
  const ZERO_AMT: Amt = useCents ? 0 : ZERO;
  const expectedOf = (g: Group): Amt => (useCents ? g.ac : g.expected);

  // credits by date (booking date and value date both count), each bucket also sorted by amount
  // so a group finds its candidates by binary search instead of scanning every credit of the
  // day: with many stores or per-order payouts a day holds thousands of credits
  // by currency, then date (no key string per line or per look-up)
  const creditsByDate = new Map<string, Map<IsoDate, CreditBucket>>();
  const addCredit = (byDate: Map<IsoDate, CreditBucket>, d: IsoDate, c: Credit) => {
    const b = byDate.get(d);
    if (b) b.byAmount.push(c);
    else byDate.set(d, { byAmount: [c], settlementByAmount: [] });
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const amount: Amt = useCents ? lineCents[i]! : amountOf(l.amount);
    if (!gt(amount, ZERO_AMT)) continue;
    const c: Credit = { line: l, amount, date: l.bookedOn, settlementLike: SETTLEMENT_CREDIT.test(lineText(l)), claimed: false };
    let byDate = creditsByDate.get(l.amount.currency);
    if (!byDate) creditsByDate.set(l.amount.currency, (byDate = new Map()));
    addCredit(byDate, l.bookedOn, c);
    if (l.valueOn && l.valueOn !== l.bookedOn) addCredit(byDate, l.valueOn, c);
  }
  const memoCurrencies = new Set<string>();
  for (const byDate of creditsByDate.values()) for (const b of byDate.values()) {
    b.byAmount.sort(byAmountThenId);
    b.settlementByAmount = b.byAmount.filter((c) => c.settlementLike);
    for (const c of b.settlementByAmount) memoCurrencies.add(c.line.amount.currency);
  }
  const NO_DATES = new Map<IsoDate, CreditBucket>();
  const bucketsOn = (dates: readonly IsoDate[], currency: string): CreditBucket[] => {
    const byDate = creditsByDate.get(currency) ?? NO_DATES;
    return dates.map((d) => byDate.get(d) ?? EMPTY_BUCKET);
  };
  /** drop claimed credits from the sorted buckets (after the exact passes claimed most of them) */
  const compact = () => {
    for (const byDate of creditsByDate.values()) for (const b of byDate.values()) {
      b.byAmount = b.byAmount.filter((c) => !c.claimed);
      b.settlementByAmount = b.settlementByAmount.filter((c) => !c.claimed);
    }
  };

  const settle = (g: Group, chosen: Credit[], basis: GroupOutcome['basis'], confidence: number) => {
    for (const c of chosen) c.claimed = true;
    let received: Amt = chosen[0]!.amount;
    for (let i = 1; i < chosen.length; i++) received = plus(received, chosen[i]!.amount);
    if (!useCents) received = plus(ZERO, received); // the reference's reduce from ZERO
    const shortBy = minus(expectedOf(g), received);
    const status: OutcomeStatus = le(absAmt(shortBy), tol) ? 'matched' : gt(shortBy, ZERO_AMT) ? 'short' : 'over';
    let valueDate = chosen[0]!.date;
    for (const c of chosen) if (c.date > valueDate) valueDate = c.date;
    const chosenLines = chosen.length === 1 ? [chosen[0]!.line] : chosen.map((c) => c.line).sort((a, b) => cmp(a.id, b.id));
    g.outcome = new Outcome(g, status, chosenLines, received, shortBy, basis, confidence, valueDate);
  };

  const addDays = memoAddDays();
  // groups still without an outcome; each pass only narrows it
  let openGroups: Group[] = [];
  const open = () => (openGroups = openGroups.filter((g) => g.outcome === undefined));
  for (const g of groups) {
    if (!g.complete) g.outcome = new Outcome(g, 'incomplete', NO_LINES, ZERO_AMT, ZERO_AMT);
    else if (!gt(expectedOf(g), tol)) g.outcome = new Outcome(g, 'nothing_due', NO_LINES, ZERO_AMT, ZERO_AMT);
  }
  openGroups = groups;
  const pickSingle = (g: Group, dates: IsoDate[]): Credit | undefined => {
    const e = expectedOf(g);
    const hits = creditsWithin(bucketsOn(dates, g.currency), minus(e, tol), plus(e, tol));
    if (hits.length > 1) hits.sort((a, b) => Number(b.settlementLike) - Number(a.settlementLike) || cmp(a.date, b.date) || cmp(a.line.id, b.line.id));
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
    const e = expectedOf(g);
    const cands = comboCandidates(bucketsOn([g.expectedValueDate, ...g.nearDates], g.currency), e, plus(e, tol));
    const combo = findCombo(cands, e, minus(e, tol), plus(e, tol));
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
  const slackFloor: Amt = useCents ? 50_000 : SLACK_FLOOR;
  for (const g of open()) {
    // where the bank writes settlement memos at all, a credit without one is not a settlement
    const settlementOnly = memoCurrencies.has(g.currency);
    const e = expectedOf(g);
    const slack = maxAmt(timesAmt(e, 0.5), slackFloor);
    const lo = minus(e, slack);
    const hi = plus(e, slack);
    const best = findClosest(bucketsOn([g.expectedValueDate, ...g.nearDates], g.currency), settlementOnly, e, lo, hi);
    if (best) settle(g, best, 'settlement-group:date', 0.6);
  }
  // nothing found: missing once statements cover the grace period, else still pending
  for (const g of open()) {
    const covered = isCovered(g.expectedValueDate, g.currency) && isCovered(g.graceUntil, g.currency);
    let status: OutcomeStatus;
    if (covered && opts.asOf >= g.graceUntil) status = 'missing';
    else if (!isCovered(g.expectedValueDate, g.currency) && !isCovered(g.graceUntil, g.currency)) status = 'not_covered';
    else status = 'pending';
    g.outcome = new Outcome(g, status, NO_LINES, ZERO_AMT, expectedOf(g));
  }
  return settlementAnalysis(groups, groups.map((g) => g.outcome!), issues, isCovered, coveredThrough);
}

/** Coverage tests over the statements' date ranges per currency (closures over `ranges` alone). */
function coverageOf(ranges: Map<string, { from: IsoDate; to: IsoDate }[]>): Pick<SettlementAnalysis, 'isCovered' | 'coveredThrough'> {
  return {
    isCovered: (date, currency) => (ranges.get(currency) ?? []).some((r) => r.from <= date && date <= r.to),
    coveredThrough: (currency) => (ranges.get(currency) ?? []).reduce<IsoDate | undefined>((m, r) => (!m || r.to > m ? r.to : m), undefined),
  };
}

/**
 * The result object, made outside analyseSettlements: its methods are closures, and a closure
 * keeps alive every variable of its function that any closure there uses (one shared context),
 * so made inside it they would hold the credits, their buckets and the line amounts for as long
 * as the analysis lives (reconcile() keeps it to the end).
 */
function settlementAnalysis(
  groups: SettlementGroup[], list: GroupOutcome[], issues: Issue[],
  isCovered: SettlementAnalysis['isCovered'], coveredThrough: SettlementAnalysis['coveredThrough'],
): SettlementAnalysis {
  let byTxn: Map<string, GroupOutcome> | undefined;
  return {
    groups,
    outcomes: list,
    // built on first use: only a few rules look outcomes up by transaction
    get byTxn() {
      if (!byTxn) {
        byTxn = new Map<string, GroupOutcome>();
        for (const o of list) for (const t of o.group.transactions) byTxn.set(t.id, o);
      }
      return byTxn;
    },
    outcomesOf(ids) {
      if (byTxn) {
        const out = new Map<string, GroupOutcome>();
        for (const id of ids) {
          const o = byTxn.get(id);
          if (o) out.set(id, o);
        }
        return out;
      }
      // the same walk as byTxn's, keeping only the ids asked for (a later group wins, as there)
      const out = new Map<string, GroupOutcome>();
      if (ids.size === 0) return out;
      for (const o of list) for (const t of o.group.transactions) if (ids.has(t.id)) out.set(t.id, o);
      return out;
    },
    issues,
    coveredThrough,
    isCovered,
  };
}

/** The first (in a fixed order) set of 2–3 credits whose sum lies in [lo, hi] (target ± tolerance). */
function findCombo(cands: Credit[], target: Amt, lo: Amt, hi: Amt): Credit[] | undefined {
  const n = cands.length;
  const ok = (sum: Amt) => ge(sum, lo) && le(sum, hi);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
    const s2 = plus(cands[i]!.amount, cands[j]!.amount);
    if (ok(s2)) return [cands[i]!, cands[j]!];
  }
  const ceiling = timesAmt(target, 1.5);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
    const s2 = plus(cands[i]!.amount, cands[j]!.amount);
    if (gt(s2, ceiling)) continue;
    for (let k = j + 1; k < n; k++) if (ok(plus(s2, cands[k]!.amount))) return [cands[i]!, cands[j]!, cands[k]!];
  }
  return undefined;
}

/**
 * The single credit closest to `target` within [lo, hi] (ties: settlement-like memo, then the
 * first in date-list and id order). Pairs are not tried here: two unrelated credits can add up
 * to anything. Per bucket the nearest unclaimed credits below and above `target` are found by
 * binary search; only credits at the smallest distance can win.
 */
function findClosest(buckets: CreditBucket[], settlementOnly: boolean, target: Amt, lo: Amt, hi: Amt): Credit[] | undefined {
  let bestDist: Amt | undefined;
  let tied: { c: Credit; bucket: number }[] = [];
  const consider = (c: Credit, bucket: number) => {
    const dist = absAmt(minus(c.amount, target));
    const order = bestDist === undefined ? -1 : cmpAmt(dist, bestDist);
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
    if (j >= 0 && ge(arr[j]!.amount, lo)) {
      const a = arr[j]!.amount;
      for (; j >= 0 && eq(arr[j]!.amount, a); j--) if (!arr[j]!.claimed) consider(arr[j]!, i);
    }
    let k = at;
    while (k < arr.length && arr[k]!.claimed) k++;
    if (k < arr.length && le(arr[k]!.amount, hi)) {
      const a = arr[k]!.amount;
      for (; k < arr.length && eq(arr[k]!.amount, a); k++) if (!arr[k]!.claimed) consider(arr[k]!, i);
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
  return cmpAmt(a.amount, b.amount) || cmp(a.line.id, b.line.id);
}

/** First index whose amount is > `v` (arr sorted by amount). */
function upperBound(arr: readonly Credit[], v: Amt): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (gt(arr[mid]!.amount, v)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First index whose amount is ≥ `v`. */
function lowerBound(arr: readonly Credit[], v: Amt): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lt(arr[mid]!.amount, v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Unclaimed credits with lo ≤ amount ≤ hi on any of the buckets, each line once. */
function creditsWithin(buckets: CreditBucket[], lo: Amt, hi: Amt): Credit[] {
  const out: Credit[] = [];
  for (const b of buckets) {
    const arr = b.byAmount;
    for (let j = lowerBound(arr, lo); j < arr.length && le(arr[j]!.amount, hi); j++) {
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
function comboCandidates(buckets: CreditBucket[], target: Amt, hi: Amt): Credit[] {
  const found: { c: Credit; bucket: number }[] = [];
  let complete = true;
  buckets.forEach((b, i) => {
    const arr = b.byAmount;
    let below = 0;
    let lastBelow: Amt | undefined;
    for (let j = upperBound(arr, hi) - 1; j >= 0; j--) {
      const c = arr[j]!;
      if (c.claimed) continue;
      if (!gt(c.amount, target)) {
        if (below >= MAX_COMBO_CANDIDATES && !eq(c.amount, lastBelow!)) {
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
    .sort((a, b) => cmpAmt(absAmt(minus(a.amount, target)), absAmt(minus(b.amount, target))) || cmp(a.line.id, b.line.id))
    .slice(0, MAX_COMBO_CANDIDATES);
}
