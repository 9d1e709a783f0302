// D4 卡类型错算 — the fee equals what another rule of the same contract gives: a debit card
// billed at the credit rate, or the ≤1000 tier's rate applied above 1000 (DOMAIN.md §3).
import { money } from '../../money';
import { feePartFindings } from '../fee-audit';
import type { Rule } from '../context';

export const wrongCardRate: Rule = {
  kind: 'wrong_card_rate',
  run: (ctx) =>
    feePartFindings(ctx.feeExcessRows(), ctx.feeAudit, 'wrong_card_rate', 'wrongRate', 'suspect', (a) => ({
      appliedCardType: a.appliedRule?.rule.cardType,
      appliedRate: a.appliedRule?.percent.toString(),
      appliedMinAmount: a.appliedRule?.rule.minAmount,
      appliedMaxAmount: a.appliedRule?.rule.maxAmount,
      appliedExpected: a.appliedRule ? money(a.appliedRule.total, a.currency).amount : undefined,
    })),
};
