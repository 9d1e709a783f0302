// D17 退单/拒付费 — chargeback fees (DOMAIN.md §3 D17): a chargeback fee with no chargeback to go
// with it, a fee above the contract's chargebackFee, or the same chargeback booked twice.
import { Dec, ZERO, money, amountOf, decOf } from '../../money';
import { daysBetween } from '../../dates';
import type { Finding, PortalTransaction } from '../../model';
import type { Rule } from '../context';
import { txnDate } from '../fee-schedule';
import { makeFinding, txnParams } from '../finding';
import { CHARGEBACK_FEE, txnText } from '../labels';
import { KIND, rowsOf, STATUS } from '../row-index';
import { normaliseId } from '../keys';

/** A chargeback fee is booked within this many days of its chargeback. */
const PAIRING_DAYS = 30;

export const chargebackFee: Rule = {
  kind: 'chargeback_fee',
  run(ctx) {
    const out: Finding[] = [];
    // the successful chargebacks, fees and adjustments, found by the row index's kind and status columns
    const { kind, status, count } = ctx.rows;
    const chargebacks = rowsOf(ctx.rows, KIND.chargeback, STATUS.success).map((i) => ctx.transactions[i]!);
    // fee rows labelled as chargeback fees, and fees carried on chargeback rows
    const feeRows: { t: PortalTransaction; amount: Dec }[] = [];
    for (let i = 0; i < count; i++) {
      if (status[i] !== STATUS.success || (kind[i] !== KIND.fee && kind[i] !== KIND.adjustment)) continue;
      const t = ctx.transactions[i]!;
      if (CHARGEBACK_FEE.test(txnText(t)) && amountOf(t.amount).isNegative()) feeRows.push({ t, amount: amountOf(t.amount).neg() });
    }
    const used = new Set<string>();
    for (const f of feeRows) {
      const cur = f.t.amount.currency;
      const cb = chargebacks.find(
        (c) =>
          !used.has(c.id) &&
          c.amount.currency === cur &&
          (c.merchantId ?? '') === (f.t.merchantId ?? '') &&
          Math.abs(daysBetween(txnDate(c), txnDate(f.t))) <= PAIRING_DAYS,
      );
      const contract = ctx.contractFor(f.t);
      if (!cb) {
        out.push(
          makeFinding('chargeback_fee', {
            severity: 'suspect',
            transactionIds: [f.t.id],
            atStake: money(f.amount, cur),
            actual: money(f.amount, cur),
            params: { ...txnParams(f.t), problem: 'fee_without_chargeback', fee: money(f.amount, cur).amount, difference: money(f.amount, cur).amount },
          }),
        );
        continue;
      }
      used.add(cb.id);
      const allowed = contract?.chargebackFee !== undefined ? decOf(contract.chargebackFee) : undefined;
      if (allowed && f.amount.greaterThan(allowed.plus(ctx.tolFee))) {
        out.push(
          makeFinding('chargeback_fee', {
            severity: 'suspect',
            transactionIds: [f.t.id, cb.id],
            atStake: money(f.amount.minus(allowed), cur),
            expected: money(allowed, cur),
            actual: money(f.amount, cur),
            params: {
              ...txnParams(f.t),
              problem: 'fee_above_contract',
              fee: money(f.amount, cur).amount,
              contractFee: money(allowed, cur).amount,
              difference: money(f.amount.minus(allowed), cur).amount,
              chargebackId: cb.id,
            },
          }),
        );
      }
    }
    // fee carried on the chargeback row itself
    for (const c of chargebacks) {
      if (!c.fee || c.fee.currency !== c.amount.currency) continue;
      const fee = amountOf(c.fee);
      const contract = ctx.contractFor(c);
      if (contract?.chargebackFee === undefined || !fee.greaterThan(decOf(contract.chargebackFee).plus(ctx.tolFee))) continue;
      const allowed = decOf(contract.chargebackFee);
      const cur = c.amount.currency;
      out.push(
        makeFinding('chargeback_fee', {
          severity: 'suspect',
          transactionIds: [c.id],
          atStake: money(fee.minus(allowed), cur),
          expected: money(allowed, cur),
          actual: money(fee, cur),
          params: {
            ...txnParams(c),
            problem: 'fee_above_contract',
            fee: money(fee, cur).amount,
            contractFee: money(allowed, cur).amount,
            difference: money(fee.minus(allowed), cur).amount,
          },
          discriminator: 'row-fee',
        }),
      );
    }
    // the same chargeback twice (same original reference and amount)
    const seen = new Map<string, PortalTransaction>();
    for (const c of chargebacks) {
      if (!c.originalRef) continue;
      const k = `${normaliseId('reference', c.originalRef)}|${amountOf(c.amount).abs().toString()}|${c.amount.currency}`;
      const first = seen.get(k);
      if (!first) {
        seen.set(k, c);
        continue;
      }
      const cur = c.amount.currency;
      const lost = amountOf(c.amount)
        .abs()
        .plus(c.fee && c.fee.currency === cur ? Dec.max(ZERO, amountOf(c.fee)) : ZERO);
      out.push(
        makeFinding('chargeback_fee', {
          severity: 'suspect',
          transactionIds: [c.id, first.id],
          atStake: money(lost, cur),
          actual: money(amountOf(c.amount).abs(), cur),
          params: {
            ...txnParams(c),
            problem: 'chargeback_duplicated',
            originalRef: c.originalRef,
            firstChargebackId: first.id,
            difference: money(lost, cur).amount,
          },
          discriminator: 'duplicate',
        }),
      );
    }
    return out;
  },
};
