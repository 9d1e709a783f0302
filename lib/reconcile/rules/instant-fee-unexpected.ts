// D5 秒到费异常 — an instant-settlement (秒到/D0/T0) fee the contract does not give: charged on a
// T1 contract without an instant price, above the contracted price, or twice (DOMAIN.md §3.4
// example 3: 10,000.00 at 0.60 % T1, fee 62.00 = 60.00 + 2.00 秒到 → 2.00 at stake).
import { feePartFindings } from '../fee-audit';
import type { Rule } from '../context';

export const instantFeeUnexpected: Rule = {
  kind: 'instant_fee_unexpected',
  run: (ctx) =>
    feePartFindings(ctx.feeExcessRows(), ctx.feeAudit, 'instant_fee_unexpected', 'instant', 'suspect', (a) => ({
      instantBasis: a.instantBasis,
      txnSettleCycle: a.txn.settleCycle,
      contractInstantFee: a.breakdown.rule.instantFee,
    })),
};
