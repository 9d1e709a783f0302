// D13 平台单边 — a card/QR sale in the cashier export that the acquirer never shows (DOMAIN.md §3
// D13): money not collected, or a failed authorisation the cashier booked as paid. Checked only
// where portal rows cover that day (and terminal), and once T+1 has passed.
import { money, amountOf } from '../../money';
import type { Finding } from '../../model';
import type { Rule } from '../context';
import { txnDate } from '../fee-schedule';
import { makeFinding } from '../finding';
import { indicesWhere } from '../memory-order';
import { normaliseId } from '../keys';

export const missingAtAcquirer: Rule = {
  kind: 'missing_at_acquirer',
  run(ctx) {
    if (ctx.cashier.length === 0) return [];
    const matching = ctx.cashierMatching();
    const portalDays = new Set<string>();
    const portalTerminals = new Set<string>();
    // the rows' days and terminals, read in memory order (see memory-order.ts): a day is added once
    // per run of rows on it, and a terminal id is normalised only when it differs from the row
    // before's
    let lastDay: string | undefined;
    let lastTerminal: string | undefined;
    const { rows, at } = ctx.inMemoryOrder().txns;
    for (let q = 0; q < rows.length; q++) {
      if (at[q]! < 0) continue;
      const t = rows[q]!;
      if (lastDay === undefined || lastDay.length !== 10 || !t.occurredAt.startsWith(lastDay)) portalDays.add((lastDay = txnDate(t)));
      if (t.terminalId && t.terminalId !== lastTerminal) portalTerminals.add(normaliseId('terminal', (lastTerminal = t.terminalId)));
    }
    const cal = ctx.calendar('CN');
    const out: Finding[] = [];
    const records = ctx.cashier;
    // the card and QR sales the matching left open (recordMatched is by position in ctx.cashier)
    const open = indicesWhere(
      ctx.inMemoryOrder().cashier,
      records.length,
      (c, i) => c.kind === 'sale' && (c.tender === 'card' || c.tender === 'qr') && matching.recordMatched[i] !== 1,
    );
    for (const i of open) {
      const c = records[i]!;
      const date = c.occurredAt.slice(0, 10);
      if (!portalDays.has(date)) continue;
      if (c.terminalId && portalTerminals.size > 0 && !portalTerminals.has(normaliseId('terminal', c.terminalId))) continue;
      if (ctx.asOf < cal.nextWorkingDay(date)) continue;
      const amount = money(amountOf(c.amount).abs(), c.amount.currency);
      out.push(
        makeFinding('missing_at_acquirer', {
          severity: 'suspect',
          transactionIds: [],
          cashierIds: [c.id],
          atStake: amount,
          expected: amount,
          params: {
            cashierId: c.id,
            occurredAt: c.occurredAt,
            amount: amount.amount,
            currency: c.amount.currency,
            tender: c.tender,
            orderNo: c.orderNo,
            cardLast4: c.cardLast4,
            terminalId: c.terminalId,
            window: String(ctx.tolerances.cashierMatchSeconds),
          },
        }),
      );
    }
    return out;
  },
};
