// D8 结算未到账 — no bank credit for a settlement group by its expected value date plus the grace
// period (T1: 2 working days; D0: 1 day; payouts: 3 days), and only when the imported bank
// statements actually cover that whole period: a statement that ends earlier says nothing.
import type { Finding } from '../../model';
import type { Rule } from '../context';
import { makeFinding } from '../finding';
import { groupParams, outcomeMoney } from '../settlement-findings';

export const settlementMissing: Rule = {
  kind: 'settlement_missing',
  run(ctx) {
    const out: Finding[] = [];
    for (const o of ctx.settlement().outcomes) {
      if (o.status !== 'missing') continue;
      const m = outcomeMoney(o);
      out.push(
        makeFinding('settlement_missing', {
          severity: 'overcharge',
          transactionIds: o.group.transactions.map((t) => t.id),
          atStake: m.expected,
          expected: m.expected,
          actual: m.received,
          params: { ...groupParams(ctx, o), difference: m.expected.amount, coveredThrough: ctx.settlement().coveredThrough(o.group.currency) },
        }),
      );
    }
    return out;
  },
};
