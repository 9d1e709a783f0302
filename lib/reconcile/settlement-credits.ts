// Matching bank credits to settlement groups (DOMAIN.md §3.2, D7/D8). Runs from strong to weak
// across all groups, so a weak match never takes a strong one's credit: the exact amount on the
// expected value date, then on the next working day, then 2–3 lines adding up to it, then a late
// exact credit within the grace period; only then the closest credit on the value date (short or
// over); a group with none is missing once the statements cover its grace period, else pending.
// settlement-review.ts looks at what is left again, as acquirers really pay.
import type { IsoDate } from '../model';
import { ZERO } from '../money';
import type { BankCredit, CreditDay, CreditIndex } from './settlement-credit-index';
import { absAmt, cmpAmt, eq, ge, gt, le, lt, maxAmt, minus, plus, timesAmt, type Amt, type PassAmounts } from './settlement-amounts';
import type { Group } from './settlement-group';
import { memoAddDays } from './settlement-groups';
import { NO_LINES, Outcome } from './settlement-outcomes';
import type { GroupOutcome, OutcomeStatus, SettlementAnalysis } from './settlement';
import { firstAtLeast } from './bounds';

/**
 * Gives every group its outcome (g.outcome), reading amounts as `amounts` has them (cents or
 * Decimal), and notes on `credits` which group holds each credit (the review goes on from there).
 */
export function settleGroups(
  groups: readonly Group[],
  credits: CreditIndex,
  amounts: PassAmounts,
  asOf: IsoDate,
  isCovered: SettlementAnalysis['isCovered'],
): void {
  const tol = amounts.tolerance;
  const ZERO_AMT = amounts.zero;
  const expectedOf = amounts.expectedOf;

  // each date's credits (booking date and value date both count) sorted by amount, so a group
  // finds its candidates by binary search instead of scanning every credit of the day: with many
  // stores or per-order payouts a day holds thousands of credits
  const memoCurrencies = new Set<string>();
  for (const byDate of credits.byCurrency.values())
    for (const day of byDate.values()) {
      day.byAmountId = [...day.inOrder].sort(byAmountThenId);
      day.settlementByAmountId = day.byAmountId.filter((c) => c.settlementLike);
      for (const c of day.settlementByAmountId) memoCurrencies.add(c.line.amount.currency);
    }
  const NO_DATES = new Map<IsoDate, CreditDay>();
  const bucketsOn = (dates: readonly IsoDate[], currency: string): CreditBucket[] => {
    const byDate = credits.byCurrency.get(currency) ?? NO_DATES;
    return dates.map((d) => (byDate.get(d) as CreditBucket | undefined) ?? EMPTY_BUCKET);
  };
  /** drop claimed credits from the sorted buckets (after the exact passes claimed most of them) */
  const compact = () => {
    for (const byDate of credits.byCurrency.values())
      for (const day of byDate.values()) {
        day.byAmountId = day.byAmountId!.filter((c) => !c.claimed);
        day.settlementByAmountId = day.settlementByAmountId!.filter((c) => !c.claimed);
      }
  };

  const settle = (g: Group, chosen: Credit[], basis: GroupOutcome['basis'], confidence: number) => {
    for (const c of chosen) {
      c.claimed = true;
      credits.hold(c, g);
    }
    let received: Amt = chosen[0]!.amt;
    for (let i = 1; i < chosen.length; i++) received = plus(received, chosen[i]!.amt);
    if (typeof received !== 'number') received = plus(ZERO, received); // a reduce from ZERO, as Decimal sums are written elsewhere
    const shortBy = minus(expectedOf(g), received);
    const status: OutcomeStatus = le(absAmt(shortBy), tol) ? 'matched' : gt(shortBy, ZERO_AMT) ? 'short' : 'over';
    let valueDate = chosen[0]!.date;
    for (const c of chosen) if (c.date > valueDate) valueDate = c.date;
    const chosenLines = chosen.length === 1 ? [chosen[0]!.line] : chosen.map((c) => c.line).sort((a, b) => cmp(a.id, b.id));
    g.outcome = new Outcome(g, status, chosenLines, received, shortBy, basis, confidence, valueDate);
  };

  const addDays = memoAddDays();
  // groups still without an outcome; each pass only narrows it
  for (const g of groups) {
    if (!g.complete) g.outcome = new Outcome(g, 'incomplete', NO_LINES, ZERO_AMT, ZERO_AMT);
    else if (!gt(expectedOf(g), tol)) g.outcome = new Outcome(g, 'nothing_due', NO_LINES, ZERO_AMT, ZERO_AMT);
  }
  let openGroups: readonly Group[] = groups;
  const open = () => (openGroups = openGroups.filter((g) => g.outcome === undefined));
  /**
   * The unclaimed credit within tolerance of the group on `dates` that reads as a settlement,
   * then the earliest, then the lowest line id (the first met of equals: dates in list order,
   * then by amount and id). No list of the candidates: one group after another, most find one.
   */
  const pickSingle = (g: Group, dates: readonly IsoDate[]): Credit | undefined => {
    const e = expectedOf(g);
    const lo = minus(e, tol);
    const hi = plus(e, tol);
    const byDate = credits.byCurrency.get(g.currency);
    if (!byDate) return undefined;
    let best: Credit | undefined;
    for (const d of dates) {
      const arr = (byDate.get(d) as CreditBucket | undefined)?.byAmountId;
      if (!arr) continue;
      for (let j = lowerBound(arr, lo); j < arr.length && le(arr[j]!.amt, hi); j++) {
        const c = arr[j]!;
        if (!c.claimed && (best === undefined || preferred(c, best))) best = c;
      }
    }
    return best;
  };
  // 1–2: one credit of the exact amount on the value date, then up to the next working day
  const oneDate: IsoDate[] = [''];
  for (const g of open()) {
    oneDate[0] = g.expectedValueDate;
    const c = pickSingle(g, oneDate);
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
  const slackFloor = amounts.slackFloor;
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
    if (covered && asOf >= g.graceUntil) status = 'missing';
    else if (!isCovered(g.expectedValueDate, g.currency) && !isCovered(g.graceUntil, g.currency)) status = 'not_covered';
    else status = 'pending';
    g.outcome = new Outcome(g, status, NO_LINES, ZERO_AMT, expectedOf(g));
  }
}

type Credit = BankCredit;

/** Up to this many candidate credits per search take part in 2–3 line combinations. */
const MAX_COMBO_CANDIDATES = 24;

/** The first (in a fixed order) set of 2–3 credits whose sum lies in [lo, hi] (target ± tolerance). */
function findCombo(cands: Credit[], target: Amt, lo: Amt, hi: Amt): Credit[] | undefined {
  const n = cands.length;
  const ok = (sum: Amt) => ge(sum, lo) && le(sum, hi);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const s2 = plus(cands[i]!.amt, cands[j]!.amt);
      if (ok(s2)) return [cands[i]!, cands[j]!];
    }
  const ceiling = timesAmt(target, 1.5);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const s2 = plus(cands[i]!.amt, cands[j]!.amt);
      if (gt(s2, ceiling)) continue;
      for (let k = j + 1; k < n; k++) if (ok(plus(s2, cands[k]!.amt))) return [cands[i]!, cands[j]!, cands[k]!];
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
    const dist = absAmt(minus(c.amt, target));
    const order = bestDist === undefined ? -1 : cmpAmt(dist, bestDist);
    if (order < 0) {
      bestDist = dist;
      tied = [{ c, bucket }];
    } else if (order === 0) tied.push({ c, bucket });
  };
  buckets.forEach((b, i) => {
    const arr = settlementOnly ? b.settlementByAmountId : b.byAmountId;
    const at = upperBound(arr, target); // arr[at - 1] ≤ target < arr[at]
    // nearest at or below target, with every credit of that same amount
    let j = at - 1;
    while (j >= 0 && arr[j]!.claimed) j--;
    if (j >= 0 && ge(arr[j]!.amt, lo)) {
      const a = arr[j]!.amt;
      for (; j >= 0 && eq(arr[j]!.amt, a); j--) if (!arr[j]!.claimed) consider(arr[j]!, i);
    }
    let k = at;
    while (k < arr.length && arr[k]!.claimed) k++;
    if (k < arr.length && le(arr[k]!.amt, hi)) {
      const a = arr[k]!.amt;
      for (; k < arr.length && eq(arr[k]!.amt, a); k++) if (!arr[k]!.claimed) consider(arr[k]!, i);
    }
  });
  if (tied.length === 0) return undefined;
  // the order a scan of the buckets in date-list order, each by line id, would meet them
  const ordered = inListOrder(tied);
  let best = ordered[0]!;
  for (const c of ordered) if (c.settlementLike && !best.settlementLike) best = c;
  return [best];
}

/** A date's credits as the passes read them: byAmountId and settlementByAmountId, made by settleGroups. */
type CreditBucket = Required<Pick<CreditDay, 'byAmountId' | 'settlementByAmountId'>>;

const EMPTY_BUCKET: CreditBucket = { byAmountId: [], settlementByAmountId: [] };

function byAmountThenId(a: Credit, b: Credit): number {
  return cmpAmt(a.amt, b.amt) || cmp(a.line.id, b.line.id);
}

/** First index whose amount is > `v` (arr sorted by amount). */
function upperBound(arr: readonly Credit[], v: Amt): number {
  return firstAtLeast(arr.length, (i) => gt(arr[i]!.amt, v));
}

/** First index whose amount is ≥ `v`. */
function lowerBound(arr: readonly Credit[], v: Amt): number {
  return firstAtLeast(arr.length, (i) => !lt(arr[i]!.amt, v));
}

/** Of two credits that both fit, `a` is taken over `b`: it reads as a settlement and `b` does not, else it is earlier, else its line id is lower. */
function preferred(a: Credit, b: Credit): boolean {
  if (a.settlementLike !== b.settlementLike) return a.settlementLike;
  return a.date < b.date || (a.date === b.date && a.line.id < b.line.id);
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
    const arr = b.byAmountId;
    let below = 0;
    let lastBelow: Amt | undefined;
    for (let j = upperBound(arr, hi) - 1; j >= 0; j--) {
      const c = arr[j]!;
      if (c.claimed) continue;
      if (!gt(c.amt, target)) {
        if (below >= MAX_COMBO_CANDIDATES && !eq(c.amt, lastBelow!)) {
          complete = false;
          break;
        }
        below++;
        lastBelow = c.amt;
      }
      found.push({ c, bucket: i });
    }
  });
  const distinct = inListOrder(found);
  if (complete && distinct.length <= MAX_COMBO_CANDIDATES) return distinct;
  return distinct
    .sort((a, b) => cmpAmt(absAmt(minus(a.amt, target)), absAmt(minus(b.amt, target))) || cmp(a.line.id, b.line.id))
    .slice(0, MAX_COMBO_CANDIDATES);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
