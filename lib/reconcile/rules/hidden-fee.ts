// D11 隐性扣费 — fees the contract does not list (流量费, 服务费, 会员费, 保险, 年费; PCI,
// statement, minimum, gateway…), a contracted periodic fee charged again within its period, or
// above its amount (DOMAIN.md §3 D11). periodic.ts puts every such charge in one ledger, so a
// fee seen as a portal row and as a bank debit is one finding. Deposits go to deposit_deducted.
// A settlement short by a typical 流量费 amount (example 4: 48.00) also raises a hidden-fee
// candidate without money at stake: the shortfall finding already counts it.
import { Dec, money } from '../../money';
import type { Finding } from '../../model';
import type { Rule } from '../context';
import { makeFinding } from '../finding';
import { DEPOSIT_FEE } from '../labels';
import { groupParams } from '../settlement-findings';
import { shortfallExplanation } from '../settlement-findings';

/** Whole-yuan deductions typical of SIM/流量费 and service fees (DOMAIN.md §2.2). */
export const HIDDEN_FEE_PATTERNS: readonly string[] = ['30', '36', '45', '48', '50', '58', '60', '68', '88', '96', '120'];

export const hiddenFee: Rule = {
  kind: 'hidden_fee',
  run(ctx) {
    const out: Finding[] = [];
    for (const e of ctx.feeLedger().events) {
      if (e.verdict === 'contracted') continue;
      if (e.verdict === 'unlisted' && DEPOSIT_FEE.test(`${e.label} ${e.keyword}`)) continue;
      out.push(
        makeFinding('hidden_fee', {
          severity: e.verdict === 'unlisted' && !e.keyword && e.source !== 'portal-fee-row' ? 'suspect' : 'overcharge',
          transactionIds: e.transactionIds,
          statementLineIds: e.statementLineIds,
          atStake: money(e.excess, e.currency),
          expected: e.contractFee ? money(e.verdict === 'repeat' ? new Dec(0) : e.contractFee.amount, e.currency) : money(new Dec(0), e.currency),
          actual: money(e.amount, e.currency),
          params: {
            problem: e.verdict,
            source: e.source,
            label: e.label,
            keyword: e.keyword || undefined,
            date: e.date,
            amount: money(e.amount, e.currency).amount,
            currency: e.currency,
            merchantId: e.merchantId,
            contractLabel: e.contractFee?.label,
            contractAmount: e.contractFee ? money(e.contractFee.amount, e.currency).amount : undefined,
            every: e.contractFee?.every,
            period: e.contractFee?.period,
            difference: money(e.excess, e.currency).amount,
          },
          discriminator: e.source === 'portal-extra-fee' ? e.label : undefined,
        }),
      );
    }
    // candidates: a plain shortfall of a typical fee amount
    for (const o of ctx.settlement().outcomes) {
      if (o.status !== 'short' || shortfallExplanation(ctx, o) !== 'shortfall') continue;
      if (!HIDDEN_FEE_PATTERNS.some((p) => o.shortBy.equals(new Dec(p)))) continue;
      out.push(
        makeFinding('hidden_fee', {
          severity: 'suspect',
          transactionIds: o.group.transactions.map((t) => t.id),
          statementLineIds: o.lines.map((l) => l.id),
          params: {
            ...groupParams(ctx, o),
            problem: 'shortfall_pattern',
            difference: money(o.shortBy, o.group.currency).amount,
            source: 'settlement-deduction',
          },
          discriminator: 'pattern',
        }),
      );
    }
    return out;
  },
};
