// D6 费率上调 — a silent rate hike: per merchant and card type, the implied rate fee ÷ amount of
// consecutive runs of ≥ 3 transactions steps up by ≥ rateDriftPoints with no contract change
// that says so (DOMAIN.md §3 D6, §3.4 example 2). Capped rows and small amounts (where 0.01 of
// fee rounding moves the implied rate by more than a quarter of the threshold) are left out.
// With a contract in force the per-row excess is already fee_above_contract, so the drift
// finding then carries no money at stake; without one it carries Σ amount × the step.
import { Dec, MAX_EXACT_CENTS, ZERO, centsOf, money, round, toPlain } from '../../money';
import { amountOf, dec, HUNDRED } from '../amounts';
import type { Finding, PortalTransaction } from '../../model';
import type { Rule, RuleContext } from '../context';
import { txnDate } from '../fee-schedule';
import { makeFinding } from '../finding';

const MIN_RUN = 3;
/** a run's reference rate is the median of its first points */
const ANCHOR_POINTS = 7;

interface Point {
  t: PortalTransaction;
  rate: Dec; // percent
}

function median(xs: Dec[]): Dec {
  const s = [...xs].sort((a, b) => a.comparedTo(b));
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : s[mid - 1]!.plus(s[mid]!).dividedBy(2);
}

/** `index`: t's position in ctx.transactions (for ctx.feeBreakdownHint) */
function impliedRate(ctx: RuleContext, t: PortalTransaction, index: number): Dec | undefined {
  if (t.kind !== 'sale' || t.status !== 'success' || !t.fee || t.fee.currency !== t.amount.currency) return undefined;
  // the same early returns in whole cents, before any Decimal (most rows end here)
  const a = centsOf(t.amount.amount);
  const f = centsOf(t.fee.amount);
  if (a !== undefined && f !== undefined) {
    if (!(a > 0) || f < 0 || (f === 0 && t.fee.amount.charCodeAt(0) === 45)) return undefined; // "-0.00" is negative to Decimal
    if (ctx.contractFor(t) && ctx.feeBreakdownHint(index) >= 2) return undefined;
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

export const rateDrift: Rule = {
  kind: 'rate_drift',
  run(ctx) {
    const step = dec(ctx.tolerances.rateDriftPoints);
    const minAmount = new Dec(2).dividedBy(step); // rounding noise 0.5/amount ≤ step/4
    // amount ≥ minAmount for an amount of whole cents A: A ≥ ⌈minAmount × 100⌉ (an integer, exact)
    const minCents = decToSafeInteger(minAmount.times(HUNDRED).ceil());
    const series = new Map<string, Point[]>();
    const txns = ctx.transactions;
    for (let i = 0; i < txns.length; i++) {
      const t = txns[i]!;
      const cents = minCents === undefined ? undefined : centsOf(t.amount.amount);
      if (cents !== undefined ? cents < minCents! : !amountOf(t.amount).greaterThanOrEqualTo(minAmount)) continue;
      const rate = impliedRate(ctx, t, i);
      if (!rate) continue;
      const k = `${t.merchantId ?? ''}|${t.cardType}|${t.amount.currency}`;
      const l = series.get(k);
      if (l) l.push({ t, rate });
      else series.set(k, [{ t, rate }]);
    }
    const out: Finding[] = [];
    for (const points of series.values()) {
      // runs of similar rates, in time order
      // each run is compared with the median of its first few points: stable and linear-time
      const runs: Point[][] = [];
      let anchor = ZERO;
      const half = step.dividedBy(2);
      for (const p of points) {
        const cur = runs[runs.length - 1];
        if (cur && p.rate.minus(anchor).abs().lessThan(half)) {
          cur.push(p);
          if (cur.length <= ANCHOR_POINTS) anchor = median(cur.map((x) => x.rate));
        } else {
          runs.push([p]);
          anchor = p.rate;
        }
      }
      const long = runs.filter((r) => r.length >= MIN_RUN);
      for (let i = 1; i < long.length; i++) {
        const before = long[i - 1]!;
        const after = long[i]!;
        const oldRate = median(before.map((p) => p.rate));
        const newRate = median(after.map((p) => p.rate));
        if (newRate.minus(oldRate).lessThan(step)) continue;
        const first = after[0]!.t;
        const contract = ctx.contractFor(first);
        // a contract in force that gives the new rate means the change was agreed
        if (contract) {
          const b = ctx.feeBreakdown(first);
          if (b && b.percent.minus(newRate).abs().lessThan(step.dividedBy(2))) continue;
        }
        const currency = first.amount.currency;
        // quoted rates have two decimals (0.38, 0.55, 0.6): snap the measured old rate to one when
        // it is that close, then excess = Σ (fee charged − fee at the old rate), row by row
        const snapped = round(oldRate, 2).minus(oldRate).abs().lessThan(step.dividedBy(4)) ? round(oldRate, 2) : round(oldRate, 3);
        const excess = after.reduce((s, p) => s.plus(amountOf(p.t.fee!).minus(round(amountOf(p.t.amount).times(snapped).dividedBy(HUNDRED), 2))), ZERO);
        const covered = after.every((p) => ctx.contractFor(p.t) !== undefined);
        const fmt = (r: Dec) => toPlain(round(r, 3), 2);
        out.push(makeFinding('rate_drift', {
          severity: 'overcharge',
          transactionIds: after.map((p) => p.t.id),
          atStake: covered ? undefined : money(round(excess, 2), currency),
          params: {
            merchantId: first.merchantId,
            cardType: first.cardType,
            currency,
            oldRate: fmt(snapped),
            newRate: fmt(newRate),
            from: txnDate(first),
            previousFrom: txnDate(before[0]!.t),
            previousCount: String(before.length),
            count: String(after.length),
            excess: money(round(excess, 2), currency).amount,
            threshold: ctx.tolerances.rateDriftPoints,
            contractId: contract?.id,
          },
        }));
      }
    }
    return out;
  },
};

/** An integral Decimal as a JS number when it is at most 2^50 in magnitude (exact), else undefined. */
function decToSafeInteger(d: Dec): number | undefined {
  return d.abs().lessThanOrEqualTo(MAX_EXACT_CENTS) ? Number(d.toFixed(0)) : undefined;
}
