// The outcome of each settlement group and the analysis reconcile() keeps to the end.
import { fromCents, type Dec } from '../money';
import type { IsoDate, Issue, StatementLine } from '../model';
import type { Amt } from './settlement-amounts';
import type { GroupOutcome, OutcomeStatus, SettlementAnalysis, SettlementGroup } from './settlement';

/** the lines of an outcome without any (frozen: read only) */
export const NO_LINES: StatementLine[] = Object.freeze([]) as unknown as StatementLine[];

/** An outcome's money is kept as the analysis had it (cents or Decimal); a Decimal is made per ask (few ask: short, over and missing groups). */
export class Outcome implements GroupOutcome {
  constructor(
    readonly group: SettlementGroup,
    readonly status: OutcomeStatus,
    readonly lines: StatementLine[],
    private readonly rec: Amt,
    private readonly short: Amt,
    readonly basis?: GroupOutcome['basis'],
    readonly confidence?: number,
    readonly valueDate?: IsoDate,
  ) {}
  get received(): Dec {
    return typeof this.rec === 'number' ? fromCents(this.rec) : this.rec;
  }
  get shortBy(): Dec {
    return typeof this.short === 'number' ? fromCents(this.short) : this.short;
  }
}

/** What the statements cover, per currency: the union of each account's first..last booking date. */
export function statementCoverage(lines: readonly StatementLine[]): Pick<SettlementAnalysis, 'isCovered' | 'coveredThrough'> {
  const ranges = new Map<string, { from: IsoDate; to: IsoDate }[]>();
  // by account, then currency (no key string per line)
  const byAccount = new Map<string, Map<string, { from: IsoDate; to: IsoDate; currency: string }>>();
  for (const l of lines) {
    const account = l.accountId ?? '';
    let byCurrency = byAccount.get(account);
    if (!byCurrency) byAccount.set(account, (byCurrency = new Map()));
    const r = byCurrency.get(l.amount.currency);
    const d = l.bookedOn;
    if (!r) byCurrency.set(l.amount.currency, { from: d, to: d, currency: l.amount.currency });
    else {
      if (d < r.from) r.from = d;
      if (d > r.to) r.to = d;
    }
  }
  for (const byCurrency of byAccount.values())
    for (const r of byCurrency.values()) {
      const l = ranges.get(r.currency) ?? [];
      l.push({ from: r.from, to: r.to });
      ranges.set(r.currency, l);
    }
  return coverageOf(ranges);
}

/** Coverage tests over the statements' date ranges per currency (closures over `ranges` alone). */
function coverageOf(ranges: Map<string, { from: IsoDate; to: IsoDate }[]>): Pick<SettlementAnalysis, 'isCovered' | 'coveredThrough'> {
  return {
    isCovered: (date, currency) => (ranges.get(currency) ?? []).some((r) => r.from <= date && date <= r.to),
    coveredThrough: (currency) => (ranges.get(currency) ?? []).reduce<IsoDate | undefined>((m, r) => (!m || r.to > m ? r.to : m), undefined),
  };
}

/**
 * The result object, made outside analyseSettlements: its methods are closures, and a closure
 * keeps alive every variable of its function that any closure there uses (one shared context),
 * so made inside it they would hold the credits, their buckets and the line amounts for as long
 * as the analysis lives (reconcile() keeps it to the end).
 */
export function settlementAnalysis(
  groups: SettlementGroup[],
  list: GroupOutcome[],
  issues: Issue[],
  isCovered: SettlementAnalysis['isCovered'],
  coveredThrough: SettlementAnalysis['coveredThrough'],
  credits?: SettlementAnalysis['credits'],
  payoutIds?: SettlementAnalysis['payoutIds'],
  rowGroups?: SettlementAnalysis['rowGroups'],
): SettlementAnalysis {
  let byTxn: Map<string, GroupOutcome> | undefined;
  return {
    groups,
    outcomes: list,
    // built on first use: only a few rules look outcomes up by transaction
    get byTxn() {
      if (!byTxn) {
        byTxn = new Map<string, GroupOutcome>();
        for (const o of list) for (const t of o.group.transactions) byTxn.set(t.id, o);
      }
      return byTxn;
    },
    outcomesOf(ids) {
      if (byTxn) {
        const out = new Map<string, GroupOutcome>();
        for (const id of ids) {
          const o = byTxn.get(id);
          if (o) out.set(id, o);
        }
        return out;
      }
      // the same walk as byTxn's, keeping only the ids asked for (a later group wins, as there)
      const out = new Map<string, GroupOutcome>();
      if (ids.size === 0) return out;
      for (const o of list) for (const t of o.group.transactions) if (ids.has(t.id)) out.set(t.id, o);
      return out;
    },
    issues,
    coveredThrough,
    isCovered,
    credits,
    payoutIds,
    rowGroups,
  };
}
