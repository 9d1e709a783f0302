// Settlement groups (DOMAIN.md §3.2): what one settlement pays. A group is the transactions of
// one merchant, currency and cycle with the same expected value date (or the same payoutId for
// processors that name payouts). Grouping by value date rather than by transaction date is what
// puts Friday, Saturday and Sunday (T+1 → Monday) into the one Monday credit. Expected net per
// row: the portal's `net` where shown, else amount − fee − extra fees; a void or reversal cancels
// its sale entirely (nothing clears), a refund settles as shown.
import type { BusinessCalendar, CalendarId } from '../calendar';
import { addDays } from '../dates';
import { type Dec, MAX_EXACT_CENTS, ZERO, fromCents, amountOf } from '../money';
import type { IsoDate, Issue, PortalTransaction, SettleCycle } from '../model';
import { CANCELLING_KINDS, buildRowIndex } from './row-index';
import { makeIssue } from '../i18n/issues';
import { centsParts, type CentsParts } from './settlement-amounts';
import type { GroupOutcome, RowGroups, SettlementGroup, SettlementOptions } from './settlement';
import { makeOriginalLookup } from './settlement-originals';

const SETTLING_KINDS = new Set<PortalTransaction['kind']>(['sale', 'preauth_completion', 'refund', 'fee', 'adjustment', 'chargeback']);
/** the cancelling kinds (row-index.ts, written once there), for tests on a row object */
const CANCELLING = new Set<PortalTransaction['kind']>(CANCELLING_KINDS);

export function isCancelling(t: PortalTransaction): boolean {
  return CANCELLING.has(t.kind);
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

/** addDays() remembered per run: groups ask for the same few hundred dates over and over (per offset, then per date: no key string per call). */
export function memoAddDays(): (date: IsoDate, days: number) => IsoDate {
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
    case 'T1':
      return cal.nextWorkingDay(base);
    case 'D1':
      return addDays(base, 1);
    default:
      return base; // D0 / T0: same day
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

export class Group implements SettlementGroup {
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
  /** expected in whole cents for an analysis on cents (set by settlement-amounts.ts passAmounts) */
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

/** the estimatedFeeIds of a group without estimated rows (frozen: read only) */
const NO_IDS: string[] = Object.freeze([]) as unknown as string[];

/** the Decimal of `cents`, reusing `prev` when it already is that value (cents never change after building) */
function centsToDec(cents: number, prev: Dec): Dec {
  return prev !== ZERO || cents === 0 ? prev : fromCents(cents);
}

/**
 * The settlement groups of `txns` (in ctx.transactions order when opts.txnsInTimeOrder), each
 * row's expected settlement added up in whole cents from the row index while every row of the
 * group is whole cents, in Decimal from the first row that is not.
 */
export function buildGroups(
  txns: readonly PortalTransaction[],
  opts: SettlementOptions,
): { groups: Group[]; issues: Issue[]; payoutIds: PayoutIds; rowGroups: RowGroups } {
  const rows = opts.rows ?? buildRowIndex(txns);
  if (rows.rows !== txns) throw new Error('the row index describes other rows than the ones to group');
  const originals = opts.originals ?? makeOriginalLookup(txns);
  const originalOf = originals.of;
  // the cents of the row being added (see centsParts): one object per run, not one per row
  const cents: CentsParts = { value: 0, gross: 0 };
  const addDays = memoAddDays();
  const groups = new Map<string, Group>();
  const payoutList: Group[] = [];
  // the group of each row (none: it settles nothing), so a row's outcome is found without a map of every row
  const groupOf: (Group | undefined)[] = new Array(txns.length).fill(undefined);
  const payoutGroups = new Map<string, Map<string, Group>>();
  const issues: Issue[] = [];
  const currenciesBySlot = new Map<string, Set<string>>();
  const payoutDates = new Map<string, IsoDate>();
  const payoutNearDates = new Map<IsoDate, IsoDate[]>();
  for (let i = 0; i < txns.length; i++) {
    const t = txns[i]!;
    if (t.kind !== 'payout' || !t.payoutId) continue;
    const d = t.settleDate ?? rows.day[i]!;
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

  for (let i = 0; i < txns.length; i++) {
    const t = txns[i]!;
    const settles =
      (SETTLING_KINDS.has(t.kind) &&
        (t.status === 'success' || ((t.kind === 'sale' || t.kind === 'preauth_completion') && (t.status === 'voided' || t.status === 'reversed')))) ||
      (CANCELLING.has(t.kind) && t.status === 'success');
    if (!settles) continue;
    const contract = opts.contractAt ? opts.contractAt(i) : opts.contractFor(t);
    const currency = t.amount.currency;
    const cycle: SettleCycle = t.settleCycle ?? contract?.settleCycle ?? 'T1';
    const calendarId: CalendarId = contract?.calendar ?? (currency === 'CNY' ? 'CN' : 'weekdays');
    const cal = opts.calendar(calendarId);
    const date = rows.day[i]!;
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
        const grace =
          cycle === 'D0' || cycle === 'T0'
            ? addDays(valueDate, 1)
            : t.payoutId
              ? addDays(valueDate, 3)
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
        if (key === undefined) {
          payoutList.push(g);
        } else groups.set(key, g);
      }
      if (byPayout) byPayout.set(t.payoutId!, g);
    }
    g.addRow(t);
    groupOf[i] = g;
    if (date < g.firstDate) g.firstDate = date;
    if (g.settleDate !== t.settleDate) g.settleDate = undefined;
    if (g.inCents) {
      if (centsParts(rows, i, originals, cents) && g.addCents(cents.value, cents.gross, t.kind)) continue;
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
    issues.push(
      makeIssue(
        'warning',
        'issue.mixed_currency',
        { date, cycle, merchant: merchantId, currencies: [...cur].sort().join(', ') },
        { field: 'currency', raw: [...cur].sort().join(',') },
      ),
    );
  }
  if (!opts.txnsInTimeOrder) for (const g of [...groups.values(), ...payoutList]) if (g.transactions.length > 1) g.transactions.sort(byTime);
  // the payout ids of the groups (the review asks whether a memo names one): the keys payoutGroups has already
  const payoutIds: PayoutIds = {
    has: (id) => {
      for (const byPayout of payoutGroups.values()) if (byPayout.has(id)) return true;
      return false;
    },
    *[Symbol.iterator]() {
      for (const byPayout of payoutGroups.values()) yield* byPayout.keys();
    },
  };
  return { groups: inGroupOrder([...groups.values(), ...payoutList]), issues, payoutIds, rowGroups: { ids: rows.id, groupOf } };
}

/** The payout ids of the groups: whether an id is one, and each (once per currency it is paid in). */
export interface PayoutIds extends Iterable<string> {
  has(id: string): boolean;
}

/**
 * The groups by expected value date, then expected amount (largest first), then key: a total
 * order (keys are unique), so the order they were made in does not matter. Sorted per value
 * date (a few hundred dates): most comparisons are then of two amounts, not of two date strings.
 */
function inGroupOrder(made: readonly Group[]): Group[] {
  const byDate = new Map<IsoDate, Group[]>();
  for (const g of made) {
    const list = byDate.get(g.expectedValueDate);
    if (list) list.push(g);
    else byDate.set(g.expectedValueDate, [g]);
  }
  const out: Group[] = [];
  for (const d of [...byDate.keys()].sort(cmp))
    for (const g of byDate.get(d)!.sort((a, b) => (a.inCents && b.inCents ? Math.sign(b.ec - a.ec) : b.expected.comparedTo(a.expected)) || cmp(a.key, b.key)))
      out.push(g);
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
function byTime(a: PortalTransaction, b: PortalTransaction): number {
  return cmp(a.occurredAt, b.occurredAt) || cmp(a.id, b.id);
}
