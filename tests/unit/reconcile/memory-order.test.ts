// indicesWhere (lib/reconcile/memory-order.ts): a filter over the time-sorted rows that reads
// them in memory order must give what filtering them in their sorted order gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identityOrder, indicesWhere } from '../../../lib/reconcile/memory-order';

describe('indicesWhere', () => {
  it('= the indices a filter in sorted order keeps, whatever the memory order, decoys ignored (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 1000 }),
        (values, cut, seed) => {
          const sorted = values.map((v, i) => ({ v, i }));
          const expected = sorted.filter((r) => r.v >= cut).map((r) => r.i);
          expect(indicesWhere(identityOrder(sorted), sorted.length, (r) => r.v >= cut)).toEqual(expected);
          // the same rows shuffled, each with its sorted index, and decoys (index −1) that would pass
          const order = sorted.map((_, i) => i);
          for (let i = order.length - 1, s = seed; i > 0; i--) {
            s = (s * 1103515245 + 12345) % 2147483648;
            const j = s % (i + 1);
            [order[i], order[j]] = [order[j]!, order[i]!];
          }
          const rows = [...order.map((i) => sorted[i]!), { v: 9, i: -1 }];
          const at = Int32Array.from([...order, -1]);
          expect(indicesWhere({ rows, at }, sorted.length, (r, index) => r.v >= cut && r.i === index)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
