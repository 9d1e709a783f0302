// Walks the shared real-world corpus (/work/shared/corpus: README.md, MANIFEST.tsv) and checks each
// file against what its source project asserts, restated per format in
// `corpus/<format>.expected.ts` (each exports a CorpusExpectation[]; see corpus/types.ts). The walker
// loads every *.expected.ts in that folder by itself, so format owners never edit this file.
// Files are read in place through the real entry point (parseStatement: decode, sniff, parse).
//
// Where the corpus is: ../shared/corpus relative to the project root (CI), found from this file.
// When it is absent the suite says so; it fails only on CI (CI=true), where the corpus must exist.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseStatementSync } from '../../../lib/statements/index';
import type { StatementParseResult } from '../../../lib/model';
import type { CorpusExpectation } from './corpus/types';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const MANIFEST = path.join(CORPUS, 'MANIFEST.tsv');
const haveCorpus = existsSync(MANIFEST);
const onCi = process.env.CI === 'true';

async function loadExpectations(): Promise<CorpusExpectation[]> {
  const dir = path.join(__dirname, 'corpus');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.expected.ts'))
    .sort();
  const all: CorpusExpectation[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (Array.isArray(value)) all.push(...(value as CorpusExpectation[]));
    }
  }
  return all;
}

const EXPECTATIONS = await loadExpectations();

function manifestFiles(): string[] {
  return readFileSync(MANIFEST, 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t')[0] ?? '')
    .filter((p) => p !== '');
}

function parseCorpusFile(rel: string): StatementParseResult {
  const bytes = new Uint8Array(readFileSync(path.join(CORPUS, rel)));
  return parseStatementSync({ name: path.basename(rel), bytes });
}

/** The expectation as {field: expected} and what the parse gave as {field: actual}, for one toEqual. */
function compare(r: StatementParseResult, x: CorpusExpectation['expect']): { want: Record<string, unknown>; got: Record<string, unknown> } {
  const want: Record<string, unknown> = {};
  const got: Record<string, unknown> = {};
  const check = (k: string, expected: unknown, actual: unknown) => {
    if (expected === undefined) return;
    want[k] = expected;
    got[k] = actual;
  };
  check('format', x.format, r.format);
  check('lines', x.lines, r.lines.length);
  check('transactions', x.transactions, r.transactions?.length ?? 0);
  check('accounts', x.accounts, r.accounts.length);
  check('firstAmount', x.firstAmount, r.lines[0]?.amount.amount);
  check('firstDate', x.firstDate, r.lines[0]?.bookedOn);
  check('opening', x.opening, r.accounts[0]?.openingBalance?.amount);
  check('closing', x.closing, r.accounts[0]?.closingBalance?.amount);
  check('accountId', x.accountId, r.accounts[0]?.accountId);
  check('currency', x.currency, r.accounts[0]?.currency);
  check(
    'errors',
    x.errors,
    r.issues.some((i) => i.level === 'error'),
  );
  for (const [n, c] of (x.contains ?? []).entries()) {
    const hit = r.lines.some((l) => l.bookedOn === c.date && l.amount.amount === c.amount && (c.currency === undefined || l.amount.currency === c.currency));
    check(`contains[${n}] ${c.date} ${c.amount}${c.currency ? ` ${c.currency}` : ''}`, true, hit);
  }
  return { want, got };
}

const readAsExpected = new Set<string>();

describe('shared corpus', () => {
  if (!haveCorpus) {
    const message = `corpus not found at ${CORPUS} — the corpus checks did not run`;
    console.warn(`[corpus.test] ${message}${onCi ? '' : ' (skipped locally; this fails on CI)'}`);
    it.runIf(onCi)('finds the shared corpus (required on CI)', () => {
      expect.fail(message);
    });
    it.skipIf(onCi)(`skipped: ${message}`, () => {});
    return;
  }

  it('every expectation names a file of the manifest, once', () => {
    const manifest = new Set(manifestFiles());
    const names = EXPECTATIONS.map((e) => e.file);
    expect(names.filter((n) => !manifest.has(n))).toEqual([]);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  for (const e of EXPECTATIONS) {
    const label = `${e.file}${e.pending ? ' (pending)' : ''}`;
    if (e.pending) {
      // A known gap must still be a gap: when the file starts to read as expected, this fails so
      // that `pending` gets removed (corpus/types.ts).
      it(label, () => {
        const { want, got } = compare(parseCorpusFile(e.file), e.expect);
        expect(got, `${e.file} now reads as expected — remove its "pending" (${e.pending})`).not.toEqual(want);
      });
      continue;
    }
    it(label, () => {
      const r = parseCorpusFile(e.file);
      const { want, got } = compare(r, e.expect);
      const why = [e.expect.note, e.expect.peer && `peer: ${e.expect.peer}`].filter(Boolean).join(' | ');
      expect(got, `${e.file}${why ? ` — ${why}` : ''}\nissues: ${JSON.stringify(r.issues.slice(0, 5))}`).toEqual(want);
      readAsExpected.add(e.file);
    });
  }

  // The twins of WeChat's bill (CSV 2019, XLSX 2025) must give identical lines: double-entry-generator
  // diffs both against one expected output (corpus README, "WeChat xlsx variants").
  it('WeChat CSV and XLSX twins give the same lines', () => {
    const key = (r: StatementParseResult) =>
      r.lines.map((l) => [l.bookedOn, l.amount.amount, l.amount.currency, l.description, l.counterparty ?? '', l.reference ?? ''].join('|'));
    const csv = parseCorpusFile('wechat/deg_wechat_2019_csv_16line_preamble.csv');
    const xlsx = parseCorpusFile('wechat/deg_wechat_2025_new_format.xlsx');
    expect(key(xlsx)).toEqual(key(csv));
    expect(xlsx.lines.map((l) => l.id)).toEqual(csv.lines.map((l) => l.id));
  });

  afterAll(() => {
    const all = manifestFiles();
    const expected = new Set(EXPECTATIONS.map((e) => e.file));
    const unchecked = all.filter((f) => !expected.has(f));
    const pending = EXPECTATIONS.filter((e) => e.pending).map((e) => e.file);
    console.log(
      `[corpus.test] ${readAsExpected.size} of ${all.length} corpus files read as their projects expect` +
        ` (${pending.length} pending, ${unchecked.length} without expectations yet${unchecked.length ? `: ${[...new Set(unchecked.map((f) => f.split('/')[0]))].join(', ')}` : ''})`,
    );
  });
});
