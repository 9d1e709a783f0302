// A second look at the settlement outcomes, as acquirers really pay (issue 13 item 2). The
// passes of settlement.ts pair each group with credits by amount and date; what they leave
// short, over or missing is looked at again here, in this order:
//   1. memo before amount: a credit whose memo names another merchant number is not this
//      group's (two MIDs paid into one account), and a group without its credit takes the
//      unclaimed credit that names its MID;
//   2. several batches in one credit: consecutive groups of one MID (a 调休 Saturday batch and
//      the batches after a holiday) paid together;
//   3. one batch over several credits (per terminal, or split by the bank);
//   4. per-batch fee rounding: a difference within 0.01 × rows is rounding, not money missing.
// Then settlement-gaps.ts turns what is left into findings or `unchecked`. Each match keeps
// the basis it was made on. Only groups that are not matched are looked at: at a million rows
// almost every group is matched exactly and costs one check here. Filters test the amount first;
// a credit's memo MID is read once, on the first ask, and cached on the credit.
import { type Dec, ZERO } from '../money';
import type { IsoDate } from '../model';
import { lineText, lineTextIncludes } from './labels';
import type { OutcomeStatus, SettlementGroup } from './settlement';
import type { ReviewCredit, SettlementBook } from './settlement-book';
import type { PayoutIds } from './settlement-groups';

export { type ReviewCredit, SettlementBook } from './settlement-book';

/** Up to this many consecutive groups may share one credit. */
const MAX_BATCHES_PER_CREDIT = 5;
/** Up to this many credits (of the group's MID, on its dates) are tried as parts of one batch. */
const MAX_SPLIT_CANDIDATES = 10;
const MAX_SPLIT_PARTS = 6;

const OPEN: ReadonlySet<OutcomeStatus> = new Set(['short', 'over', 'missing']);

/** The dates a group's credit may carry: its value date, up to the next working day, then the grace period. */
function datesOf(g: SettlementGroup, withGrace: boolean): IsoDate[] {
  const out = [g.expectedValueDate, ...g.nearDates];
  if (!withGrace) return out;
  for (let d = out[out.length - 1]!; d < g.graceUntil; ) {
    d = nextDay(d);
    out.push(d);
  }
  return out;
}

function nextDay(d: IsoDate): IsoDate {
  return new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function statusOf(_book: SettlementBook, expected: Dec, received: Dec, slack: Dec): OutcomeStatus {
  const diff = expected.minus(received);
  if (diff.abs().lessThanOrEqualTo(slack)) return 'matched';
  return diff.greaterThan(ZERO) ? 'short' : 'over';
}

/**
 * 1. A credit naming another MID (or another payout) is released; groups without a credit take
 * the closest one naming their MID. Returns the groups not settled after it (matched,
 * nothing_due and incomplete are settled), in group order: every group is looked at once here,
 * the later steps look at those only (no step after this one settles a group's fate again for a
 * group it did not find open, see settlement-gaps.ts).
 */
export function attributeByMemo(book: SettlementBook, groups: readonly SettlementGroup[], payoutIds?: PayoutIds): SettlementGroup[] {
  // positions in `groups` of the groups open after the payouts' memos were read
  let open = releaseOtherPayouts(book, groups, payoutIds);
  if (book.mids.length >= 2) {
    // read from the held credits (each memo once), then released in group order
    const foreign = new Set<SettlementGroup>();
    for (const c of book.heldCredits()) {
      const mid = c.mid;
      if (mid === undefined) continue;
      for (const g of book.holdersOfCredit(c))
        if (g.merchantId && mid !== g.merchantId && !foreign.has(g) && book.outcomeOf(g).lines.includes(c.line)) foreign.add(g);
    }
    if (foreign.size > 0) {
      const released: number[] = [];
      for (let i = 0; i < groups.length; i++)
        if (foreign.has(groups[i]!)) {
          book.set(groups[i]!, 'missing', [], ZERO);
          released.push(i);
        }
      open = mergeAscending(open, released);
    }
    // a group open now was open after the payouts' step or released just above
    for (const i of open) {
      const g = groups[i]!;
      const o = book.outcomeOf(g);
      if (!g.merchantId || !OPEN.has(o.status) || o.lines.length > 0) continue;
      const named = book.creditsNaming(g.merchantId, g.currency, datesOf(g, true)).filter((c) => book.isFree(c));
      if (named.length === 0) continue;
      named.sort((a, b) => a.amount.minus(g.expected).abs().comparedTo(b.amount.minus(g.expected).abs()) || cmp(a.line.id, b.line.id));
      const c = named[0]!;
      // a named credit far above the group is not paired here: rows may be unseen (settlement-gaps.ts)
      if (c.amount.greaterThan(g.expected.times('1.5')) || c.amount.lessThan(g.expected.times('0.5'))) continue;
      book.set(g, statusOf(book, g.expected, c.amount, book.slack([g])), [c.line], c.amount, 'settlement-group:memo-merchant', 0.85);
    }
  }
  const unsettled: SettlementGroup[] = [];
  for (const i of open) if (!SETTLED.has(book.outcomeOf(groups[i]!).status)) unsettled.push(groups[i]!);
  return unsettled;
}

/** What the review leaves as it is (every other status is looked at again). */
const SETTLED: ReadonlySet<OutcomeStatus> = new Set(['matched', 'nothing_due', 'incomplete']);

/** Two ascending lists of positions as one, each position once. */
function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out[out.length - 1] !== next) out.push(next);
  }
  return out;
}

/**
 * Payouts named in memos: a credit whose memo names another payout of the data is that
 * payout's, whatever its amount (a loose tolerance lets two per-order payouts of near amounts
 * take each other's credit); a payout left without one takes the free credit naming it.
 * One look at every group: returns the positions of those left open (not SETTLED) after the
 * first part, ascending — the second part only settles groups among them.
 */
function releaseOtherPayouts(book: SettlementBook, groups: readonly SettlementGroup[], payoutIds?: PayoutIds): number[] {
  let payouts = payoutIds;
  const allPayouts = () => (payouts ??= new Set(groups.map((x) => x.payoutId).filter((p): p is string => !!p)));
  const open: number[] = [];
  // the payout groups without a credit (missing, or released here), in group order
  const unpaid: SettlementGroup[] = [];
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    let o = book.outcomeOf(g);
    // the common case, a memo naming this payout, costs one includes() per field
    if (g.payoutId && o.lines.length > 0 && !o.lines.every((l) => lineTextIncludes(l, g.payoutId!))) {
      const other = o.lines.some(
        (l) => !lineTextIncludes(l, g.payoutId!) && (lineText(l).match(/[A-Za-z0-9_-]{6,}/g) ?? []).some((w) => w !== g.payoutId && allPayouts().has(w)),
      );
      if (other) {
        book.set(g, 'missing', [], ZERO);
        o = book.outcomeOf(g);
      }
    }
    if (!SETTLED.has(o.status)) open.push(i);
    if (g.payoutId && o.status === 'missing' && o.lines.length === 0) unpaid.push(g);
  }
  // the free credits naming each payout, made on the first ask: this loop only gives free credits
  // to groups that hold none (nothing is freed), so a credit free later was free then
  let naming: Map<string, ReviewCredit[]> | undefined;
  for (const g of unpaid) {
    naming ??= creditsByPayout(book.freeCredits(), allPayouts());
    const c = listedOn(naming.get(g.payoutId!) ?? [], g.currency, [...g.nearDates, ...datesOf(g, true)].sort())
      .filter((x) => x.text.includes(g.payoutId!) && book.isFree(x))
      .sort((x, y) => cmp(x.line.bookedOn, y.line.bookedOn) || cmp(x.line.id, y.line.id))[0];
    if (c) book.set(g, statusOf(book, g.expected, c.amount, book.tolerance), [c.line], c.amount, 'settlement-group:memo-payout', 0.9);
  }
  return open;
}

/**
 * `credits` (in statement order) under each of `payouts` their text contains: each text read once,
 * at the characters a payout id starts with, for the lengths payout ids have.
 */
function creditsByPayout(credits: readonly ReviewCredit[], payouts: PayoutIds): Map<string, ReviewCredit[]> {
  // payout ids mostly start alike ('PO…'): each first character is looked for with indexOf
  const lengthSet = new Set<number>();
  const startSet = new Set<string>();
  for (const p of payouts) {
    lengthSet.add(p.length);
    startSet.add(p[0]!);
  }
  const lengths = [...lengthSet];
  const starts = [...startSet];
  const out = new Map<string, ReviewCredit[]>();
  for (const c of credits) {
    const text = c.text;
    let named: Set<string> | undefined;
    for (const first of starts)
      for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1))
        for (const n of lengths) {
          const w = text.slice(at, at + n);
          if (w.length === n && payouts.has(w)) (named ??= new Set()).add(w);
        }
    for (const p of named ?? []) {
      const list = out.get(p);
      if (list) list.push(c);
      else out.set(p, [c]);
    }
  }
  return out;
}

/** What book.creditsOn(currency, dates) lists of `credits` (in statement order), in its order: by date, each credit once. */
function listedOn(credits: readonly ReviewCredit[], currency: string, dates: readonly IsoDate[]): ReviewCredit[] {
  const out: ReviewCredit[] = [];
  const seen = new Set<ReviewCredit>();
  for (const d of new Set(dates))
    for (const c of credits) {
      if (c.line.amount.currency !== currency || (c.line.bookedOn !== d && !(c.twoDates && c.line.valueOn === d)) || seen.has(c)) continue;
      seen.add(c);
      out.push(c);
    }
  return out;
}

/** 2. Consecutive groups of one MID, currency and cycle paid by one credit. */
export function severalBatchesInOneCredit(book: SettlementBook, groups: readonly SettlementGroup[]): void {
  const runs = new Map<string, SettlementGroup[]>();
  for (const g of groups) {
    if (g.payoutId || !g.complete) continue;
    const k = `${g.merchantId ?? ''}|${g.currency}|${g.cycle}`;
    const l = runs.get(k);
    if (l) l.push(g);
    else runs.set(k, [g]);
  }
  for (const run of runs.values()) {
    run.sort((a, b) => cmp(a.expectedValueDate, b.expectedValueDate));
    for (let i = 0; i < run.length; i++) {
      if (book.outcomeOf(run[i]!).status !== 'missing') continue;
      window: for (let size = 2; size <= MAX_BATCHES_PER_CREDIT; size++) {
        for (let a = Math.max(0, i - size + 1); a <= i && a + size <= run.length; a++) {
          const w = run.slice(a, a + size);
          if (!w.every((g) => OPEN.has(book.outcomeOf(g).status) || book.outcomeOf(g).status === 'pending')) continue;
          if (pairWindow(book, w)) break window;
        }
      }
    }
  }
}

function pairWindow(book: SettlementBook, w: SettlementGroup[]): boolean {
  const last = w[w.length - 1]!;
  const sum = w.reduce((s, g) => s.plus(g.expected), ZERO);
  const slack = book.slack(w);
  const mine = new Set(w.flatMap((g) => book.outcomeOf(g).lines.map((l) => l.id)));
  const dates = new Set<IsoDate>();
  for (const g of w) for (const d of datesOf(g, false)) dates.add(d);
  for (const d of datesOf(last, true)) dates.add(d);
  const hit = book
    .creditsOn(last.currency, [...dates].sort(), { lo: sum.minus(slack), hi: sum.plus(slack) })
    .filter((c) => c.amount.minus(sum).abs().lessThanOrEqualTo(slack) && (book.isFree(c) || mine.has(c.line.id)) && book.fits(c, last))
    .sort((a, b) => cmp(a.line.bookedOn, b.line.bookedOn) || cmp(a.line.id, b.line.id))[0];
  if (!hit) return false;
  for (const g of w) book.set(g, 'matched', [], ZERO);
  // each batch received what it expected; the credit's rounding difference stays with the last
  for (const g of w)
    book.set(g, 'matched', [hit.line], g === last ? g.expected.plus(hit.amount.minus(sum)) : g.expected, 'settlement-group:several-batches', 0.8);
  return true;
}

/** 3. A batch paid in several credits of its MID on its dates (up to MAX_SPLIT_PARTS). */
export function oneBatchSeveralCredits(book: SettlementBook, groups: readonly SettlementGroup[]): void {
  for (const g of groups) {
    const o = book.outcomeOf(g);
    // a short group may hold one part already (the closest credit was taken for all of it)
    if (o.status !== 'missing' && !(o.status === 'short' && o.lines.length === 1)) continue;
    const slack = book.slack([g]);
    const cands = book.largestBelow(
      g.currency,
      datesOf(g, false),
      g.expected,
      (c) =>
        book.fits(c, g) &&
        (book.isFree(c) || o.lines.includes(c.line)) &&
        (o.status === 'missing' || (c.line.valueOn ?? c.line.bookedOn) === g.expectedValueDate),
      MAX_SPLIT_CANDIDATES,
      o.lines,
    );
    let parts = subsetSum(cands, g.expected, slack);
    if (!parts) {
      // no set adds up: credits whose memo names this MID and one of its terminals are its parts
      // all the same, and what they lack is a shortfall (not the whole batch missing)
      const terminals = [...new Set(g.transactions.map((t) => t.terminalId).filter((t): t is string => !!t && t.length >= 4))];
      const named = cands.filter(
        (c) =>
          c.mid !== undefined &&
          c.mid === g.merchantId &&
          (c.line.valueOn ?? c.line.bookedOn) === g.expectedValueDate &&
          terminals.some((t) => c.text.includes(t)),
      );
      const sum = named.reduce((x, c) => x.plus(c.amount), ZERO);
      if (named.length < 2 || sum.lessThan(g.expected.times('0.5'))) continue;
      parts = named;
    }
    if (!parts) continue;
    const received = parts.reduce((s, c) => s.plus(c.amount), ZERO);
    book.set(
      g,
      statusOf(book, g.expected, received, slack),
      parts.map((c) => c.line).sort((a, b) => cmp(a.id, b.id)),
      received,
      'settlement-group:several-credits',
      0.75,
    );
  }
}

/** The first subset (2..MAX_SPLIT_PARTS credits, largest first) whose sum is within slack of target. */
function subsetSum(cands: ReviewCredit[], target: Dec, slack: Dec): ReviewCredit[] | undefined {
  const pick: ReviewCredit[] = [];
  const walk = (from: number, sum: Dec): boolean => {
    if (pick.length >= 2 && sum.minus(target).abs().lessThanOrEqualTo(slack)) return true;
    if (pick.length >= MAX_SPLIT_PARTS) return false;
    for (let i = from; i < cands.length; i++) {
      const s = sum.plus(cands[i]!.amount);
      if (s.greaterThan(target.plus(slack))) continue;
      pick.push(cands[i]!);
      if (walk(i + 1, s)) return true;
      pick.pop();
    }
    return false;
  };
  return walk(0, ZERO) ? pick : undefined;
}

/**
 * A credit that is some group's amount (within rounding) on that group's own dates belongs to
 * it, even when the closest-credit pass gave it to a neighbour as its short or over payment
 * (rows of the neighbour's day not all seen make it reach for the next day's credit).
 * `groups` are those to look at, in the order of `all` (every group: it orders a line's holders).
 */
export function exactBeforeClosest(book: SettlementBook, groups: readonly SettlementGroup[], all: readonly SettlementGroup[] = groups): void {
  for (const g of groups) {
    if (book.outcomeOf(g).status !== 'missing') continue;
    const slack = book.slack([g]);
    for (const c of book.creditsOn(g.currency, datesOf(g, false), { lo: g.expected.minus(slack), hi: g.expected.plus(slack) })) {
      if (c.amount.minus(g.expected).abs().greaterThan(slack) || !book.fits(c, g)) continue;
      // the first of all groups holding this line (of those holding its id)
      const holders = book.holdersOf(c.line).filter((h) => h !== g && book.outcomeOf(h).lines.includes(c.line));
      const holder = holders.length > 1 ? all.find((h) => holders.includes(h)) : holders[0];
      if (!holder || !OPEN.has(book.outcomeOf(holder).status)) continue;
      book.set(holder, 'missing', [], ZERO);
      book.set(g, statusOf(book, g.expected, c.amount, slack), [c.line], c.amount, 'settlement-group:amount', 0.9);
      break;
    }
  }
}

/**
 * After 1–3 moved credits about, a group still without one takes the closest free credit that
 * fits it on its dates, within half its amount either way (settlement.ts's last pass, again).
 */
export function pairFreed(book: SettlementBook, groups: readonly SettlementGroup[]): void {
  for (const g of groups) {
    if (book.outcomeOf(g).status !== 'missing') continue;
    const lo = g.expected.times('0.5');
    const hi = g.expected.times('1.5');
    const c = book
      .freeCreditsOn(g.currency, datesOf(g, false), { lo, hi })
      .filter((x) => x.amount.greaterThanOrEqualTo(lo) && x.amount.lessThanOrEqualTo(hi) && book.isFree(x) && book.fits(x, g))
      .sort((x, y) => x.amount.minus(g.expected).abs().comparedTo(y.amount.minus(g.expected).abs()) || cmp(x.line.id, y.line.id))[0];
    if (c) book.set(g, statusOf(book, g.expected, c.amount, book.slack([g])), [c.line], c.amount, 'settlement-group:date', 0.6);
  }
}

/** 4. Short or over by no more than per-batch fee rounding (0.01 per row): matched. */
export function feeRounding(book: SettlementBook, groups: readonly SettlementGroup[]): void {
  for (const g of groups) {
    const o = book.outcomeOf(g);
    if ((o.status !== 'short' && o.status !== 'over') || !o.shortBy.abs().lessThanOrEqualTo(book.slack([g]))) continue;
    book.set(g, 'matched', o.lines, o.received, `${o.basis ?? 'settlement-group:amount'}+fee-rounding`, o.confidence);
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
