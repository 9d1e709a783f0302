// The state the settlement review works on (settlement-review.ts): every group's current
// outcome, which groups hold each bank line, and the positive credits by currency and date.
//
// The review asks, for each open group, for free credits near an amount on a few dates. Almost
// every credit of a busy account is held (a payout per order, matched exactly by settlement.ts),
// so each date also keeps its free credits that can fit a group, sorted by amount, up to date as
// set() takes and releases lines: a search walks those instead of passing over every held credit
// of the date (which made the review grow with open groups × credits per day: 3,700 open groups
// × 50,000 credits on their dates at a million rows).
import { Dec, ZERO, amountOf } from '../money';
import type { IsoDate, StatementLine } from '../model';
import { firstAtLeast } from './bounds';
import { lineText } from './labels';
import { type BankCredit, type CreditDay, CreditIndex } from './settlement-credit-index';
import type { GroupOutcome, OutcomeStatus, SettlementGroup } from './settlement';

/** A credit as the review reads it (settlement-credit-index.ts). */
export type ReviewCredit = BankCredit;

/** The state the review works on: every group's current outcome and which groups hold each credit. */
export class SettlementBook {
  /** the bank credits (shared with the passes: which groups hold a line id is kept on its first credit) */
  private readonly credits: CreditIndex;
  readonly mids: string[];

  /**
   * `lines` are indexed again unless `credits` is given: the passes' index of the same lines,
   * where they noted which group holds each credit (settlement-credits.ts) as they made
   * `outcomes`. The book goes on with that index: one book per index.
   */
  constructor(
    outcomes: readonly GroupOutcome[],
    lines: readonly StatementLine[],
    readonly tolerance: Dec,
    credits?: CreditIndex,
  ) {
    this.credits = credits ?? new CreditIndex(lines, (i) => amountOf(lines[i]!.amount), ZERO);
    const mids = new Set<string>();
    for (const o of outcomes) {
      o.group.outcome = o;
      if (o.group.merchantId) mids.add(o.group.merchantId);
      if (!credits) for (const l of o.lines) this.hold(l.id, o.group);
    }
    this.mids = [...mids].sort();
    this.credits.readMidsOf(this.mids);
  }

  /** `g` holds line id `lineId`; true when it was free (a line that is no credit is not kept: no search meets it) */
  private hold(lineId: string, g: SettlementGroup): boolean {
    const c = this.credits.firstOfId(lineId);
    return c ? this.credits.hold(c, g) : false;
  }

  /** The group's outcome as the review has it now (on the group: a map of every group was a tenth of the review). */
  outcomeOf(g: SettlementGroup): GroupOutcome {
    return g.outcome!;
  }

  isFree(c: ReviewCredit): boolean {
    return !c.held;
  }

  /** The groups holding a line of this id (in the order they took it). */
  holdersOf(l: StatementLine): readonly SettlementGroup[] {
    return holdersOn(this.credits.firstOfId(l.id));
  }

  /** holdersOf(c.line) for a credit in hand (no look-up of its id). */
  holdersOfCredit(c: ReviewCredit): readonly SettlementGroup[] {
    return holdersOn(c.first);
  }

  /** Every credit some group holds, each once, in statement order. */
  heldCredits(): ReviewCredit[] {
    return this.credits.all.filter((c) => c.held);
  }

  /** Every free positive credit, each once, in statement order. */
  freeCredits(): ReviewCredit[] {
    return this.credits.all.filter((c) => this.isFree(c));
  }

  /** `g` takes `lines` (its earlier lines go back to the pool) with this outcome. */
  set(g: SettlementGroup, status: OutcomeStatus, lines: StatementLine[], received: Dec, basis?: string, confidence?: number): void {
    const prev = g.outcome;
    for (const l of prev?.lines ?? []) {
      const first = this.credits.firstOfId(l.id);
      const h = this.holdersOf(l);
      if (!first || h.length === 0) continue;
      const rest = h.filter((x) => x !== g);
      first.holders = rest.length === 0 ? undefined : rest.length === 1 ? rest[0]! : rest;
      if (rest.length === 0) this.freeChanged(l.id, true);
    }
    for (const l of lines) if (this.hold(l.id, g)) this.freeChanged(l.id, false);
    let valueDate: IsoDate | undefined;
    for (const l of lines) if (!valueDate || l.bookedOn > valueDate) valueDate = l.bookedOn;
    g.outcome = { group: g, status, lines, received, shortBy: g.expected.minus(received), basis, confidence, valueDate };
  }

  /**
   * Unclaimed-or-claimed positive credits of a currency on `dates` (booking or value date), each
   * once, in date-list order and, within a date, in statement order. With `range`, only those of
   * lo ≤ amount ≤ hi, found by binary search in the date's credits sorted by amount: a month of a
   * chain's statement holds thousands of credits a day, and the review asks for a narrow band of
   * them for every window of groups it tries.
   */
  creditsOn(currency: string, dates: readonly IsoDate[], range?: { lo?: Dec; hi?: Dec }): ReviewCredit[] {
    const byDate = this.credits.byCurrency.get(currency);
    const out: ReviewCredit[] = [];
    if (!byDate) return out;
    // each date once; a credit is listed under its booking and its value date: each once (only
    // such a credit can be met twice)
    const seen = new Set<ReviewCredit>();
    for (const d of new Set(dates)) {
      const day = byDate.get(d);
      if (!day) continue;
      for (const c of range ? inRange(byAmount(day), range.lo, range.hi) : day.inOrder) {
        if (c.twoDates) {
          if (seen.has(c)) continue;
          seen.add(c);
        }
        out.push(c);
      }
    }
    return out;
  }

  /**
   * creditsOn(currency, dates, range) less the credits some group holds and those that can fit no
   * group (they name no MID and read as no settlement), in the same order: what a search that
   * keeps only free credits that fit() a group needs to look at, read from each date's free list.
   */
  freeCreditsOn(currency: string, dates: readonly IsoDate[], range: { lo?: Dec; hi?: Dec } = {}): ReviewCredit[] {
    const byDate = this.credits.byCurrency.get(currency);
    const out: ReviewCredit[] = [];
    if (!byDate) return out;
    const seen = new Set<ReviewCredit>();
    for (const d of new Set(dates)) {
      const day = byDate.get(d);
      if (!day) continue;
      for (const c of inRange(this.freeOf(day), range.lo, range.hi)) {
        if (c.twoDates) {
          if (seen.has(c)) continue;
          seen.add(c);
        }
        out.push(c);
      }
    }
    return out;
  }

  /**
   * The `count` largest credits of a currency on `dates` with amount < `below` that `keep`
   * accepts, largest first (ties by line id): creditsOn(…) filtered by amount and `keep`, sorted
   * so and cut at `count`, found by walking each date's credits down from `below` until `count`
   * are kept (and any tied with the last) instead of testing every credit of those dates. `keep`
   * must accept only credits that fit some group (fits()) and are free or on one of `own` (the
   * asking group's lines): the walk passes over nothing else, as it reads each date's free list
   * and the credits of `own` merged in amount order.
   */
  largestBelow(
    currency: string,
    dates: readonly IsoDate[],
    below: Dec,
    keep: (c: ReviewCredit) => boolean,
    count: number,
    own: readonly StatementLine[] = [],
  ): ReviewCredit[] {
    const byDate = this.credits.byCurrency.get(currency);
    const found = new Set<ReviewCredit>();
    const ownCredits = own.flatMap((l) => this.credits.creditsOfId(l.id).filter((c) => c.line === l && c.line.amount.currency === currency));
    for (const d of new Set(dates)) {
      const day = byDate?.get(d);
      if (!day) continue;
      const free = this.freeOf(day);
      // the group's own credits listed on this date that a fitting walk would meet, in the walk's order
      const mine = ownCredits.filter((c) => listedOn(c, d) && fitsSome(c) && c.amount.lessThan(below)).sort(byAmountThenSeq);
      let kept = 0;
      let last: Dec | undefined;
      let i = firstAmountAtLeast(free, below) - 1;
      let j = mine.length - 1;
      while (i >= 0 || j >= 0) {
        const c = j < 0 || (i >= 0 && byAmountThenSeq(free[i]!, mine[j]!) > 0) ? free[i--]! : mine[j--]!;
        if (kept >= count && !c.amount.equals(last!)) break;
        if (found.has(c) || !keep(c)) continue;
        found.add(c);
        kept++;
        last = c.amount;
      }
    }
    return [...found].sort((a, b) => b.amount.comparedTo(a.amount) || cmp(a.line.id, b.line.id)).slice(0, count);
  }

  /** Credits of a currency on `dates` whose memo names `mid`, each once (every memo is read once, on the first ask). */
  creditsNaming(mid: string, currency: string, dates: readonly IsoDate[]): ReviewCredit[] {
    if (!this.named) {
      // by MID, currency, date (no key string per credit)
      const named = new Map<string, Map<string, Map<IsoDate, ReviewCredit[]>>>();
      for (const [cur, byDate] of this.credits.byCurrency)
        for (const [d, day] of byDate)
          for (const c of day.inOrder) {
            if (c.mid === undefined) continue;
            let byCur = named.get(c.mid);
            if (!byCur) named.set(c.mid, (byCur = new Map()));
            let onDate = byCur.get(cur);
            if (!onDate) byCur.set(cur, (onDate = new Map()));
            const list = onDate.get(d);
            if (list) list.push(c);
            else onDate.set(d, [c]);
          }
      this.named = named;
    }
    const onDate = this.named.get(mid)?.get(currency);
    const out = new Set<ReviewCredit>();
    for (const d of dates) for (const c of onDate?.get(d) ?? []) out.add(c);
    return [...out];
  }
  private named: Map<string, Map<string, Map<IsoDate, ReviewCredit[]>>> | undefined;

  /**
   * The merchant number a line's memo names (memoMerchant), read once per line (on its credit).
   * Per line, not per id: two accounts' statements may both have a line L1, with different memos.
   */
  midOf(l: StatementLine): string | undefined {
    const c = this.credits.creditOf(l);
    return c ? this.credits.midOf(c) : this.credits.midOfText(lineText(l));
  }

  /** A credit fits a group when its memo names the group's MID, or names none and reads as a settlement. */
  fits(c: ReviewCredit, g: SettlementGroup): boolean {
    if (c.mid) return c.mid === g.merchantId;
    return c.settlementLike;
  }

  /** |difference| a group may show from rounding each batch's fee once: the tolerance, or 0.01 per row. */
  slack(groups: readonly SettlementGroup[]): Dec {
    let rows = 0;
    for (const g of groups) rows += g.transactions.length;
    const rounding = new Dec(rows).times('0.01');
    return rounding.greaterThan(this.tolerance) ? rounding : this.tolerance;
  }

  /** The date's free credits that can fit a group, by amount: made on the first ask, then kept up to date by set(). */
  private freeOf(day: CreditDay): ReviewCredit[] {
    return (day.free ??= byAmount(day).filter((c) => this.isFree(c) && fitsSome(c)));
  }

  /** Line `id` became free (or held): its credits' flag follows, and they join (or leave) the free lists made so far. */
  private freeChanged(id: string, free: boolean): void {
    const byDate = this.credits.byCurrency;
    for (const c of this.credits.creditsOfId(id)) {
      for (const d of c.twoDates ? [c.line.bookedOn, c.line.valueOn!] : [c.line.bookedOn]) {
        const list = byDate.get(c.line.amount.currency)?.get(d)?.free;
        if (!list || !fitsSome(c)) continue;
        const at = firstPast(list, (x) => byAmountThenSeq(x, c) >= 0);
        if (free) list.splice(at, 0, c);
        else if (list[at] === c) list.splice(at, 1);
      }
    }
  }
}

/** The groups kept on an id's first credit (none when it is free or no credit). */
function holdersOn(first: ReviewCredit | undefined): readonly SettlementGroup[] {
  const h = first?.holders;
  return h === undefined ? [] : Array.isArray(h) ? h : [h];
}

/** A credit can fit some group when its memo names a MID or it reads as a settlement (see fits()). */
function fitsSome(c: ReviewCredit): boolean {
  return c.settlementLike || c.mid !== undefined;
}

/** Listed under `d`: booked or valued on it. */
function listedOn(c: ReviewCredit, d: IsoDate): boolean {
  return c.line.bookedOn === d || (c.twoDates && c.line.valueOn === d);
}

/** The order of byAmount(): amount (in cents when both are whole cents, which orders them as their Decimals do), then statement order. */
function byAmountThenSeq(a: ReviewCredit, b: ReviewCredit): number {
  const byCents = a.cents - b.cents;
  return (Number.isNaN(byCents) ? a.amount.comparedTo(b.amount) : byCents) || a.seq - b.seq;
}

/** The credits of `sorted` (by amount) with lo ≤ amount ≤ hi (either bound may be absent), in statement order. */
function inRange(sorted: readonly ReviewCredit[], lo: Dec | undefined, hi: Dec | undefined): ReviewCredit[] {
  const from = lo === undefined ? 0 : firstAmountAtLeast(sorted, lo);
  const to = hi === undefined ? sorted.length : firstPast(sorted, (c) => c.amount.greaterThan(hi));
  return from >= to ? [] : sorted.slice(from, to).sort((a, b) => a.seq - b.seq);
}

/** The day's credits by amount (then statement order), sorted on the first ask. */
function byAmount(day: CreditDay): ReviewCredit[] {
  return (day.byAmount ??= [...day.inOrder].sort(byAmountThenSeq));
}

/** The first index of `sorted` (by amount) whose amount is ≥ v. */
function firstAmountAtLeast(sorted: readonly ReviewCredit[], v: Dec): number {
  return firstPast(sorted, (c) => c.amount.greaterThanOrEqualTo(v));
}

/** The first index of `sorted` where `past` holds (it holds from some index on: bounds.ts). */
function firstPast(sorted: readonly ReviewCredit[], past: (c: ReviewCredit) => boolean): number {
  return firstAtLeast(sorted.length, (i) => past(sorted[i]!));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
