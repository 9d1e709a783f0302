// D7 结算短款 — a settlement group's bank credit is below its expected net by more than the
// settlement tolerance (DOMAIN.md §3, example 4). Shortfalls another kind explains more
// specifically are left to it: an activation deposit (deposit_deducted), a contracted periodic
// fee (no finding) or a repeated one (hidden_fee).
import type { Finding } from '../../model';
import type { Rule } from '../context';
import { makeFinding } from '../finding';
import { groupParams, outcomeMoney, shortfallExplanation } from '../settlement-findings';

export const settlementShortfall: Rule = {
  kind: 'settlement_shortfall',
  run(ctx) {
    const out: Finding[] = [];
    for (const o of ctx.settlement().outcomes) {
      if (o.status !== 'short') continue;
      if (shortfallExplanation(ctx, o) !== 'shortfall') continue;
      const m = outcomeMoney(o);
      out.push(makeFinding('settlement_shortfall', {
        severity: 'overcharge',
        transactionIds: o.group.transactions.map((t) => t.id),
        statementLineIds: o.lines.map((l) => l.id),
        atStake: m.shortBy,
        expected: m.expected,
        actual: m.received,
        params: { ...groupParams(ctx, o), difference: m.shortBy.amount },
      }));
    }
    return out;
  },
};
