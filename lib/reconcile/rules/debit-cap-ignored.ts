// D3 借记卡未封顶 — a debit card charged above the contract's cap (DOMAIN.md §3.4 example 1:
// 8,000.00 at 0.5 % capped 20.00 → expected 20.00, charged 40.00 → 20.00 at stake).
import { feePartFindings } from '../fee-audit';
import type { Rule } from '../context';

export const debitCapIgnored: Rule = {
  kind: 'debit_cap_ignored',
  run: (ctx) => feePartFindings(ctx.feeExcessRows(), ctx.feeAudit, 'debit_cap_ignored', 'cap', 'overcharge'),
};
