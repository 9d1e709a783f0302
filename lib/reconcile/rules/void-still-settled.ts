// D9 撤销/冲正仍结算 — a sale that was voided or reversed but still settles: the portal still nets
// the sale (positive net) without the void netting it out, or the bank paid the group exactly
// that sale's net more than expected (DOMAIN.md §3 D9, example 6). A void cancels the sale and
// its fee, so the fee charged on it is what the merchant loses; expected settlement is 0.
import { type Dec, ZERO, money, amountOf } from '../../money';
import type { Finding, PortalTransaction } from '../../model';
import type { Rule } from '../context';
import { makeFinding, txnParams } from '../finding';
import { isCancellingCode, STATUS } from '../row-index';
import { statedNet } from '../settlement';

export const voidStillSettled: Rule = {
  kind: 'void_still_settled',
  run(ctx) {
    const out: Finding[] = [];
    const settlement = ctx.settlement();
    // the voided sales with a positive stated net, then their outcomes by id (only theirs: no
    // map over every settling row)
    const cands: { v: PortalTransaction; s: PortalTransaction; sNet: Dec }[] = [];
    // the successful voids and reversals (isCancelling), found by the kind and status columns
    const { kind, status, count } = ctx.rows;
    for (let i = 0; i < count; i++) {
      if (status[i] !== STATUS.success || !isCancellingCode(kind[i]!)) continue;
      const v = ctx.transactions[i]!;
      const s = ctx.originalOf(v);
      if (!s) continue;
      const sNet = statedNet(s);
      if (!sNet?.greaterThan(ZERO)) continue;
      cands.push({ v, s, sNet });
    }
    const outcomes = settlement.outcomesOf(new Set(cands.map((c) => c.s.id)));
    for (const { v, s, sNet } of cands) {
      const portalNetsSale = s.net !== undefined && amountOf(s.net).greaterThan(ZERO) && !(v.net !== undefined && amountOf(v.net).isNegative());
      const o = outcomes.get(s.id);
      const bankPaysSale = !!o && o.status === 'over' && o.shortBy.neg().minus(sNet).abs().lessThanOrEqualTo(ctx.tolSettlement);
      if (!portalNetsSale && !bankPaysSale) continue;
      const currency = s.amount.currency;
      const fee = s.fee && s.fee.currency === currency ? amountOf(s.fee) : ZERO;
      out.push(
        makeFinding('void_still_settled', {
          severity: 'overcharge',
          transactionIds: [s.id, v.id],
          statementLineIds: bankPaysSale ? o!.lines.map((l) => l.id) : [],
          atStake: fee.greaterThan(ZERO) ? money(fee, currency) : undefined,
          expected: money(ZERO, currency),
          actual: money(sNet, currency),
          params: {
            ...txnParams(s),
            voidTransactionId: v.id,
            voidOccurredAt: v.occurredAt,
            voidKind: v.kind,
            saleNet: money(sNet, currency).amount,
            feeCharged: money(fee, currency).amount,
            evidence: bankPaysSale ? 'bank' : 'portal',
            valueDate: bankPaysSale ? o!.valueDate : undefined,
          },
        }),
      );
    }
    return out;
  },
};
