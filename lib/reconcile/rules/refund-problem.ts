// D10 退货未退费/重复退 — refund problems (DOMAIN.md §3 D10): (a) the cashier recorded a refund
// the acquirer has not processed N = 3 working days later; (b)/(c) refunds of one sale adding
// up to more than the sale (one too large, or the same refund twice); (d) the sale's fee not
// given back where the contract says refunds return it (../refund-fee.ts).
import { type Dec, ZERO, money, amountOf } from '../../money';
import type { Finding, PortalTransaction } from '../../model';
import type { Rule } from '../context';
import { openRecords, RECORD_SIDE } from '../cashier-passes';
import { KIND, STATUS, rowsOf } from '../row-index';
import { normaliseId } from '../keys';
import { makeFinding, txnParams } from '../finding';
import { feeNotReturnedFindings } from '../refund-fee';
import { refundAmountDiffers } from '../refund-diff';

const REFUND_WAIT_WORKDAYS = 3;

export const refundProblem: Rule = {
  kind: 'refund_problem',
  run(ctx) {
    const out: Finding[] = [];
    // (b)/(c): over-refunded sales
    const byOriginal = new Map<string, { sale?: PortalTransaction; ref: string; refunds: PortalTransaction[] }>();
    // the successful refunds, by the row index's kind and status columns
    for (const i of rowsOf(ctx.rows, KIND.refund, STATUS.success)) {
      const r = ctx.transactions[i]!;
      if (!r.originalRef) continue;
      const sale = ctx.originalOf(r);
      const key = sale ? `id|${sale.id}` : `ref|${normaliseId('reference', r.originalRef)}`;
      const e = byOriginal.get(key) ?? { sale, ref: r.originalRef, refunds: [] };
      e.refunds.push(r);
      byOriginal.set(key, e);
    }
    for (const e of byOriginal.values()) {
      const currency = e.refunds[0]!.amount.currency;
      const total = e.refunds.reduce((s, r) => s.plus(amountOf(r.amount).abs()), ZERO);
      let excess: Dec;
      if (e.sale) excess = total.minus(amountOf(e.sale.amount).abs());
      else {
        // without the sale: the same amount refunded twice is the tell
        const seen = new Set<string>();
        excess = ZERO;
        for (const r of e.refunds) {
          const k = amountOf(r.amount).abs().toString();
          if (seen.has(k)) excess = excess.plus(amountOf(r.amount).abs());
          seen.add(k);
        }
      }
      if (!excess.greaterThan(ctx.tolFee)) continue;
      const last = e.refunds[e.refunds.length - 1]!;
      out.push(
        makeFinding('refund_problem', {
          severity: 'suspect',
          transactionIds: [last.id, ...e.refunds.slice(0, -1).map((r) => r.id), ...(e.sale ? [e.sale.id] : [])],
          atStake: money(excess, currency),
          expected: e.sale ? money(amountOf(e.sale.amount).abs(), currency) : undefined,
          actual: money(total, currency),
          params: {
            ...txnParams(last),
            problem: e.refunds.length > 1 ? 'refunded_twice' : 'refund_above_sale',
            originalRef: e.ref,
            originalAmount: e.sale ? money(amountOf(e.sale.amount).abs(), currency).amount : undefined,
            refundCount: String(e.refunds.length),
            refunded: money(total, currency).amount,
            difference: money(excess, currency).amount,
          },
          discriminator: 'over-refund',
        }),
      );
    }
    // (d): the sale's fee kept although the contract returns it
    out.push(...feeNotReturnedFindings(ctx));
    // (a): cashier refunds the acquirer never processed
    if (ctx.cashier.length > 0) {
      const matching = ctx.cashierMatching();
      // the latest date = the date of the latest time (a string ≥ another has a prefix ≥ its
      // prefix): the last row's, as the rows are sorted by their times as strings
      const txns = ctx.transactions;
      const lastPortalDate = txns.length > 0 ? txns[txns.length - 1]!.occurredAt.slice(0, 10) : '';
      const cal = ctx.calendar('CN');
      const records = matching.cashier;
      // the card and QR refunds the matching left open, from its columns (by position in ctx.cashier)
      const open = openRecords(matching, RECORD_SIDE.refund);
      // a refund the acquirer processed for another amount is that refund, not one missing
      const differs = refundAmountDiffers(
        ctx,
        open.map((j) => records[j]!),
      );
      out.push(...differs.findings);
      for (const i of open) {
        const c = records[i]!;
        if (differs.explained.has(c.id)) continue;
        const date = c.occurredAt.slice(0, 10);
        const due = cal.addWorkingDays(date, REFUND_WAIT_WORKDAYS);
        if (ctx.asOf < due || lastPortalDate < due) continue;
        out.push(
          makeFinding('refund_problem', {
            severity: 'suspect',
            transactionIds: [],
            cashierIds: [c.id],
            expected: money(amountOf(c.amount).abs().neg(), c.amount.currency),
            params: {
              problem: 'refund_not_processed',
              cashierOccurredAt: c.occurredAt,
              amount: money(amountOf(c.amount).abs(), c.amount.currency).amount,
              currency: c.amount.currency,
              orderNo: c.orderNo,
              cardLast4: c.cardLast4,
              dueBy: due,
            },
          }),
        );
      }
    }
    return out;
  },
};
