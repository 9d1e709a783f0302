// D2 手续费超约定 — fee above the contracted rate (DOMAIN.md §3, §2.4). Only the part of the
// excess that no more specific kind explained (fee-audit.ts splits it).
import { feePartFindings } from '../fee-audit';
import type { Rule } from '../context';

export const feeAboveContract: Rule = {
  kind: 'fee_above_contract',
  run: (ctx) => feePartFindings(ctx.feeExcessRows(), ctx.feeAudit, 'fee_above_contract', 'remainder', 'overcharge'),
};
