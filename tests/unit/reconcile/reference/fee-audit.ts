// The fee audit's verdicts from auditFee alone, on Decimals: which rows' fees exceed the contract
// beyond tolerance, and each row's feeBreakdownHint. makeContext's feeExcessRows answers most
// rows in whole cents (lib/reconcile/fee-cents.ts quickFeeAudit); fee-audit-reference.test.ts
// holds it to this.
import { ZERO } from '../../../../lib/money';
import type { PortalTransaction } from '../../../../lib/model';
import type { RuleContext } from '../../../../lib/reconcile/context';
import { auditFee, isInstantSettled, type FeeAudit } from '../../../../lib/reconcile/fee-audit';

/** RuleContext.feeBreakdownHint's meaning, from the row's audit (3 instant, 2 capped or min, 1 nothing to subtract, 0 other). */
function breakdownHint(t: PortalTransaction, a: FeeAudit): 0 | 1 | 2 | 3 {
  if (isInstantSettled(t)) return 3;
  if (a.instantCharged.greaterThan(ZERO) || a.fxCharged.greaterThan(ZERO)) return 0;
  const b = a.breakdown;
  if (b.capped || b.minApplied) return 2;
  return b.fixed.isZero() && b.instantFee.isZero() && b.surcharges.length === 0 ? 1 : 0;
}

export function feeVerdictsReference(ctx: RuleContext): { excess: string[]; hints: number[] } {
  const excess: string[] = [];
  const hints = ctx.transactions.map((t) => {
    const c = ctx.contractFor(t);
    const a = c ? auditFee(t, c, ctx.tolFee) : undefined;
    if (!a) return 0;
    if (a.excess.greaterThan(a.tolerance)) excess.push(t.id);
    return breakdownHint(t, a);
  });
  return { excess, hints };
}
