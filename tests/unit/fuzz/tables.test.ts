// The table readers' fuzz properties (tests/fuzz/table-properties.ts), a short run per reader
// inside `npm test`; `npm run fuzz` runs the same properties 100,000 times each.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { TABLE_TARGETS, tableProperty } from '../../fuzz/table-properties';
import { fuzzRuns, fuzzSeed } from '../../fuzz/limits';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('table readers under fuzz', () => {
  it.each(TABLE_TARGETS)('%s: any page is read without an exception, rows aligned with their headers', (target) => {
    fc.assert(tableProperty(target, parse), { numRuns: fuzzRuns(100), seed: fuzzSeed() });
  });
});
