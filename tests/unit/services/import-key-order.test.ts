// uniqueInKeyOrder (lib/services/imports.ts): the rows an import writes, one per id with the last
// reading of an id kept, in IndexedDB key order — with its typed-array path for lib/ids.ts ids
// (prefix + lowercase hex) giving exactly what deduplicating and sorting the strings gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniqueInKeyOrder } from '../../../lib/services/imports';

interface Row {
  id: string;
  at: number;
}

/** the reference: one per id (last reading wins), sorted by UTF-16 code units as IndexedDB orders string keys */
function reference(rows: Row[]): Row[] {
  return [...new Map(rows.map((r) => [r.id, r])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
const rowsOf = (ids: string[]): Row[] => ids.map((id, at) => ({ id, at }));

const hex = (alphabet: string, length: number) => fc.string({ unit: fc.constantFrom(...alphabet), minLength: length, maxLength: length });
// few digits, so rows tie on the first eight digits and ids repeat
const narrowId = fc.tuple(hex('0af', 8), hex('09', 8)).map(([a, b]) => `sl:${a}${b}`);
const wideId = hex('0123456789abcdef', 16).map((h) => `sl:${h}`);
const oddId = fc.oneof(fc.string(), fc.constantFrom('sl:', 'sl:0', 'sl:ABCDEF0123456789', 'cr:0123456789abcdef', 'sl:0123456g89abcdef', 'sl:01234567'));

describe('uniqueInKeyOrder', () => {
  it('equals deduplicating, then sorting the ids, for lib/ids.ts ids with ties and repeats', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(narrowId, wideId), { maxLength: 300 }), (ids) => {
        const rows = rowsOf(ids);
        const got = uniqueInKeyOrder(rows);
        const want = reference(rows);
        expect(got.length).toBe(want.length);
        got.forEach((row, i) => expect(row).toBe(want[i]));
      }),
      { numRuns: 300 },
    );
  });

  it('equals it for any other ids too (mixed, upper-case hex, other prefixes, short)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(wideId, oddId), { maxLength: 100 }), (ids) => {
        const rows = rowsOf(ids);
        expect(uniqueInKeyOrder(rows)).toEqual(reference(rows));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the last reading of a repeated id and returns a new array', () => {
    const rows = rowsOf(['sl:00000000000000b0', 'sl:00000000000000a0', 'sl:00000000000000b0', 'sl:ffffffff00000000']);
    const got = uniqueInKeyOrder(rows);
    expect(got).not.toBe(rows);
    expect(got.map((r) => [r.id, r.at])).toEqual([
      ['sl:00000000000000a0', 1],
      ['sl:00000000000000b0', 2],
      ['sl:ffffffff00000000', 3],
    ]);
  });

  it('orders 100,000 hash ids as the string sort does', () => {
    const ids: string[] = [];
    let x = 7;
    for (let i = 0; i < 100_000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const y = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) >>> 0;
      ids.push(`sl:${x.toString(16).padStart(8, '0')}${y.toString(16).padStart(8, '0')}`);
    }
    ids.push(ids[500]!, ids[99_999]!);
    const rows = rowsOf(ids);
    const got = uniqueInKeyOrder(rows);
    const want = reference(rows);
    expect(got.length).toBe(want.length);
    expect(got.every((row, i) => row === want[i])).toBe(true);
  });
});
