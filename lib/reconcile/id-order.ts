// Positions ordered by ids, fast: the order of a comparator sort over the id strings, with most of
// the work done on small integers. An id's first characters make three integers that never fall
// as the id rises; a radix sort of integers needs no comparator call per comparison, and only ids
// whose first KEYS × KEY_CHARS characters are equal are compared as strings. The integers are
// read by the caller where it reads the id anyway (setIdKeys), while the string is at hand.

/** Characters one key holds, 7 bits each (28 bits: an integer, split by bit operations). */
const KEY_CHARS = 4;
const KEYS = 3;

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ids by position, and their keys: keys[KEYS × position + part]. */
export interface KeyedIds {
  ids: string[];
  keys: Int32Array;
}

/** Room for n ids and their keys (writeId fills them). */
export function keyedIds(n: number): KeyedIds {
  return { ids: new Array<string>(n), keys: new Int32Array(KEYS * n) };
}

/** `ids` (copied) with their keys. */
export function keyAll(ids: readonly string[]): KeyedIds {
  const x = { ids: ids.slice(), keys: new Int32Array(KEYS * ids.length) };
  for (let i = 0; i < ids.length; i++) writeKeys(x, i, ids[i]!);
  return x;
}

/** ids[at] = id, and its keys. */
export function writeId(x: KeyedIds, at: number, id: string): void {
  x.ids[at] = id;
  writeKeys(x, at, id);
}

/**
 * The keys of ids[at], which is `id`: characters [4p, 4p + 4) make key p, 7 bits each — a UTF-16 unit u
 * below 126 is u + 1, a character past the end 0, and any other unit 127 with every digit after
 * it 0 (units it stands for differ, so what follows them must not decide). So s < t ⇒ the keys
 * of s are, compared in turn, at most those of t; equal keys say nothing.
 */
function writeKeys(x: KeyedIds, at: number, id: string): void {
  const end = Math.min(id.length, KEYS * KEY_CHARS);
  let stop = end;
  for (let c = 0; c < end; c++)
    if (id.charCodeAt(c) >= 126) {
      stop = c;
      break;
    }
  for (let p = 0; p < KEYS; p++) {
    let key = 0;
    for (let c = p * KEY_CHARS; c < (p + 1) * KEY_CHARS; c++) key = (key << 7) | (c < stop ? id.charCodeAt(c) + 1 : c === stop && stop < end ? 127 : 0);
    x.keys[KEYS * at + p] = key;
  }
}

/** ids[a] vs ids[b] in string order, from the keys where they differ. */
export function cmpKeyed(x: KeyedIds, a: number, b: number): number {
  for (let p = 0; p < KEYS; p++) {
    const d = x.keys[KEYS * a + p]! - x.keys[KEYS * b + p]!;
    if (d !== 0) return d;
  }
  return cmp(x.ids[a]!, x.ids[b]!);
}

/**
 * `Array.from(at).sort((a, b) => cmp(ids[a], ids[b]))`, as an Int32Array: the positions `at` by
 * their ids, equal ids in their order in `at` (a stable sort). Ordered by the keys (stable radix
 * sorts, the last key first), then each run of equal keys by the ids themselves.
 */
export function orderByIds(x: KeyedIds, at: Int32Array): Int32Array {
  const n = at.length;
  let out: Int32Array = at.slice();
  const key = new Uint32Array(x.ids.length);
  for (let p = KEYS - 1; p >= 0; p--) {
    for (let k = 0; k < n; k++) key[at[k]!] = x.keys[KEYS * at[k]! + p]!;
    out = sortByUint32(out, key);
  }
  // runs of equal keys: by the ids themselves (stable), where not in order already
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && sameKeys(x.keys, out[start]!, out[end]!)) end++;
    if (end - start > 1) {
      let inOrder = true;
      for (let k = start + 1; k < end && inOrder; k++) inOrder = x.ids[out[k - 1]!]! <= x.ids[out[k]!]!;
      if (!inOrder)
        out.set(
          Array.from(out.subarray(start, end)).sort((a, b) => cmp(x.ids[a]!, x.ids[b]!)),
          start,
        );
    }
    start = end;
  }
  return out;
}

function sameKeys(keys: Int32Array, a: number, b: number): boolean {
  for (let p = 0; p < KEYS; p++) if (keys[KEYS * a + p] !== keys[KEYS * b + p]) return false;
  return true;
}

/** A 32-bit FNV-1a hash of the id's UTF-16 units (sharedIds' buckets). */
export function idHash(id: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * Whether the id of some `marked` position is also the id of another position: `new Set` of the
 * marked ids, then a lookup of every other id, without a Set of strings (at 100k ids one cost
 * 20-60 ms): positions are chained per bucket of their idHash in typed arrays, and only ids of
 * equal hash are compared as strings.
 */
export function markedIdShared(ids: readonly string[], hash: Int32Array, marked: Uint8Array): boolean {
  const n = ids.length;
  let bits = 4;
  while (1 << bits < 2 * n) bits++;
  const mask = (1 << bits) - 1;
  const head = new Int32Array(mask + 1).fill(-1);
  const next = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const h = hash[i]!;
    const b = (h ^ (h >>> bits)) & mask;
    for (let j = head[b]!; j >= 0; j = next[j]!) if ((marked[i] === 1 || marked[j] === 1) && hash[j] === h && ids[j] === ids[i]) return true;
    next[i] = head[b]!;
    head[b] = i;
  }
  return false;
}

/**
 * Positions by string, found by hash: each non-empty string of `strings` chained in the bucket
 * of its idHash (`hash`, by position), in typed arrays — a lookup table without a Map of strings.
 * A bucket's chain lists its positions rising.
 */
export interface StringIndex {
  strings: readonly string[];
  hash: Int32Array;
  head: Int32Array;
  next: Int32Array;
  bits: number;
}

export function stringIndex(strings: readonly string[], hash: Int32Array): StringIndex {
  const n = strings.length;
  let bits = 4;
  while (1 << bits < 2 * n) bits++;
  const mask = (1 << bits) - 1;
  const head = new Int32Array(mask + 1).fill(-1);
  const next = new Int32Array(n).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    if (strings[i] === '') continue;
    const h = hash[i]!;
    const b = (h ^ (h >>> bits)) & mask;
    next[i] = head[b]!;
    head[b] = i;
  }
  return { strings, hash, head, next, bits };
}

/** The first position of `s` in the index from position `from` of its bucket's chain on (−1: none); `h` = idHash(s). */
export function nextWith(x: StringIndex, s: string, h: number, from: number): number {
  for (let j = from; j >= 0; j = x.next[j]!) if (x.hash[j] === h && x.strings[j] === s) return j;
  return -1;
}

/** Where `s`'s chain starts (for nextWith); `h` = idHash(s). */
export function chainOf(x: StringIndex, h: number): number {
  return x.head[(h ^ (h >>> x.bits)) & ((1 << x.bits) - 1)]!;
}

/**
 * `order` (positions) stably sorted by key[position]: an LSD radix sort of unsigned 32-bit keys,
 * each digit two bit operations: one pass of 16 bits when every key is below 2^16, else two, of
 * 14 bits while keys are below 2^28 (ids' keys: smaller count tables), of 16 beyond.
 */
export function sortByUint32(order: Int32Array, key: Uint32Array): Int32Array {
  const n = order.length;
  let max = 0;
  for (let k = 0; k < n; k++) if (key[order[k]!]! > max) max = key[order[k]!]!;
  const bits = max < 2 ** 16 ? 16 : max < 2 ** 28 ? 14 : 16;
  const mask = (1 << bits) - 1;
  let from: Int32Array = order;
  let to: Int32Array = new Int32Array(n);
  const counts = new Int32Array(mask + 2);
  for (let shift = 0; shift < 32 && (shift === 0 || max >>> shift > 0); shift += bits) {
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[((key[from[k]!]! >>> shift) & mask) + 1]!++;
    for (let d = 1; d <= mask + 1; d++) counts[d]! += counts[d - 1]!;
    for (let k = 0; k < n; k++) {
      const i = from[k]!;
      to[counts[(key[i]! >>> shift) & mask]!++] = i;
    }
    const t = from === order ? new Int32Array(n) : from;
    from = to;
    to = t;
  }
  return from === order ? order.slice() : from;
}
