// normaliseHeader (lib/statements/support/bank-headers.ts) returns text that needs no change as it
// is, without its regular expressions: this checks the shortcut against those expressions on
// header-like text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseHeader } from '../../../lib/statements/support/bank-headers';

/** normaliseHeader as it was written before the shortcut. */
const viaRegex = (h: string): string =>
  h
    .replace(/^\uFEFF/, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[\s\u00a0\u3000"'`]/g, '')
    .replace(/[:：]$/, '')
    .toLowerCase();

const headerLike = fc.string({
  unit: fc.constantFrom(
    'a',
    'Z',
    'x',
    '1',
    '-',
    '/',
    '(',
    ')',
    '（',
    '）',
    ':',
    '：',
    ' ',
    '\t',
    '\u00a0',
    '\u3000',
    '\uFEFF',
    '"',
    "'",
    '`',
    '金',
    '额',
    '元',
    'É',
    'é',
    'İ',
    '\u2028',
    '\u0085',
    '\u4e00',
    '\u9fff',
    '\u9fa5',
  ),
  maxLength: 12,
});

describe('normaliseHeader', () => {
  it('gives what its regular expressions give, for header-like and arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(headerLike, fc.string(), fc.string({ unit: 'grapheme' })), (h) => normaliseHeader(h) === viaRegex(h)),
      { numRuns: 5000 },
    );
  });
  it('keeps known shapes', () => {
    for (const h of ['交易日期', '金额(元)', '2024-03-05', 'amount', 'Amount', ' 摘要 ', '币种:', '\uFEFF交易时间'])
      expect(normaliseHeader(h)).toBe(viaRegex(h));
  });
});
