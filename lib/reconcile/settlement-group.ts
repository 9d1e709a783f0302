// One settlement group as buildGroups (settlement-groups.ts) makes it: its rows and its totals,
// kept in whole cents while they can be (settlement-amounts.ts reads them on cents).
import { type Dec, MAX_EXACT_CENTS, ZERO, fromCents } from '../money';
import type { IsoDate, PortalTransaction, SettleCycle } from '../model';
import type { CalendarId } from '../calendar';
import type { GroupOutcome, SettlementGroup } from './settlement';

/**
 * A settlement group as buildSettlementGroups makes it. Its totals stay in whole cents (`ec`,
 * `sc`, `rc`: expected, sales, reversals) while every row so far took the exact path and each sum
 * is a safe integer, so exact; the first row that needs Decimal turns them into Decimals for
 * good. The Decimals the SettlementGroup fields promise are made on first read: most groups
 * (a payout per order) are matched on cents and never read them.
 */
/** the rows of a group not yet given one (never written to: addRow replaces it) */
const NO_ROWS: PortalTransaction[] = [];
const SMALL_GROUP = 8;

export class Group implements SettlementGroup {
  /**
   * Grown by addRow: up to SMALL_GROUP rows as an exact-size copy per row (a push onto an
   * array of one gives it room for 17 — most per-order payout groups hold one or two rows, and
   * a million rows make ~600k of them), then by push.
   */
  transactions: PortalTransaction[] = NO_ROWS;
  /** made on the first estimated row (most groups have none: no empty array per group) */
  private estimated: string[] | undefined;
  complete = true;
  inCents = true;
  ec = 0;
  sc = 0;
  rc = 0;
  /** the totals as Decimals, made when first asked or when a row leaves cents (most groups never) */
  private dec: { e: Dec; s: Dec; r: Dec; f: Dec } | undefined;
  /** the group's outcome, once analyseSettlements has one */
  outcome: GroupOutcome | undefined;
  /** expected in whole cents for an analysis on cents (set by settlement-amounts.ts passAmounts) */
  ac = 0;
  /** the key of a batch group; a payout group's is written when asked (a string per payout otherwise) */
  private batchKey: string | undefined;

  constructor(
    batchKey: string | undefined,
    readonly merchantId: string | undefined,
    readonly currency: string,
    readonly cycle: SettleCycle,
    readonly calendar: CalendarId,
    public firstDate: IsoDate,
    public settleDate: IsoDate | undefined,
    readonly expectedValueDate: IsoDate,
    readonly payoutId: string | undefined,
    readonly graceUntil: IsoDate,
    readonly nearDates: IsoDate[],
  ) {
    this.batchKey = batchKey;
  }

  get key(): string {
    return this.batchKey ?? `payout|${this.payoutId}|${this.currency}`;
  }

  addRow(t: PortalTransaction): void {
    const rows = this.transactions;
    const n = rows.length;
    if (n === 0) this.transactions = [t];
    else if (n === 1) this.transactions = [rows[0]!, t];
    else if (n < SMALL_GROUP) this.transactions = rows.concat([t]);
    else rows.push(t);
  }

  get estimatedFeeIds(): string[] {
    return this.estimated ?? NO_IDS;
  }
  addEstimated(id: string): void {
    (this.estimated ??= []).push(id);
  }

  /** the Decimal totals; on cents, each made from its cents once (cents never change after building) */
  private decimals(): { e: Dec; s: Dec; r: Dec; f: Dec } {
    return (this.dec ??= { e: ZERO, s: ZERO, r: ZERO, f: ZERO });
  }
  get expected(): Dec {
    const d = this.decimals();
    if (this.inCents) d.e = centsToDec(this.ec, d.e);
    return d.e;
  }
  get sales(): Dec {
    const d = this.decimals();
    if (this.inCents) d.s = centsToDec(this.sc, d.s);
    return d.s;
  }
  get reversals(): Dec {
    const d = this.decimals();
    if (this.inCents) d.r = centsToDec(this.rc, d.r);
    return d.r;
  }
  get fees(): Dec {
    const d = this.decimals();
    if (this.inCents) d.f = centsToDec(this.sc + this.rc - this.ec, d.f);
    return d.f;
  }

  /** adds one fast row; false (nothing added) when a sum would leave the exact range */
  addCents(value: number, gross: number, kind: PortalTransaction['kind']): boolean {
    const ec = this.ec + value;
    let sc = this.sc;
    let rc = this.rc;
    if (kind !== 'fee' && kind !== 'adjustment') {
      if (kind === 'sale' || kind === 'preauth_completion') sc += gross;
      else rc += gross;
    }
    if (!(Math.abs(ec) <= MAX_EXACT_CENTS && Math.abs(sc) <= MAX_EXACT_CENTS && Math.abs(rc) <= MAX_EXACT_CENTS)) return false;
    this.ec = ec;
    this.sc = sc;
    this.rc = rc;
    return true;
  }

  /** the totals so far become Decimals; later rows add to those (each sum is at most 2^50, fees at most 3 × 2^50: exact) */
  toDecimal(): void {
    if (!this.inCents) return;
    this.dec = { e: fromCents(this.ec), s: fromCents(this.sc), r: fromCents(this.rc), f: fromCents(this.sc + this.rc - this.ec) };
    this.inCents = false;
  }

  addDecimal(value: Dec, gross: Dec | undefined, kind: PortalTransaction['kind']): void {
    const d = this.decimals();
    d.e = d.e.plus(value);
    if (gross === undefined) return;
    if (kind === 'sale' || kind === 'preauth_completion') d.s = d.s.plus(gross);
    else d.r = d.r.plus(gross);
  }

  finish(): void {
    if (!this.inCents) {
      const d = this.decimals();
      d.f = d.s.plus(d.r).minus(d.e);
    }
  }
}

/** the estimatedFeeIds of a group without estimated rows (frozen: read only) */
const NO_IDS: string[] = Object.freeze([]) as unknown as string[];

/** the Decimal of `cents`, reusing `prev` when it already is that value (cents never change after building) */
function centsToDec(cents: number, prev: Dec): Dec {
  return prev !== ZERO || cents === 0 ? prev : fromCents(cents);
}
