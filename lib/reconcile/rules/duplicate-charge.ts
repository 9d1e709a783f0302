// D1 重复扣款 — the same card charged twice at the same terminal within minutes under different
// reference numbers (DOMAIN.md §3, example 5). duplicates.ts finds the clusters; this turns each
// later swipe into a finding that lists the duplicate first and the original second.
import { money } from '../../money';
import type { Finding } from '../../model';
import type { Rule } from '../context';
import { makeFinding, txnParams } from '../finding';

export const duplicateCharge: Rule = {
  kind: 'duplicate_charge',
  run(ctx) {
    const out: Finding[] = [];
    for (const c of ctx.duplicates()) {
      for (const d of c.duplicates) {
        const o = c.original;
        out.push(
          makeFinding('duplicate_charge', {
            severity: d.severity,
            transactionIds: [d.txn.id, o.id],
            cashierIds: c.cashier.map((r) => r.id),
            atStake: money(d.txn.amount.amount, d.txn.amount.currency),
            params: {
              ...txnParams(d.txn),
              originalTransactionId: o.id,
              originalOccurredAt: o.occurredAt,
              originalRrn: o.rrn,
              originalVoucherNo: o.voucherNo,
              duplicateTransactionId: d.txn.id,
              secondsApart: String(d.secondsApart),
              window: String(d.severity === 'overcharge' ? ctx.tolerances.duplicateWindowSeconds : ctx.tolerances.possibleDuplicateWindowSeconds),
              portalCount: String(c.portalCount),
              cashierCount: c.cashierCovered ? String(c.cashier.length) : undefined,
              basis: c.cashierCovered ? 'cashier' : 'no-cashier',
            },
          }),
        );
      }
    }
    return out;
  },
};
