// Per-transaction fee audit: what was charged against what the contract gives, and which kind
// of finding each part of the excess belongs to. DESIGN.md §3: "One excess is one finding: the
// most specific kind (debit_cap_ignored, wrong_card_rate, instant_fee_unexpected) takes it, and
// fee_above_contract covers only what remains". Doing the split once, here, is what keeps the
// rule files from counting the same money twice.
import { Dec, ZERO, money, round, amountOf, decOf, HUNDRED, isPositive } from '../money';
import type { Contract, Finding, FindingKind, PortalTransaction, Severity } from '../model';
import { makeFinding, txnParams } from './finding';
import { breakdownParams, currencyScale, expectedFee, isDomesticCard, type FeeBreakdown } from './fee-schedule';
import { FX_FEE, INSTANT_FEE } from './labels';

export interface FeeAudit {
  txn: PortalTransaction;
  contract: Contract;
  breakdown: FeeBreakdown;
  currency: string;
  /** txn.fee (0 when absent) */
  feeCharged: Dec;
  /** extra fees labelled as instant-settlement fees */
  instantCharged: Dec;
  /** extra fees labelled as FX / international fees */
  fxCharged: Dec;
  chargedTotal: Dec;
  /** chargedTotal − expected total */
  excess: Dec;
  /** tolerance for the whole row: Tolerances.fee × separately rounded components */
  tolerance: Dec;
  /** the excess split by kind; parts are ≥ 0 and add up to at most `excess` */
  parts: {
    instant: Dec;
    fx: Dec;
    wrongRate: Dec;
    cap: Dec;
    remainder: Dec;
  };
  /** the rule whose fee the charge matched when parts.wrongRate > 0 */
  appliedRule?: FeeBreakdown;
  /** how the instant fee was identified: an extra-fee column or inferred from a lump fee */
  instantBasis?: 'extra-fee' | 'lump-fee' | 'charged-twice';
}

/** Instant-settlement fees run "加1/加2/加3" 元 per transaction, 0–5 元 at most (DOMAIN.md §2.2). */
const MAX_LUMP_INSTANT_FEE = new Dec(5);

export function isInstantSettled(t: PortalTransaction): boolean {
  return t.settleCycle === 'D0' || t.settleCycle === 'T0';
}

/** Which rows get a per-transaction fee audit: successful sales that show what they were charged. */
export function isFeeAuditable(t: PortalTransaction): boolean {
  if (t.status !== 'success') return false;
  if (t.kind !== 'sale' && t.kind !== 'preauth_completion') return false;
  // a negative amount or a negative fee is a reversal, never an overcharge
  if (!isPositive(t.amount)) return false;
  if (t.fee && t.fee.currency !== t.amount.currency) return false;
  return t.fee !== undefined || (t.extraFees ?? []).some((f) => INSTANT_FEE.test(f.label) || FX_FEE.test(f.label));
}

function sumExtras(t: PortalTransaction, isKind: (label: string) => boolean): { total: Dec; count: number } {
  let total = ZERO;
  let count = 0;
  for (const f of t.extraFees ?? []) {
    if (f.amount.currency !== t.amount.currency || !isKind(f.label)) continue;
    total = total.plus(amountOf(f.amount));
    count++;
  }
  return { total, count };
}

const within = (a: Dec, b: Dec, tol: Dec) => a.minus(b).abs().lessThanOrEqualTo(tol);

export function auditFee(t: PortalTransaction, contract: Contract, tolFee: Dec): FeeAudit | undefined {
  if (!isFeeAuditable(t)) return undefined;
  const instantX = sumExtras(t, (l) => INSTANT_FEE.test(l));
  const fxX = sumExtras(t, (l) => FX_FEE.test(l) && !INSTANT_FEE.test(l));
  const fxApplied = fxX.total.greaterThan(ZERO);
  const instantSettled = isInstantSettled(t) || instantX.total.greaterThan(ZERO);
  const b = expectedFee(t, contract, { instantSettled, fxApplied });
  if (!b) return undefined;
  const feeCharged = t.fee ? amountOf(t.fee) : ZERO;
  if (feeCharged.isNegative()) return undefined;
  const chargedTotal = instantX.count + fxX.count === 0 ? feeCharged : feeCharged.plus(instantX.total).plus(fxX.total);
  const excess = chargedTotal.minus(b.total);
  const components = 1 + b.surcharges.length + instantX.count + fxX.count + (b.instantFee.isZero() ? 0 : 1);
  const tolerance = components === 1 ? tolFee : tolFee.times(components);
  const parts = { instant: ZERO, fx: ZERO, wrongRate: ZERO, cap: ZERO, remainder: ZERO };
  const audit: FeeAudit = {
    txn: t,
    contract,
    breakdown: b,
    currency: contract.currency,
    feeCharged,
    instantCharged: instantX.total,
    fxCharged: fxX.total,
    chargedTotal,
    excess,
    tolerance,
    parts,
  };
  if (!excess.greaterThan(tolerance)) return audit;

  let remaining = excess;
  // 1. instant-settlement fee (D5): not contracted, above the contracted price, or charged twice
  if (instantX.total.greaterThan(ZERO)) {
    const over = Dec.max(ZERO, instantX.total.minus(b.instantFee));
    if (over.greaterThan(tolFee)) {
      parts.instant = Dec.min(remaining, over);
      audit.instantBasis = 'extra-fee';
    }
  } else if (isInstantSettled(t)) {
    // one lump 手续费 that includes a 秒到费: 62.00 = 60.00 + 2.00 (DOMAIN.md §3.4 example 3)
    if (b.instantFee.isZero() && remaining.isInteger() && remaining.lessThanOrEqualTo(MAX_LUMP_INSTANT_FEE)) {
      parts.instant = remaining;
      audit.instantBasis = 'lump-fee';
    } else if (b.instantFee.greaterThan(ZERO) && within(remaining, b.instantFee, tolerance)) {
      parts.instant = remaining;
      audit.instantBasis = 'charged-twice';
    }
  }
  remaining = remaining.minus(parts.instant);

  // 2. FX / international surcharge on a domestic card (D19)
  const domestic = isDomesticCard(t, contract.currency);
  if (domestic && remaining.greaterThan(tolFee)) {
    if (fxX.total.greaterThan(ZERO)) {
      parts.fx = Dec.min(remaining, fxX.total);
    } else {
      const foreignLike = (contract.surcharges ?? []).filter((s) => s.when === 'foreign_card' || s.when === 'fx');
      // every non-empty subset of the foreign surcharges (there are at most two)
      for (let mask = 1; mask < 1 << foreignLike.length; mask++) {
        let alt = ZERO;
        foreignLike.forEach((s, i) => {
          if (mask & (1 << i)) {
            alt = alt.plus(round(b.base.times(s.percent ? decOf(s.percent) : ZERO).dividedBy(HUNDRED), currencyScale(contract.currency)));
            if (s.fixed) alt = alt.plus(decOf(s.fixed));
          }
        });
        if (within(remaining, alt, tolerance)) {
          parts.fx = remaining;
          break;
        }
      }
    }
    remaining = remaining.minus(parts.fx);
  }

  if (remaining.greaterThan(tolerance)) {
    // the fee charged on the card-rate part, net of what steps 1–2 already explained
    const charged = chargedTotal.minus(parts.instant).minus(parts.fx);
    // 3. wrong card rate / wrong tier (D4): the charge equals what another rule of the same
    //    contract would give (debit billed at the credit rate; the ≤1000 rate on >1000)
    for (const r of contract.rules) {
      if (r === b.rule) continue;
      const rAppliesToOtherCard = r.cardType !== b.rule.cardType;
      const rIsOtherTier = r.cardType === b.rule.cardType && (r.minAmount !== b.rule.minAmount || r.maxAmount !== b.rule.maxAmount);
      if (!rAppliesToOtherCard && !rIsOtherTier) continue;
      if (r.cardType === 'any' && b.rule.cardType === 'any') continue;
      const alt = expectedFee(t, contract, { instantSettled: isInstantSettled(t) || instantX.total.greaterThan(ZERO), fxApplied, rule: r });
      if (!alt?.total.greaterThan(b.total.plus(tolerance))) continue;
      if (within(charged, alt.total, tolerance)) {
        parts.wrongRate = remaining;
        audit.appliedRule = alt;
        remaining = ZERO;
        break;
      }
    }
    // 4. debit cap not applied (D3): the card-rate part went above the cap
    if (remaining.greaterThan(tolerance) && t.cardType === 'debit' && b.rule.cap !== undefined) {
      const cap = decOf(b.rule.cap);
      const percentCharged = charged.minus(b.total.minus(b.percentPart));
      const overCap = percentCharged.minus(cap);
      if (overCap.greaterThan(tolFee)) {
        parts.cap = Dec.min(remaining, overCap);
        remaining = remaining.minus(parts.cap);
      }
    }
  }
  // 5. whatever is left is a plain fee above the contract (D2)
  if (remaining.greaterThan(tolerance)) parts.remainder = remaining;
  return audit;
}

/**
 * Explanation params shared by the fee kinds: the contract arithmetic (amount, rate, cap,
 * percentPart, fixed, instantFee, surcharges, expected), what was charged, the whole excess and
 * the tolerance. Each rule adds `difference` = its own part of the excess.
 */
export function feeAuditParams(a: FeeAudit): Record<string, string> {
  const s = (d: Dec) => money(d, a.currency).amount;
  return {
    ...breakdownParams(a.breakdown),
    charged: s(a.chargedTotal),
    feeCharged: s(a.feeCharged),
    instantFeeCharged: s(a.instantCharged),
    fxFeeCharged: s(a.fxCharged),
    excess: s(a.excess),
    tolerance: s(a.tolerance),
    settleCycle: a.contract.settleCycle,
  };
}

/**
 * Findings for one part of the fee excess, one per transaction. `atStake` is that part only, so
 * the fee kinds of one row add up to its excess and never more.
 */
export function feePartFindings(
  transactions: readonly PortalTransaction[],
  auditOf: (t: PortalTransaction) => FeeAudit | undefined,
  kind: FindingKind,
  part: keyof FeeAudit['parts'],
  severity: Severity,
  extraParams: (a: FeeAudit) => Record<string, string | undefined> = () => ({}),
): Finding[] {
  const out: Finding[] = [];
  for (const t of transactions) {
    const a = auditOf(t);
    if (!a) continue;
    const value = a.parts[part];
    if (!value.greaterThan(ZERO)) continue;
    const s = (d: Dec) => money(d, a.currency);
    out.push(
      makeFinding(kind, {
        severity,
        transactionIds: [t.id],
        atStake: s(value),
        expected: s(a.breakdown.total),
        actual: s(a.chargedTotal),
        params: { ...txnParams(t), ...feeAuditParams(a), difference: s(value).amount, ...extraParams(a) },
      }),
    );
  }
  return out;
}
