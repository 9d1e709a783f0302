// Portal ↔ cashier matching, what both implementations share: the result's shape (columns), which
// rows and records take part and how their ids are read, and the passes from strong to weak
// (DOMAIN.md §3.1 keys 3-5).
import type { CashierRecord, PortalTransaction } from '../model';
import { normaliseId } from './keys';

export interface CashierMatch {
  transactionId: string;
  cashierId: string;
  basis: string;
  confidence: number;
  secondsApart: number;
}

/** Which side of the matching a cashier record is on: card and QR sales and refunds; cash and other tenders on none. */
export const RECORD_SIDE = { none: 0, sale: 1, refund: 2 } as const;

/**
 * The matching as columns (no object per match: at 1M rows the objects and their id maps were
 * what ran out of memory). Match k ties txns[txn[k]] to cashier[record[k]]; matches are sorted
 * by their row's id. finish() (index.ts) turns them into ReconcileMatch objects; rules read the
 * columns and the flags by position.
 */
export interface CashierMatching {
  /** the arrays matched: every position below is in one of them */
  readonly txns: readonly PortalTransaction[];
  readonly cashier: readonly CashierRecord[];
  /** txns' and cashier's ids by position (read these, not the objects: they lie scattered in memory) */
  readonly txnIds: readonly string[];
  readonly recordIds: readonly string[];
  readonly passes: readonly Pass[];
  readonly count: number;
  /** per match: its row's position in txns */
  readonly txn: Int32Array;
  /** per match: its record's position in cashier */
  readonly record: Int32Array;
  /** per match: the pass that made it (passes[pass[k]]: basis and confidence) */
  readonly pass: Uint8Array;
  readonly secondsApart: Float64Array;
  /** per match: 1 when row and record show the same |amount| in the same currency */
  readonly sameAmount: Uint8Array;
  /** per row of txns, by position: 1 when its id is matched (byTxn.has(id)) */
  readonly txnMatched: Uint8Array;
  /** per record of cashier, by position: 1 when its id is matched (byCashier.has(id)) */
  readonly recordMatched: Uint8Array;
  /** per record of cashier, by position: its RECORD_SIDE */
  readonly recordSide: Uint8Array;
  /** the matches as objects, sorted by row id, and by id: built on first use (tests; the run reads the columns) */
  readonly matches: CashierMatch[];
  readonly byTxn: Map<string, CashierMatch>;
  readonly byCashier: Map<string, CashierMatch>;
}

/** The records of this RECORD_SIDE the matching left open, by position in its cashier array, rising. */
export function openRecords(m: Pick<CashierMatching, 'recordSide' | 'recordMatched'>, side: number): number[] {
  const { recordSide, recordMatched } = m;
  const n = recordSide.length;
  const out: number[] = [];
  for (let j = 0; j < n; j++) if (recordSide[j] === side && recordMatched[j] !== 1) out.push(j);
  return out;
}

/** Portal rows that correspond to a cashier record: card/QR sales and refunds. */
export function isCashierComparable(t: PortalTransaction): boolean {
  return (t.kind === 'sale' || t.kind === 'preauth_completion' || t.kind === 'refund') && t.status !== 'pending';
}

export function sideOf(kind: PortalTransaction['kind'] | CashierRecord['kind']): 'sale' | 'refund' {
  return kind === 'refund' ? 'refund' : 'sale';
}

export function recordSideOf(c: CashierRecord): number {
  if (c.tender !== 'card' && c.tender !== 'qr') return RECORD_SIDE.none;
  return c.kind === 'refund' ? RECORD_SIDE.refund : RECORD_SIDE.sale;
}

/**
 * The ids the passes compare, as keys.ts reads them on every row (ctx.rows): '' = not given
 * (absent or blank). Both implementations read them this way.
 */
export function matchIds(x: { terminalId?: string; cardLast4?: string; orderNo?: string }): { term: string; last4: string; order: string } {
  return { term: normaliseId('terminal', x.terminalId), last4: normaliseId('card', x.cardLast4), order: normaliseId('order', x.orderNo) };
}

export interface Pass {
  basis: string;
  confidence: number;
  windowSeconds: number;
  needsOrderNo?: boolean;
  needsLast4?: boolean;
  needsTerminal?: boolean;
  /** only when exactly one candidate exists on both sides (the amount + time pass) */
  uniqueOnly?: boolean;
  sameAmount: boolean;
}

export function cashierPasses(cashierMatchSeconds: number): Pass[] {
  return [
    { basis: 'cashier:orderNo', confidence: 0.95, windowSeconds: 3 * 86_400, needsOrderNo: true, sameAmount: false },
    {
      basis: 'cashier:amount+last4+terminal+time',
      confidence: 0.9,
      windowSeconds: cashierMatchSeconds,
      needsLast4: true,
      needsTerminal: true,
      sameAmount: true,
    },
    { basis: 'cashier:amount+last4+time', confidence: 0.8, windowSeconds: cashierMatchSeconds, needsLast4: true, sameAmount: true },
    { basis: 'cashier:amount+time', confidence: 0.5, windowSeconds: Math.min(180, cashierMatchSeconds), uniqueOnly: true, sameAmount: true },
  ];
}

/** What both implementations decide; cashierMatching() adds the object views. */
export interface MatchColumns {
  txns: readonly PortalTransaction[];
  cashier: readonly CashierRecord[];
  /** the ids of txns and cashier by position: the matches' ids are read here, not from the scattered objects */
  txnIds: readonly string[];
  recordIds: readonly string[];
  passes: readonly Pass[];
  txn: Int32Array;
  record: Int32Array;
  pass: Uint8Array;
  secondsApart: Float64Array;
  sameAmount: Uint8Array;
  txnMatched: Uint8Array;
  recordMatched: Uint8Array;
  recordSide: Uint8Array;
}

/**
 * The result object, made outside matchCashier: its getters are closures, and a closure keeps
 * alive every variable of its function that any closure there uses (one shared context), so
 * made inside it they would hold the matching's scratch arrays for as long as the result lives.
 * The objects and id maps are built on first use (the run reads the columns).
 */
export function cashierMatching(c: MatchColumns): CashierMatching {
  let matches: CashierMatch[] | undefined;
  let byTxn: Map<string, CashierMatch> | undefined;
  let byCashier: Map<string, CashierMatch> | undefined;
  const objects = () =>
    (matches ??= Array.from(c.txn, (i, k) => {
      const pass = c.passes[c.pass[k]!]!;
      return {
        transactionId: c.txnIds[i]!,
        cashierId: c.recordIds[c.record[k]!]!,
        basis: pass.basis,
        confidence: pass.confidence,
        secondsApart: c.secondsApart[k]!,
      };
    }));
  return {
    ...c,
    count: c.txn.length,
    get matches() {
      return objects();
    },
    get byTxn() {
      return (byTxn ??= new Map(objects().map((m) => [m.transactionId, m])));
    },
    get byCashier() {
      return (byCashier ??= new Map(objects().map((m) => [m.cashierId, m])));
    },
  };
}
