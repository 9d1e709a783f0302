// Portal ↔ cashier matching on positions (matchCashierReference's result, cashier-reference.ts,
// computed without id maps). Four steps: read the records, read and rank the rows, run the
// passes from strong to weak, then assemble the result (or leave repeated ids to the reference).
import type { CashierRecord, PortalTransaction } from '../model';
import { identityOrder, type InMemoryOrder } from './memory-order';
import { cashierMatching, cashierPasses, type CashierMatch, type CashierMatching, type Pass } from './cashier-passes';
import { matchCashierReference } from './cashier-reference';
import { readRecords, readRows, type Records, type Rows } from './cashier-read';
import { buildRowIndex, type RowIndex } from './row-index';

/**
 * matchCashierReference's result, computed on positions: rows and records taken are flags in
 * typed arrays instead of id maps, candidate pairs are parallel number arrays instead of objects,
 * and a pair whose row and record appear in no other pair of its pass is taken without sorting
 * (no other pair can take either first). Only the contested pairs are sorted in the reference's
 * order. Ids are store keys, so unique; where they are not, the reference decides (assemble).
 * `txnsInTimeOrder`: the caller knows txns are in (occurredAt, id) order (reconcile()'s context
 * sorted them), so that order is not checked again. `index`: the run's row index over `txns`
 * (ctx.rows); built here when the caller has none.
 *
 * Each row and record object is read once, in the order the objects lie in memory when the
 * caller knows it (`memory`: the input arrays, made in that order), copying what the passes
 * compare into arrays: at 100k rows a walk over the objects in time order (scattered in memory)
 * costs 3-5 times one in memory order, and every further walk costs 20-40 ms of memory latency
 * however little it reads.
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
  const state = newState(rows.n, recs.n);
  for (let passNo = 0; passNo < passes.length; passNo++) runPass(passes[passNo]!, passNo, rows, recs, state);
  return assemble(txns, cashier, rows, recs, state, passes) ?? matchCashierReference(txns, cashier, cashierMatchSeconds);
}

/** What the passes decided so far, and their scratch space. */
interface MatchState {
  /** per row rank: the record it took (position among the records), -1 while open; the pass and seconds apart */
  pMatch: Int32Array;
  pPass: Uint8Array;
  pDt: Float64Array;
  cTaken: Uint8Array;
  /** the amount passes' index: per amount, the records still open by time; built by the first of them */
  timeIndex: Map<string | number, number[]> | undefined;
  /** a pass's candidate pairs (row rank, record, seconds apart) */
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
    timeIndex: undefined,
    candP: [],
    candC: [],
    candDt: [],
    pCount: new Uint8Array(np),
    cCount: new Uint8Array(nc),
  };
}

/**
 * Per amount bucket, its readable records still open by time (then position), as the reference.
 * Only the amount passes use it, and they run after the order-number pass, which matches most
 * records: a taken record is never a candidate, so leaving it out changes no pass.
 */
function amountIndex(recs: Records, cTaken: Uint8Array): Map<string | number, number[]> {
  const byAmount = new Map<string | number, number[]>();
  for (let i = 0; i < recs.n; i++) {
    if (cTaken[i] === 1 || !Number.isFinite(recs.ms[i]!)) continue;
    const k = recs.key[i]!;
    const l = byAmount.get(k);
    if (l) l.push(i);
    else byAmount.set(k, [i]);
  }
  for (const list of byAmount.values()) if (list.length > 1) list.sort((a, b) => recs.ms[a]! - recs.ms[b]! || a - b);
  return byAmount;
}

/** One pass: collect every open row's candidates, take the uncontested pairs, then the contested ones in the reference's order. */
function runPass(pass: Pass, passNo: number, rows: Rows, recs: Records, s: MatchState): void {
  const { candP, candC, candDt, pMatch } = s;
  candP.length = 0;
  candC.length = 0;
  candDt.length = 0;
  for (let rank = 0; rank < rows.n; rank++) {
    if (pMatch[rank]! >= 0) continue;
    const from = candP.length;
    if (pass.needsOrderNo) {
      const order = rows.order[rank];
      if (order === undefined) continue;
      const list = recs.byOrder.get(order);
      if (list === undefined) continue;
      if (typeof list === 'number') consider(pass, rank, list, rows, recs, s);
      else for (const i of list) consider(pass, rank, i, rows, recs, s);
    } else {
      if (pass.needsLast4 && rows.last4[rank] === '') continue;
      if (pass.needsTerminal && rows.hasTerm[rank] === 0) continue;
      collectByAmount(pass, rank, rows, recs, s);
      sortLastCandidates(s, from);
    }
    if (pass.uniqueOnly && candP.length - from !== 1) {
      candP.length = from;
      candC.length = from;
      candDt.length = from;
    }
  }
  takePairs(pass, passNo, rows, recs, s);
}

/** The reference's consider(): the same tests in the same order ('' = no last 4); a pair that passes is a candidate. */
function consider(pass: Pass, rank: number, i: number, rows: Rows, recs: Records, s: MatchState): void {
  if (s.cTaken[i] === 1 || recs.refund[i] !== rows.refund[rank]) return;
  const tl = rows.last4[rank];
  const cl = recs.last4[i];
  if (pass.needsLast4 && (tl === '' || cl === '' || tl !== cl)) return;
  if (pass.needsTerminal && (rows.hasTerm[rank] === 0 || recs.hasTerm[i] === 0 || rows.term[rank] !== recs.term[i])) return;
  if (!pass.needsLast4 && !pass.needsOrderNo && tl !== '' && cl !== '' && tl !== cl) return;
  if (!pass.needsOrderNo && rows.hasTerm[rank] === 1 && recs.hasTerm[i] === 1 && rows.term[rank] !== recs.term[i]) return;
  const dt = Math.abs(Math.round((rows.ms[rank]! - recs.ms[i]!) / 1000));
  if (!Number.isFinite(dt) || dt > pass.windowSeconds) return;
  s.candP.push(rank);
  s.candC.push(i);
  s.candDt.push(dt);
}

/** The row's amount bucket's records within the window (+1 s for rounding; consider() decides exactly). */
function collectByAmount(pass: Pass, rank: number, rows: Rows, recs: Records, s: MatchState): void {
  const idx = (s.timeIndex ??= amountIndex(recs, s.cTaken)).get(rows.key[rank]!);
  if (!idx) return;
  const at = rows.ms[rank]!;
  if (!Number.isFinite(at)) return;
  const lo = at - (pass.windowSeconds + 1) * 1000;
  const hi = at + (pass.windowSeconds + 1) * 1000;
  let a = 0;
  let b = idx.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (recs.ms[idx[mid]!]! < lo) a = mid + 1;
    else b = mid;
  }
  for (let j = a; j < idx.length && recs.ms[idx[j]!]! <= hi; j++) consider(pass, rank, idx[j]!, rows, recs, s);
}

/** This row's candidates (from `from` on) in record order, as the reference lists them (insertion sort: a handful at most). */
function sortLastCandidates(s: MatchState, from: number): void {
  const { candC, candDt } = s;
  for (let x = from + 1; x < candC.length; x++) {
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

/** Take the pass's pairs: uncontested at once, contested by (failed, seconds apart, rank, record id) while both sides are open. */
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
  const idOf = (c: number) => recs.recordId[recs.csAt[c]!]!;
  contested.sort(
    (a, b) => rows.failed[candP[a]!]! - rows.failed[candP[b]!]! || candDt[a]! - candDt[b]! || candP[a]! - candP[b]! || cmpId(idOf(candC[a]!), idOf(candC[b]!)),
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
 * two. Rows: their matched ids are sorted anyway (the output order), so a repeat is two
 * neighbours and an unmatched row (few) is a binary search. Records: a set.
 */
function assemble(
  txns: readonly PortalTransaction[],
  cashier: readonly CashierRecord[],
  rows: Rows,
  recs: Records,
  s: MatchState,
  passes: readonly Pass[],
): CashierMatching | undefined {
  const txnMatched = new Uint8Array(txns.length);
  const recordMatched = new Uint8Array(cashier.length);
  // the matched rows' ranks, sorted by their ids (a comparator over the ids themselves: measured
  // at 100k matches ~45 ms against ~80 for building "id NUL rank" strings, sorting and unpacking them)
  const rowId: string[] = new Array<string>(rows.n);
  const ranks: number[] = [];
  const recordIds = new Set<string>();
  for (let r = 0; r < rows.n; r++) {
    const ci = s.pMatch[r]!;
    if (ci < 0) continue;
    rowId[r] = rows.rowIdAt[rows.at[r]!]!;
    ranks.push(r);
    txnMatched[rows.at[r]!] = 1;
    recordMatched[recs.csAt[ci]!] = 1;
    const cid = recs.recordId[recs.csAt[ci]!]!;
    if (recordIds.has(cid)) return undefined;
    recordIds.add(cid);
  }
  ranks.sort((a, b) => cmpId(rowId[a]!, rowId[b]!));
  const n = ranks.length;
  const ids: string[] = new Array<string>(n);
  for (let k = 0; k < n; k++) {
    ids[k] = rowId[ranks[k]!]!;
    if (k > 0 && ids[k] === ids[k - 1]) return undefined;
  }
  for (let j = 0; j < txns.length; j++) if (txnMatched[j] === 0 && sortedHas(ids, rows.rowIdAt[j]!)) return undefined;
  for (let j = 0; j < cashier.length; j++) if (recordMatched[j] === 0 && recordIds.has(recs.recordId[j]!)) return undefined;
  const matches: CashierMatch[] = new Array<CashierMatch>(n);
  const txnOf: PortalTransaction[] = new Array<PortalTransaction>(n);
  const recordOf: CashierRecord[] = new Array<CashierRecord>(n);
  for (let k = 0; k < n; k++) {
    const r = ranks[k]!;
    const ci = s.pMatch[r]!;
    const pass = passes[s.pPass[r]!]!;
    matches[k] = {
      transactionId: rowId[r]!,
      cashierId: recs.recordId[recs.csAt[ci]!]!,
      basis: pass.basis,
      confidence: pass.confidence,
      secondsApart: s.pDt[r]!,
    };
    txnOf[k] = txns[rows.at[r]!]!;
    recordOf[k] = recs.cs[ci]!;
  }
  return cashierMatching(matches, txnOf, recordOf, txnMatched, recordMatched);
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

function cmpId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
