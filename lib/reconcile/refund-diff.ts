// D10, a refund processed for another amount than the till recorded (issue 13 item 3). The
// cashier matching ties records by amount, so such a refund leaves both sides open; read alone,
// the till's refund looks "not processed". A portal refund on the same card (last 4) and
// terminal, the same day, that no till record took, is that refund: the finding states the
// difference — money at stake when the acquirer refunded more than the till did, else info
// (the customer got less back than the till says).
import { money, amountOf } from '../money';
import type { CashierRecord, Finding, PortalTransaction } from '../model';
import type { RuleContext } from './context';
import { makeFinding, txnParams } from './finding';
import { normaliseId, sameId } from './keys';
import { secondsBetween } from '../dates';
import { KIND, STATUS } from './row-index';

/** Seconds either side of the till's refund a portal refund may lie (same day). */
const REFUND_PAIR_SECONDS = 12 * 3600;

/**
 * Pairs open till refunds with open portal refunds of the same card and terminal; returns the
 * findings and the till refunds they explain (by id), which are then not "not processed".
 */
export function refundAmountDiffers(ctx: RuleContext, open: readonly CashierRecord[]): { findings: Finding[]; explained: Set<string> } {
  const findings: Finding[] = [];
  const explained = new Set<string>();
  if (open.length === 0) return { findings, explained };
  // the successful refunds no till record took: the row index's columns and the matching's flags, by position
  const matched = ctx.cashierMatching().txnMatched;
  const { kind, status } = ctx.rows;
  const { refund } = KIND;
  const { success } = STATUS;
  const txns = ctx.transactions;
  const n = txns.length;
  const portal: PortalTransaction[] = [];
  for (let i = 0; i < n; i++) if (kind[i] === refund && status[i] === success && matched[i] !== 1) portal.push(txns[i]!);
  const taken = new Set<string>();
  for (const c of open) {
    const r = portal
      .filter(
        (t) =>
          !taken.has(t.id) &&
          sameInstrument(c, t) &&
          t.amount.currency === c.amount.currency &&
          t.occurredAt.slice(0, 10) === c.occurredAt.slice(0, 10) &&
          Math.abs(secondsBetween(c.occurredAt, t.occurredAt)) <= REFUND_PAIR_SECONDS,
      )
      .sort((a, b) => Math.abs(secondsBetween(c.occurredAt, a.occurredAt)) - Math.abs(secondsBetween(c.occurredAt, b.occurredAt)) || (a.id < b.id ? -1 : 1))[0];
    if (!r) continue;
    taken.add(r.id);
    explained.add(c.id);
    const till = amountOf(c.amount).abs();
    const acquirer = amountOf(r.amount).abs();
    const diff = acquirer.minus(till);
    if (diff.abs().lessThanOrEqualTo(ctx.tolFee)) continue;
    const cur = r.amount.currency;
    const more = diff.greaterThan(0);
    const sale = ctx.originalOf(r);
    findings.push(
      makeFinding('refund_problem', {
        severity: more ? 'suspect' : 'info',
        transactionIds: [r.id, ...(sale ? [sale.id] : [])],
        cashierIds: [c.id],
        atStake: more ? money(diff, cur) : undefined,
        expected: money(till, cur),
        actual: money(acquirer, cur),
        params: {
          ...txnParams(r),
          problem: more ? 'refund_above_till' : 'refund_below_till',
          tillAmount: money(till, cur).amount,
          refunded: money(acquirer, cur).amount,
          difference: money(diff.abs(), cur).amount,
          cashierOccurredAt: c.occurredAt,
        },
        discriminator: 'amount-differs',
      }),
    );
  }
  return { findings, explained };
}

/** Same card (last 4) and terminal where both sides name them; at least one of the two named. */
function sameInstrument(c: CashierRecord, t: PortalTransaction): boolean {
  const card = !!c.cardLast4 && !!t.cardLast4;
  const term = !!c.terminalId && !!t.terminalId;
  if (card && c.cardLast4 !== t.cardLast4) return false;
  if (term && normaliseId('terminal', c.terminalId) !== normaliseId('terminal', t.terminalId)) return false;
  return card || term || sameId('order', c.orderNo, t.orderNo);
}
