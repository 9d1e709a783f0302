// Rows in the order their objects lie in memory. At 100k rows a walk over rows in time order —
// the order reconcile() sorts them into, scattered in memory — measured 3-5 times a walk over
// the same rows in the order they were made (the input arrays: the storage read or the parser
// made them one after another): each row, and each string and amount object of it, is a cache
// miss in the first case and mostly the next cache line in the second. A pass whose outcome does
// not depend on the order it reads rows in reads them this way.

/**
 * Rows in the order they lie in memory: the caller's input array, whose objects were made in that
 * order (by the storage read or the parser), and for each the index of the same row in the
 * time-sorted array a function works on (−1: not in it, e.g. a row merged into its twin).
 */
export interface InMemoryOrder<T> {
  rows: readonly T[];
  at: Int32Array;
}

/** The sorted array itself as its memory order (index i at position i). */
export function identityOrder<T>(xs: readonly T[]): InMemoryOrder<T> {
  const at = new Int32Array(xs.length);
  for (let i = 0; i < xs.length; i++) at[i] = i;
  return { rows: xs, at };
}

/**
 * The indices, rising, of the rows for which `keep(row, index)` holds, the rows read in memory
 * order: a rule's filter over the time-sorted rows (most keep a few rows of 100k) without a walk
 * in time order. `count`: how many indices there are.
 */
export function indicesWhere<T>(memory: InMemoryOrder<T>, count: number, keep: (row: T, index: number) => boolean): number[] {
  const hit = new Uint8Array(count);
  let n = 0;
  for (let q = 0; q < memory.rows.length; q++) {
    const i = memory.at[q]!;
    if (i >= 0 && keep(memory.rows[q]!, i)) {
      hit[i] = 1;
      n++;
    }
  }
  const out: number[] = new Array<number>(n);
  for (let i = 0, k = 0; k < n; i++) if (hit[i] === 1) out[k++] = i;
  return out;
}
