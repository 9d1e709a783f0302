// The reference the settlement's cents path is held to: the same settlement analysis with every
// amount read as Decimal. The product reads whole cents from the row index where a row is whole
// cents and runs the credit passes on cents where every amount is; here the row index says "not
// whole cents" for every row (NaN in each cents column: the marker that sends readers to the
// decimal path) and the passes get Decimal amounts. Both analyses then go through the same review.
import type { PortalTransaction, ReconcileInput } from '../../../../lib/model';
import { ZERO, decOf as dec, isPositive } from '../../../../lib/money';
import { makeContext } from '../../../../lib/reconcile/context';
import type { RowIndex } from '../../../../lib/reconcile/row-index';
import { analyseSettlements, makeOriginalLookup, type SettlementAnalysis, type SettlementOptions } from '../../../../lib/reconcile/settlement';
import { decimalAmounts } from '../../../../lib/reconcile/settlement-amounts';
import { CreditIndex } from '../../../../lib/reconcile/settlement-credit-index';
import { settleGroups } from '../../../../lib/reconcile/settlement-credits';
import { reviewSettlements } from '../../../../lib/reconcile/settlement-gaps';
import { buildGroups } from '../../../../lib/reconcile/settlement-groups';
import { settlementAnalysis, statementCoverage } from '../../../../lib/reconcile/settlement-outcomes';

type Context = ReturnType<typeof makeContext>;

/** The options the context's own settlement() passes (its row index and original lookup aside). */
export function settlementOptions(ctx: Context, inp: ReconcileInput): SettlementOptions {
  return {
    contractFor: ctx.contractFor,
    expectedFeeFor(t: PortalTransaction) {
      if (!ctx.contractFor(t)) return undefined;
      if (!isPositive(t.amount)) return ZERO;
      return ctx.feeBreakdown(t)?.total;
    },
    calendar: ctx.calendar,
    tolerances: ctx.tolerances,
    asOf: inp.asOf,
    txnsInTimeOrder: true,
  };
}

/** The row index with every cents column NaN: each row takes the Decimal path. */
export function withoutCents(rows: RowIndex): RowIndex {
  const nan = () => new Float64Array(rows.count).fill(NaN);
  return { ...rows, amountCents: nan(), feeCents: nan(), netCents: nan() };
}

/** analyseSettlements() on Decimals only. */
export function analyseOnDecimals(ctx: Context, inp: ReconcileInput): SettlementAnalysis {
  const opts = settlementOptions(ctx, inp);
  const { groups, issues } = buildGroups(ctx.transactions, { ...opts, rows: withoutCents(ctx.rows), originals: makeOriginalLookup(ctx.transactions) });
  const { isCovered, coveredThrough } = statementCoverage(ctx.lines);
  const amounts = decimalAmounts(ctx.lines, dec(ctx.tolerances.settlement));
  const credits = new CreditIndex(ctx.lines, amounts.lineAmount, amounts.zero);
  settleGroups(groups, credits, amounts, inp.asOf, isCovered);
  return settlementAnalysis(
    groups,
    groups.map((g) => g.outcome!),
    issues,
    isCovered,
    coveredThrough,
    credits,
  );
}

/** Everything of an analysis, reviewed as the context reviews it, as plain data to compare. */
export function summarise(ctx: Context, inp: ReconcileInput, analysis: SettlementAnalysis) {
  const reviewed = reviewSettlements(analysis, { lines: ctx.lines, tolerance: ctx.tolSettlement, asOf: inp.asOf, coverage: inp.coverage });
  const outcomes = (a: SettlementAnalysis) =>
    a.outcomes.map((o) => {
      const g = o.group;
      return {
        key: g.key,
        status: o.status,
        lines: o.lines.map((l) => l.id),
        received: o.received.toString(),
        shortBy: o.shortBy.toString(),
        basis: o.basis,
        confidence: o.confidence,
        valueDate: o.valueDate,
        expected: g.expected.toString(),
        sales: g.sales.toString(),
        reversals: g.reversals.toString(),
        fees: g.fees.toString(),
        complete: g.complete,
        estimated: g.estimatedFeeIds,
        rows: g.transactions.map((t) => t.id),
        merchantId: g.merchantId,
        currency: g.currency,
        cycle: g.cycle,
        calendar: g.calendar,
        firstDate: g.firstDate,
        settleDate: g.settleDate,
        expectedValueDate: g.expectedValueDate,
        payoutId: g.payoutId,
        graceUntil: g.graceUntil,
        nearDates: g.nearDates,
      };
    });
  return { analysed: outcomes(analysis), reviewed: outcomes(reviewed), gaps: reviewed.gaps, issues: [...analysis.issues, ...reviewed.issues] };
}

/** The product's settlement of `inp` and the Decimal reference's, summarised. */
export function settlementBothWays(inp: ReconcileInput) {
  const ctx = makeContext(inp);
  const product = analyseSettlements(ctx.transactions, ctx.lines, {
    ...settlementOptions(ctx, inp),
    rows: ctx.rows,
    originals: makeOriginalLookup(ctx.transactions),
  });
  return { product: summarise(ctx, inp, product), reference: summarise(ctx, inp, analyseOnDecimals(ctx, inp)) };
}
