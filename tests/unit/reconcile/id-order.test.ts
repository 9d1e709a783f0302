// orderByIds (id-order.ts) orders positions by their ids with integer keys and radix sorts; it
// must give the comparator sort's order for any strings: equal ids, ids that are prefixes of
// others, ids differing only after the keyed characters, and units the keys cannot hold (≥ 126,
// surrogates), after which the keys must not decide.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainOf, idHash, keyAll, keyedIds, markedIdShared, nextWith, orderByIds, sortByUint32, stringIndex, writeId } from '../../../lib/reconcile/id-order';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('orderByIds = the comparator sort of the ids (stable)', () => {
  const id = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 14 }),
    fc.constantFrom('P0001', 'P00012345678901', 'P00012345678902', 'R0001', 'é', 'éa', 'éb', '\u0000', '', '~', '~a', '\u007f', '\u007d', 'pt:0a1b'),
  );
  it('on generated ids (property)', () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 60 }), fc.integer({ min: 0, max: 59 }), (ids, skip) => {
        // both ways of keying them
        const x = skip % 2 === 0 ? keyAll(ids) : keyedIds(ids.length);
        if (skip % 2 === 1) ids.forEach((s, i) => writeId(x, i, s));
        // some positions, in reverse: equal ids keep their order in `at`
        const at = Int32Array.from(ids.keys())
          .filter((i) => i !== skip)
          .reverse();
        expect(Array.from(orderByIds(x, at))).toEqual(Array.from(at).sort((a, b) => cmp(ids[a]!, ids[b]!)));
      }),
      { numRuns: 2000 },
    );
  });
  it('ids that differ only after the first twelve characters, and a unit the keys cannot hold early', () => {
    const ids = ['ORDER-2026-03-02-0002', 'ORDER-2026-03-02-0001', '\u00e9z', '\u00e9a', 'ORDER-2026-03-02-0001'];
    const x = keyAll(ids);
    expect(Array.from(orderByIds(x, Int32Array.of(0, 1, 2, 3, 4)))).toEqual([1, 4, 0, 3, 2]);
  });
});

describe('sortByUint32 = a stable sort by the key', () => {
  it('on generated keys of every size (property); the input order is left as it was', () => {
    fc.assert(
      // below 2^16 (one pass), below 2^28 (two of 14 bits), any (two of 16)
      fc.property(fc.array(fc.nat({ max: 2 ** 32 - 1 }), { maxLength: 80 }), fc.constantFrom(5, 2 ** 16, 2 ** 20, 2 ** 28, 2 ** 32), (ks, below) => {
        const key = Uint32Array.from(ks, (k) => k % below);
        const order = Int32Array.from(ks.keys()).reverse();
        const before = order.slice();
        expect(Array.from(sortByUint32(order, key))).toEqual(Array.from(order).sort((a, b) => key[a]! - key[b]! || b - a));
        expect(order).toEqual(before);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('markedIdShared = a Set of the marked ids, then a lookup of the others', () => {
  it('on generated ids with repeats (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'pt:01', 'pt:02', '', 'é'), fc.boolean()), { maxLength: 40 }), (xs) => {
        const ids = xs.map(([id]) => id);
        const marked = Uint8Array.from(xs, ([, m]) => (m ? 1 : 0));
        // the reference: a marked id seen twice among the marked, or once more anywhere
        const seen = new Map<string, number>();
        for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
        const expected = ids.some((id, i) => marked[i] === 1 && seen.get(id)! > 1);
        expect(markedIdShared(ids, Int32Array.from(ids, idHash), marked)).toBe(expected);
        // a hash that puts every id in one bucket decides the same
        expect(markedIdShared(ids, new Int32Array(ids.length), marked)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('stringIndex: the positions of a string, rising', () => {
  it('on generated strings (property), also with every string in one bucket', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('A', 'B', '0A', 'pt:1', ''), { maxLength: 30 }), fc.constantFrom('A', 'B', '0A', 'pt:1', 'C'), (strings, s) => {
        const expected = strings.flatMap((x, i) => (x === s ? [i] : []));
        // idHash, and a hash that puts every string in one bucket
        for (const hashOf of [idHash, () => 0]) {
          const x = stringIndex(strings, Int32Array.from(strings, hashOf));
          const h = hashOf(s);
          const found: number[] = [];
          for (let j = nextWith(x, s, h, chainOf(x, h)); j >= 0; j = nextWith(x, s, h, x.next[j]!)) found.push(j);
          expect(found).toEqual(expected);
        }
      }),
      { numRuns: 500 },
    );
  });
});
