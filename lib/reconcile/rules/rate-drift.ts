// D6 费率上调 — a silent rate hike: per merchant and card type, the implied rate fee ÷ amount of
// consecutive runs of ≥ 3 transactions steps up by ≥ rateDriftPoints with no contract change
// that says so (DOMAIN.md §3 D6, §3.4 example 2). Capped rows and small amounts (where 0.01 of
// fee rounding moves the implied rate by more than a quarter of the threshold) are left out.
// With a contract in force the per-row excess is already fee_above_contract, so the drift
// finding then carries no money at stake; without one it carries Σ amount × the step.
import { Dec, MAX_EXACT_CENTS, ZERO, centsOf, money, round, toPlain, amountOf, decOf, HUNDRED } from '../../money';
import type { Finding, PortalTransaction } from '../../model';
import type { Rule, RuleContext } from '../context';
import { txnDate } from '../fee-schedule';
import { makeFinding } from '../finding';
import { CARD, FLAG, KIND, OTHER_CODE, STATUS } from '../row-index';

const MIN_RUN = 3;
/** a run's reference rate is the median of its first points */
const ANCHOR_POINTS = 7;

interface Point {
  t: PortalTransaction;
  /** the implied rate in percent, exact (Decimal); computed only when needed on the fast path */
  rate: Dec | undefined;
  /** t's position in ctx.transactions */
  index: number;
  /** the rate as a double: within 1e-15 of it relatively (the fast path's filter) */
  approx: number;
}

function median(xs: Dec[]): Dec {
  const s = [...xs].sort((a, b) => a.comparedTo(b));
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : s[mid - 1]!.plus(s[mid]!).dividedBy(2);
}

/**
 * `index`: t's position in ctx.transactions (for ctx.feeBreakdownHint). With `approx`, a row whose
 * rate is a plain f ÷ a of whole cents gives that rate as a double instead (no Decimal per row);
 * exactRate gives the Decimal when a series needs it.
 */
function impliedRate(ctx: RuleContext, t: PortalTransaction, index: number, approx: boolean): Dec | number | undefined {
  if (t.kind !== 'sale' || t.status !== 'success' || !t.fee || t.fee.currency !== t.amount.currency) return undefined;
  // the same early returns in whole cents, before any Decimal (most rows end here)
  const a = centsOf(t.amount.amount);
  const f = centsOf(t.fee.amount);
  if (a !== undefined && f !== undefined) {
    if (!(a > 0) || f < 0 || (f === 0 && t.fee.amount.charCodeAt(0) === 45)) return undefined; // "-0.00" is negative to Decimal
    const c = ctx.contractFor(t);
    const hint = c ? ctx.feeBreakdownHint(index) : 0;
    if (hint >= 2) return undefined;
    // nothing to subtract from the fee (hint 1, or no contract): the rate is f ÷ a × 100, which
    // the series below compare as a double unless a comparison is too close to call
    if (approx && (hint === 1 || !c)) {
      if (!c && t.cardType === 'debit' && f >= 1300) return undefined; // = fee ≥ 13, below
      if (t.settleCycle === 'D0' || t.settleCycle === 'T0') return undefined;
      return (f / a) * 100;
    }
  }
  const amount = amountOf(t.amount);
  const fee = amountOf(t.fee);
  if (!amount.greaterThan(ZERO) || fee.isNegative()) return undefined;
  const c = ctx.contractFor(t);
  let variable = fee;
  // the fee audit already priced most rows: 2 = capped/min (the same early return as below),
  // 3 = settled D0/T0 (the last early return below), 1 = nothing to subtract from the fee
  const hint = c ? ctx.feeBreakdownHint(index) : 0;
  if (hint >= 2) return undefined;
  if (c) {
    const b = hint === 1 ? undefined : ctx.feeBreakdown(t);
    if (b) {
      if (b.capped || b.minApplied) return undefined;
      // zero components are the common case: skip them rather than subtract 0 three times
      if (!b.fixed.isZero()) variable = variable.minus(b.fixed);
      if (!b.instantFee.isZero()) variable = variable.minus(b.instantFee);
      if (b.surcharges.length > 0) variable = variable.minus(b.surcharges.reduce((s, x) => s.plus(x.amount), ZERO));
    }
  } else if (t.cardType === 'debit' && fee.greaterThanOrEqualTo(13)) {
    return undefined; // probably a capped debit fee: its rate says nothing
  }
  if (t.settleCycle === 'D0' || t.settleCycle === 'T0') return undefined; // may hide an instant fee
  return variable.dividedBy(amount).times(HUNDRED);
}

/**
 * impliedRate(ctx, t, index, true) for a successful sale with a fee in its own currency, its
 * whole-cents path read from the row index. A feeBreakdownHint of 1-3 says the row has a contract
 * (feeExcessRows priced it), so contractFor is asked only when the hint is 0.
 */
function impliedRateOfRow(ctx: RuleContext, t: PortalTransaction, index: number): Dec | number | undefined {
  const ix = ctx.rows;
  const a = ix.amountCents[index]!;
  const f = ix.feeCents[index]!;
  if (Number.isNaN(a) || Number.isNaN(f)) return impliedRate(ctx, t, index, true);
  if (!(a > 0) || f < 0 || (f === 0 && t.fee!.amount.charCodeAt(0) === 45)) return undefined; // "-0.00" is negative to Decimal
  const hint = ctx.feeBreakdownHint(index);
  if (hint >= 2) return undefined;
  const contracted = hint === 1 || ctx.contractFor(t) !== undefined;
  // a contract whose breakdown may take something off the fee: the exact path
  if (contracted && hint !== 1) return impliedRate(ctx, t, index, true);
  if (!contracted && ix.cardType[index] === CARD.debit && f >= 1300) return undefined; // = fee ≥ 13, below
  if ((ix.flags[index]! & FLAG.instant) !== 0) return undefined;
  return (f / a) * 100;
}

function exactRate(ctx: RuleContext, p: Point): Dec {
  return (p.rate ??= impliedRate(ctx, p.t, p.index, false) as Dec);
}

/** The implied rate in percent as an exact Decimal (undefined: the row says nothing about the rate). `index`: t's position in ctx.transactions. */
export function exactImpliedRate(ctx: RuleContext, t: PortalTransaction, index: number): Dec | undefined {
  return impliedRate(ctx, t, index, false) as Dec | undefined;
}

/** The step that counts as drift, and the smallest amount whose rate is read (rounding noise 0.5/amount ≤ step/4). */
export function driftThresholds(ctx: RuleContext): { step: Dec; minAmount: Dec } {
  const step = decOf(ctx.tolerances.rateDriftPoints);
  return { step, minAmount: new Dec(2).dividedBy(step) };
}

export const rateDrift: Rule = {
  kind: 'rate_drift',
  run(ctx) {
    const { step, minAmount } = driftThresholds(ctx);
    // amount ≥ minAmount for an amount of whole cents A: A ≥ ⌈minAmount × 100⌉ (an integer, exact)
    const minCents = decToSafeInteger(minAmount.times(HUNDRED).ceil());
    // Each row's point and series (merchant, card type, currency) from the row index's columns,
    // in time order: a series is made at its first point, so the series come in that order. A
    // row object is read only where a column cannot tell (see impliedRateOfRow).
    const ix = ctx.rows;
    const { kind, status, flags, amountCents, cardType, currency, merchantCode, rows } = ix;
    const series: Point[][] = [];
    // by (merchant, card type, currency) codes; a merchant id not printed in normal form or a
    // card type outside CARD by its printed text, as the finding names the series (disjoint:
    // such a text is never a normal-form id with a known card type)
    const byCodes = new Map<number, Point[]>();
    const byText = new Map<string, Point[]>();
    const cards = Object.keys(CARD).length;
    const currencies = ix.currencies.length;
    for (let i = 0; i < ix.count; i++) {
      // impliedRate's first test on the columns: a successful sale with a fee in its own currency
      if (kind[i] !== KIND.sale || status[i] !== STATUS.success || (flags[i]! & FLAG.hasFee) === 0) continue;
      const cents = amountCents[i]!;
      if (minCents !== undefined && !Number.isNaN(cents) ? cents < minCents : !amountOf(rows[i]!.amount).greaterThanOrEqualTo(minAmount)) continue;
      const t = rows[i]!;
      const r = impliedRateOfRow(ctx, t, i);
      if (r === undefined) continue;
      const p: Point = typeof r === 'number' ? { t, rate: undefined, index: i, approx: r } : { t, rate: r, index: i, approx: r.toNumber() };
      let list: Point[] | undefined;
      if ((flags[i]! & FLAG.respelledId) === 0 && cardType[i] !== OTHER_CODE) {
        const code = (merchantCode[i]! * cards + cardType[i]!) * currencies + currency[i]!;
        list = byCodes.get(code);
        if (!list) byCodes.set(code, (list = []));
      } else {
        const k = `${t.merchantId ?? ''}|${t.cardType}|${t.amount.currency}`;
        list = byText.get(k);
        if (!list) byText.set(k, (list = []));
      }
      if (list.length === 0) series.push(list);
      list.push(p);
    }
    const out: Finding[] = [];
    const half = step.dividedBy(2);
    const stepApprox = step.toNumber();
    const rateOf = (p: Point) => exactRate(ctx, p);
    for (const points of series) {
      // runs of similar rates, in time order
      // each run is compared with the median of its first few points: stable and linear-time
      const runs = runsApprox(points, half.toNumber()) ?? runsExact(withExactRates(points, rateOf), half);
      const long = runs.filter((r) => r.length >= MIN_RUN);
      if (long.length < 2) continue;
      // each run's median once (a run is the `after` of one pair and the `before` of the next);
      // exact (Decimal) only for a pair whose medians as doubles do not clearly rise by less
      // than a step (each within 1e-15 relative of the exact one, see runsApprox), and the
      // pair's rows only for a step up
      const approx = long.map(medianApprox);
      const exact: (Dec | undefined)[] = [];
      const median = (i: number) => (exact[i] ??= medianOf(long[i]!, rateOf));
      for (let i = 1; i < long.length; i++) {
        const a = approx[i - 1]!;
        const b = approx[i]!;
        if (b - a < stepApprox - 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))) continue;
        if (!isStepUp(median(i - 1), median(i), step)) continue;
        const f = driftFinding(
          ctx,
          long[i - 1]!.map((p) => p.t),
          long[i]!.map((p) => p.t),
          median(i - 1),
          median(i),
          step,
        );
        if (f) out.push(f);
      }
    }
    return out;
  },
};

/** The rate rose from `oldRate` to `newRate` by a step or more: drift, unless a contract says so (driftFinding). */
function isStepUp(oldRate: Dec, newRate: Dec, step: Dec): boolean {
  return !newRate.minus(oldRate).lessThan(step);
}

/**
 * The finding for a run of rows (`after`) whose median rate `newRate` is a step or more above the
 * run before's `oldRate`; undefined when the step is smaller or a contract in force gives the
 * new rate (the change was agreed).
 */
export function driftFinding(
  ctx: RuleContext,
  before: readonly PortalTransaction[],
  after: readonly PortalTransaction[],
  oldRate: Dec,
  newRate: Dec,
  step: Dec,
): Finding | undefined {
  if (!isStepUp(oldRate, newRate, step)) return undefined;
  const first = after[0]!;
  const contract = ctx.contractFor(first);
  if (contract) {
    const b = ctx.feeBreakdown(first);
    if (b?.percent.minus(newRate).abs().lessThan(step.dividedBy(2))) return undefined;
  }
  const currency = first.amount.currency;
  // quoted rates have two decimals (0.38, 0.55, 0.6): snap the measured old rate to one when
  // it is that close, then excess = Σ (fee charged − fee at the old rate), row by row
  const snapped = round(oldRate, 2).minus(oldRate).abs().lessThan(step.dividedBy(4)) ? round(oldRate, 2) : round(oldRate, 3);
  const excess = after.reduce((s, t) => s.plus(amountOf(t.fee!).minus(round(amountOf(t.amount).times(snapped).dividedBy(HUNDRED), 2))), ZERO);
  const covered = after.every((t) => ctx.contractFor(t) !== undefined);
  const fmt = (r: Dec) => toPlain(round(r, 3), 2);
  return makeFinding('rate_drift', {
    severity: 'overcharge',
    transactionIds: after.map((t) => t.id),
    atStake: covered ? undefined : money(round(excess, 2), currency),
    params: {
      merchantId: first.merchantId,
      cardType: first.cardType,
      currency,
      oldRate: fmt(snapped),
      newRate: fmt(newRate),
      from: txnDate(first),
      previousFrom: txnDate(before[0]!),
      previousCount: String(before.length),
      count: String(after.length),
      excess: money(round(excess, 2), currency).amount,
      threshold: ctx.tolerances.rateDriftPoints,
      contractId: contract?.id,
    },
  });
}

/** The points with their exact rates set (runsExact reads p.rate). */
function withExactRates(points: readonly Point[], rateOf: (p: Point) => Dec): readonly Point[] {
  for (const p of points) rateOf(p);
  return points;
}

/** The runs of a series on exact rates (when the doubles cannot decide; every point's rate is set). */
function runsExact(points: readonly Point[], half: Dec): Point[][] {
  const runs: Point[][] = [];
  let anchor = ZERO;
  for (const p of points) {
    const cur = runs[runs.length - 1];
    if (cur && p.rate!.minus(anchor).abs().lessThan(half)) {
      cur.push(p);
      if (cur.length <= ANCHOR_POINTS) anchor = median(cur.map((x) => x.rate!));
    } else {
      runs.push([p]);
      anchor = p.rate!;
    }
  }
  return runs;
}

/**
 * runsExact on the doubles, or undefined when a comparison is too close to call on them. Each
 * double is within 1e-15 (relative) of the exact rate and a median of doubles within as much of
 * the median of the exact rates (an order statistic moves no more than its inputs), so a
 * comparison that clears `half` by more than 1e-9 × the magnitudes involved decides as the
 * exact one does.
 */
function runsApprox(points: readonly Point[], half: number): Point[][] | undefined {
  const runs: Point[][] = [];
  let anchor = 0;
  for (const p of points) {
    const cur = runs[runs.length - 1];
    if (cur) {
      const d = Math.abs(p.approx - anchor);
      if (Math.abs(d - half) <= 1e-9 * Math.max(1, Math.abs(p.approx), Math.abs(anchor))) return undefined;
      if (d < half) {
        cur.push(p);
        if (cur.length <= ANCHOR_POINTS) anchor = medianApprox(cur);
        continue;
      }
    }
    runs.push([p]);
    anchor = p.approx;
  }
  return runs;
}

function medianApprox(run: readonly Point[]): number {
  const s = run.map((p) => p.approx).sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * median(run's exact rates), computing exact rates only for the middle point(s) when the doubles
 * leave no doubt which they are (a clear gap, 1e-9 relative, to each neighbour in double order);
 * otherwise from every exact rate.
 */
function medianOf(run: readonly Point[], rateOf: (p: Point) => Dec): Dec {
  const s = [...run].sort((a, b) => a.approx - b.approx);
  const mid = s.length >> 1;
  const lo = s.length % 2 ? mid : mid - 1;
  const clear = (i: number) =>
    i < 0 || i + 1 >= s.length || Math.abs(s[i + 1]!.approx - s[i]!.approx) > 1e-9 * Math.max(1, Math.abs(s[i]!.approx), Math.abs(s[i + 1]!.approx));
  if (clear(lo - 1) && clear(mid)) {
    return s.length % 2
      ? rateOf(s[mid]!)
      : rateOf(s[mid - 1]!)
          .plus(rateOf(s[mid]!))
          .dividedBy(2);
  }
  return median(run.map(rateOf));
}

/** An integral Decimal as a JS number when it is at most 2^50 in magnitude (exact), else undefined. */
function decToSafeInteger(d: Dec): number | undefined {
  return d.abs().lessThanOrEqualTo(MAX_EXACT_CENTS) ? Number(d.toFixed(0)) : undefined;
}
