// Transaction ↔ transaction matching (DOMAIN.md §3.1): the same sale seen by two portal sources,
// and portal rows ↔ cashier/POS records. Keys run from strong to weak, each pass over everything
// before the next, so a weak match never steals a strong one's candidate; never amount alone.
// Every match keeps its basis and a confidence (merchants ask to see why two rows were tied).
import { absAmountKey, amountOf } from './amounts';
import type { CashierRecord, MoneyJson, PortalTransaction } from '../model';
import { txnDate } from './fee-schedule';

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

const normSlow = (s: string | undefined) => (s ?? '').trim().replace(/^0+(?=\d)/, '').toUpperCase();
/**
 * Ids compared loosely: trimmed, leading zeros dropped, upper case. An id made only of digits,
 * A–Z, '-' and '_' that does not start with '0' is already in that form: returned as it is,
 * without the three string operations (most terminal ids and order numbers).
 */
function norm(s: string | undefined): string {
  if (s === undefined || s.length === 0 || s.charCodeAt(0) === 48) return normSlow(s);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 45 || c === 95)) return normSlow(s);
  }
  return s;
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
export function dedupePortalRows(txns: readonly PortalTransaction[]): { kept: PortalTransaction[]; aliases: TxnAlias[] } {
  const byKey = new Map<string, PortalTransaction[]>();
  const keyOf = (t: PortalTransaction): [string, TxnAlias['basis']] | undefined => {
    if (t.rrn) return [`r|${norm(t.rrn)}|${txnDate(t)}|${t.kind}`, 'portal:rrn+date'];
    if (t.terminalId && t.batchNo && t.voucherNo) return [`v|${norm(t.terminalId)}|${norm(t.batchNo)}|${norm(t.voucherNo)}|${txnDate(t)}|${t.kind}`, 'portal:terminal+batch+voucher'];
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
    const ranked = [...list].sort((a, b) => Number(b.status === 'success') - Number(a.status === 'success') || richness(b) - richness(a) || (a.id < b.id ? -1 : 1));
    const keep = ranked[0]!;
    for (const other of ranked.slice(1)) {
      if (other.portal === keep.portal) continue;
      if (!amountOf(other.amount).equals(amountOf(keep.amount)) || other.amount.currency !== keep.amount.currency) continue;
      dropped.add(other.id);
      const alias: TxnAlias = { keptId: keep.id, aliasId: other.id, basis: key.startsWith('r|') ? 'portal:rrn+date' : 'portal:terminal+batch+voucher', confidence: key.startsWith('r|') ? 0.99 : 0.95 };
      if (other.status !== keep.status) alias.aliasStatus = other.status;
      aliases.push(alias);
    }
  }
  return { kept: txns.filter((t) => !dropped.has(t.id)), aliases };
}

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
}

/** Portal rows that correspond to a cashier record: card/QR sales and refunds. */
export function isCashierComparable(t: PortalTransaction): boolean {
  return (t.kind === 'sale' || t.kind === 'preauth_completion' || t.kind === 'refund') && t.status !== 'pending';
}

function sideOf(kind: PortalTransaction['kind'] | CashierRecord['kind']): 'sale' | 'refund' {
  return kind === 'refund' ? 'refund' : 'sale';
}

interface Pass {
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

/**
 * `ps` sorted by (not success, occurredAt, id). reconcile() passes rows already in (occurredAt, id)
 * order: then a stable split into success rows and the rest gives that order in linear time.
 * Anything else (or a repeated occurredAt + id) is sorted as before.
 */
function successFirstByTime(ps: readonly PortalTransaction[]): PortalTransaction[] {
  let ordered = true;
  for (let i = 1; i < ps.length && ordered; i++) {
    const a = ps[i - 1]!;
    const b = ps[i]!;
    ordered = a.occurredAt < b.occurredAt || (a.occurredAt === b.occurredAt && a.id < b.id);
  }
  if (!ordered) {
    return [...ps].sort((a, b) => Number(a.status !== 'success') - Number(b.status !== 'success') || (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : 1));
  }
  const out: PortalTransaction[] = [];
  for (const t of ps) if (t.status === 'success') out.push(t);
  for (const t of ps) if (t.status !== 'success') out.push(t);
  return out;
}

/**
 * Portal ↔ cashier matching. Passes: orderNo (0.95); amount + last4 + terminal within the
 * window (0.9); amount + last4 within the window (0.8); amount within 3 minutes when it is the
 * only candidate either way (0.5, DOMAIN.md §3.1 key 5, low confidence). Cash and "other"
 * tenders never match card rows.
 */
export function matchCashier(txns: readonly PortalTransaction[], cashier: readonly CashierRecord[], cashierMatchSeconds: number): CashierMatching {
  const ps = txns.filter(isCashierComparable);
  const cs = cashier.filter((c) => c.tender === 'card' || c.tender === 'qr');
  const passes: Pass[] = [
    { basis: 'cashier:orderNo', confidence: 0.95, windowSeconds: 3 * 86_400, needsOrderNo: true, sameAmount: false },
    { basis: 'cashier:amount+last4+terminal+time', confidence: 0.9, windowSeconds: cashierMatchSeconds, needsLast4: true, needsTerminal: true, sameAmount: true },
    { basis: 'cashier:amount+last4+time', confidence: 0.8, windowSeconds: cashierMatchSeconds, needsLast4: true, sameAmount: true },
    { basis: 'cashier:amount+time', confidence: 0.5, windowSeconds: Math.min(180, cashierMatchSeconds), uniqueOnly: true, sameAmount: true },
  ];
  const byTxn = new Map<string, CashierMatch>();
  const byCashier = new Map<string, CashierMatch>();
  const matches: CashierMatch[] = [];

  // bucket both sides by amount (absolute, in cents-free decimal string) for the amount passes.
  // Records are referred to by their index in `cs`; each record's time and normalised terminal
  // are read once (the passes compare both per candidate pair).
  const amountKey = (a: MoneyJson) => `${absAmountKey(a)}|${a.currency}`;
  const msOfTime = (dt: string) => Date.parse(`${dt}Z`);
  const cMs = new Float64Array(cs.length);
  const cTerm: string[] = new Array<string>(cs.length);
  const cByAmount = new Map<string, number[]>();
  const cByOrder = new Map<string, number[]>();
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    cMs[i] = msOfTime(c.occurredAt);
    cTerm[i] = c.terminalId ? norm(c.terminalId) : '';
    const k = amountKey(c.amount);
    const l = cByAmount.get(k);
    if (l) l.push(i);
    else cByAmount.set(k, [i]);
  }
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    if (!c.orderNo) continue;
    const k = norm(c.orderNo);
    const l = cByOrder.get(k);
    if (l) l.push(i);
    else cByOrder.set(k, [i]);
  }
  // per amount bucket, its records sorted by time (then input order): a portal row looks only
  // inside its window (a café sells the same 25.00 coffee thousands of times a month); an
  // unreadable time never matches. Most buckets hold one record and need no sort.
  const timeIndex = cByAmount;
  for (const list of timeIndex.values()) {
    if (list.length === 1) {
      if (!Number.isFinite(cMs[list[0]!]!)) list.length = 0;
      continue;
    }
    let w = 0;
    for (const i of list) if (Number.isFinite(cMs[i]!)) list[w++] = i;
    list.length = w;
    list.sort((a, b) => cMs[a]! - cMs[b]! || a - b);
  }
  // success rows first so a failed attempt never takes the cashier record of its successful retry
  const orderedPs = successFirstByTime(ps);
  const pKey = orderedPs.map((t) => amountKey(t.amount));
  const pMs = orderedPs.map((t) => msOfTime(t.occurredAt));
  const pTerm = orderedPs.map((t) => (t.terminalId ? norm(t.terminalId) : ''));

  for (const pass of passes) {
    // collect all candidate pairs of this pass, then take them closest-in-time first
    let pairs: { t: PortalTransaction; c: CashierRecord; dt: number; rank: number }[] = [];
    orderedPs.forEach((t, rank) => {
      if (byTxn.has(t.id)) return;
      const eligible: { c: CashierRecord; dt: number; pos: number }[] = [];
      const consider = (i: number, pos: number) => {
        const c = cs[i]!;
        const ms = cMs[i]!;
        if (byCashier.has(c.id) || sideOf(c.kind) !== sideOf(t.kind)) return;
        if (pass.needsLast4 && (!t.cardLast4 || !c.cardLast4 || t.cardLast4 !== c.cardLast4)) return;
        if (pass.needsTerminal && (!t.terminalId || !c.terminalId || pTerm[rank] !== cTerm[i])) return;
        if (!pass.needsLast4 && !pass.needsOrderNo && t.cardLast4 && c.cardLast4 && t.cardLast4 !== c.cardLast4) return;
        if (!pass.needsOrderNo && t.terminalId && c.terminalId && pTerm[rank] !== cTerm[i]) return;
        // = |secondsBetween(c.occurredAt, t.occurredAt)|
        const dt = Math.abs(Math.round((pMs[rank]! - ms) / 1000));
        if (!Number.isFinite(dt) || dt > pass.windowSeconds) return;
        eligible.push({ c, dt, pos });
      };
      if (pass.needsOrderNo) {
        if (!t.orderNo) return;
        const list = cByOrder.get(norm(t.orderNo));
        if (!list) return;
        for (const i of list) consider(i, 0);
      } else {
        // every candidate would fail these per-row tests: skip the window search
        if (pass.needsLast4 && !t.cardLast4) return;
        if (pass.needsTerminal && !t.terminalId) return;
        // the amount bucket's records within the window (+1 s for rounding; the exact test is in
        // consider()), taken in bucket order
        const idx = timeIndex.get(pKey[rank]!);
        if (!idx) return;
        const at = pMs[rank]!;
        if (!Number.isFinite(at)) return;
        const from = at - (pass.windowSeconds + 1) * 1000;
        const to = at + (pass.windowSeconds + 1) * 1000;
        let lo = 0;
        let hi = idx.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (cMs[idx[mid]!]! < from) lo = mid + 1;
          else hi = mid;
        }
        // pos = index in `cs`: the same order as the position in the bucket
        for (let j = lo; j < idx.length && cMs[idx[j]!]! <= to; j++) consider(idx[j]!, idx[j]!);
        if (eligible.length > 1) eligible.sort((x, y) => x.pos - y.pos);
      }
      if (pass.uniqueOnly && eligible.length !== 1) return;
      for (const e of eligible) pairs.push({ t, c: e.c, dt: e.dt, rank });
    });
    if (pass.uniqueOnly) {
      // the cashier record must also have exactly one portal candidate
      const perC = new Map<string, number>();
      for (const p of pairs) perC.set(p.c.id, (perC.get(p.c.id) ?? 0) + 1);
      pairs = pairs.filter((p) => perC.get(p.c.id) === 1);
    }
    pairs.sort((a, b) => Number(a.t.status !== 'success') - Number(b.t.status !== 'success') || a.dt - b.dt || a.rank - b.rank || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0));
    for (const p of pairs) {
      if (byTxn.has(p.t.id) || byCashier.has(p.c.id)) continue;
      const m: CashierMatch = { transactionId: p.t.id, cashierId: p.c.id, basis: pass.basis, confidence: pass.confidence, secondsApart: p.dt };
      matches.push(m);
      byTxn.set(p.t.id, m);
      byCashier.set(p.c.id, m);
    }
  }
  matches.sort((a, b) => (a.transactionId < b.transactionId ? -1 : a.transactionId > b.transactionId ? 1 : 0));
  return { matches, byTxn, byCashier };
}
