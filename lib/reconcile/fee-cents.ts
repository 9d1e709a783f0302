// The fee audit of the common row in whole cents (issue 5 "Speed"): a successful sale with a fee,
// no extra fees, under a contract without surcharges whose numbers have at most two decimals
// (percentages any number of decimals). For such a row it answers the two things feeExcessRows()
// needs of auditFee() — is the excess above tolerance, and the row's feeBreakdownHint — without a
// Decimal. Any other row, and any row whose fee is above tolerance (its audit is kept, with its
// parts), goes to auditFee(); tests/unit/reconcile/fee-audit-reference.test.ts compares the two.
// Which rule, tier, minimum, cap and instant fee apply is decided by fee-schedule.ts's rule
// functions, the same code that prices on Decimals: this file only evaluates them in cents.
//
// Numbers: amounts and contract money are whole cents as JS integers of at most 2^50 (centsOf);
// a percentage p with k decimals is the integer N = p × 10^k. The percentage part in cents is
// the rational A × N / 10^(k+2); it is compared and rounded in integers, and only while every
// product stays below 2^52 (exact in a double).
import { MAX_EXACT_CENTS, centsOf, decimalSign } from '../money';
import type { CardType, Contract, ContractRule, PortalTransaction } from '../model';
import { clampPercentPart, currencyScale, instantFeeDue, pickRuleIndex } from './fee-schedule';
import { CARD_TYPES, FLAG, KIND, STATUS, type RowIndex } from './row-index';

interface CentsRule {
  rule: ContractRule;
  cardType: ContractRule['cardType'];
  /** tier bounds in cents (minAmount < |amount| ≤ maxAmount), undefined = open */
  minAmount?: number;
  maxAmount?: number;
  /** percent = n / 10^k; d = 10^(k+2): percentPart in cents = amount × n / d */
  n: number;
  d: number;
  min?: number;
  cap?: number;
  fixed: number;
  instantFee?: number;
}

interface CentsContract {
  contract: Contract;
  rules: CentsRule[];
}

const LIMIT = 2 ** 52;
const memo = new WeakMap<Contract, CentsContract | null>();

/** The contract in cents, or null when some number is not whole cents (or it has surcharges, or a currency not in hundredths). */
function centsContract(c: Contract): CentsContract | null {
  let v = memo.get(c);
  if (v !== undefined) return v;
  v = buildCentsContract(c);
  memo.set(c, v);
  return v;
}

function buildCentsContract(c: Contract): CentsContract | null {
  if ((c.surcharges ?? []).length > 0 || currencyScale(c.currency) !== 2) return null;
  const rules: CentsRule[] = [];
  for (const r of c.rules) {
    const pct = ratio(r.percent);
    if (!pct) return null;
    const opt = (s: string | undefined): number | undefined | null => (s === undefined ? undefined : (centsOf(s) ?? null));
    const minAmount = opt(r.minAmount);
    const maxAmount = opt(r.maxAmount);
    const min = opt(r.min);
    const cap = opt(r.cap);
    const fixed = opt(r.fixed);
    const instantFee = opt(r.instantFee);
    if (minAmount === null || maxAmount === null || min === null || cap === null || fixed === null || instantFee === null) return null;
    // products with d stay exact
    if ((min !== undefined && Math.abs(min) * pct.d >= LIMIT) || (cap !== undefined && Math.abs(cap) * pct.d >= LIMIT)) return null;
    rules.push({ rule: r, cardType: r.cardType, minAmount, maxAmount, n: pct.n, d: pct.d, min, cap, fixed: fixed ?? 0, instantFee });
  }
  return { contract: c, rules };
}

/** '0.6' → n = 6, d = 10^(1+2): a non-negative plain percentage with up to 6 decimals, else undefined. */
function ratio(s: string): { n: number; d: number } | undefined {
  const m = /^\+?(\d{1,6})(?:\.(\d{0,6}))?$/.exec(s);
  if (!m) return undefined;
  const frac = m[2] ?? '';
  return { n: Number(m[1]! + frac), d: 10 ** (frac.length + 2) };
}

const numGreater = (x: number, y: number) => x > y;

/** pickRule() on cents: the same rule order and tiers (fee-schedule.ts), on whole cents. */
function pickCentsRule(c: CentsContract, cardType: CardType, a: number): CentsRule | undefined {
  const i = pickRuleIndex(c.rules, cardType, a, numGreater);
  return i >= 0 ? c.rules[i] : undefined;
}

export interface QuickAudit {
  /** auditFee(t, contract, tol) has excess > tolerance */
  excess: boolean;
  /** feeBreakdownHint of the row (context.ts breakdownHint) */
  hint: 0 | 1 | 2 | 3;
}

const NOT_AUDITED: QuickAudit = { excess: false, hint: 0 };
const HINTS: QuickAudit[] = [
  { excess: false, hint: 0 },
  { excess: false, hint: 1 },
  { excess: false, hint: 2 },
  { excess: false, hint: 3 },
];

/**
 * expectedFee(t, contract) for a row without extra fees, in cents: the rule it picks, the total
 * and whether the percentage part was capped or raised to the minimum. undefined when the row or
 * the contract is not one this can price exactly (the caller then uses expectedFee); `rule`
 * undefined when no rule applies.
 */
export function expectedFeeCents(t: PortalTransaction, contract: Contract, instantSettled: boolean): CentsBreakdown | undefined {
  const amount = centsOf(t.amount.amount);
  return amount === undefined ? undefined : breakdownCents(contract, amount, t.cardType, instantSettled);
}

type CentsBreakdown = { rule?: ContractRule; total: number; capped: boolean; minApplied: boolean; fixed: number; instantFee: number };

/** expectedFeeCents of a row with this amount (whole cents) and card type. */
function breakdownCents(contract: Contract, amount: number, cardType: CardType, instantSettled: boolean): CentsBreakdown | undefined {
  const c = centsContract(contract);
  if (!c) return undefined;
  const a = Math.abs(amount);
  const r = pickCentsRule(c, cardType, a);
  if (!r) return NO_RULE;
  const an = a * r.n;
  if (!(an < LIMIT / 2)) return undefined; // 2·an + d below stays under 2^53
  // percentPart: |amount| × percent / 100 (an / d cents), raised to min, capped at cap (fee-schedule.ts), rounded half-up to cents
  const {
    value: pn,
    minApplied,
    capped,
  } = clampPercentPart(an, r.min === undefined ? undefined : r.min * r.d, r.cap === undefined ? undefined : r.cap * r.d, numGreater);
  // min and cap are whole cents; otherwise half-up of an/d for an ≥ 0 is floor((2·an + d) / (2·d))
  const part = minApplied || capped ? pn / r.d : Math.floor((2 * an + r.d) / (2 * r.d));
  const instantFee = instantFeeDue(c.contract, r.rule, instantSettled) ? r.instantFee! : 0;
  const total = part + r.fixed + instantFee;
  if (!(Math.abs(total) <= MAX_EXACT_CENTS)) return undefined;
  return { rule: r.rule, total, capped, minApplied, fixed: r.fixed, instantFee };
}
const NO_RULE = { total: 0, capped: false, minApplied: false, fixed: 0, instantFee: 0 };

/**
 * auditFee(t, contract, tol)'s verdict for the common row, in cents; undefined when this row is
 * not one it can decide (the caller then runs auditFee). `tolCents` = Tolerances.fee in cents.
 */
export function quickFeeAudit(t: PortalTransaction, contract: Contract, tolCents: number): QuickAudit | undefined {
  if ((t.extraFees ?? []).length > 0) return undefined;
  // isFeeAuditable, with no extra fees
  if (t.status !== 'success' || (t.kind !== 'sale' && t.kind !== 'preauth_completion')) return NOT_AUDITED;
  if (decimalSign(t.amount.amount) <= 0) return NOT_AUDITED; // throws on a malformed amount, as auditFee
  if (!t.fee || t.fee.currency !== t.amount.currency) return NOT_AUDITED;
  const instantSettled = t.settleCycle === 'D0' || t.settleCycle === 'T0';
  const b = expectedFeeCents(t, contract, instantSettled);
  if (!b) return undefined;
  if (!b.rule) return NOT_AUDITED; // expectedFee gives nothing: no audit
  const fee = centsOf(t.fee.amount);
  if (fee === undefined) return undefined;
  // feeCharged.isNegative(): no audit ("-0.00" is a negative zero to Decimal)
  if (fee < 0 || (fee === 0 && t.fee.amount.charCodeAt(0) === 45)) return NOT_AUDITED;
  return verdict(fee, b, instantSettled, tolCents);
}

/** The verdict on a fee of `fee` cents (not negative) against the breakdown `b`, as auditFee gives it. */
function verdict(fee: number, b: CentsBreakdown, instantSettled: boolean, tolCents: number): QuickAudit | undefined {
  const components = b.instantFee !== 0 ? 2 : 1;
  if (!(tolCents * components <= MAX_EXACT_CENTS)) return undefined;
  if (fee - b.total > tolCents * components) return { excess: true, hint: 0 };
  if (instantSettled) return HINTS[3]!;
  if (b.capped || b.minApplied) return HINTS[2]!;
  return b.fixed === 0 && b.instantFee === 0 ? HINTS[1]! : HINTS[0]!;
}

/**
 * quickFeeAudit(index.rows[i], …) read from the row index's columns (kind, status, flags, cents,
 * card type): the row object is read only for a fee of zero (is it "-0.00"?) and for a row whose
 * amount or fee is not whole cents or whose card type is outside CARD (quickFeeAudit decides).
 */
export function quickFeeAuditAt(index: RowIndex, i: number, contract: Contract, tolCents: number): QuickAudit | undefined {
  const fl = index.flags[i]!;
  if ((fl & FLAG.hasExtraFees) !== 0) return undefined;
  const k = index.kind[i];
  if (index.status[i] !== STATUS.success || (k !== KIND.sale && k !== KIND.preauth_completion)) return NOT_AUDITED;
  const amount = index.amountCents[i]!;
  const fee = index.feeCents[i]!;
  const card = CARD_TYPES[index.cardType[i]!];
  if (Number.isNaN(amount) || Number.isNaN(fee) || card === undefined) return quickFeeAudit(index.rows[i]!, contract, tolCents);
  if (amount <= 0) return NOT_AUDITED;
  if ((fl & FLAG.hasFee) === 0) return NOT_AUDITED;
  const instantSettled = (fl & FLAG.instant) !== 0;
  const b = breakdownCents(contract, amount, card, instantSettled);
  if (!b) return undefined;
  if (!b.rule) return NOT_AUDITED;
  if (fee < 0 || (fee === 0 && index.rows[i]!.fee!.amount.charCodeAt(0) === 45)) return NOT_AUDITED;
  return verdict(fee, b, instantSettled, tolCents);
}
