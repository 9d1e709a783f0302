// The orders reconcile() puts rows and matches in, fast (issue 5 "Speed"): each gives exactly
// the order of the comparator sort it replaces; tests/unit/reconcile/fast-paths.test.ts holds the
// comparator sorts beside the properties that compare the two.
import type { Match } from '../model';
import { type KeyedIds, keyedIds, orderByIds, writeId } from './id-order';

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `[...xs].sort((a, b) => cmp(timeOf(a), timeOf(b)) || cmp(a.id, b.id))`. When every time has
 * the same fixed shape ('YYYY-MM-DDTHH:mm:ss' or 'YYYY-MM-DD'), the string order is the order of
 * its digits read as one integer (at most 14 digits: exact), so times are compared as numbers.
 */
export function sortByTimeThenId<T extends { id: string }>(xs: readonly T[], timeOf: (x: T) => string): T[] {
  return gather(xs, timeOrder(xs, timeOf));
}

/** xs[order[0]], xs[order[1]], … */
export function gather<T>(xs: readonly T[], order: Int32Array): T[] {
  const out: T[] = new Array<T>(order.length);
  for (let j = 0; j < order.length; j++) out[j] = xs[order[j]!]!;
  return out;
}

/**
 * The times as sort keys: each time's digits as one integer (digitKey), when every time has one
 * fixed shape ('YYYY-MM-DDTHH:mm:ss' or 'YYYY-MM-DD'), the shape of the first; null otherwise
 * (the order is then the comparator's). Incremental, so screen.ts can note each key while it
 * reads the time anyway: add() the times in order, then keys().
 */
export class TimeKeys {
  private readonly out: Float64Array;
  private n = 0;
  private shape = 0;
  private numeric = true;
  constructor(capacity: number) {
    this.out = new Float64Array(capacity);
  }
  add(time: string): void {
    if (!this.numeric) return;
    if (this.n === 0) this.shape = time.length;
    const k = this.shape === 19 || this.shape === 10 ? digitKey(time, this.shape) : -1;
    if (k < 0) this.numeric = false;
    else this.out[this.n++] = k;
  }
  keys(): Float64Array | null {
    return this.numeric ? this.out.subarray(0, this.n) : null;
  }
}

/**
 * The positions of sortByTimeThenId's order: `sortByTimeThenId(xs)[j] === xs[timeOrder(xs)[j]]`.
 * `keys`: the times' TimeKeys when the caller has them (undefined: computed here).
 */
export function timeOrder<T extends { id: string }>(xs: readonly T[], timeOf: (x: T) => string, keys?: Float64Array | null): Int32Array {
  const n = xs.length;
  if (keys === undefined) {
    const k = new TimeKeys(n);
    for (let i = 0; i < n; i++) k.add(timeOf(xs[i]!));
    keys = k.keys();
  }
  if (keys !== null && keys.length !== n) throw new Error('time keys of other rows');
  if (keys === null) return Int32Array.from(positions(n).sort((a, b) => cmp(timeOf(xs[a]!), timeOf(xs[b]!)) || cmp(xs[a]!.id, xs[b]!.id)));
  // The positions in key order, equal keys in input order (a stable LSD radix sort of the keys:
  // 16 bits a pass, as many passes as the largest key needs; keys are integers below 10^14 <
  // 2^47), then runs of equal keys sorted by id with the stable sort: the comparator sort's order.
  const order = radixOrder(keys);
  for (let start = 0; start < n; ) {
    const key = keys[order[start]!]!;
    let end = start + 1;
    while (end < n && keys[order[end]!] === key) end++;
    if (end - start > 1) {
      let inOrder = true;
      for (let j = start + 1; j < end && inOrder; j++) inOrder = xs[order[j - 1]!]!.id <= xs[order[j]!]!.id;
      if (!inOrder)
        order.set(
          Array.from(order.subarray(start, end)).sort((a, b) => cmp(xs[a]!.id, xs[b]!.id)),
          start,
        );
    }
    start = end;
  }
  return order;
}

function positions(n: number): number[] {
  const out: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Positions 0…n−1 ordered by keys[i] (non-negative integers below 2^53: each 16-bit digit is exact), equal keys in position order. */
export function radixOrder(keys: Float64Array): Int32Array {
  const n = keys.length;
  // sorted as key − min: times of a few months span far fewer digits than the times themselves
  let min = n > 0 ? keys[0]! : 0;
  let max = min;
  for (let i = 0; i < n; i++) {
    if (keys[i]! > max) max = keys[i]!;
    if (keys[i]! < min) min = keys[i]!;
  }
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Int32Array(n);
  const counts = new Int32Array(65_537);
  for (let scale = 1; scale <= max - min; scale *= 65_536) {
    counts.fill(0);
    // digit of key k at this pass: ⌊(k − min) / scale⌋ mod 65536 (exact: 0 ≤ k − min < 2^53, scale a power of 2)
    for (let i = 0; i < n; i++) counts[(Math.floor((keys[i]! - min) / scale) % 65_536) + 1]!++;
    for (let d = 1; d <= 65_536; d++) counts[d]! += counts[d - 1]!;
    for (let j = 0; j < n; j++) {
      const i = order[j]!;
      next[counts[Math.floor((keys[i]! - min) / scale) % 65_536]!++] = i;
    }
    const t = order;
    order = next;
    next = t;
  }
  return order;
}

/** The digits of a 'YYYY-MM-DD[THH:mm:ss]' string of length `shape` as one integer; -1 for any other string. */
function digitKey(s: string, shape: number): number {
  if (s.length !== shape) return -1;
  let v = 0;
  for (let i = 0; i < shape; i++) {
    const c = s.charCodeAt(i);
    if (i === 4 || i === 7) {
      if (c !== 45) return -1; // '-'
    } else if (i === 10) {
      if (c !== 84) return -1; // 'T'
    } else if (i === 13 || i === 16) {
      if (c !== 58) return -1; // ':'
    } else if (c >= 48 && c <= 57) v = v * 10 + (c - 48);
    else return -1;
  }
  return v;
}

type SortableMatch = Match & { cashierIds?: string[] };

/**
 * `ms.sort(withinBasis)` (by first transaction, line and cashier id): a run already in order is
 * returned as it is; any other is ordered by its first transaction ids with the id order of
 * id-order.ts (a stable sort on integers made of the ids' first characters), and each run of
 * equal first transaction ids then by the comparator, which is the same stable order.
 */
export function sortWithinBasis<M extends SortableMatch>(ms: M[], withinBasis: (a: M, b: M) => number, keyed?: { ids: KeyedIds; at: Int32Array }): M[] {
  // already in order (cashier matches come sorted by transaction): a stable sort changes nothing
  let i = 1;
  while (i < ms.length && withinBasis(ms[i - 1]!, ms[i]!) <= 0) i++;
  if (i === ms.length) return ms;
  const n = ms.length;
  // `keyed`: the first transaction ids already written (ids.ids[at[k]] is ms[k]'s), where the
  // caller had them at hand; else written here
  let ids: KeyedIds;
  let at: Int32Array;
  if (keyed) ({ ids, at } = keyed);
  else {
    ids = keyedIds(n);
    at = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      writeId(ids, k, ms[k]!.transactionIds[0] ?? '');
      at[k] = k;
    }
  }
  // positions in `ids` → positions in ms
  const back = new Int32Array(ids.ids.length);
  for (let k = 0; k < n; k++) back[at[k]!] = k;
  const order = orderByIds(ids, at);
  const out: M[] = new Array<M>(n);
  for (let k = 0; k < n; k++) out[k] = ms[back[order[k]!]!]!;
  // runs of equal first ids, read from `ids` (written as transactionIds[0] ?? ''): no match object read
  const firstIds = ids.ids;
  for (let start = 0; start < n; ) {
    const first = firstIds[order[start]!]!;
    let end = start + 1;
    while (end < n && firstIds[order[end]!] === first) end++;
    if (end - start > 1) {
      const run = out.slice(start, end).sort(withinBasis);
      for (let k = start; k < end; k++) out[k] = run[k - start]!;
    }
    start = end;
  }
  return out;
}
