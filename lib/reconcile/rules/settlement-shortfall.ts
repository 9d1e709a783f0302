// D7 结算短款 — a settlement group's bank credit is below its expected net by more than the
// settlement tolerance (DOMAIN.md §3, example 4). Shortfalls another kind explains more
// specifically are left to it: an activation deposit (deposit_deducted), a contracted periodic
// fee (no finding) or a repeated one (hidden_fee).
import type { Rule } from '../context';
import { shortGroupFindings } from '../settlement-findings';

export const settlementShortfall: Rule = {
  kind: 'settlement_shortfall',
  run: (ctx) => shortGroupFindings(ctx, 'settlement_shortfall', 'shortfall'),
};
