// The binary search of the reconcile core, written once: the first position from which a
// condition holds, over something sorted so that it fails up to some position and holds from
// there on (a sorted column's first value ≥ x, a list's first amount > x).

/**
 * The first i in [0, count) for which `reached(i)` holds, or `count` when it never does;
 * `reached` must be false up to some index and true from there on.
 */
export function firstAtLeast(count: number, reached: (i: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
