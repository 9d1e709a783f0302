// cleanCell returns a cell as it is when cleansToItself says cleaning cannot change it (plain
// values and words between single spaces, the common case), else applies its full rule
// (cleanCellText). The fast answer against the rule: cleansToItself(s) ⇒ cleanCellText(s) === s,
// on any text built from the characters that matter, and cleanCell = cleanCellText everywhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanCell, cleanCellText, cleansToItself, needsCleaning } from '../../../lib/statements/support/cells';

// every character cleanCell's rule treats specially, and some it does not
const chars = fc.constantFrom(
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\v',
  '\f',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
  '=',
  '"',
  '`',
  "'",
  'a',
  'Z',
  '1',
  '.',
  '-',
  ',',
  '消',
  '费',
  '\u200b',
  '\u3001',
  '\uff08',
);
const text = fc.array(chars, { maxLength: 12 }).map((a) => a.join(''));

describe('cleansToItself', () => {
  it('is only true when cleanCell’s full rule leaves the text as it is', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 12 })), (s) => {
        if (cleansToItself(s)) expect(cleanCellText(s)).toBe(s);
        if (!needsCleaning(s)) expect(cleansToItself(s)).toBe(true);
        expect(cleanCell(s)).toBe(cleanCellText(s));
      }),
      { numRuns: 5000 },
    );
  });

  const cases: { description: string; input: string; expected: boolean }[] = [
    { description: 'a plain value', input: '12.50', expected: true },
    { description: 'words between single spaces', input: 'POS 消费 上海', expected: true },
    { description: 'empty', input: '', expected: true },
    { description: 'a quote or equals sign inside', input: "O'Brien=1", expected: true },
    { description: 'two spaces', input: 'POS  消费', expected: false },
    { description: 'a leading space', input: ' 12.50', expected: false },
    { description: 'a trailing space', input: '12.50 ', expected: false },
    { description: 'a TAB', input: 'a\tb', expected: false },
    { description: 'an ideographic space', input: '收入\u3000', expected: false },
    { description: 'a no-break space inside', input: '1\u00a0234', expected: false },
    { description: 'an Excel formula wrapper', input: '="0012"', expected: false },
    { description: 'a backtick', input: '`2024', expected: false },
    { description: 'a leading quote', input: "'12'", expected: false },
  ];
  for (const { description, input, expected } of cases) {
    it(description, () => {
      expect(cleansToItself(input)).toBe(expected);
      if (expected) expect(cleanCellText(input)).toBe(input);
    });
  }
});
