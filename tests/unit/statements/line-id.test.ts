import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Hash64, OccurrenceCounter, hash64, stableId } from '../../../lib/ids';
import { StatementLineIds } from '../../../lib/statements/line-id';

/** The id rule of DESIGN.md §3 written out plainly: what StatementLineIds must keep giving. */
function referenceIds(
  parts: { accountId?: string; bookedOn: string; amount: { amount: string; currency: string }; reference?: string; description: string }[],
): string[] {
  const counter = new OccurrenceCounter();
  return parts.map((p) => {
    const key = [p.accountId ?? '', p.bookedOn, p.amount.amount, p.amount.currency, p.reference ?? p.description];
    return stableId('sl', [...key, counter.next(key.join('\u001f'))]);
  });
}

describe('StatementLineIds', () => {
  const cases = [
    {
      description: 'two identical coffees stay two lines',
      input: [
        { bookedOn: '2024-03-05', amount: { amount: '-3.50', currency: 'EUR' }, description: 'Coffee' },
        { bookedOn: '2024-03-05', amount: { amount: '-3.50', currency: 'EUR' }, description: 'Coffee' },
      ],
    },
    {
      description: 'reference wins over description; account is part of the key',
      input: [
        { accountId: 'NL91', bookedOn: '2024-03-05', amount: { amount: '10.00', currency: 'EUR' }, reference: 'R1', description: 'a' },
        { accountId: 'NL91', bookedOn: '2024-03-05', amount: { amount: '10.00', currency: 'EUR' }, reference: 'R1', description: 'b' },
        { accountId: 'NL92', bookedOn: '2024-03-05', amount: { amount: '10.00', currency: 'EUR' }, reference: 'R1', description: 'a' },
        { bookedOn: '2024-03-05', amount: { amount: '10.00', currency: 'EUR' }, reference: 'R1', description: 'a' },
      ],
    },
    {
      description: 'a separator inside a part is escaped, and counted apart from keys without one',
      input: [
        { bookedOn: '2024-03-05', amount: { amount: '1.00', currency: 'CNY' }, description: 'a\u001fb' },
        { bookedOn: '2024-03-05', amount: { amount: '1.00', currency: 'CNY' }, description: 'a\u001fb' },
        { bookedOn: '2024-03-05', amount: { amount: '1.00', currency: 'CNY' }, description: 'a b' },
        { accountId: 'x\u001f2024-03-05', bookedOn: '1.00', amount: { amount: 'CNY', currency: 'a' }, description: 'b' },
      ],
    },
    {
      description: 'Chinese text and empty parts',
      input: [
        { bookedOn: '2024-03-05', amount: { amount: '-12.00', currency: 'CNY' }, description: '' },
        { bookedOn: '2024-03-05', amount: { amount: '-12.00', currency: 'CNY' }, description: '消费 商户1' },
        { bookedOn: '2024-03-05', amount: { amount: '-12.00', currency: 'CNY' }, description: '' },
      ],
    },
  ];
  for (const { description, input } of cases) {
    it(description, () => {
      const ids = new StatementLineIds();
      const got = input.map((p) => ids.next(p));
      expect(got).toEqual(referenceIds(input));
      // (not asserted for the separator case: stableId turns 'a\u001fb' into 'a b', so those two share ids)
      if (!JSON.stringify(input).includes('\\u001f')) expect(new Set(got).size).toBe(got.length);
    });
  }

  it('gives the reference ids over many generated lines with repeats', () => {
    const input = Array.from({ length: 5000 }, (_, i) => ({
      bookedOn: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
      amount: { amount: `${i % 37}.00`, currency: 'CNY' },
      description: `d${i % 11}`,
    }));
    const ids = new StatementLineIds();
    expect(input.map((p) => ids.next(p))).toEqual(referenceIds(input));
    // sized up front (the CSV reader passes its row count), or sized too small: the same ids
    for (const expected of [5000, 3]) {
      const sized = new StatementLineIds(expected);
      expect(input.map((p) => sized.next(p))).toEqual(referenceIds(input));
    }
  });
});

describe('StatementLineIds against the plain rule (property)', () => {
  // Few distinct values per part, so keys repeat and occurrences above 9 happen; any text, so
  // separators, astral characters and empty parts are covered too.
  const part = (values: string[]) => fc.oneof(fc.constantFrom(...values), fc.string({ unit: 'grapheme', maxLength: 6 }));
  const lineParts = fc.record(
    {
      accountId: part(['', 'NL91', '6217']),
      bookedOn: part(['2024-03-05', '2024-03-06']),
      amount: fc.record({ amount: part(['-3.50', '10.00', '0.00']), currency: part(['CNY', 'EUR']) }),
      reference: part(['R1', 'R2']),
      description: part(['Coffee', '消费', '']),
    },
    { requiredKeys: ['bookedOn', 'amount', 'description'] },
  );
  it('gives stableId of the key and its occurrence, line by line', () => {
    fc.assert(
      fc.property(fc.array(lineParts, { maxLength: 60 }), (input) => {
        const ids = new StatementLineIds();
        expect(input.map((p) => ids.next(p))).toEqual(referenceIds(input));
      }),
      { numRuns: 300 },
    );
  });
  it('counts past ten repeats of one key', () => {
    const input = Array.from({ length: 25 }, () => ({ bookedOn: '2024-03-05', amount: { amount: '-3.50', currency: 'EUR' }, description: 'Coffee' }));
    const ids = new StatementLineIds();
    expect(input.map((p) => ids.next(p))).toEqual(referenceIds(input));
  });
});

describe('Hash64', () => {
  it('hashes a text given in pieces as hash64 hashes it whole', () => {
    for (const pieces of [[], [''], ['abc'], ['a', 'bc'], ['交易', '\u001f', '2024-03-05', '\u001f', '-12.00']]) {
      expect(new Hash64().update(pieces.join('')).digest()).toBe(hash64(pieces.join('')));
      expect(pieces.reduce((h, p) => h.update(p), new Hash64()).digest()).toBe(hash64(pieces.join('')));
    }
  });
});
