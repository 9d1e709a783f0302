// Transaction ↔ transaction matching (DOMAIN.md §3.1): the same sale seen by two portal sources,
// and portal rows ↔ cashier/POS records. Keys run from strong to weak, each pass over everything
// before the next, so a weak match never steals a strong one's candidate; never amount alone.
// Every match keeps its basis and a confidence (merchants ask to see why two rows were tied).
import { absAmountKey, amountOf } from './amounts';
import type { CashierRecord, MoneyJson, PortalTransaction } from '../model';
import { localDateTimeMs } from '../dates';
import { centsOf } from '../money';
import { txnDate } from './fee-schedule';
import { identityOrder, type InMemoryOrder } from './memory-order';
import { normaliseId } from './keys';

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
    if (t.terminalId && t.batchNo && t.voucherNo) return [`v|${normaliseId('terminal', t.terminalId)}|${normaliseId('batch', t.batchNo)}|${normaliseId('voucher', t.voucherNo)}|${txnDate(t)}|${t.kind}`, 'portal:terminal+batch+voucher'];
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
 * successFirstByTime's order on positions: the comparable rows are txns[psAt[k]], k = 0…; returns the
 * k in that order. `failed[k]` says the row is not successful. `inTimeOrder` says the caller
 * knows the rows are already in (occurredAt, id) order, which is then not checked again.
 */
function successFirstOrder(psAt: readonly number[], txns: readonly PortalTransaction[], failed: Uint8Array, inTimeOrder: boolean): number[] {
  const n = psAt.length;
  let ordered = true;
  for (let k = inTimeOrder ? n : 1; k < n && ordered; k++) {
    const a = txns[psAt[k - 1]!]!;
    const b = txns[psAt[k]!]!;
    ordered = a.occurredAt < b.occurredAt || (a.occurredAt === b.occurredAt && a.id < b.id);
  }
  const out: number[] = [];
  if (!ordered) {
    return psAt.map((_, k) => k).sort((x, y) => {
      const a = txns[psAt[x]!]!;
      const b = txns[psAt[y]!]!;
      return failed[x]! - failed[y]! || (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : 1);
    });
  }
  for (let k = 0; k < n; k++) if (failed[k] === 0) out.push(k);
  for (let k = 0; k < n; k++) if (failed[k] === 1) out.push(k);
  return out;
}

function cashierPasses(cashierMatchSeconds: number): Pass[] {
  return [
    { basis: 'cashier:orderNo', confidence: 0.95, windowSeconds: 3 * 86_400, needsOrderNo: true, sameAmount: false },
    { basis: 'cashier:amount+last4+terminal+time', confidence: 0.9, windowSeconds: cashierMatchSeconds, needsLast4: true, needsTerminal: true, sameAmount: true },
    { basis: 'cashier:amount+last4+time', confidence: 0.8, windowSeconds: cashierMatchSeconds, needsLast4: true, sameAmount: true },
    { basis: 'cashier:amount+time', confidence: 0.5, windowSeconds: Math.min(180, cashierMatchSeconds), uniqueOnly: true, sameAmount: true },
  ];
}

/**
 * Portal ↔ cashier matching. Passes: orderNo (0.95); amount + last4 + terminal within the
 * window (0.9); amount + last4 within the window (0.8); amount within 3 minutes when it is the
 * only candidate either way (0.5, DOMAIN.md §3.1 key 5, low confidence). Cash and "other"
 * tenders never match card rows.
 *
 * matchCashier is the same algorithm on record positions instead of ids; this version, keyed by
 * ids throughout, is what it falls back to when ids repeat (and what tests compare it with).
 */
export function matchCashierReference(txns: readonly PortalTransaction[], cashier: readonly CashierRecord[], cashierMatchSeconds: number): CashierMatching {
  const ps = txns.filter(isCashierComparable);
  const cs = cashier.filter((c) => c.tender === 'card' || c.tender === 'qr');
  const passes = cashierPasses(cashierMatchSeconds);
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
    cTerm[i] = normaliseId('terminal', c.terminalId);
    const k = amountKey(c.amount);
    const l = cByAmount.get(k);
    if (l) l.push(i);
    else cByAmount.set(k, [i]);
  }
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    if (!c.orderNo) continue;
    const k = normaliseId('order', c.orderNo);
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
  const pTerm = orderedPs.map((t) => normaliseId('terminal', t.terminalId));

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
        const list = cByOrder.get(normaliseId('order', t.orderNo));
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
  // the records as a lookup by id gives them (the last of a repeated id)
  const txnById = new Map(txns.map((t) => [t.id, t]));
  const recordById = new Map(cashier.map((c) => [c.id, c]));
  return {
    matches, byTxn, byCashier,
    txnOf: matches.map((m) => txnById.get(m.transactionId)!),
    recordOf: matches.map((m) => recordById.get(m.cashierId)!),
    txnMatched: Uint8Array.from(txns, (t) => (byTxn.has(t.id) ? 1 : 0)),
    recordMatched: Uint8Array.from(cashier, (c) => (byCashier.has(c.id) ? 1 : 0)),
  };
}

/**
 * matchCashierReference's result, computed on positions: rows and records taken are flags in
 * typed arrays instead of id maps, candidate pairs are parallel number arrays instead of objects,
 * and a pair whose row and record appear in no other pair of its pass is taken without sorting
 * (no other pair can take either first). Only the contested pairs are sorted in the reference's
 * order. Ids are store keys, so unique; where they are not, the reference decides (see below).
 * `txnsInTimeOrder`: the caller knows txns are in (occurredAt, id) order (reconcile()'s context
 * sorted them), so that order is not checked again.
 */
export function matchCashier(
  txns: readonly PortalTransaction[], cashier: readonly CashierRecord[], cashierMatchSeconds: number, txnsInTimeOrder = false,
  memory?: { txns: InMemoryOrder<PortalTransaction>; cashier: InMemoryOrder<CashierRecord> },
): CashierMatching {
  // Each row and record object is read once, in the order the objects lie in memory when the
  // caller knows it (`memory`: the input arrays, made in that order), copying what the passes
  // compare into arrays by position in `txns` / `cashier`: at 100k rows a walk over the objects
  // in time order (scattered in memory) costs 3-5 times one in memory order, and every further
  // walk costs 20-40 ms of memory latency however little it reads.
  //
  // Records, read: card or QR, time, terminal (present, and normalised), last 4, side, order
  // number, currency and plain cents, id.
  const nAll = cashier.length;
  const mc = memory?.cashier ?? identityOrder(cashier);
  const recordId: string[] = new Array<string>(nAll);
  const jCardQr = new Uint8Array(nAll);
  const jMs = new Float64Array(nAll);
  const jHasTerm = new Uint8Array(nAll);
  const jTerm: string[] = new Array<string>(nAll);
  const jLast4: unknown[] = new Array<unknown>(nAll);
  const jRefund = new Uint8Array(nAll);
  const jOrder: (string | undefined)[] = new Array<string | undefined>(nAll);
  const jCurrency: string[] = new Array<string>(nAll);
  const jCents = new Float64Array(nAll);
  for (let q = 0; q < mc.rows.length; q++) {
    const j = mc.at[q]!;
    if (j < 0) continue;
    const c = mc.rows[q]!;
    recordId[j] = c.id;
    if (c.tender !== 'card' && c.tender !== 'qr') continue;
    jCardQr[j] = 1;
    jMs[j] = localDateTimeMs(c.occurredAt);
    jHasTerm[j] = c.terminalId ? 1 : 0;
    jTerm[j] = normaliseId('terminal', c.terminalId);
    jLast4[j] = c.cardLast4 || '';
    jRefund[j] = sideOf(c.kind) === 'refund' ? 1 : 0;
    jOrder[j] = c.orderNo ? normaliseId('order', c.orderNo) : undefined;
    jCurrency[j] = c.amount.currency;
    jCents[j] = centsOf(c.amount.amount) ?? NaN;
  }
  // amount buckets: |amount| in whole cents as a number for the first currency seen (a small
  // integer key: no string per row), else the reference's `${absAmountKey}|${currency}` string.
  // Equal |amounts| always get the same key: the number is read from the canonical digits
  // whenever the amount as written is not plain cents ("12.300").
  let mainCurrency: string | undefined;
  // (`row` is read only when its amount is not plain cents or not in the main currency)
  const amountKey = (currency: string, cents: number, row: { amount: MoneyJson }): string | number => {
    if (currency === mainCurrency) {
      const c = Number.isNaN(cents) ? centsOf(absAmountKey(row.amount)) : cents;
      if (c !== undefined && c < SMALL_KEY && c > -SMALL_KEY) return c < 0 ? -c : c;
    }
    return `${absAmountKey(row.amount)}|${currency}`;
  };
  // the card and QR records (`cs`, at `csAt` in `cashier`) in order, their fields by that position;
  // order number → positions
  const csAt: number[] = [];
  const cs: CashierRecord[] = [];
  const cMs = new Float64Array(nAll);
  const cTerm: string[] = [];
  const cHasTerm = new Uint8Array(nAll);
  const cLast4: unknown[] = [];
  const cRefund = new Uint8Array(nAll);
  const cKey: (string | number)[] = [];
  const cByOrder = new Map<string, number | number[]>();
  for (let j = 0; j < nAll; j++) {
    if (jCardQr[j] === 0) continue;
    const i = cs.length;
    const c = cashier[j]!;
    cs.push(c);
    csAt.push(j);
    mainCurrency ??= jCurrency[j];
    cMs[i] = jMs[j]!;
    cHasTerm[i] = jHasTerm[j]!;
    cTerm.push(jTerm[j]!);
    cLast4.push(jLast4[j]);
    cRefund[i] = jRefund[j]!;
    cKey.push(amountKey(jCurrency[j]!, jCents[j]!, c));
    const k = jOrder[j];
    if (k === undefined) continue;
    const l = cByOrder.get(k);
    if (l === undefined) cByOrder.set(k, i);
    else if (typeof l === 'number') cByOrder.set(k, [l, i]);
    else l.push(i);
  }
  const nc = cs.length;

  // Rows, read the same way: comparable, time, failed, side, terminal, last 4, order number,
  // currency and plain cents, id.
  const nTxns = txns.length;
  const mt = memory?.txns ?? identityOrder(txns);
  const rowIdAt: string[] = new Array<string>(nTxns);
  const iComparable = new Uint8Array(nTxns);
  const iMs = new Float64Array(nTxns);
  const iFailed = new Uint8Array(nTxns);
  const iRefund = new Uint8Array(nTxns);
  const iHasTerm = new Uint8Array(nTxns);
  const iTerm: string[] = new Array<string>(nTxns);
  const iLast4: unknown[] = new Array<unknown>(nTxns);
  const iOrder: (string | undefined)[] = new Array<string | undefined>(nTxns);
  const iCurrency: string[] = new Array<string>(nTxns);
  const iCents = new Float64Array(nTxns);
  for (let q = 0; q < mt.rows.length; q++) {
    const i = mt.at[q]!;
    if (i < 0) continue;
    const t = mt.rows[q]!;
    rowIdAt[i] = t.id;
    if (!isCashierComparable(t)) continue;
    iComparable[i] = 1;
    iMs[i] = localDateTimeMs(t.occurredAt);
    iFailed[i] = t.status !== 'success' ? 1 : 0;
    iRefund[i] = sideOf(t.kind) === 'refund' ? 1 : 0;
    iHasTerm[i] = t.terminalId ? 1 : 0;
    iTerm[i] = normaliseId('terminal', t.terminalId);
    iLast4[i] = t.cardLast4 || '';
    iOrder[i] = t.orderNo ? normaliseId('order', t.orderNo) : undefined;
    iCurrency[i] = t.amount.currency;
    iCents[i] = centsOf(t.amount.amount) ?? NaN;
  }
  // the comparable ones (k = their position among them, `psAt[k]` in `txns`)
  const psAt: number[] = [];
  for (let i = 0; i < nTxns; i++) if (iComparable[i] === 1) psAt.push(i);
  mainCurrency ??= psAt.length > 0 ? iCurrency[psAt[0]!] : undefined;
  const kFailed = new Uint8Array(psAt.length);
  for (let k = 0; k < psAt.length; k++) kFailed[k] = iFailed[psAt[k]!]!;
  const passes = cashierPasses(cashierMatchSeconds);

  // Ranks: the rows successful first, each part by time then id (the reference's order); the
  // rows' fields by rank
  const orderedK = successFirstOrder(psAt, txns, kFailed, txnsInTimeOrder);
  const np = orderedK.length;
  const orderedAt: number[] = new Array<number>(np);
  const pMs = new Float64Array(np);
  const pFailed = new Uint8Array(np);
  const pRefund = new Uint8Array(np);
  const pHasTerm = new Uint8Array(np);
  const pTerm: string[] = new Array<string>(np);
  const pLast4: unknown[] = new Array<unknown>(np);
  const pOrder: (string | undefined)[] = new Array<string | undefined>(np);
  const pKey: (string | number)[] = new Array<string | number>(np);
  for (let r = 0; r < np; r++) {
    const i = psAt[orderedK[r]!]!;
    orderedAt[r] = i;
    pMs[r] = iMs[i]!;
    pFailed[r] = iFailed[i]!;
    pRefund[r] = iRefund[i]!;
    pHasTerm[r] = iHasTerm[i]!;
    pTerm[r] = iTerm[i]!;
    pLast4[r] = iLast4[i];
    pOrder[r] = iOrder[i];
    // only the amount passes look a row up by amount, and only among records
    pKey[r] = nc > 0 ? amountKey(iCurrency[i]!, iCents[i]!, txns[i]!) : 0;
  }

  // per amount bucket, its readable records by time (then position), as the reference. Only
  // the amount passes use it, and they run after the order-number pass, which matches most
  // records: the index is built then, of the records still open (a taken record is never a
  // candidate, so leaving it out changes no pass).
  let timeIndex: Map<string | number, number[]> | undefined;
  const amountIndex = () => {
    const byAmount = new Map<string | number, number[]>();
    for (let i = 0; i < nc; i++) {
      if (cTaken[i] === 1 || !Number.isFinite(cMs[i]!)) continue;
      const k = cKey[i]!;
      const l = byAmount.get(k);
      if (l) l.push(i);
      else byAmount.set(k, [i]);
    }
    for (const list of byAmount.values()) if (list.length > 1) list.sort((a, b) => cMs[a]! - cMs[b]! || a - b);
    return byAmount;
  };
  /** per row: the record it took (position in cs), -1 while open; the pass and seconds apart */
  const pMatch = new Int32Array(np).fill(-1);
  const pPass = new Uint8Array(np);
  const pDt = new Float64Array(np);
  const cTaken = new Uint8Array(nc);
  const candP: number[] = [];
  const candC: number[] = [];
  const candDt: number[] = [];
  const pCount = new Uint8Array(np);
  const cCount = new Uint8Array(nc);

  for (let passNo = 0; passNo < passes.length; passNo++) {
    const pass = passes[passNo]!;
    candP.length = 0;
    candC.length = 0;
    candDt.length = 0;
    // the reference's consider(): the same tests in the same order ('' = no last 4)
    const consider = (rank: number, i: number) => {
      if (cTaken[i] === 1 || cRefund[i] !== pRefund[rank]) return;
      const tl = pLast4[rank];
      const cl = cLast4[i];
      if (pass.needsLast4 && (tl === '' || cl === '' || tl !== cl)) return;
      if (pass.needsTerminal && (pHasTerm[rank] === 0 || cHasTerm[i] === 0 || pTerm[rank] !== cTerm[i])) return;
      if (!pass.needsLast4 && !pass.needsOrderNo && tl !== '' && cl !== '' && tl !== cl) return;
      if (!pass.needsOrderNo && pHasTerm[rank] === 1 && cHasTerm[i] === 1 && pTerm[rank] !== cTerm[i]) return;
      const dt = Math.abs(Math.round((pMs[rank]! - cMs[i]!) / 1000));
      if (!Number.isFinite(dt) || dt > pass.windowSeconds) return;
      candP.push(rank);
      candC.push(i);
      candDt.push(dt);
    };
    for (let rank = 0; rank < np; rank++) {
      if (pMatch[rank]! >= 0) continue;
      const from = candP.length;
      if (pass.needsOrderNo) {
        const order = pOrder[rank];
        if (order === undefined) continue;
        const list = cByOrder.get(order);
        if (list === undefined) continue;
        if (typeof list === 'number') consider(rank, list);
        else for (const i of list) consider(rank, i);
      } else {
        if (pass.needsLast4 && pLast4[rank] === '') continue;
        if (pass.needsTerminal && pHasTerm[rank] === 0) continue;
        const idx = (timeIndex ??= amountIndex()).get(pKey[rank]!);
        if (!idx) continue;
        const at = pMs[rank]!;
        if (!Number.isFinite(at)) continue;
        const lo = at - (pass.windowSeconds + 1) * 1000;
        const hi = at + (pass.windowSeconds + 1) * 1000;
        let a = 0;
        let b = idx.length;
        while (a < b) {
          const mid = (a + b) >>> 1;
          if (cMs[idx[mid]!]! < lo) a = mid + 1;
          else b = mid;
        }
        for (let j = a; j < idx.length && cMs[idx[j]!]! <= hi; j++) consider(rank, idx[j]!);
        // this row's candidates in record order (insertion sort: a handful at most)
        for (let x = from + 1; x < candP.length; x++) {
          const c = candC[x]!;
          const dt = candDt[x]!;
          let y = x - 1;
          for (; y >= from && candC[y]! > c; y--) {
            candC[y + 1] = candC[y]!;
            candDt[y + 1] = candDt[y]!;
          }
          candC[y + 1] = c;
          candDt[y + 1] = dt;
        }
      }
      if (pass.uniqueOnly && candP.length - from !== 1) {
        candP.length = from;
        candC.length = from;
        candDt.length = from;
      }
    }
    const n = candP.length;
    // pair counts per row and per record (2 = more than one)
    for (let k = 0; k < n; k++) {
      const p = candP[k]!;
      const c = candC[k]!;
      pCount[p] = pCount[p]! < 2 ? pCount[p]! + 1 : 2;
      cCount[c] = cCount[c]! < 2 ? cCount[c]! + 1 : 2;
    }
    const take = (k: number) => {
      const p = candP[k]!;
      pMatch[p] = candC[k]!;
      pPass[p] = passNo;
      pDt[p] = candDt[k]!;
      cTaken[candC[k]!] = 1;
    };
    const contested: number[] = [];
    for (let k = 0; k < n; k++) {
      // uniqueOnly: the record must also have exactly one row candidate
      if (pass.uniqueOnly && cCount[candC[k]!] !== 1) continue;
      if (pCount[candP[k]!] === 1 && cCount[candC[k]!] === 1) take(k);
      else contested.push(k);
    }
    contested.sort((a, b) => pFailed[candP[a]!]! - pFailed[candP[b]!]! || candDt[a]! - candDt[b]! || candP[a]! - candP[b]! || cmpId(recordId[csAt[candC[a]!]!]!, recordId[csAt[candC[b]!]!]!));
    for (const k of contested) if (pMatch[candP[k]!]! < 0 && cTaken[candC[k]!] !== 1) take(k);
    for (let k = 0; k < n; k++) {
      pCount[candP[k]!] = 0;
      cCount[candC[k]!] = 0;
    }
  }

  // Repeated ids: the reference skips a row or record whose id another one already matched.
  // The result above equals the reference's unless some matched id repeats among the matched, or
  // an unmatched row or record (of the whole input) carries a matched id: up to the first such
  // skip both runs are the same, and the skipped one then ends up matched or unmatched here with
  // its id matched — one of the two. Rows: their matched ids are sorted anyway (the output order),
  // so a repeat is two neighbours and an unmatched row (few) is a binary search. Records: a set.
  const txnMatched = new Uint8Array(nTxns);
  const recordMatched = new Uint8Array(nAll);
  // the matched rows' ranks, sorted by their ids (a comparator over the ids themselves: measured
  // at 100k matches ~45 ms against ~80 for building "id NUL rank" strings, sorting and unpacking them)
  const rowId: string[] = new Array<string>(np);
  const ranks: number[] = [];
  const recordIds = new Set<string>();
  for (let r = 0; r < np; r++) {
    const ci = pMatch[r]!;
    if (ci < 0) continue;
    rowId[r] = rowIdAt[orderedAt[r]!]!;
    ranks.push(r);
    txnMatched[orderedAt[r]!] = 1;
    recordMatched[csAt[ci]!] = 1;
    const cid = recordId[csAt[ci]!]!;
    if (recordIds.has(cid)) return matchCashierReference(txns, cashier, cashierMatchSeconds);
    recordIds.add(cid);
  }
  ranks.sort((a, b) => cmpId(rowId[a]!, rowId[b]!));
  const n = ranks.length;
  const ids: string[] = new Array<string>(n);
  for (let k = 0; k < n; k++) {
    ids[k] = rowId[ranks[k]!]!;
    if (k > 0 && ids[k] === ids[k - 1]) return matchCashierReference(txns, cashier, cashierMatchSeconds);
  }
  for (let j = 0; j < nTxns; j++) if (txnMatched[j] === 0 && sortedHas(ids, rowIdAt[j]!)) return matchCashierReference(txns, cashier, cashierMatchSeconds);
  for (let j = 0; j < nAll; j++) if (recordMatched[j] === 0 && recordIds.has(recordId[j]!)) return matchCashierReference(txns, cashier, cashierMatchSeconds);
  const matches: CashierMatch[] = new Array<CashierMatch>(n);
  const txnOf: PortalTransaction[] = new Array<PortalTransaction>(n);
  const recordOf: CashierRecord[] = new Array<CashierRecord>(n);
  for (let k = 0; k < n; k++) {
    const r = ranks[k]!;
    const ci = pMatch[r]!;
    const pass = passes[pPass[r]!]!;
    matches[k] = { transactionId: rowId[r]!, cashierId: recordId[csAt[ci]!]!, basis: pass.basis, confidence: pass.confidence, secondsApart: pDt[r]! };
    txnOf[k] = txns[orderedAt[r]!]!;
    recordOf[k] = cs[ci]!;
  }
  return cashierMatching(matches, txnOf, recordOf, txnMatched, recordMatched);
}

/**
 * The result object, made outside matchCashier: its getters are closures, and a closure keeps
 * alive every variable of its function that any closure there uses (one shared context), so
 * made inside it they would hold the order-number map, the amount index and every per-record
 * array for as long as the result lives (at 1M rows ~100 MB). The id maps are built on first
 * use (rules read the flags by position instead).
 */
function cashierMatching(matches: CashierMatch[], txnOf: PortalTransaction[], recordOf: CashierRecord[], txnMatched: Uint8Array, recordMatched: Uint8Array): CashierMatching {
  let byTxn: Map<string, CashierMatch> | undefined;
  let byCashier: Map<string, CashierMatch> | undefined;
  return {
    matches, txnOf, recordOf, txnMatched, recordMatched,
    get byTxn() {
      return (byTxn ??= new Map(matches.map((m) => [m.transactionId, m])));
    },
    get byCashier() {
      return (byCashier ??= new Map(matches.map((m) => [m.cashierId, m])));
    },
  };
}

/** `sorted` (by the default string order) contains `id`. */
function sortedHas(sorted: readonly string[], id: string): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] === id;
}


/** amount keys below this are small integers (Smi) */
const SMALL_KEY = 2 ** 30;

function cmpId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
