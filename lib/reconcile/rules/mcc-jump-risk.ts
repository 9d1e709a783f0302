// D18 跳码/二清 风险 — card transactions priced below the regulated floor (DOMAIN.md §2.1: credit
// ≥ 0.45 % issuer + 0.0325 % network; debit ≥ min(0.35 %, 13) + min(0.0325 %, 3.25)) are
// probably routed under a cheaper merchant category or through an unlicensed sub-clearer: a
// risk to the merchant (frozen funds, clawbacks), not an overcharge. Cards only — QR rates are
// legitimately lower. One info finding per merchant, card type and month. And the bank side:
// settlements paid by someone who cannot be a licensed acquirer (../payers.ts).
import { Dec, centsOf, decToCents, money, round, toPlain, amountOf, decOf, HUNDRED, ONE_HUNDREDTH, type Cents } from '../../money';
import type { Finding, PortalTransaction } from '../../model';
import type { Rule } from '../context';
import { makeFinding } from '../finding';
import { CARD_TYPES, FLAG, KIND, STATUS } from '../row-index';
import { payerFindings } from '../payers';

/**
 * The regulated floor, written once (DOMAIN.md §2.1): per card type, the fee parts no licensed
 * acquirer can go below — credit 0.45 % issuer + 0.0325 % network; debit min(0.35 %, 13) +
 * min(0.0325 %, 3.25). Each part is `percent` % of the amount, capped at `cap` (major units).
 */
const FLOOR: Partial<Record<PortalTransaction['cardType'], readonly { percent: string; cap?: string }[]>> = {
  credit: [{ percent: '0.45' }, { percent: '0.0325' }],
  semi_credit: [{ percent: '0.45' }, { percent: '0.0325' }],
  debit: [
    { percent: '0.35', cap: '13' },
    { percent: '0.0325', cap: '3.25' },
  ],
};

/** below this amount 0.01 of fee rounding is too large a share to judge a rate */
const MIN_AMOUNT = '100';

/** The floor's rate in percent for a card type, uncapped (the finding states it). */
function floorRate(cardType: PortalTransaction['cardType']): Dec | undefined {
  const parts = FLOOR[cardType];
  return parts?.reduce((s, p) => s.plus(decOf(p.percent)), new Dec(0));
}

/** The lowest fee the floor allows on the row: Σ min(amount × percent / 100, cap), rounded half-up to cents. */
function floorFee(t: PortalTransaction): Dec | undefined {
  const parts = FLOOR[t.cardType];
  if (!parts) return undefined;
  const a = amountOf(t.amount);
  let sum = new Dec(0);
  for (const p of parts) {
    const part = a.times(decOf(p.percent)).times(ONE_HUNDREDTH); // = ÷ 100, exact
    sum = sum.plus(p.cap === undefined ? part : Dec.min(part, decOf(p.cap)));
  }
  return round(sum, 2);
}

/**
 * FLOOR in whole cents: for an amount of `a` cents, part i is min(a × n[i], capMicro[i])
 * millionths of a cent (p % of a cents = a × p × 10^4 millionths: exact for p with ≤ 4 decimals).
 */
const CENTS_FLOOR = new Map(
  Object.entries(FLOOR).map(([cardType, parts]) => [
    cardType,
    {
      n: parts.map((p) => decOf(p.percent).times(10_000).toNumber()),
      capMicro: parts.map((p) => (p.cap === undefined ? undefined : decOf(p.cap).times(100_000_000).toNumber())),
    },
  ]),
);

/**
 * The rule's first tests in whole cents: true when the row is certainly out (amount below
 * MIN_AMOUNT, no floor for its card, or fee ≥ floorFee − tolerance), false when it may be in
 * or cannot be told in cents (a third decimal, a huge amount): the Decimal path then decides.
 * Most rows are out; this spares them four Decimals each.
 */
export function certainlyOut(t: PortalTransaction, tolCents: Cents): boolean {
  return certainlyOutCents(centsOf(t.amount.amount) ?? NaN, centsOf(t.fee!.amount) ?? NaN, t.cardType, tolCents);
}

/** certainlyOut on the row's amount and fee in cents (NaN: not whole cents) and its card type. */
function certainlyOutCents(ac: number, fc: number, cardType: PortalTransaction['cardType'], tolCents: Cents): boolean {
  // every product below stays an exact integer under 2^53 for amounts up to 10^12 cents
  if (Number.isNaN(ac) || Number.isNaN(fc) || ac > 1e12 || tolCents > 1_000_000) return false;
  if (ac < 10_000) return true; // < MIN_AMOUNT
  const floor = CENTS_FLOOR.get(cardType);
  if (!floor) return true; // no floor for this card type
  let micro = 0;
  for (let i = 0; i < floor.n.length; i++) {
    const part = ac * floor.n[i]!;
    const cap = floor.capMicro[i];
    micro += cap === undefined ? part : Math.min(part, cap);
  }
  const x = micro + 500_000; // ≥ 0 and an exact integer: half-up is floor(x / 10^6)
  const floorC = (x - (x % 1_000_000)) / 1_000_000;
  return !(fc < floorC - tolCents);
}

/** The Decimal test: the row's fee is below the floor by more than the tolerance (amount ≥ MIN_AMOUNT). */
export function belowFloor(t: PortalTransaction, tolFee: Dec): boolean {
  if (!t.fee || amountOf(t.amount).lessThan(decOf(MIN_AMOUNT))) return false;
  const floor = floorFee(t);
  return floor !== undefined && amountOf(t.fee).lessThan(floor.minus(tolFee));
}

export const mccJumpRisk: Rule = {
  kind: 'mcc_jump_risk',
  run(ctx) {
    const groups = new Map<string, { txns: PortalTransaction[]; lowest: Dec }>();
    const tolC = decToCents(ctx.tolFee);
    // the rows that may be priced below the floor: successful CNY sales with a CNY fee (FLAG.hasFee:
    // a fee in the amount's currency), not certainlyOut, found by the columns, in time order
    const { kind, status, currency, currencies, flags, amountCents, feeCents, cardType, count } = ctx.rows;
    const cny = currencies.indexOf('CNY');
    for (let i = 0; i < count; i++) {
      if (kind[i] !== KIND.sale || status[i] !== STATUS.success || currency[i] !== cny || (flags[i]! & FLAG.hasFee) === 0) continue;
      if (tolC !== undefined && certainlyOutCents(amountCents[i]!, feeCents[i]!, CARD_TYPES[cardType[i]!] ?? 'unknown', tolC)) continue;
      const t = ctx.transactions[i]!;
      if (!belowFloor(t, ctx.tolFee)) continue;
      const fee = amountOf(t.fee!);
      const k = `${t.merchantId ?? ''}|${t.cardType}|${t.occurredAt.slice(0, 7)}`;
      const rate = fee.dividedBy(amountOf(t.amount)).times(HUNDRED);
      const g = groups.get(k);
      if (g) {
        g.txns.push(t);
        if (rate.lessThan(g.lowest)) g.lowest = rate;
      } else groups.set(k, { txns: [t], lowest: rate });
    }
    const out: Finding[] = [];
    for (const [k, g] of groups) {
      const [merchantId, cardType, month] = k.split('|');
      const t0 = g.txns[0]!;
      out.push(
        makeFinding('mcc_jump_risk', {
          severity: 'info',
          transactionIds: g.txns.map((t) => t.id),
          params: {
            merchantId: merchantId || undefined,
            cardType,
            month,
            count: String(g.txns.length),
            currency: 'CNY',
            lowestRate: toPlain(round(g.lowest, 3), 2),
            floorRate: floorRate(cardType as PortalTransaction['cardType'])!.toString(),
            exampleAmount: t0.amount.amount,
            exampleFee: t0.fee?.amount,
            exampleFloorFee: money(floorFee(t0)!, 'CNY').amount,
          },
        }),
      );
    }
    out.push(...payerFindings(ctx));
    return out;
  },
};
