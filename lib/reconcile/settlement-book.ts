// The state the settlement review works on (settlement-review.ts): every group's current
// outcome, which groups hold each bank line, and the positive credits by currency and date.
//
// The review asks, for each open group, for free credits near an amount on a few dates. Almost
// every credit of a busy account is held (a payout per order, matched exactly by settlement.ts),
// so each date also keeps its free credits that can fit a group, sorted by amount, up to date as
// set() takes and releases lines: a search walks those instead of passing over every held credit
// of the date (which made the review grow with open groups × credits per day: 3,700 open groups
// × 50,000 credits on their dates at a million rows).
import { Dec, amountOf, centsOf, isPositive } from '../money';
import type { IsoDate, StatementLine } from '../model';
import { SETTLEMENT_CREDIT, lineText } from './labels';
import { memoMerchantReader } from './memo-merchant';
import type { GroupOutcome, OutcomeStatus, SettlementGroup } from './settlement';

export class ReviewCredit {
  constructor(
    private readonly book: SettlementBook,
    readonly line: StatementLine,
    /** the line's place in the statement lines: a date's credits are listed in this order */
    readonly seq: number,
    /** the amount in whole cents (lib/money.ts centsOf), NaN when it is not: then only `amount` orders it */
    readonly cents: number,
  ) {}

  private settlementRead: boolean | undefined;
  /** its text reads as a settlement (labels.ts SETTLEMENT_CREDIT); read when first asked: only free credits are */
  get settlementLike(): boolean {
    return (this.settlementRead ??= SETTLEMENT_CREDIT.test(lineText(this.line)));
  }

  private dec: Dec | undefined;
  /** the amount as a Decimal, made on the first ask: the review reads a few credits' amounts, not a million */
  get amount(): Dec {
    return (this.dec ??= amountOf(this.line.amount));
  }

  /** lineText(line), made when asked: kept for every credit it would hold a string per bank line */
  get text(): string {
    return lineText(this.line);
  }

  /** listed under two dates (its booking and its value date) */
  get twoDates(): boolean {
    return !!this.line.valueOn && this.line.valueOn !== this.line.bookedOn;
  }

  /** the next credit whose line has the same id (SettlementBook.creditsOfId) */
  sameId: ReviewCredit | undefined;

  /**
   * Some group holds a line of this id (SettlementBook.isFree): set when the credits are indexed,
   * then by set() on every change, so that asking costs no look-up of the id (the review asks
   * ~2 × credits times; a look-up in a map of 100k ids was ~2 µs, mostly waiting on memory).
   */
  held = false;

  /** the merchant number the memo names, if any (SettlementBook.midOf: read when first asked, most credits never are) */
  get mid(): string | undefined {
    return this.book.midOf(this.line);
  }
}

/** The state the review works on: every group's current outcome and which groups hold each credit. */
export class SettlementBook {
  readonly outcome = new Map<SettlementGroup, GroupOutcome>();
  /** the groups holding each line id: the group itself when one (most lines: no array each), an array when several; no entry when free */
  private readonly holders = new Map<string, SettlementGroup | SettlementGroup[]>();
  private credits: Map<string, Map<IsoDate, CreditDay>> | undefined;
  /**
   * The indexed credit of each line id; a statement may repeat an id (holders count per id), and
   * the other credits of an id follow from the first by ReviewCredit.sameId (no array per id: a
   * million credits).
   */
  private creditsById: Map<string, ReviewCredit> | undefined;

  /** The indexed credits of a line id. */
  private creditsOfId(id: string): ReviewCredit[] {
    const out: ReviewCredit[] = [];
    for (let c = this.creditsById?.get(id); c; c = c.sameId) out.push(c);
    return out;
  }
  readonly mids: string[];

  constructor(
    outcomes: readonly GroupOutcome[],
    private readonly lines: readonly StatementLine[],
    readonly tolerance: Dec,
  ) {
    const mids = new Set<string>();
    for (const o of outcomes) {
      this.outcome.set(o.group, o);
      if (o.group.merchantId) mids.add(o.group.merchantId);
      for (const l of o.lines) this.hold(l.id, o.group);
    }
    this.mids = [...mids].sort();
  }

  private hold(lineId: string, g: SettlementGroup): void {
    const h = this.holders.get(lineId);
    if (h === undefined) this.holders.set(lineId, g);
    else if (Array.isArray(h)) h.push(g);
    else this.holders.set(lineId, [h, g]);
  }

  isFree(c: ReviewCredit): boolean {
    return !c.held;
  }

  /** The groups holding a line of this id (in the order they took it). */
  holdersOf(l: StatementLine): readonly SettlementGroup[] {
    const h = this.holders.get(l.id);
    return h === undefined ? [] : Array.isArray(h) ? h : [h];
  }

  /** Every free positive credit, each once, in statement order. */
  freeCredits(): ReviewCredit[] {
    this.credits ??= this.indexCredits();
    return this.all.filter((c) => this.isFree(c));
  }
  /** every indexed credit in statement order (indexCredits) */
  private all: ReviewCredit[] = [];

  /** `g` takes `lines` (its earlier lines go back to the pool) with this outcome. */
  set(g: SettlementGroup, status: OutcomeStatus, lines: StatementLine[], received: Dec, basis?: string, confidence?: number): void {
    const prev = this.outcome.get(g);
    for (const l of prev?.lines ?? []) {
      const h = this.holdersOf(l);
      if (h.length === 0) continue;
      const rest = h.filter((x) => x !== g);
      if (rest.length === 0) this.holders.delete(l.id);
      else this.holders.set(l.id, rest.length === 1 ? rest[0]! : rest);
      if (rest.length === 0) this.freeChanged(l.id, true);
    }
    for (const l of lines) {
      const wasFree = !this.holders.has(l.id);
      this.hold(l.id, g);
      if (wasFree) this.freeChanged(l.id, false);
    }
    let valueDate: IsoDate | undefined;
    for (const l of lines) if (!valueDate || l.bookedOn > valueDate) valueDate = l.bookedOn;
    this.outcome.set(g, { group: g, status, lines, received, shortBy: g.expected.minus(received), basis, confidence, valueDate });
  }

  /**
   * Unclaimed-or-claimed positive credits of a currency on `dates` (booking or value date), each
   * once, in date-list order and, within a date, in statement order. With `range`, only those of
   * lo ≤ amount ≤ hi, found by binary search in the date's credits sorted by amount: a month of a
   * chain's statement holds thousands of credits a day, and the review asks for a narrow band of
   * them for every window of groups it tries.
   */
  creditsOn(currency: string, dates: readonly IsoDate[], range?: { lo?: Dec; hi?: Dec }): ReviewCredit[] {
    this.credits ??= this.indexCredits();
    const byDate = this.credits.get(currency);
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
    this.credits ??= this.indexCredits();
    const byDate = this.credits.get(currency);
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
    this.credits ??= this.indexCredits();
    const byDate = this.credits.get(currency);
    const found = new Set<ReviewCredit>();
    const ownCredits = own.flatMap((l) => this.creditsOfId(l.id).filter((c) => c.line === l && c.line.amount.currency === currency));
    for (const d of new Set(dates)) {
      const day = byDate?.get(d);
      if (!day) continue;
      const free = this.freeOf(day);
      // the group's own credits listed on this date that a fitting walk would meet, in the walk's order
      const mine = ownCredits.filter((c) => listedOn(c, d) && fitsSome(c) && c.amount.lessThan(below)).sort(byAmountThenSeq);
      let kept = 0;
      let last: Dec | undefined;
      let i = firstAtLeast(free, below) - 1;
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
    this.credits ??= this.indexCredits();
    if (!this.named) {
      // by MID, currency, date (no key string per credit)
      const named = new Map<string, Map<string, Map<IsoDate, ReviewCredit[]>>>();
      for (const [cur, byDate] of this.credits)
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
   * The merchant number a line's memo names (memoMerchant), read once per line. Remembered per
   * line, not per id: two accounts' statements may both have a line L1, with different memos.
   */
  midOf(l: StatementLine): string | undefined {
    if (this.mids.length === 0) return undefined;
    const known = this.lineMids.get(l);
    if (known !== undefined || this.lineMids.has(l)) return known;
    const mid = (this.readMid ??= memoMerchantReader(this.mids))(lineText(l));
    this.lineMids.set(l, mid);
    return mid;
  }
  private readonly lineMids = new Map<StatementLine, string | undefined>();
  private readMid: ((text: string) => string | undefined) | undefined;

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
    const byDate = this.credits;
    // not indexed yet: indexCredits reads the holders when it makes the credits
    if (!byDate) return;
    for (const c of this.creditsOfId(id)) {
      c.held = !free;
      for (const d of c.twoDates ? [c.line.bookedOn, c.line.valueOn!] : [c.line.bookedOn]) {
        const list = byDate.get(c.line.amount.currency)?.get(d)?.free;
        if (!list || !fitsSome(c)) continue;
        const at = firstPast(list, (x) => byAmountThenSeq(x, c) >= 0);
        if (free) list.splice(at, 0, c);
        else if (list[at] === c) list.splice(at, 1);
      }
    }
  }

  private indexCredits(): Map<string, Map<IsoDate, CreditDay>> {
    const out = new Map<string, Map<IsoDate, CreditDay>>();
    const byId = new Map<string, ReviewCredit>();
    const lastOfId = new Map<string, ReviewCredit>();
    this.creditsById = byId;
    this.lines.forEach((l, seq) => {
      if (l.amount.amount.startsWith('-')) return;
      if (!isPositive(l.amount)) return;
      const c = new ReviewCredit(this, l, seq, centsOf(l.amount.amount) ?? NaN);
      c.held = this.holders.has(l.id);
      const first = byId.get(l.id);
      if (!first) byId.set(l.id, c);
      else {
        // a repeated id (rare): linked after the last credit of the id so far
        const last = lastOfId.get(l.id) ?? first;
        last.sameId = c;
        lastOfId.set(l.id, c);
      }
      this.all.push(c);
      let byDate = out.get(l.amount.currency);
      if (!byDate) out.set(l.amount.currency, (byDate = new Map()));
      for (const d of c.twoDates ? [l.bookedOn, l.valueOn!] : [l.bookedOn]) {
        const day = byDate.get(d);
        if (day) day.inOrder.push(c);
        else byDate.set(d, { inOrder: [c] });
      }
    });
    return out;
  }
}

/** A date's credits in statement order, and sorted by amount once a range is asked of them. */
interface CreditDay {
  inOrder: ReviewCredit[];
  byAmount?: ReviewCredit[];
  /** byAmount less the credits that can fit no group and those some group holds (SettlementBook.freeOf) */
  free?: ReviewCredit[];
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
  const from = lo === undefined ? 0 : firstAtLeast(sorted, lo);
  const to = hi === undefined ? sorted.length : firstPast(sorted, (c) => c.amount.greaterThan(hi));
  return from >= to ? [] : sorted.slice(from, to).sort((a, b) => a.seq - b.seq);
}

/** The day's credits by amount (then statement order), sorted on the first ask. */
function byAmount(day: CreditDay): ReviewCredit[] {
  return (day.byAmount ??= [...day.inOrder].sort(byAmountThenSeq));
}

/** The first index of `sorted` (by amount) whose amount is ≥ v. */
function firstAtLeast(sorted: readonly ReviewCredit[], v: Dec): number {
  return firstPast(sorted, (c) => c.amount.greaterThanOrEqualTo(v));
}

/** The first index where `past` holds (it holds from some index on). */
function firstPast(sorted: readonly ReviewCredit[], past: (c: ReviewCredit) => boolean): number {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (past(sorted[m]!)) b = m;
    else a = m + 1;
  }
  return a;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
