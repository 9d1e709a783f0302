// Shared pieces of the settlement findings (D7, D8, D9, D11, D16): explanation params and the
// one place that decides which kind a short settlement belongs to.
import { Dec, money } from '../money';
import type { Finding, FindingKind, MoneyJson } from '../model';
import { makeFinding } from './finding';
import type { RuleContext } from './context';
import type { GroupOutcome } from './settlement';

/** Activation deposits are round numbers taken from the first settlement (DOMAIN.md D16, §2.2). */
export const DEPOSIT_AMOUNTS: readonly string[] = ['99', '199', '299', '399', '499'];

export type ShortfallKind = 'shortfall' | 'deposit' | 'periodic_fee' | 'periodic_fee_repeat';

/**
 * One shortfall, one kind: a contracted periodic fee deducted from the payout explains it (no
 * finding); the same periodic fee a second time in its period is a hidden fee; a deposit-sized
 * round number on the first settlement is a deposit; anything else is a settlement shortfall.
 */
export function shortfallExplanation(ctx: RuleContext, o: GroupOutcome): ShortfallKind {
  const ledger = ctx.feeLedger().shortfallVerdict(o.group.key);
  if (ledger) {
    if (ledger.verdict === 'contracted') return 'periodic_fee';
    if (ledger.verdict === 'repeat') return 'periodic_fee_repeat';
  }
  if (DEPOSIT_AMOUNTS.some((d) => o.shortBy.equals(new Dec(d))) && ctx.settlement().firstSettlement(o.group.merchantId, o.group.currency) === o)
    return 'deposit';
  return 'shortfall';
}

export function outcomeMoney(o: GroupOutcome): { expected: MoneyJson; received: MoneyJson; shortBy: MoneyJson; overBy: MoneyJson } {
  const c = o.group.currency;
  return {
    expected: money(o.group.expected, c),
    received: money(o.received, c),
    shortBy: money(o.shortBy, c),
    overBy: money(o.shortBy.neg(), c),
  };
}

/** Explanation params of a settlement group: its dates, totals and how its credit was found. */
export function groupParams(ctx: RuleContext, o: GroupOutcome): Record<string, string | undefined> {
  const g = o.group;
  const s = (d: Dec) => money(d, g.currency).amount;
  return {
    currency: g.currency,
    merchantId: g.merchantId,
    settleCycle: g.cycle,
    calendar: g.calendar,
    settleDate: g.settleDate ?? g.firstDate,
    firstTxnDate: g.firstDate,
    expectedValueDate: g.expectedValueDate,
    graceUntil: g.graceUntil,
    valueDate: o.valueDate,
    payoutId: g.payoutId,
    count: String(g.transactions.length),
    sales: s(g.sales),
    voidsRefunds: s(g.reversals),
    fees: s(g.fees),
    expected: s(g.expected),
    received: s(o.received),
    tolerance: ctx.tolerances.settlement,
    basis: o.basis,
    confidence: o.confidence !== undefined ? String(o.confidence) : undefined,
    estimatedFees: g.estimatedFeeIds.length > 0 ? String(g.estimatedFeeIds.length) : undefined,
  };
}

/**
 * The finding for a settlement group paid short, as settlement_shortfall and deposit_deducted
 * both raise it: every transaction of the group and its bank lines as evidence, the shortfall at
 * stake. `owns` picks the shortfalls a rule owns (shortfallExplanation).
 */
export function shortGroupFindings(ctx: RuleContext, kind: FindingKind, owns: ShortfallKind, extra: Record<string, string> = {}): Finding[] {
  const out: Finding[] = [];
  for (const o of ctx.settlement().outcomes) {
    if (o.status !== 'short' || shortfallExplanation(ctx, o) !== owns) continue;
    const m = outcomeMoney(o);
    out.push(
      makeFinding(kind, {
        severity: 'overcharge',
        transactionIds: o.group.transactions.map((t) => t.id),
        statementLineIds: o.lines.map((l) => l.id),
        atStake: m.shortBy,
        expected: m.expected,
        actual: m.received,
        params: { ...groupParams(ctx, o), difference: m.shortBy.amount, ...extra },
      }),
    );
  }
  return out;
}
