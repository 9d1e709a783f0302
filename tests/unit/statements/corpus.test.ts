// Walks the shared real-world corpus (/work/shared/corpus, see its README and MANIFEST.tsv) and
// checks each file against the expectations of its format. Each format owner keeps one
// `corpus/<format>.expected.ts` exporting a CorpusExpectation[]; add it to EXPECTATIONS below.
// Files are read in place (the corpus is not copied into the project).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeBytes } from '../../../lib/statements/decode';
import { STATEMENT_FORMATS } from '../../../lib/statements/registry';
import type { StatementParseResult } from '../../../lib/model';
import type { CorpusExpectation } from './corpus/types';
import { ofxExpected } from './corpus/ofx.expected';
import { qfxExpected } from './corpus/qfx.expected';
import { mt940Expected } from './corpus/mt940.expected';

const EXPECTATIONS: CorpusExpectation[] = [
  ...ofxExpected,
  ...qfxExpected,
  ...mt940Expected,
];

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const haveCorpus = existsSync(path.join(CORPUS, 'MANIFEST.tsv'));
if (!haveCorpus) console.warn(`[corpus.test] shared corpus not found at ${CORPUS}; corpus checks skipped`);

function parseCorpusFile(rel: string): StatementParseResult & { detected: string } {
  const bytes = new Uint8Array(readFileSync(path.join(CORPUS, rel)));
  const file = decodeBytes(path.basename(rel), bytes);
  let best = STATEMENT_FORMATS[0];
  let bestScore = 0;
  for (const f of STATEMENT_FORMATS) {
    const s = f.detect(file);
    if (s > bestScore) {
      best = f;
      bestScore = s;
    }
  }
  if (!best || bestScore === 0) {
    return { format: 'unknown', detected: 'unknown', encoding: file.encoding, accounts: [], kind: 'bank', lines: [], issues: [{ level: 'error', code: 'unknown_format', message: 'no format recognised this file' }] };
  }
  return { ...best.parse(file), detected: best.id };
}

describe.skipIf(!haveCorpus)('shared corpus', () => {
  it('lists only files that exist in the manifest', () => {
    const manifest = new Set(readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1).map((l) => l.split('\t')[0]));
    for (const e of EXPECTATIONS) expect(manifest.has(e.file), e.file).toBe(true);
  });

  it.each(EXPECTATIONS.map((e) => [e.file, e] as const))('%s', (_name, e) => {
    const r = parseCorpusFile(e.file);
    const x = e.expect;
    const got: Record<string, unknown> = {};
    const want: Record<string, unknown> = {};
    const check = (k: string, expected: unknown, actual: unknown) => {
      if (expected === undefined) return;
      want[k] = expected;
      got[k] = actual;
    };
    check('format', x.format, r.detected);
    check('lines', x.lines, r.lines.length);
    check('accounts', x.accounts, r.accounts.length);
    check('firstAmount', x.firstAmount, r.lines[0]?.amount.amount);
    check('firstDate', x.firstDate, r.lines[0]?.bookedOn);
    check('opening', x.opening, r.accounts[0]?.openingBalance?.amount);
    check('closing', x.closing, r.accounts[0]?.closingBalance?.amount);
    check('accountId', x.accountId, r.accounts[0]?.accountId);
    check('currency', x.currency, r.accounts[0]?.currency);
    check('errors', x.errors, r.issues.some((i) => i.level === 'error'));
    expect(got, `${e.file}${x.note ? ` — ${x.note}` : ''}\nissues: ${JSON.stringify(r.issues.slice(0, 5))}`).toEqual(want);
  });
});
