// The effective rate per card type and month (DOMAIN.md §2.4: Σfee ÷ Σgross, "the only number
// that lets you compare"), for the rate timeline merchants ask for (§5). Pure.
import type { CardType, Contract, IsoDate, MoneyJson, PortalTransaction, StoredFinding } from './model';
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

/**
 * The contracted percent for a card type in a month, for the rate chart's contract line: the
 * contract in force on the month's last day (the later effectiveFrom wins, as in reconciliation),
 * its first rule for that card type, else its 'any' rule. The nominal rate: caps and fixed parts
 * make the effective rate of a month lower or higher, which is what the line lets one see.
 */
export function contractedPercent(contracts: readonly Contract[], cardType: CardType, currency: string, month: string): string | undefined {
  const last = `${month}-31`;
  const first = `${month}-01`;
  const inForce = contracts
    .filter((c) => c.currency === currency && c.effectiveFrom <= last && (!c.effectiveTo || c.effectiveTo >= first))
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  const rule = inForce?.rules.find((r) => r.cardType === cardType) ?? inForce?.rules.find((r) => r.cardType === 'any');
  return rule?.percent || undefined;
}

export interface WeekAtStake {
  week: IsoDate;
  currency: string;
  certain: string;
  suspected: string;
}

/** Money at stake of open findings per week of their first row's date, certain apart from suspected. */
export function atStakeByWeek(findings: readonly Pick<StoredFinding, 'status' | 'atStake' | 'facts' | 'severity'>[]): WeekAtStake[] {
  const weeks = new Map<string, { week: IsoDate; currency: string; certain: Dec; suspected: Dec }>();
  for (const f of findings) {
    if (f.status !== 'open' || !f.atStake || !f.facts?.date || (f.severity !== 'overcharge' && f.severity !== 'suspect')) continue;
    const week = weekOf(f.facts.date);
    const key = `${week}|${f.atStake.currency}`;
    const w = weeks.get(key) ?? { week, currency: f.atStake.currency, certain: ZERO, suspected: ZERO };
    if (f.severity === 'overcharge') w.certain = w.certain.plus(f.atStake.amount);
    else w.suspected = w.suspected.plus(f.atStake.amount);
    weeks.set(key, w);
  }
  return [...weeks.values()]
    .sort((a, b) => a.week.localeCompare(b.week) || a.currency.localeCompare(b.currency))
    .map((w) => ({ week: w.week, currency: w.currency, certain: toPlain(w.certain), suspected: toPlain(w.suspected) }));
}

/** Monday of the ISO week a date falls in. */
export function weekOf(day: IsoDate): IsoDate {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}
