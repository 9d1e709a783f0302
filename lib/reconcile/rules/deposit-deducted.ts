// D16 押金/激活费 — an activation deposit taken from settlement (DOMAIN.md §3 D16, §2.2: 299/399/
// 499 元 from the first swipe): the merchant's first settlement short by a deposit-sized round
// number, or a fee row / bank debit labelled 押金/激活/保证金.
import { money } from '../../money';
import type { Finding } from '../../model';
import type { Rule } from '../context';
import { makeFinding } from '../finding';
import { DEPOSIT_FEE } from '../labels';
import { shortGroupFindings } from '../settlement-findings';

export const depositDeducted: Rule = {
  kind: 'deposit_deducted',
  run(ctx) {
    const out: Finding[] = shortGroupFindings(ctx, 'deposit_deducted', 'deposit', { source: 'first-settlement' });
    for (const e of ctx.feeLedger().events) {
      if (e.verdict !== 'unlisted' || !DEPOSIT_FEE.test(`${e.label} ${e.keyword}`)) continue;
      out.push(
        makeFinding('deposit_deducted', {
          severity: 'overcharge',
          transactionIds: e.transactionIds,
          statementLineIds: e.statementLineIds,
          atStake: money(e.amount, e.currency),
          actual: money(e.amount, e.currency),
          params: {
            source: e.source,
            label: e.label,
            date: e.date,
            amount: money(e.amount, e.currency).amount,
            currency: e.currency,
            merchantId: e.merchantId,
            difference: money(e.amount, e.currency).amount,
          },
        }),
      );
    }
    return out;
  },
};
