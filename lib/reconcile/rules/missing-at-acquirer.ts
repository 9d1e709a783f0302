// D13 平台单边 — a card/QR sale in the cashier export that the acquirer never shows (DOMAIN.md §3
// D13): money not collected, or a failed authorisation the cashier booked as paid. Checked only
// where portal rows cover that day (and terminal), and once T+1 has passed.
import { money, amountOf } from '../../money';
import type { Finding } from '../../model';
import type { Rule } from '../context';
import { makeFinding } from '../finding';
import { openRecords, RECORD_SIDE } from '../cashier-passes';
import { normaliseId } from '../keys';

export const missingAtAcquirer: Rule = {
  kind: 'missing_at_acquirer',
  run(ctx) {
    if (ctx.cashier.length === 0) return [];
    const m = ctx.cashierMatching();
    // the card and QR sales the matching left open, from its columns (by position in ctx.cashier)
    const open = openRecords(m, RECORD_SIDE.sale);
    if (open.length === 0) return [];
    // the days and terminals the portal rows cover, from the row index (a day or terminal is
    // added once per run of rows on it)
    const portalDays = new Set<string>();
    const portalTerminals = new Set<string>();
    const { day, terminalId, count } = ctx.rows;
    for (let i = 0; i < count; i++) {
      if (i === 0 || day[i] !== day[i - 1]) portalDays.add(day[i]!);
      const term = terminalId[i]!;
      if (term !== '' && (i === 0 || term !== terminalId[i - 1])) portalTerminals.add(term);
    }
    const cal = ctx.calendar('CN');
    const out: Finding[] = [];
    const records = m.cashier;
    for (const i of open) {
      const c = records[i]!;
      const date = c.occurredAt.slice(0, 10);
      if (!portalDays.has(date)) continue;
      const term = normaliseId('terminal', c.terminalId);
      if (term !== '' && portalTerminals.size > 0 && !portalTerminals.has(term)) continue;
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
