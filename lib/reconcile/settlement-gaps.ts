// What a settlement check needs that it did not have (DESIGN.md "Coverage"): all rows of the
// group's days, and a bank statement reaching past the day the money was due. A group that
// lacks either is not a finding but an `unchecked` gap, with the one action that would check it.
//   - coverage input says a day of the group is partly captured → partial_capture;
//   - without coverage the data decides: missing rows only make the expected credit smaller, so
//     a credit larger than the rows (over, or a bigger credit of the MID on the value date of a
//     group with none) means rows were not seen → partial_capture; a credit smaller is still a
//     shortfall;
//   - no credit while the statement ends before the grace period → statement_ended (no
//     statement in that currency at all → no_statement).
import { Dec, ZERO } from '../money';
import type { CoverageDay, IsoDate } from '../model';
import { txnDate } from './fee-schedule';
import type { GroupOutcome, SettlementAnalysis, SettlementGroup } from './settlement';
import {
  SettlementBook,
  attributeByMemo,
  feeRounding,
  exactBeforeClosest,
  oneBatchSeveralCredits,
  pairFreed,
  severalBatchesInOneCredit,
} from './settlement-review';

export interface SettlementGap {
  reason: 'partial_capture' | 'statement_ended' | 'no_statement';
  merchantId?: string;
  /** partial_capture: the group's days whose rows were not all seen; statement: the value date */
  days: IsoDate[];
  /** statement_ended: the last date the statements cover */
  coveredThrough?: IsoDate;
  /** partial_capture with coverage input: rows captured and what the portal stated, when one day */
  rowsSeen?: number;
  statedCount?: number;
}

export interface ReviewedSettlement extends SettlementAnalysis {
  gaps: SettlementGap[];
  /**
   * The merchant's first settlement in a currency among the data (the earliest value date of
   * the outcomes paid matched, short or over; the first listed on a tie): where a deposit is taken.
   */
  firstSettlement(merchantId: string | undefined, currency: string): GroupOutcome | undefined;
}

export interface ReviewInput {
  lines: ConstructorParameters<typeof SettlementBook>[1];
  tolerance: ConstructorParameters<typeof SettlementBook>[2];
  asOf: IsoDate;
  coverage?: readonly CoverageDay[];
}

/** The analysis with its open outcomes looked at again (settlement-review.ts) and its gaps named. */
export function reviewSettlements(a: SettlementAnalysis, input: ReviewInput): ReviewedSettlement {
  const coverage = coverageIndex(input.coverage);
  // the passes' credit index goes on in the book. Even when every group is matched: the memo
  // step may release a matched group whose credit names another payout or MID (skipping it
  // then made a month's pairing depend on whether some unrelated group happened to be open)
  const book = new SettlementBook(a.outcomes, input.lines, input.tolerance, a.credits);
  const groups = a.groups;
  // From here no step opens a settled group again (they pair open groups, or release a group
  // that is itself open), so the steps below look at the groups open now, in the same order:
  // a few hundred of 60,000 at 100k rows, where every look at a group is a wait on memory.
  const unsettled = attributeByMemo(book, groups, a.payoutIds);
  // consecutive batches are windows of all a MID's batch groups, settled ones included
  severalBatchesInOneCredit(book, groups);
  oneBatchSeveralCredits(book, unsettled);
  exactBeforeClosest(book, unsettled, groups);
  pairFreed(book, unsettled);
  feeRounding(book, unsettled);
  const gaps: SettlementGap[] = [];
  for (const g of unsettled) {
    const gap = gapOf(book, g, coverage, a, input.asOf);
    if (gap) gaps.push(gap);
  }
  const outcomes = groups.map((g) => book.outcomeOf(g));
  return withOutcomes(a, outcomes, gaps);
}

type CoverageIndex = Map<string, CoverageDay>;

function coverageIndex(days: readonly CoverageDay[] | undefined): CoverageIndex | undefined {
  if (!days || days.length === 0) return undefined;
  const out: CoverageIndex = new Map();
  for (const d of days) out.set(`${d.merchantId ?? ''}|${d.day}`, d);
  return out;
}

/** The group's days, each with what coverage says of it (a statement about every MID counts too). */
function daysOf(g: SettlementGroup, coverage: CoverageIndex | undefined): { day: IsoDate; seen?: CoverageDay }[] {
  const days = [...new Set(g.transactions.map(txnDate))].sort();
  return days.map((day) => ({ day, seen: coverage?.get(`${g.merchantId ?? ''}|${day}`) ?? coverage?.get(`|${day}`) }));
}

function gapOf(book: SettlementBook, g: SettlementGroup, coverage: CoverageIndex | undefined, a: SettlementAnalysis, asOf: IsoDate): SettlementGap | undefined {
  const o = book.outcomeOf(g);
  if (o.status !== 'short' && o.status !== 'missing' && o.status !== 'over' && o.status !== 'pending' && o.status !== 'not_covered') return undefined;
  const days = daysOf(g, coverage);
  const partial = days.filter((d) => d.seen?.complete === false);
  const allComplete = days.every((d) => d.seen?.complete === true);
  const partialGap = (which: typeof days): SettlementGap => {
    const gap: SettlementGap = { reason: 'partial_capture', merchantId: g.merchantId, days: which.map((d) => d.day) };
    if (which.length === 1 && which[0]!.seen) {
      gap.rowsSeen = which[0]!.seen.rowsSeen;
      if (which[0]!.seen.stated?.count !== undefined) gap.statedCount = which[0]!.seen.stated.count;
    }
    return gap;
  };
  if (o.status === 'short' || o.status === 'missing' || o.status === 'over') {
    if (partial.length > 0) {
      book.set(g, 'unchecked', o.lines, o.received, o.basis, o.confidence);
      return partialGap(partial);
    }
    // an over-payment stays 'over' (its residual is kept): it names days to capture in full
    // unless a voided sale still paid explains it (void_still_settled)
    if (!allComplete && o.status === 'over') return paidVoid(g, o) ? undefined : partialGap(days);
    if (!allComplete && o.status === 'missing') {
      const bigger = book
        .freeCreditsOn(g.currency, [g.expectedValueDate, ...g.nearDates], { lo: g.expected.plus(book.slack([g])) })
        .filter((c) => c.amount.greaterThan(g.expected.plus(book.slack([g]))) && book.fits(c, g) && book.isFree(c))
        .sort((x, y) => x.amount.comparedTo(y.amount) || (x.line.id < y.line.id ? -1 : 1))[0];
      if (bigger) {
        book.set(g, 'unchecked', [bigger.line], bigger.amount, 'settlement-group:rows-not-seen', 0.5);
        return partialGap(days);
      }
    }
    return undefined;
  }
  if ((o.status === 'pending' || o.status === 'not_covered') && g.graceUntil <= asOf) {
    // the statements may end before the value date, or have a hole around it: the action is to
    // import what follows the last covered day before it
    let through = a.coveredThrough(g.currency);
    if (through !== undefined && through >= g.expectedValueDate) through = lastCoveredBefore(a, g.expectedValueDate, g.currency);
    book.set(g, 'unchecked', [], ZERO);
    return through === undefined
      ? { reason: 'no_statement', merchantId: g.merchantId, days: [g.expectedValueDate] }
      : { reason: 'statement_ended', merchantId: g.merchantId, days: [g.expectedValueDate], coveredThrough: through };
  }
  return undefined;
}

/** The last day before `date` (up to a year back) the statements cover, if any. */
function lastCoveredBefore(a: SettlementAnalysis, date: IsoDate, currency: string): IsoDate | undefined {
  let d = date;
  for (let i = 0; i < 366; i++) {
    d = new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    if (a.isCovered(d, currency)) return d;
  }
  return undefined;
}

/** True when the over-payment is the net of a sale the group's rows void (void_still_settled's case). */
function paidVoid(g: SettlementGroup, o: GroupOutcome): boolean {
  const over = o.shortBy.neg();
  const ids = new Set(g.transactions.map((t) => t.originalRef?.trim().toUpperCase()).filter((r): r is string => !!r));
  if (ids.size === 0) return false;
  return (
    g.transactions.some((t) => t.rrn && ids.has(t.rrn.trim().toUpperCase()) && t.net && new Dec(t.net.amount).minus(over).abs().lessThanOrEqualTo('0.01')) ||
    g.transactions.some((t) => t.rrn && ids.has(t.rrn.trim().toUpperCase()) && !t.net)
  );
}

/** The analysis with new outcomes (byTxn, outcomesOf and firstSettlement read them). */
function withOutcomes(a: SettlementAnalysis, outcomes: GroupOutcome[], gaps: SettlementGap[]): ReviewedSettlement {
  // what the methods read of the analysis, taken out of it: a closure over `a` itself would keep
  // the passes' credit index alive as long as the result (at 1M rows ~200 MB)
  const { groups, rowGroups, issues, coveredThrough, isCovered } = a;
  let byTxn: Map<string, GroupOutcome> | undefined;
  let first: Map<string | undefined, Map<string, GroupOutcome>> | undefined;
  return {
    firstSettlement(merchantId, currency) {
      if (!first) {
        first = new Map();
        for (const o of outcomes) {
          if (o.status !== 'matched' && o.status !== 'short' && o.status !== 'over') continue;
          let byCurrency = first.get(o.group.merchantId);
          if (!byCurrency) first.set(o.group.merchantId, (byCurrency = new Map()));
          const m = byCurrency.get(o.group.currency);
          if (!m || o.group.expectedValueDate < m.group.expectedValueDate) byCurrency.set(o.group.currency, o);
        }
      }
      return first.get(merchantId)?.get(currency);
    },
    groups,
    outcomes,
    get byTxn() {
      if (!byTxn) {
        byTxn = new Map();
        for (const o of outcomes) for (const t of o.group.transactions) byTxn.set(t.id, o);
      }
      return byTxn;
    },
    outcomesOf(ids) {
      const out = new Map<string, GroupOutcome>();
      if (ids.size === 0) return out;
      const rows = rowGroups;
      if (!rows) {
        for (const o of outcomes) for (const t of o.group.transactions) if (ids.has(t.id)) out.set(t.id, o);
        return out;
      }
      // the row ids in a row, then the group of those asked for (its outcome is the review's):
      // no walk through every group's rows
      for (let i = 0; i < rows.ids.length; i++) {
        const id = rows.ids[i]!;
        if (!ids.has(id)) continue;
        const o = rows.groupOf[i]?.outcome;
        if (!o) continue;
        // an id two rows share (rare): the group later in the analysis's order, as byTxn has it
        const prev = out.get(id);
        if (prev && groups.indexOf(prev.group) > groups.indexOf(o.group)) continue;
        out.set(id, o);
      }
      return out;
    },
    issues,
    coveredThrough,
    isCovered,
    gaps,
  };
}
