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
    const m = ctx.cashierMatching();
    const { sameAmount, count } = m;
    for (let k = 0; k < count; k++) {
      // the matching's columns: only a pair whose amounts it did not find equal is read
      if (sameAmount[k] === 1) continue;
      const t = m.txns[m.txn[k]!]!;
      const c = m.cashier[m.record[k]!]!;
      if (t.status !== 'success') continue; // a failed row is a status mismatch
      if (t.amount.currency !== c.amount.currency) continue;
      if (absAmountKey(t.amount) === absAmountKey(c.amount)) continue; // equal |amounts|, no Decimal
      const p = amountOf(t.amount).abs();
      const q = amountOf(c.amount).abs();
      const cur = t.amount.currency;
      const short = q.minus(p);
      out.push(
        makeFinding('amount_mismatch', {
          severity: 'suspect',
          transactionIds: [t.id],
          cashierIds: [c.id],
          atStake: short.greaterThan(ZERO) ? money(short, cur) : undefined,
          expected: money(q, cur),
          actual: money(p, cur),
          params: {
            ...txnParams(t),
            cashierAmount: money(q, cur).amount,
            portalAmount: money(p, cur).amount,
            difference: money(short, cur).amount,
            basis: m.passes[m.pass[k]!]!.basis,
            cashierOccurredAt: c.occurredAt,
          },
        }),
      );
    }
    return out;
  },
};
