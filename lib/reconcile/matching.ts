// Transaction ↔ transaction matching (DOMAIN.md §3.1): the same sale seen by two portal sources
// (here), and portal rows ↔ cashier/POS records (cashier-match.ts). Keys run from strong to weak,
// each pass over everything before the next, so a weak match never steals a strong one's
// candidate; never amount alone. Every match keeps its basis and a confidence (merchants ask to
// see why two rows were tied).
import { amountOf } from '../money';
import type { PortalTransaction } from '../model';
import { txnDate } from './fee-schedule';
import { normaliseId } from './keys';

export { isCashierComparable, type CashierMatch, type CashierMatching } from './cashier-passes';
export { matchCashier } from './cashier-match';
export { matchCashierReference } from './cashier-reference';

export interface TxnAlias {
  /** the row kept for reconciliation */
  keptId: string;
  /** the same transaction from another source */
  aliasId: string;
  basis: 'portal:rrn+date' | 'portal:terminal+batch+voucher';
  confidence: number;
  /** the other source's status, when it differs from the kept row's */
  aliasStatus?: PortalTransaction['status'];
}

/** Fields that make a row more useful for reconciliation; the richer copy is kept. */
function richness(t: PortalTransaction): number {
  return (t.net ? 4 : 0) + (t.fee ? 4 : 0) + (t.settleDate ? 2 : 0) + (t.settleCycle ? 1 : 0) + (t.cardLast4 ? 1 : 0) + (t.merchantId ? 1 : 0);
}

/**
 * Collapses the same transaction captured from two sources (the portal's 交易查询 list and its
 * 结算明细 export have different adapters, hence different ids). Rows of the same source never
 * collapse: their ids already follow the rrn + date recipe.
 */
/** Every row from the same portal (in any order: reconcile()'s context asks it of the input array, read in memory order). */
export function isOneSource(txns: readonly PortalTransaction[]): boolean {
  const first = txns[0]?.portal;
  for (let i = 1; i < txns.length; i++) if (txns[i]!.portal !== first) return false;
  return true;
}

export function dedupePortalRows(txns: readonly PortalTransaction[]): { kept: PortalTransaction[]; aliases: TxnAlias[] } {
  // rows of one source never collapse: with a single source there is nothing to look for
  if (isOneSource(txns)) return { kept: [...txns], aliases: [] };
  const byKey = new Map<string, PortalTransaction[]>();
  const keyOf = (t: PortalTransaction): [string, TxnAlias['basis']] | undefined => {
    if (t.rrn) return [`r|${normaliseId('rrn', t.rrn)}|${txnDate(t)}|${t.kind}`, 'portal:rrn+date'];
    if (t.terminalId && t.batchNo && t.voucherNo)
      return [
        `v|${normaliseId('terminal', t.terminalId)}|${normaliseId('batch', t.batchNo)}|${normaliseId('voucher', t.voucherNo)}|${txnDate(t)}|${t.kind}`,
        'portal:terminal+batch+voucher',
      ];
    return undefined;
  };
  // a lone row is stored as itself; a list only once a key repeats (rare), to keep a million
  // rows from making a million arrays
  const byKeyOne = new Map<string, PortalTransaction | PortalTransaction[]>();
  for (const t of txns) {
    const k = keyOf(t);
    if (!k) continue;
    const prev = byKeyOne.get(k[0]);
    if (prev === undefined) byKeyOne.set(k[0], t);
    else if (Array.isArray(prev)) prev.push(t);
    else byKeyOne.set(k[0], [prev, t]);
  }
  for (const [k, v] of byKeyOne) if (Array.isArray(v)) byKey.set(k, v);
  const dropped = new Set<string>();
  const aliases: TxnAlias[] = [];
  for (const [key, list] of byKey) {
    if (list.length < 2) continue;
    const portals = new Set(list.map((t) => t.portal));
    if (portals.size < 2) continue;
    // success before failed (the settled truth), then the richer copy, then the smaller id
    const ranked = [...list].sort(
      (a, b) => Number(b.status === 'success') - Number(a.status === 'success') || richness(b) - richness(a) || (a.id < b.id ? -1 : 1),
    );
    const keep = ranked[0]!;
    for (const other of ranked.slice(1)) {
      if (other.portal === keep.portal) continue;
      if (!amountOf(other.amount).equals(amountOf(keep.amount)) || other.amount.currency !== keep.amount.currency) continue;
      dropped.add(other.id);
      const alias: TxnAlias = {
        keptId: keep.id,
        aliasId: other.id,
        basis: key.startsWith('r|') ? 'portal:rrn+date' : 'portal:terminal+batch+voucher',
        confidence: key.startsWith('r|') ? 0.99 : 0.95,
      };
      if (other.status !== keep.status) alias.aliasStatus = other.status;
      aliases.push(alias);
    }
  }
  return { kept: txns.filter((t) => !dropped.has(t.id)), aliases };
}
