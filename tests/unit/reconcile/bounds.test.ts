// bounds.ts firstAtLeast: the binary search every sorted lookup of the reconcile core goes through.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstAtLeast } from '../../../lib/reconcile/bounds';

describe('firstAtLeast', () => {
  it('= the first index a linear scan finds (sorted values with repeats, bounds below, among and above them)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 40 }), fc.integer({ min: -7, max: 7 }), (xs, v) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const scan = (holds: (x: number) => boolean) => {
          const i = sorted.findIndex(holds);
          return i < 0 ? sorted.length : i;
        };
        expect(firstAtLeast(sorted.length, (i) => sorted[i]! >= v)).toBe(scan((x) => x >= v));
        expect(firstAtLeast(sorted.length, (i) => sorted[i]! > v)).toBe(scan((x) => x > v));
      }),
      { numRuns: 500 },
    );
  });
  it('0 for an empty range, count when the condition never holds', () => {
    expect(firstAtLeast(0, () => true)).toBe(0);
    expect(firstAtLeast(5, () => false)).toBe(5);
    expect(firstAtLeast(5, () => true)).toBe(0);
  });
});
