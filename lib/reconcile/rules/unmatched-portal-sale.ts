// D12 渠道单边 — an acquirer sale with no cashier record (DOMAIN.md §3 D12): a phantom or test
// swipe, or a sale the cashier forgot. Only where the cashier export covers the day (and the
// terminal, when it names terminals); sales already flagged as duplicate swipes, cancelled sales
// and failed attempts are left out. No money at stake: the merchant did receive this sale.
import { isPositive } from '../../money';
import type { Finding } from '../../model';
import type { Rule } from '../context';
import { txnDate } from '../fee-schedule';
import { isCancellingCode, KIND, STATUS } from '../row-index';
import { makeFinding, txnParams } from '../finding';

export const unmatchedPortalSale: Rule = {
  kind: 'unmatched_portal_sale',
  run(ctx) {
    if (ctx.cashier.length === 0) return [];
    const m = ctx.cashierMatching();
    // kinds, statuses and the matched flags by position (ctx.rows, the matching's txnMatched:
    // both over ctx.transactions); a row's fields are read only where these select it
    // (locals, not property reads, inside loops that run once per reconcile, mostly unoptimised)
    const { kind, status } = ctx.rows;
    const matched = m.txnMatched;
    const txns = ctx.transactions;
    const n = txns.length;
    const { success } = STATUS;
    const { sale, preauth_completion } = KIND;
    const cancelled = new Set<string>();
    for (let i = 0; i < n; i++) {
      if (status[i] !== success || !isCancellingCode(kind[i]!)) continue;
      const o = ctx.originalOf(txns[i]!);
      if (o) cancelled.add(o.id);
    }
    const duplicates = new Set(ctx.duplicates().flatMap((c) => c.duplicates.map((d) => d.txn.id)));
    const out: Finding[] = [];
    for (let i = 0; i < n; i++) {
      const k = kind[i];
      if ((k !== sale && k !== preauth_completion) || status[i] !== success || matched[i] === 1) continue;
      const t = txns[i]!;
      if (!isPositive(t.amount) || duplicates.has(t.id) || cancelled.has(t.id)) continue;
      if (!ctx.cashierCovers(txnDate(t), t.terminalId, t.amount.currency)) continue;
      out.push(
        makeFinding('unmatched_portal_sale', {
          severity: 'suspect',
          transactionIds: [t.id],
          actual: t.amount,
          params: { ...txnParams(t), window: String(ctx.tolerances.cashierMatchSeconds) },
        }),
      );
    }
    return out;
  },
};
