// Settlement groups (DOMAIN.md §3.2): what one settlement pays. A group is the transactions of
// one merchant, currency and cycle with the same expected value date (or the same payoutId for
// processors that name payouts). Grouping by value date rather than by transaction date is what
// puts Friday, Saturday and Sunday (T+1 → Monday) into the one Monday credit. Expected net per
// row: the portal's `net` where shown, else amount − fee − extra fees; a void or reversal cancels
// its sale entirely (nothing clears), a refund settles as shown.
import type { BusinessCalendar, CalendarId } from '../calendar';
import { addDays } from '../dates';
import { type Dec, ZERO, amountOf } from '../money';
import type { IsoDate, Issue, PortalTransaction, SettleCycle } from '../model';
import { CANCELLING_KINDS, buildRowIndex } from './row-index';
import { makeIssue } from '../i18n/issues';
import { centsParts, type CentsParts } from './settlement-amounts';
import { Group } from './settlement-group';
import type { RowGroups, SettlementOptions } from './settlement';
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
