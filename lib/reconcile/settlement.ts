// Settlement groups and bank credits (DOMAIN.md §3.2, D7/D8): what each settlement should pay
// and which bank credit paid it. The work is in four files:
//   settlement-groups.ts   grouping rows into what one settlement pays, with expected amounts
//                          (one group, its rows and totals: settlement-group.ts)
//   settlement-amounts.ts  the passes' amounts: whole cents where the data allows, else Decimal
//   settlement-credits.ts  matching credits to groups, strong to weak
//   settlement-outcomes.ts each group's outcome, statement coverage, the analysis object
// (settlement-originals.ts finds the sale a void points to; settlement-review.ts and
// settlement-gaps.ts look at the open outcomes again, as acquirers really pay.)
import type { BusinessCalendar, CalendarId } from '../calendar';
import type { Dec } from '../money';
import type { Contract, IsoDate, Issue, PortalTransaction, SettleCycle, StatementLine, Tolerances } from '../model';
import { decOf } from '../money';
import type { RowIndex } from './row-index';
import { passAmounts } from './settlement-amounts';
import { CreditIndex } from './settlement-credit-index';
import { settleGroups } from './settlement-credits';
import { type PayoutIds, buildGroups } from './settlement-groups';
import type { OriginalLookup } from './settlement-originals';
import { settlementAnalysis, statementCoverage } from './settlement-outcomes';

export { isCancelling, statedNet } from './settlement-groups';
export { makeOriginalIndex, makeOriginalLookup, type OriginalLookup } from './settlement-originals';

export interface SettlementGroup {
  key: string;
  merchantId?: string;
  currency: string;
  cycle: SettleCycle;
  calendar: CalendarId;
  /** earliest transaction date in the group */
  firstDate: IsoDate;
  /** the portal's settleDate when every row shows the same one */
  settleDate?: IsoDate;
  expectedValueDate: IsoDate;
  payoutId?: string;
  transactions: PortalTransaction[];
  expected: Dec;
  sales: Dec;
  reversals: Dec;
  fees: Dec;
  /** false when some row had neither fee nor net and no contract to estimate it */
  complete: boolean;
  /** rows whose fee came from the contract because the portal showed neither fee nor net */
  estimatedFeeIds: string[];
  graceUntil: IsoDate;
  /** natural days searched after the value date before "late" (up to the next working day) */
  nearDates: IsoDate[];
  /** its outcome as it stands: the passes' (settlement-credits.ts), then the review's (settlement-book.ts) */
  outcome?: GroupOutcome;
}

/** 'unchecked': rows of the group were not all seen, or the statement ends too early (settlement-review.ts) */
export type OutcomeStatus = 'matched' | 'short' | 'over' | 'missing' | 'pending' | 'not_covered' | 'nothing_due' | 'incomplete' | 'unchecked';

export interface GroupOutcome {
  group: SettlementGroup;
  status: OutcomeStatus;
  lines: StatementLine[];
  received: Dec;
  /** expected − received (positive = short) */
  shortBy: Dec;
  /** 'settlement-group:amount' | 'settlement-group:date' here; settlement-review.ts adds its own */
  basis?: string;
  confidence?: number;
  /** bank date of the matched line(s) */
  valueDate?: IsoDate;
}

export interface SettlementAnalysis {
  groups: SettlementGroup[];
  outcomes: GroupOutcome[];
  byTxn: Map<string, GroupOutcome>;
  /**
   * byTxn restricted to `ids`: for each id in `ids` that a group holds, byTxn.get(id). Built
   * without byTxn's map over every settling row (one rule asks this for a few sales).
   */
  outcomesOf(ids: ReadonlySet<string>): Map<string, GroupOutcome>;
  issues: Issue[];
  coveredThrough(currency: string): IsoDate | undefined;
  isCovered(date: IsoDate, currency: string): boolean;
  /** the bank credits the passes indexed, for the review to go on with (settlement-gaps.ts); dropped by it */
  credits?: CreditIndex;
  /** the payout ids of the groups (settlement-groups.ts notes them), for the review */
  payoutIds?: PayoutIds;
  /** the group of each row the analysis was made over (settlement-groups.ts), for the reviewed outcomesOf */
  rowGroups?: RowGroups;
}

/** The id of each row (the row index's) and the group it settles in (undefined: it settles nothing). */
export interface RowGroups {
  ids: readonly string[];
  groupOf: readonly (SettlementGroup | undefined)[];
}

export interface SettlementOptions {
  contractFor(t: PortalTransaction): Contract | undefined;
  /** contractFor(opts.rows.rows[i]), read from the row index's columns (the caller's, when it has one) */
  contractAt?(i: number): Contract | undefined;
  expectedFeeFor(t: PortalTransaction): Dec | undefined;
  calendar(id: CalendarId): BusinessCalendar;
  tolerances: Tolerances;
  asOf: IsoDate;
  /** the caller's makeOriginalLookup() over the same rows, so it is built once */
  originals?: OriginalLookup;
  /** the caller's row index over the same rows (ctx.rows), so it is built once */
  rows?: RowIndex;
  /**
   * The caller knows the rows are in (occurredAt, id) order (reconcile()'s context sorted them):
   * each group then collects its rows in that order and does not sort them again.
   */
  txnsInTimeOrder?: boolean;
}

export function buildSettlementGroups(txns: readonly PortalTransaction[], opts: SettlementOptions): { groups: SettlementGroup[]; issues: Issue[] } {
  return buildGroups(txns, opts);
}

export function analyseSettlements(txns: readonly PortalTransaction[], lines: readonly StatementLine[], opts: SettlementOptions): SettlementAnalysis {
  const { groups, issues, payoutIds, rowGroups } = buildGroups(txns, opts);
  const { isCovered, coveredThrough } = statementCoverage(lines);
  const amounts = passAmounts(groups, lines, opts.tolerances.settlement, decOf(opts.tolerances.settlement));
  const credits = new CreditIndex(lines, amounts.lineAmount, amounts.zero);
  settleGroups(groups, credits, amounts, opts.asOf, isCovered);
  return settlementAnalysis(
    groups,
    groups.map((g) => g.outcome!),
    issues,
    isCovered,
    coveredThrough,
    credits,
    payoutIds,
    rowGroups,
  );
}
