// D10 (d) 退货未退费 — the fee charged on a sale not given back on its refund, where the contract
// says it should be (Contract.feeReturnedOnRefund = true; many acquirers keep it, so nothing is
// checked when the contract says false or nothing). Expected give-back = the sale's fee × refund
// ÷ sale, rounded half-up to the cent (all of it on a full refund). What the refund row gave back
// is −fee (fee is the cost to the merchant, negative when given back), or, where the portal
// shows no fee, amount − net. A refund row showing neither is not judged.
import { type Dec, money, round, amountOf } from '../money';
import type { Finding, PortalTransaction } from '../model';
import type { RuleContext } from './context';
import { makeFinding, txnParams } from './finding';
import { KIND, STATUS, rowsOf } from './row-index';

type Needs = Pick<RuleContext, 'transactions' | 'rows' | 'originalOf' | 'contractFor' | 'tolFee'>;

/** What the refund row charged (negative = given back), from its fee or else its net. */
function refundRowFee(r: PortalTransaction): Dec | undefined {
  if (r.fee && r.fee.currency === r.amount.currency) return amountOf(r.fee);
  if (r.net && r.net.currency === r.amount.currency) return amountOf(r.amount).minus(amountOf(r.net));
  return undefined;
}

export function feeNotReturnedFindings(ctx: Needs): Finding[] {
  const out: Finding[] = [];
  // the successful refunds, by the row index's kind and status columns
  for (const i of rowsOf(ctx.rows, KIND.refund, STATUS.success)) {
    const r = ctx.transactions[i]!;
    const sale = ctx.originalOf(r);
    if (!sale?.fee || sale.fee.currency !== r.amount.currency || sale.amount.currency !== r.amount.currency) continue;
    const contract = ctx.contractFor(r) ?? ctx.contractFor(sale);
    if (contract?.feeReturnedOnRefund !== true) continue;
    const saleFee = amountOf(sale.fee);
    const saleAmount = amountOf(sale.amount).abs();
    const refunded = amountOf(r.amount).abs();
    if (!saleFee.isPositive() || saleAmount.isZero()) continue;
    const charged = refundRowFee(r);
    if (charged === undefined) continue;
    const due = refunded.greaterThanOrEqualTo(saleAmount) ? saleFee : round(saleFee.times(refunded).dividedBy(saleAmount), 2);
    const givenBack = charged.neg();
    const missing = due.minus(givenBack);
    if (!missing.greaterThan(ctx.tolFee)) continue;
    const currency = r.amount.currency;
    out.push(
      makeFinding('refund_problem', {
        severity: 'suspect',
        transactionIds: [r.id, sale.id],
        atStake: money(missing, currency),
        expected: money(due.neg(), currency),
        actual: money(charged, currency),
        params: {
          ...txnParams(r),
          problem: 'fee_not_returned',
          originalRef: r.originalRef,
          originalAmount: money(saleAmount, currency).amount,
          refundAmount: money(refunded, currency).amount,
          saleFee: money(saleFee, currency).amount,
          feeDue: money(due, currency).amount,
          feeReturned: money(givenBack, currency).amount,
          difference: money(missing, currency).amount,
          contract: contract.label,
        },
        discriminator: 'fee-not-returned',
      }),
    );
  }
  return out;
}
