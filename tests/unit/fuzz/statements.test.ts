// The statement parsers' fuzz properties (tests/fuzz/statement-properties.ts), a short run per
// format inside `npm test`; `npm run fuzz` runs the same properties 100,000 times each.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATEMENT_TARGETS, checkResult, checkStatementCase, statementProperty } from '../../fuzz/statement-properties';
import { fuzzRuns, fuzzSeed } from '../../fuzz/limits';

describe('statement parsers under fuzz', () => {
  it.each(STATEMENT_TARGETS)('%s: any input gives a result with issues, never an exception', (target) => {
    fc.assert(statementProperty(target), { numRuns: fuzzRuns(), seed: fuzzSeed() });
  });

  it('the checks fail on what breaks the result contract', () => {
    const line = { id: 'a', bookedOn: '2024-01-02', amount: { amount: '1.00', currency: 'CNY' }, description: '', source: { file: 'f', line: 2 } };
    const result = { format: 'csv', encoding: 'utf-8', accounts: [], kind: 'bank' as const, lines: [line], issues: [] };
    expect(() => checkResult(result)).not.toThrow();
    expect(() => checkResult({ ...result, lines: [{ ...line, amount: { amount: 'NaN', currency: 'CNY' } }] })).toThrow(/plain decimal/);
    expect(() => checkResult({ ...result, lines: [{ ...line, bookedOn: '2024-02-30' }] })).toThrow(/calendar date/);
    expect(() => checkResult({ ...result, lines: [line, line] })).toThrow(/two lines/);
    expect(() => checkResult({ ...result, issues: [{ level: 'fatal', code: 'x', message: '' } as never] })).toThrow(/malformed issue/);
    expect(() => checkStatementCase('pipeline', { name: 'x.csv', bytes: new Uint8Array(300 * 1024), options: {}, origin: 'test' })).toThrow(
      /generator must stay/,
    );
  });
});
