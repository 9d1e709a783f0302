// D19 汇率/跨境附加 — an international-card or currency-conversion surcharge on a domestic card
// (Stripe: card_country equals the account's country) (DOMAIN.md §3).
import { feePartFindings } from '../fee-audit';
import type { Rule } from '../context';

export const fxSurcharge: Rule = {
  kind: 'fx_surcharge',
  run: (ctx) =>
    feePartFindings(ctx.feeExcessRows(), ctx.feeAudit, 'fx_surcharge', 'fx', 'suspect', (a) => ({
      cardCountry: a.txn.cardCountry,
    })),
};
