// D14 金额不符 — a portal row and a cashier record tied by order number whose amounts differ
// (DOMAIN.md §3 D14: wrong amount keyed at the terminal, tip, surcharge). Money at stake when
// the acquirer collected less than the bill.
import { money, absAmountKey, amountOf, ZERO } from '../../money';
import type { Finding } from '../../model';
import type { Rule } from '../context';
import { makeFinding, txnParams } from '../finding';

export const amountMismatch: Rule = {
  kind: 'amount_mismatch',
  run(ctx) {
    if (ctx.cashier.length === 0) return [];
    const out: Finding[] = [];
    const matching = ctx.cashierMatching();
    for (let i = 0; i < matching.matches.length; i++) {
      const m = matching.matches[i]!;
      const t = matching.txnOf[i];
      const c = matching.recordOf[i];
      if (!t || !c || t.amount.currency !== c.amount.currency) continue;
      if (t.status !== 'success') continue; // a failed row is a status mismatch
      if (absAmountKey(t.amount) === absAmountKey(c.amount)) continue; // equal |amounts|, no Decimal
      const p = amountOf(t.amount).abs();
      const k = amountOf(c.amount).abs();
      const cur = t.amount.currency;
      const short = k.minus(p);
      out.push(
        makeFinding('amount_mismatch', {
          severity: 'suspect',
          transactionIds: [t.id],
          cashierIds: [c.id],
          atStake: short.greaterThan(ZERO) ? money(short, cur) : undefined,
          expected: money(k, cur),
          actual: money(p, cur),
          params: {
            ...txnParams(t),
            cashierAmount: money(k, cur).amount,
            portalAmount: money(p, cur).amount,
            difference: money(short, cur).amount,
            basis: m.basis,
            cashierOccurredAt: c.occurredAt,
          },
        }),
      );
    }
    return out;
  },
};
