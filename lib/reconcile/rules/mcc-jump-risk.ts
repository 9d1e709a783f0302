// D18 跳码/二清 风险 — card transactions priced below the regulated floor (DOMAIN.md §2.1: credit
// ≥ 0.45 % issuer + 0.0325 % network; debit ≥ min(0.35 %, 13) + min(0.0325 %, 3.25)) are
// probably routed under a cheaper merchant category or through an unlicensed sub-clearer: a
// risk to the merchant (frozen funds, clawbacks), not an overcharge. Cards only — QR rates are
// legitimately lower. One info finding per merchant, card type and month. And the bank side:
// settlements paid by someone who cannot be a licensed acquirer (../payers.ts).
import { Dec, centsOf, decToHundredths, hundredths, money, round, toPlain } from '../../money';
import { amountOf, dec, HUNDRED, ONE_HUNDREDTH } from '../amounts';
import type { Finding, PortalTransaction } from '../../model';
import type { Rule } from '../context';
import { makeFinding } from '../finding';
import { indicesWhere } from '../memory-order';
import { payerFindings } from '../payers';

const CREDIT_FLOOR_PERCENT = dec('0.4825');
const DEBIT_ISSUER = { percent: dec('0.35'), cap: dec('13') };
const NETWORK = { percent: dec('0.0325'), cap: dec('3.25') };
/** below this amount 0.01 of fee rounding is too large a share to judge a rate */
const MIN_AMOUNT = dec('100');

function floorFee(t: PortalTransaction): Dec | undefined {
  const a = amountOf(t.amount);
  const pct = (p: Dec) => a.times(p).times(ONE_HUNDREDTH); // = ÷ 100, exact
  if (t.cardType === 'credit' || t.cardType === 'semi_credit') return round(pct(CREDIT_FLOOR_PERCENT), 2);
  if (t.cardType === 'debit') return round(Dec.min(pct(DEBIT_ISSUER.percent), DEBIT_ISSUER.cap).plus(Dec.min(pct(NETWORK.percent), NETWORK.cap)), 2);
  return undefined;
}

/**
 * The rule's first tests in BigInt hundredths, exact: true when the row is certainly out (amount
 * below MIN_AMOUNT, or fee ≥ floorFee − tolerance), false when it may be in or cannot be told
 * (more than two decimals): the Decimal path then decides. Most rows are out; this spares them
 * four Decimals each. floorFee in millionths of a hundredth: credit A × 4825, debit
 * min(A × 3500, 13 yuan) + min(A × 325, 3.25 yuan); rounded half-up to a hundredth.
 */
export function certainlyOut(t: PortalTransaction, tolC: bigint): boolean {
  // in whole cents as numbers while every product stays below 2^53 (amounts up to 10^12 cents)
  const ac = centsOf(t.amount.amount);
  const fc = centsOf(t.fee!.amount);
  if (ac !== undefined && fc !== undefined && ac <= 1e12 && tolC <= 1_000_000n) {
    if (ac < 10_000) return true;
    let floor6: number;
    if (t.cardType === 'credit' || t.cardType === 'semi_credit') floor6 = ac * 4825;
    else if (t.cardType === 'debit') floor6 = Math.min(ac * 3500, 1_300_000_000) + Math.min(ac * 325, 325_000_000);
    else return true;
    const x = floor6 + 500_000; // ≥ 0 and an exact integer: the remainder is exact too
    const floorC = (x - (x % 1_000_000)) / 1_000_000;
    return !(fc < floorC - Number(tolC));
  }
  return certainlyOutBig(t, tolC);
}

/** certainlyOut in BigInt hundredths, for any size (the reference the number path must equal). */
export function certainlyOutBig(t: PortalTransaction, tolC: bigint): boolean {
  const a = hundredths(t.amount.amount);
  const f = hundredths(t.fee!.amount);
  if (a === undefined || f === undefined) return false;
  if (a < 10_000n) return true; // < MIN_AMOUNT (100)
  let floor6: bigint;
  if (t.cardType === 'credit' || t.cardType === 'semi_credit') floor6 = a * 4825n;
  else if (t.cardType === 'debit') {
    const issuer = a * 3500n;
    const network = a * 325n;
    floor6 = (issuer < 1_300_000_000n ? issuer : 1_300_000_000n) + (network < 325_000_000n ? network : 325_000_000n);
  } else return true; // no floor for this card type
  const floorC = (floor6 + 500_000n) / 1_000_000n; // ≥ 0: half-up is floor(x + ½)
  return !(f < floorC - tolC);
}

export const mccJumpRisk: Rule = {
  kind: 'mcc_jump_risk',
  run(ctx) {
    const groups = new Map<string, { txns: PortalTransaction[]; lowest: Dec }>();
    const tolC = decToHundredths(ctx.tolFee);
    // the rows that may be priced below the floor, found in memory order; then in time order
    const candidates = indicesWhere(ctx.inMemoryOrder().txns, ctx.transactions.length, (t) => t.kind === 'sale' && t.status === 'success'
      && t.amount.currency === 'CNY' && !!t.fee && t.fee.currency === 'CNY' && !(tolC !== undefined && certainlyOut(t, tolC)));
    for (const i of candidates) {
      const t = ctx.transactions[i]!;
      if (!t.fee || amountOf(t.amount).lessThan(MIN_AMOUNT)) continue;
      const floor = floorFee(t);
      if (!floor) continue;
      const fee = amountOf(t.fee);
      if (!fee.lessThan(floor.minus(ctx.tolFee))) continue;
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
      out.push(makeFinding('mcc_jump_risk', {
        severity: 'info',
        transactionIds: g.txns.map((t) => t.id),
        params: {
          merchantId: merchantId || undefined, cardType, month, count: String(g.txns.length), currency: 'CNY',
          lowestRate: toPlain(round(g.lowest, 3), 2),
          floorRate: cardType === 'debit' ? '0.3825' : CREDIT_FLOOR_PERCENT.toString(),
          exampleAmount: t0.amount.amount, exampleFee: t0.fee?.amount, exampleFloorFee: money(floorFee(t0)!, 'CNY').amount,
        },
      }));
    }
    out.push(...payerFindings(ctx));
    return out;
  },
};
