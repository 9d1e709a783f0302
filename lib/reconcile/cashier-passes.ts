// Portal ↔ cashier matching, what both implementations share: the result's shape, which rows and
// records take part, and the passes from strong to weak (DOMAIN.md §3.1 keys 3-5).
import type { CashierRecord, PortalTransaction } from '../model';

export interface CashierMatch {
  transactionId: string;
  cashierId: string;
  basis: string;
  confidence: number;
  secondsApart: number;
}

export interface CashierMatching {
  matches: CashierMatch[];
  byTxn: Map<string, CashierMatch>;
  byCashier: Map<string, CashierMatch>;
  /** per match (same index as `matches`): its portal row and cashier record, as looking their ids up in the inputs would give */
  txnOf: PortalTransaction[];
  recordOf: CashierRecord[];
  /** per row of the `txns` passed in, by position: 1 when its id is matched (byTxn.has(id)) */
  txnMatched: Uint8Array;
  /** per record of the `cashier` passed in, by position: 1 when its id is matched (byCashier.has(id)) */
  recordMatched: Uint8Array;
}

/** Portal rows that correspond to a cashier record: card/QR sales and refunds. */
export function isCashierComparable(t: PortalTransaction): boolean {
  return (t.kind === 'sale' || t.kind === 'preauth_completion' || t.kind === 'refund') && t.status !== 'pending';
}

export function sideOf(kind: PortalTransaction['kind'] | CashierRecord['kind']): 'sale' | 'refund' {
  return kind === 'refund' ? 'refund' : 'sale';
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

/**
 * The result object, made outside matchCashier: its getters are closures, and a closure keeps
 * alive every variable of its function that any closure there uses (one shared context), so
 * made inside it they would hold the order-number map, the amount index and every per-record
 * array for as long as the result lives (at 1M rows ~100 MB). The id maps are built on first
 * use (rules read the flags by position instead).
 */
export function cashierMatching(
  matches: CashierMatch[],
  txnOf: PortalTransaction[],
  recordOf: CashierRecord[],
  txnMatched: Uint8Array,
  recordMatched: Uint8Array,
): CashierMatching {
  let byTxn: Map<string, CashierMatch> | undefined;
  let byCashier: Map<string, CashierMatch> | undefined;
  return {
    matches,
    txnOf,
    recordOf,
    txnMatched,
    recordMatched,
    get byTxn() {
      return (byTxn ??= new Map(matches.map((m) => [m.transactionId, m])));
    },
    get byCashier() {
      return (byCashier ??= new Map(matches.map((m) => [m.cashierId, m])));
    },
  };
}
