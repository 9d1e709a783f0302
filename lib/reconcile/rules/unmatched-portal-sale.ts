// D12 渠道单边 — an acquirer sale with no cashier record (DOMAIN.md §3 D12): a phantom or test
// swipe, or a sale the cashier forgot. Only where the cashier export covers the day (and the
// terminal, when it names terminals); sales already flagged as duplicate swipes, cancelled sales
// and failed attempts are left out. No money at stake: the merchant did receive this sale.
import { isPositive } from '../../money';
import type { Finding } from '../../model';
import type { Rule } from '../context';
import { txnDate } from '../fee-schedule';
import { indicesWhere } from '../memory-order';
import { makeFinding, txnParams } from '../finding';
import { isCancelling } from '../settlement';

export const unmatchedPortalSale: Rule = {
  kind: 'unmatched_portal_sale',
  run(ctx) {
    if (ctx.cashier.length === 0) return [];
    const matching = ctx.cashierMatching();
    const duplicates = new Set(ctx.duplicates().flatMap((c) => c.duplicates.map((d) => d.txn.id)));
    const cancelled = new Set<string>();
    const memory = ctx.inMemoryOrder().txns;
    for (const i of indicesWhere(memory, ctx.transactions.length, (t) => t.status === 'success' && isCancelling(t))) {
      const o = ctx.originalOf(ctx.transactions[i]!);
      if (o) cancelled.add(o.id);
    }
    const out: Finding[] = [];
    const txns = ctx.transactions;
    // txnMatched is by position in ctx.transactions (what cashierMatching() matched)
    for (const i of indicesWhere(
      memory,
      txns.length,
      (t, at) => (t.kind === 'sale' || t.kind === 'preauth_completion') && t.status === 'success' && matching.txnMatched[at] !== 1,
    )) {
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
