// Portal ↔ cashier matching on positions (matchCashierReference's result, cashier-reference.ts,
// computed without id maps). Four steps: read the records and rows into columns, run the passes
// from strong to weak, then assemble the result's columns (or leave repeated ids to the reference).
import type { CashierRecord, PortalTransaction } from '../model';
import { identityOrder, type InMemoryOrder } from './memory-order';
import { cashierMatching, cashierPasses, RECORD_SIDE, type CashierMatching, type Pass } from './cashier-passes';
import { matchCashierReference } from './cashier-reference';
import { readRecords, readRows, type Records, type Rows } from './cashier-read';
import { chainOf, cmpKeyed, idHash, markedIdShared, nextWith, orderByIds, sortByUint32, type KeyedIds } from './id-order';
import { buildRowIndex, type RowIndex } from './row-index';
import { firstAtLeast } from './bounds';

/**
 * matchCashierReference's result, computed on positions: rows and records taken are flags in
 * typed arrays instead of id maps, candidate pairs are parallel number arrays instead of objects,
 * and a pair whose row and record appear in no other pair of its pass is taken without sorting
 * (no other pair can take either first). Only the contested pairs are sorted in the reference's
 * order. Ids are store keys, so unique; where they are not, the reference decides (assemble).
 * `txnsInTimeOrder`: the caller knows txns are in (occurredAt, id) order (reconcile()'s context
 * sorted them), so that order is not checked again. `index`: the run's row index over `txns`
 * (ctx.rows); built here when the caller has none: the rows are read from its columns only.
 * `memory`: the input arrays, whose objects lie in memory in that order (see memory-order.ts):
 * each record object is read once, so.
 */
export function matchCashier(
  txns: readonly PortalTransaction[],
  cashier: readonly CashierRecord[],
  cashierMatchSeconds: number,
  txnsInTimeOrder = false,
  memory?: { txns: InMemoryOrder<PortalTransaction>; cashier: InMemoryOrder<CashierRecord> },
  index?: RowIndex,
): CashierMatching {
  const recs = readRecords(cashier, memory?.cashier ?? identityOrder(cashier));
  const rows = readRows(txns, index ?? buildRowIndex(txns, memory?.txns ?? identityOrder(txns)), txnsInTimeOrder, recs);
  const passes = cashierPasses(cashierMatchSeconds);
  const s = newState(rows.n, recs.n);
  for (let passNo = 0; passNo < passes.length; passNo++) runPass(passes[passNo]!, passNo, rows, recs, s);
  return assemble(txns, cashier, rows, recs, s, passes) ?? matchCashierReference(txns, cashier, cashierMatchSeconds);
}

/** What the passes decided so far, and their scratch space. */
interface MatchState {
  /** per row position: the record it took (position in cashier), −1 while open; the pass and seconds apart */
  pMatch: Int32Array;
  pPass: Uint8Array;
  pDt: Float64Array;
  cTaken: Uint8Array;
  /** the amount passes' index, built by the first of them */
  amounts: AmountIndex | undefined;
  /** a pass's candidate pairs (row, record, seconds apart) */
  candP: number[];
  candC: number[];
  candDt: number[];
  /** pairs per row and per record in the current pass (2 = more than one) */
  pCount: Uint8Array;
  cCount: Uint8Array;
}

function newState(np: number, nc: number): MatchState {
  return {
    pMatch: new Int32Array(np).fill(-1),
    pPass: new Uint8Array(np),
    pDt: new Float64Array(np),
    cTaken: new Uint8Array(nc),
    amounts: undefined,
    candP: [],
    candC: [],
    candDt: [],
    pCount: new Uint8Array(np),
    cCount: new Uint8Array(nc),
  };
}

/** The records the amount passes look among, sorted by (amount key, time, position): each amount's records by time. */
interface AmountIndex {
  record: Int32Array;
  key: Float64Array;
  ms: Float64Array;
}

/**
 * Card and QR records with a readable time still open. Only the amount passes use it, and they
 * run after the order-number pass, which matches most records: a taken record is never a
 * candidate, so leaving it out changes no pass. Records come in time order (the context sorted
 * them), so a stable sort by amount key alone gives each amount's records by time; otherwise
 * they are sorted by time first.
 */
function amountIndex(recs: Records, cTaken: Uint8Array): AmountIndex {
  const open: number[] = [];
  let inTimeOrder = true;
  let last = -Infinity;
  for (let j = 0; j < recs.n; j++) {
    if (recs.side[j] === RECORD_SIDE.none || cTaken[j] === 1 || !Number.isFinite(recs.ms[j]!)) continue;
    open.push(j);
    if (recs.ms[j]! < last) inTimeOrder = false;
    last = recs.ms[j]!;
  }
  if (!inTimeOrder) open.sort((a, b) => recs.ms[a]! - recs.ms[b]! || a - b);
  // a stable sort by key (below 2^41: its low 32 bits, then the rest)
  const low = new Uint32Array(recs.n);
  const high = new Uint32Array(recs.n);
  let anyHigh = false;
  for (let k = 0; k < open.length; k++) {
    const j = open[k]!;
    const key = recs.key[j]!;
    high[j] = Math.floor(key / 2 ** 32);
    low[j] = key - high[j]! * 2 ** 32;
    anyHigh ||= high[j] > 0;
  }
  let order = sortByUint32(new Int32Array(open), low);
  if (anyHigh) order = sortByUint32(order, high);
  const n = open.length;
  const idx: AmountIndex = { record: new Int32Array(n), key: new Float64Array(n), ms: new Float64Array(n) };
  for (let k = 0; k < n; k++) {
    const j = order[k]!;
    idx.record[k] = j;
    idx.key[k] = recs.key[j]!;
    idx.ms[k] = recs.ms[j]!;
  }
  return idx;
}

/**
 * One pass: collect every open row's candidates, take the uncontested pairs, then the contested
 * ones in the reference's order. Columns and the pass's settings are locals: the loops run a few
 * times per reconcile, much of it before they are optimised.
 */
function runPass(pass: Pass, passNo: number, rows: Rows, recs: Records, s: MatchState): void {
  const { candP, candC, candDt, pMatch, cTaken } = s;
  candP.length = 0;
  candC.length = 0;
  candDt.length = 0;
  const { side: rSide, last4: rLast4, term: rTerm, ms: rMs } = rows;
  const { side: cSide, last4: cLast4, term: cTerm, ms: cMs } = recs;
  const needsLast4 = pass.needsLast4 === true;
  const needsTerminal = pass.needsTerminal === true;
  const needsOrderNo = pass.needsOrderNo === true;
  const window = pass.windowSeconds;
  /** The reference's consider(): the same tests in the same order ('' = no id); a pair that passes is a candidate. */
  const consider = (i: number, j: number): void => {
    if (cTaken[j] === 1 || cSide[j] !== rSide[i]) return;
    const tl = rLast4[i]!;
    const cl = cLast4[j]!;
    const tt = rTerm[i]!;
    const ct = cTerm[j]!;
    if (needsLast4 && (tl === '' || cl === '' || tl !== cl)) return;
    if (needsTerminal && (tt === '' || ct === '' || tt !== ct)) return;
    if (!needsLast4 && !needsOrderNo && tl !== '' && cl !== '' && tl !== cl) return;
    if (!needsOrderNo && tt !== '' && ct !== '' && tt !== ct) return;
    const dt = Math.abs(Math.round((rMs[i]! - cMs[j]!) / 1000));
    if (!Number.isFinite(dt) || dt > window) return;
    candP.push(i);
    candC.push(j);
    candDt.push(dt);
  };
  if (needsOrderNo) {
    const { byOrder } = recs;
    const { order, withOrder } = rows;
    for (let q = 0; q < withOrder.length; q++) {
      const i = withOrder[q]!;
      if (pMatch[i]! >= 0) continue;
      const o = order[i]!;
      const h = idHash(o);
      // the records with this order number
      for (let j = nextWith(byOrder, o, h, chainOf(byOrder, h)); j >= 0; j = nextWith(byOrder, o, h, byOrder.next[j]!)) consider(i, j);
    }
  } else {
    const { record, key: iKey, ms: iMs } = (s.amounts ??= amountIndex(recs, cTaken));
    const rKey = rows.key;
    const end = iKey.length;
    // the row's amount's records within the window (+1 s for rounding; consider() decides exactly)
    const span = (window + 1) * 1000;
    const { byAmount } = rows;
    for (let q = 0; q < byAmount.length; q++) {
      const i = byAmount[q]!;
      if (pMatch[i]! >= 0) continue;
      // every candidate would fail these tests: skip the window search
      if (needsLast4 && rLast4[i] === '') continue;
      if (needsTerminal && rTerm[i] === '') continue;
      const from = candP.length;
      const key = rKey[i]!;
      const lo = rMs[i]! - span;
      const hi = rMs[i]! + span;
      // the first entry at or after (key, lo)
      const a = firstAtLeast(end, (k) => iKey[k]! > key || (iKey[k] === key && iMs[k]! >= lo));
      for (let k = a; k < end && iKey[k] === key && iMs[k]! <= hi; k++) consider(i, record[k]!);
      if (pass.uniqueOnly && candP.length - from !== 1) {
        candP.length = from;
        candC.length = from;
        candDt.length = from;
      }
    }
  }
  takePairs(pass, passNo, rows, recs, s);
}

/** Take the pass's pairs: uncontested at once, contested by (failed, seconds apart, rank, record id, record) while both sides are open. */
function takePairs(pass: Pass, passNo: number, rows: Rows, recs: Records, s: MatchState): void {
  const { candP, candC, candDt, pCount, cCount } = s;
  const n = candP.length;
  for (let k = 0; k < n; k++) {
    const p = candP[k]!;
    const c = candC[k]!;
    pCount[p] = pCount[p]! < 2 ? pCount[p]! + 1 : 2;
    cCount[c] = cCount[c]! < 2 ? cCount[c]! + 1 : 2;
  }
  const take = (k: number) => {
    const p = candP[k]!;
    s.pMatch[p] = candC[k]!;
    s.pPass[p] = passNo;
    s.pDt[p] = candDt[k]!;
    s.cTaken[candC[k]!] = 1;
  };
  const contested: number[] = [];
  for (let k = 0; k < n; k++) {
    // uniqueOnly: the record must also have exactly one row candidate
    if (pass.uniqueOnly && cCount[candC[k]!] !== 1) continue;
    if (pCount[candP[k]!] === 1 && cCount[candC[k]!] === 1) take(k);
    else contested.push(k);
  }
  // the reference collects pairs by rank, then record: that order decides ties on the record id
  const rank = rows.rank;
  const rankOf = (i: number) => (rank === undefined ? i : rank[i]!);
  contested.sort(
    (a, b) =>
      rows.failed[candP[a]!]! - rows.failed[candP[b]!]! ||
      candDt[a]! - candDt[b]! ||
      rankOf(candP[a]!) - rankOf(candP[b]!) ||
      cmpId(recs.id[candC[a]!]!, recs.id[candC[b]!]!) ||
      candC[a]! - candC[b]!,
  );
  for (const k of contested) if (s.pMatch[candP[k]!]! < 0 && s.cTaken[candC[k]!] !== 1) take(k);
  for (let k = 0; k < n; k++) {
    pCount[candP[k]!] = 0;
    cCount[candC[k]!] = 0;
  }
}

/**
 * The result, matches sorted by row id; undefined when ids repeat where it matters. The reference
 * skips a row or record whose id another one already matched. The result here equals the
 * reference's unless some matched id repeats among the matched, or an unmatched row or record
 * (of the whole input) carries a matched id: up to the first such skip both runs are the same,
 * and the skipped one then ends up matched or unmatched here with its id matched — one of the
 * two. The matched rows' ids are sorted (the output order), so a repeat is two neighbours and
 * an unmatched row (few) a binary search; records are checked by hash (markedIdShared).
 */
function assemble(
  txns: readonly PortalTransaction[],
  cashier: readonly CashierRecord[],
  rows: Rows,
  recs: Records,
  s: MatchState,
  passes: readonly Pass[],
): CashierMatching | undefined {
  const { pMatch, pPass, pDt } = s;
  const n = rows.n;
  let count = 0;
  for (let i = 0; i < n; i++) if (pMatch[i]! >= 0) count++;
  const matchedRows = new Int32Array(count);
  const txnMatched = new Uint8Array(n);
  const recordMatched = new Uint8Array(recs.n);
  for (let i = 0, k = 0; i < n; i++) {
    const j = pMatch[i]!;
    if (j < 0) continue;
    matchedRows[k++] = i;
    txnMatched[i] = 1;
    recordMatched[j] = 1;
  }
  const txn = orderByIds(rows.id, matchedRows);
  if (!idsApart(rows.id, txn, txnMatched)) return undefined;
  if (markedIdShared(recs.id, recs.idHash, recordMatched)) return undefined;
  const record = new Int32Array(count);
  const pass = new Uint8Array(count);
  const secondsApart = new Float64Array(count);
  const sameAmount = new Uint8Array(count);
  const rKey = rows.key;
  const cKey = recs.key;
  for (let k = 0; k < count; k++) {
    const i = txn[k]!;
    const j = pMatch[i]!;
    record[k] = j;
    pass[k] = pPass[i]!;
    secondsApart[k] = pDt[i]!;
    sameAmount[k] = rKey[i]! >= 0 && rKey[i] === cKey[j] ? 1 : 0;
  }
  return cashierMatching({
    txns,
    cashier,
    txnIds: rows.id.ids,
    recordIds: recs.id,
    passes,
    txn,
    record,
    pass,
    secondsApart,
    sameAmount,
    txnMatched,
    recordMatched,
    recordSide: recs.side,
  });
}

/** No id of `sorted` (positions, by id) repeats, and none is the id of a position not `matched`. */
function idsApart(x: KeyedIds, sorted: Int32Array, matched: Uint8Array): boolean {
  for (let k = 1; k < sorted.length; k++) if (cmpKeyed(x, sorted[k - 1]!, sorted[k]!) === 0) return false;
  for (let i = 0; i < matched.length; i++) if (matched[i] === 0 && sortedHas(x, sorted, i)) return false;
  return true;
}

/** `sorted` (positions, by id) holds a position with the id of position `i`. */
function sortedHas(x: KeyedIds, sorted: Int32Array, i: number): boolean {
  const lo = firstAtLeast(sorted.length, (k) => cmpKeyed(x, sorted[k]!, i) >= 0);
  return lo < sorted.length && cmpKeyed(x, sorted[lo]!, i) === 0;
}

function cmpId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
