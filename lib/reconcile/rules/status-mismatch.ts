// D15 状态不符 — the sources disagree on whether a transaction happened (DOMAIN.md §3 D15): the
// cashier booked as paid a sale the acquirer shows failed/voided (money not collected); a row
// shown failed or pending that still settles; or the same transaction success in one portal
// source and failed in another.
import { money, amountOf, isPositive } from '../../money';
import type { Finding } from '../../model';
import type { Rule } from '../context';
import { makeFinding, txnParams } from '../finding';
import { RECORD_SIDE } from '../cashier-passes';
import { isCancellingCode, STATUS } from '../row-index';

export const statusMismatch: Rule = {
  kind: 'status_mismatch',
  run(ctx) {
    const out: Finding[] = [];
    const flagged = new Set<string>();
    // 1. cashier says paid, acquirer says not
    if (ctx.cashier.length > 0) {
      const m = ctx.cashierMatching();
      // the matching's columns: a row's status from the row index (m.txns is ctx.transactions),
      // the record's side from the matching; only the pairs flagged are read
      const status = ctx.rows.status;
      const { txn, record, recordSide, count } = m;
      const { failed, voided, reversed } = STATUS;
      const { sale } = RECORD_SIDE;
      for (let k = 0; k < count; k++) {
        const i = txn[k]!;
        const s = status[i];
        if ((s !== failed && s !== voided && s !== reversed) || recordSide[record[k]!] !== sale) continue;
        const t = m.txns[i]!;
        const c = m.cashier[m.record[k]!]!;
        flagged.add(t.id);
        const amount = money(amountOf(t.amount).abs(), t.amount.currency);
        out.push(
          makeFinding('status_mismatch', {
            severity: 'suspect',
            transactionIds: [t.id],
            cashierIds: [c.id],
            atStake: amount,
            expected: amount,
            actual: money('0', t.amount.currency),
            params: {
              ...txnParams(t),
              problem: 'cashier_paid_acquirer_' + t.status,
              status: t.status,
              cashierOccurredAt: c.occurredAt,
              basis: m.passes[m.pass[k]!]!.basis,
            },
          }),
        );
      }
    }
    // 2. failed or pending but settling
    // found by the row index's status and kind columns
    const { status, kind, count } = ctx.rows;
    for (let i = 0; i < count; i++) {
      if ((status[i] !== STATUS.failed && status[i] !== STATUS.pending) || isCancellingCode(kind[i]!)) continue;
      const t = ctx.transactions[i]!;
      if (flagged.has(t.id)) continue;
      if (!t.net || !isPositive(t.net) || !t.settleDate) continue;
      flagged.add(t.id);
      out.push(
        makeFinding('status_mismatch', {
          severity: 'suspect',
          transactionIds: [t.id],
          actual: t.net,
          params: { ...txnParams(t), problem: 'not_successful_but_settled', status: t.status, settleDate: t.settleDate, net: t.net.amount },
        }),
      );
    }
    // 3. two portal sources disagree
    for (const a of ctx.aliases) {
      const kept = ctx.txn(a.keptId);
      if (!kept || flagged.has(kept.id)) continue;
      const aliasStatus = a.aliasStatus;
      if (!aliasStatus || aliasStatus === kept.status) continue;
      if (!(aliasStatus === 'success' || kept.status === 'success')) continue;
      out.push(
        makeFinding('status_mismatch', {
          severity: 'suspect',
          transactionIds: [kept.id, a.aliasId],
          params: { ...txnParams(kept), problem: 'sources_disagree', status: kept.status, otherStatus: aliasStatus, basis: a.basis },
        }),
      );
    }
    return out;
  },
};
