// The effective rate per card type and month (DOMAIN.md §2.4: Σfee ÷ Σgross, "the only number
// that lets you compare"), for the rate timeline merchants ask for (§5). Pure.
import type { CardType, MoneyJson, PortalTransaction } from './model';
import { Dec, ZERO, money, toPlain } from './money';

export interface RatePoint {
  month: string; // 'YYYY-MM'
  cardType: CardType;
  currency: string;
  count: number;
  volume: MoneyJson;
  fees: MoneyJson;
  /** Σfee ÷ Σamount in percent, 3 decimals ('0.600') */
  ratePercent: string;
}

export function effectiveRates(transactions: readonly PortalTransaction[]): RatePoint[] {
  const groups = new Map<string, { month: string; cardType: CardType; currency: string; count: number; volume: Dec; fees: Dec }>();
  for (const t of transactions) {
    if (t.kind !== 'sale' || t.status === 'failed' || !t.fee || t.fee.currency !== t.amount.currency) continue;
    const amount = new Dec(t.amount.amount);
    if (amount.lte(0)) continue;
    const month = t.occurredAt.slice(0, 7);
    const key = `${month}|${t.cardType}|${t.amount.currency}`;
    const g = groups.get(key) ?? { month, cardType: t.cardType, currency: t.amount.currency, count: 0, volume: ZERO, fees: ZERO };
    g.count++;
    g.volume = g.volume.plus(amount);
    g.fees = g.fees.plus(t.fee.amount);
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => a.month.localeCompare(b.month) || a.cardType.localeCompare(b.cardType) || a.currency.localeCompare(b.currency))
    .map((g) => ({
      month: g.month,
      cardType: g.cardType,
      currency: g.currency,
      count: g.count,
      volume: money(g.volume, g.currency),
      fees: money(g.fees, g.currency),
      ratePercent: toPlain(g.fees.div(g.volume).mul(100).toDecimalPlaces(3, Dec.ROUND_HALF_UP), 3),
    }));
}
