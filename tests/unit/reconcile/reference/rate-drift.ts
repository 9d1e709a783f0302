// Rate drift written plainly on exact Decimal rates: every row's implied rate as a Decimal, runs
// and medians on Decimals. The rule (lib/reconcile/rules/rate-drift.ts) compares doubles and
// computes exact rates only where a comparison is too close to call; rate-drift-reference.test.ts
// holds it to this.
import { type Dec, ZERO, amountOf } from '../../../../lib/money';
import type { Finding, PortalTransaction } from '../../../../lib/model';
import type { RuleContext } from '../../../../lib/reconcile/context';
import { driftFinding, driftThresholds, exactImpliedRate } from '../../../../lib/reconcile/rules/rate-drift';

const MIN_RUN = 3;
const ANCHOR_POINTS = 7;

interface Point {
  t: PortalTransaction;
  rate: Dec;
}

function median(xs: readonly Dec[]): Dec {
  const s = [...xs].sort((a, b) => a.comparedTo(b));
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : s[mid - 1]!.plus(s[mid]!).dividedBy(2);
}

export function rateDriftReference(ctx: RuleContext): Finding[] {
  const { step, minAmount } = driftThresholds(ctx);
  const half = step.dividedBy(2);
  // series per merchant, card type and currency, in time order; a Map keeps them in the order of their first point
  const series = new Map<string, Point[]>();
  ctx.transactions.forEach((t, i) => {
    if (!amountOf(t.amount).greaterThanOrEqualTo(minAmount)) return;
    const rate = exactImpliedRate(ctx, t, i);
    if (rate === undefined) return;
    const k = `${t.merchantId ?? ''}|${t.cardType}|${t.amount.currency}`;
    const l = series.get(k);
    if (l) l.push({ t, rate });
    else series.set(k, [{ t, rate }]);
  });
  const out: Finding[] = [];
  for (const points of series.values()) {
    // runs of similar rates: each point joins the run while within half a step of the median of the run's first points
    const runs: Point[][] = [];
    let anchor = ZERO;
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
      const f = driftFinding(
        ctx,
        before.map((p) => p.t),
        after.map((p) => p.t),
        median(before.map((p) => p.rate)),
        median(after.map((p) => p.rate)),
        step,
      );
      if (f) out.push(f);
    }
  }
  return out;
}
