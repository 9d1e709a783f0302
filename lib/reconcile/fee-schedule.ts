// The fee schedule: which contract and rule apply to a transaction, and the fee it should carry
// (DOMAIN.md §2.4, DESIGN.md §3 Contract).
//
// Rounding assumption (DOMAIN.md §3.3 marks it unverified): every separately computed component
// — the percentage part and each percentage surcharge — is rounded half-up to the currency's
// minor unit (2 places; 0 for JPY/KRW) on its own, after cap and minimum. That is why the fee
// tolerance is counted per component.
import { type Dec, ZERO, money, round, amountOf, decOf, ONE_HUNDREDTH } from '../money';
import type { CardType, Contract, ContractRule, IsoDate, Issue, PortalTransaction } from '../model';
import { makeIssue } from '../i18n/issues';

/** Minor-unit places per currency; anything not listed uses 2. */
const SCALE: Record<string, number> = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0 };
export function currencyScale(currency: string): number {
  return SCALE[currency] ?? 2;
}

/** Country a contract's currency implies, for telling domestic from foreign cards. */
const HOME_COUNTRY: Record<string, string> = {
  CNY: 'CN',
  USD: 'US',
  GBP: 'GB',
  HKD: 'HK',
  JPY: 'JP',
  CAD: 'CA',
  AUD: 'AU',
  SGD: 'SG',
  NZD: 'NZ',
  CHF: 'CH',
  MOP: 'MO',
  TWD: 'TW',
  KRW: 'KR',
};
export function homeCountry(currency: string): string | undefined {
  return HOME_COUNTRY[currency];
}

export function txnDate(t: PortalTransaction): IsoDate {
  return t.occurredAt.slice(0, 10);
}

/** True unless the card is known to be foreign (cardType 'foreign' or a different card country). */
export function isDomesticCard(t: PortalTransaction, currency: string): boolean {
  if (t.cardType === 'foreign') return false;
  const home = homeCountry(currency);
  if (!t.cardCountry || !home) return true;
  return t.cardCountry.trim().toUpperCase() === home;
}

function appliesToMerchant(c: Contract, t: PortalTransaction): boolean {
  return c.merchantId === undefined || c.merchantId === '' || c.merchantId === t.merchantId;
}

function covers(c: Contract, date: IsoDate): boolean {
  return c.effectiveFrom <= date && (c.effectiveTo === undefined || c.effectiveTo === '' || date <= c.effectiveTo);
}

/**
 * The contract in force for a transaction: same currency, for its merchant (a contract naming
 * the merchant beats one that names none), covering the transaction date (effectiveTo is
 * inclusive); where two cover the date, the later effectiveFrom wins (DESIGN.md §3).
 */
export function pickContract(t: PortalTransaction, contracts: readonly Contract[]): Contract | undefined {
  const date = txnDate(t);
  let best: Contract | undefined;
  for (const c of contracts) {
    if (c.currency !== t.amount.currency || !appliesToMerchant(c, t) || !covers(c, date)) continue;
    if (!best || rank(c, t) > rank(best, t) || (rank(c, t) === rank(best, t) && tieBreak(c, best) > 0)) best = c;
  }
  return best;
}

function rank(c: Contract, t: PortalTransaction): number {
  return c.merchantId !== undefined && c.merchantId !== '' && c.merchantId === t.merchantId ? 1 : 0;
}
function tieBreak(a: Contract, b: Contract): number {
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom > b.effectiveFrom ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0; // deterministic: the smaller id wins a full tie
}

/**
 * When the merchant has contracts for this currency/merchant but none covers the date, that is
 * a gap in the fee schedule, not "no contract": report it so the merchant can close it.
 */
export function contractGapIssue(t: PortalTransaction, contracts: readonly Contract[]): Issue | undefined {
  const mine = contracts.filter((c) => c.currency === t.amount.currency && appliesToMerchant(c, t));
  if (mine.length === 0 || pickContract(t, contracts)) return undefined;
  return makeIssue('warning', 'issue.contract_gap', { date: txnDate(t), merchant: t.merchantId }, { field: 'effectiveFrom', raw: txnDate(t) });
}

// The contract's fee rules, written once. Each rule below is stated over any exact number type
// (`greater`: its order), so the Decimal pricing here and the whole-cents pricing of
// fee-cents.ts pick the same rule, tier, minimum, cap and instant fee by the same code.

/** A rule's amount tier holds |amount| `a`: minAmount < a ≤ maxAmount, either bound open (DESIGN.md §3 Contract). */
export function tierHolds<N>(a: N, minAmount: N | undefined, maxAmount: N | undefined, greater: (x: N, y: N) => boolean): boolean {
  if (minAmount !== undefined && !greater(a, minAmount)) return false;
  if (maxAmount !== undefined && greater(a, maxAmount)) return false;
  return true;
}

/** Card types that borrow another type's rule when the contract has none of their own. */
const CARD_FALLBACK: Partial<Record<CardType, CardType>> = { semi_credit: 'credit' };

/** A rule's card type and amount tier, the bounds in some exact number type N. */
export interface TieredRule<N> {
  cardType: ContractRule['cardType'];
  minAmount?: N;
  maxAmount?: N;
}

/**
 * Which rule prices a card of `cardType` and |amount| `a`: the first rule for its card type whose
 * tier holds; then the card type's fallback (准贷记卡 → credit); then the first 'any' rule whose
 * tier holds. −1 when none does.
 */
export function pickRuleIndex<N>(rules: readonly TieredRule<N>[], cardType: CardType, a: N, greater: (x: N, y: N) => boolean): number {
  const exact = firstHolding(rules, cardType, a, greater);
  if (exact >= 0) return exact;
  const fb = CARD_FALLBACK[cardType];
  const viaFallback = fb ? firstHolding(rules, fb, a, greater) : -1;
  return viaFallback >= 0 ? viaFallback : firstHolding(rules, 'any', a, greater);
}

function firstHolding<N>(rules: readonly TieredRule<N>[], type: ContractRule['cardType'], a: N, greater: (x: N, y: N) => boolean): number {
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    if (r.cardType === type && tierHolds(a, r.minAmount, r.maxAmount, greater)) return i;
  }
  return -1;
}

/** The percentage part raised to the rule's minimum, then capped at its cap (before rounding). */
export function clampPercentPart<N>(
  p: N,
  min: N | undefined,
  cap: N | undefined,
  greater: (x: N, y: N) => boolean,
): { value: N; minApplied: boolean; capped: boolean } {
  let value = p;
  let minApplied = false;
  let capped = false;
  if (min !== undefined && greater(min, value)) {
    value = min;
    minApplied = true;
  }
  if (cap !== undefined && greater(value, cap)) {
    value = cap;
    capped = true;
  }
  return { value, minApplied, capped };
}

/** The rule's instant-settlement fee is due: the contract settles D0/T0, or the row was settled instantly (秒到). */
export function instantFeeDue(contract: Contract, rule: ContractRule, instantSettled: boolean): boolean {
  return rule.instantFee !== undefined && (contract.settleCycle === 'D0' || contract.settleCycle === 'T0' || instantSettled);
}

const decGreater = (x: Dec, y: Dec) => x.greaterThan(y);
const optDec = (s: string | undefined) => (s === undefined ? undefined : decOf(s));

/** A contract's tiers as Decimals, read once per contract object. */
const decimalTiers = new WeakMap<Contract, TieredRule<Dec>[]>();
function tiersOf(contract: Contract): TieredRule<Dec>[] {
  let tiers = decimalTiers.get(contract);
  if (!tiers)
    decimalTiers.set(contract, (tiers = contract.rules.map((r) => ({ cardType: r.cardType, minAmount: optDec(r.minAmount), maxAmount: optDec(r.maxAmount) }))));
  return tiers;
}

/** The rule that prices the transaction (pickRuleIndex), or undefined. */
export function pickRule(t: PortalTransaction, contract: Contract): ContractRule | undefined {
  const i = pickRuleIndex(tiersOf(contract), t.cardType, amountOf(t.amount).abs(), decGreater);
  return i >= 0 ? contract.rules[i] : undefined;
}

export interface SurchargePart {
  when: 'keyed' | 'online' | 'foreign_card' | 'fx';
  percent: Dec;
  fixed: Dec;
  amount: Dec;
}

export interface FeeBreakdown {
  contract: Contract;
  rule: ContractRule;
  currency: string;
  /** |amount| the percentage applies to */
  base: Dec;
  percent: Dec;
  /** base × percent / 100, rounded, before cap and min */
  uncappedPercentPart: Dec;
  /** after min and cap, rounded half-up */
  percentPart: Dec;
  capped: boolean;
  minApplied: boolean;
  fixed: Dec;
  instantFee: Dec;
  surcharges: SurchargePart[];
  total: Dec;
}

export interface ExpectedFeeOptions {
  /** the merchant used instant settlement for this transaction (秒到/D0 shown on the row) */
  instantSettled?: boolean;
  /** include an 'fx' surcharge (the row shows a currency-conversion fee on a foreign card) */
  fxApplied?: boolean;
  /** price with this rule instead of the one pickRule() finds (wrong-card-rate checks) */
  rule?: ContractRule;
}

/** Which contract surcharges apply to a transaction. */
export function applicableSurcharges(t: PortalTransaction, contract: Contract, fxApplied: boolean): NonNullable<Contract['surcharges']> {
  const domestic = isDomesticCard(t, contract.currency);
  return (contract.surcharges ?? []).filter((s) => {
    switch (s.when) {
      case 'keyed':
        return t.entryMode === 'keyed';
      case 'online':
        return t.entryMode === 'online';
      case 'foreign_card':
        return !domestic;
      case 'fx':
        return !domestic && fxApplied;
    }
    return false;
  });
}

function percentOf(base: Dec, percent: Dec, scale: number): Dec {
  return round(base.times(percent).times(ONE_HUNDREDTH), scale);
}

/**
 * The fee the contract gives for a transaction, component by component (DOMAIN.md §2.4):
 * percentPart = |amount| × percent / 100, raised to `min`, capped at `cap`, rounded half-up;
 * plus `fixed`; plus `instantFee` when the contract settles D0/T0 or the row was settled
 * instantly; plus the surcharges that apply (keyed, online, foreign card, FX).
 * Returns undefined when no rule of the contract applies.
 */
export function expectedFee(t: PortalTransaction, contract: Contract, opts: ExpectedFeeOptions = {}): FeeBreakdown | undefined {
  const rule = opts.rule ?? pickRule(t, contract);
  if (!rule) return undefined;
  const scale = currencyScale(contract.currency);
  const amount = amountOf(t.amount);
  const base = amount.isNegative() ? amount.neg() : amount;
  const percent = decOf(rule.percent);
  // × 0.01 rather than ÷ 100: the same exact value (a product of two short decimals), cheaper
  const raw = base.times(percent).times(ONE_HUNDREDTH);
  const { value: p, minApplied, capped } = clampPercentPart(raw, optDec(rule.min), optDec(rule.cap), decGreater);
  const percentPart = round(p, scale);
  const fixed = rule.fixed !== undefined ? decOf(rule.fixed) : ZERO;
  const instantFee = instantFeeDue(contract, rule, opts.instantSettled ?? false) ? decOf(rule.instantFee!) : ZERO;
  const surcharges: SurchargePart[] = applicableSurcharges(t, contract, opts.fxApplied ?? false).map((s) => {
    const sp = s.percent !== undefined ? decOf(s.percent) : ZERO;
    const sf = s.fixed !== undefined ? decOf(s.fixed) : ZERO;
    return { when: s.when, percent: sp, fixed: sf, amount: percentOf(base, sp, scale).plus(sf) };
  });
  // adding a zero component is skipped: the same value without a new Decimal per row
  let total = fixed.isZero() ? percentPart : percentPart.plus(fixed);
  if (!instantFee.isZero()) total = total.plus(instantFee);
  for (const x of surcharges) total = total.plus(x.amount);
  return {
    contract,
    rule,
    currency: contract.currency,
    base,
    percent,
    uncappedPercentPart: capped || minApplied ? round(raw, scale) : percentPart,
    percentPart,
    capped,
    minApplied,
    fixed,
    instantFee,
    surcharges,
    total,
  };
}

/** Decimal-string params describing a breakdown, for Finding.explanation. */
export function breakdownParams(b: FeeBreakdown): Record<string, string> {
  const s = (d: Dec) => money(d, b.currency).amount;
  const params: Record<string, string> = {
    contractId: b.contract.id,
    contractLabel: b.contract.label,
    ruleCardType: b.rule.cardType,
    amount: s(b.base),
    rate: b.percent.toString(),
    percentPart: s(b.percentPart),
    uncapped: s(b.uncappedPercentPart),
    fixed: s(b.fixed),
    instantFee: s(b.instantFee),
    surcharges: s(b.surcharges.reduce((a, x) => a.plus(x.amount), ZERO)),
    surchargeKinds: b.surcharges.map((x) => x.when).join(' '),
    expected: s(b.total),
    currency: b.currency,
  };
  if (b.rule.cap !== undefined) params.cap = s(decOf(b.rule.cap));
  if (b.rule.min !== undefined) params.min = s(decOf(b.rule.min));
  return params;
}

function preset(p: Omit<Contract, 'periodicFees'> & { periodicFees?: Contract['periodicFees'] }): Contract {
  return { periodicFees: [], ...p };
}

/**
 * Starting points for the contract form (DOMAIN.md §2.2–2.3). The merchant adjusts dates and
 * numbers to their own agreement; effectiveFrom is deliberately early so a preset covers history.
 */
export const CONTRACT_PRESETS: Readonly<Record<'cn-card-standard' | 'stripe-us-standard' | 'square-us-free', Contract>> = {
  // China card acquiring as commonly sold: credit 0.6 % uncapped, debit 0.5 % capped at 20 元, T+1.
  'cn-card-standard': preset({
    id: 'preset:cn-card-standard',
    label: '银行卡收单 标准 (贷记 0.6%, 借记 0.5% 封顶 20 元, T1)',
    currency: 'CNY',
    effectiveFrom: '2016-09-06',
    settleCycle: 'T1',
    calendar: 'CN',
    rules: [
      { cardType: 'debit', percent: '0.5', cap: '20' },
      { cardType: 'credit', percent: '0.6' },
      { cardType: 'any', percent: '0.6' },
    ],
  }),
  // Stripe US standard: 2.9 % + 0.30; +0.5 % keyed; +1.5 % international card; +1 % FX.
  'stripe-us-standard': preset({
    id: 'preset:stripe-us-standard',
    label: 'Stripe US standard (2.9% + $0.30)',
    currency: 'USD',
    effectiveFrom: '2016-01-01',
    settleCycle: 'T1',
    calendar: 'weekdays',
    rules: [{ cardType: 'any', percent: '2.9', fixed: '0.30' }],
    surcharges: [
      { when: 'keyed', percent: '0.5' },
      { when: 'foreign_card', percent: '1.5' },
      { when: 'fx', percent: '1' },
    ],
    chargebackFee: '15.00',
  }),
  // Square US Free plan: 2.6 % + 0.15 in person; manual entry 3.5 % + 0.15 (= +0.9 % keyed).
  'square-us-free': preset({
    id: 'preset:square-us-free',
    label: 'Square US Free (2.6% + $0.15 in person, 3.5% + $0.15 keyed)',
    currency: 'USD',
    effectiveFrom: '2016-01-01',
    settleCycle: 'T1',
    calendar: 'weekdays',
    rules: [{ cardType: 'any', percent: '2.6', fixed: '0.15' }],
    surcharges: [{ when: 'keyed', percent: '0.9' }],
  }),
};
