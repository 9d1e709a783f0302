// Statement parsing throughput (`npm run bench` = vitest bench --run). Files are generated
// (statements-data.ts), never committed: a 100,000-line bank CSV, a 20,000-transaction OFX and a 20,000-transaction
// MT940. parseStatement (decode + sniff + parse into StatementLines with ids and issues) is set
// against the bare tokenisers doing less work on the same bytes: papaparse (the CSV splitter our
// reader uses; target: parseStatement ≤ 2× its time), ofx-js (SGML→object, raw strings) and
// mt940js (statements with numeric amounts). Benchmarks measure; they assert nothing.
import { bench, describe } from 'vitest';
import Papa from 'papaparse';
import { parseSync as ofxParse } from 'ofx-js';
import { Parser as Mt940Parser } from 'mt940js';
import { parseStatementSync } from '../../lib/statements/index';
import { bankCsv, mt940, ofx } from './statements-data';

const enc = new TextEncoder();

const csvText = bankCsv(100_000);
const csvBytes = enc.encode(csvText);
const ofxText = ofx(20_000);
const ofxBytes = enc.encode(ofxText);
const mt940Text = mt940(20_000);
const mt940Bytes = enc.encode(mt940Text);
const mb = (b: Uint8Array) => (b.length / 1_048_576).toFixed(1);
console.log(`[bench] bank CSV 100,000 lines ${mb(csvBytes)} MB · OFX 20,000 txns ${mb(ofxBytes)} MB · MT940 20,000 txns ${mb(mt940Bytes)} MB`);

// one untimed run each, so a reader that silently reads nothing cannot look fast
for (const [name, bytes, want] of [
  ['bank.csv', csvBytes, 100_000],
  ['bank.ofx', ofxBytes, 20_000],
  ['bank.sta', mt940Bytes, 20_000],
] as const) {
  const r = parseStatementSync({ name, bytes });
  console.log(`[bench] ${name}: format ${r.format}, ${r.lines.length} lines (want ${want}), ${r.issues.filter((i) => i.level === 'error').length} errors`);
}

const opts = { time: 3000, iterations: 3, warmupIterations: 1 };

describe('bank CSV, 100,000 lines', () => {
  bench(
    'parseStatement (decode, sniff, read, ids)',
    () => {
      parseStatementSync({ name: 'bank.csv', bytes: csvBytes });
    },
    opts,
  );
  bench(
    'papaparse alone (decode + split)',
    () => {
      Papa.parse<string[]>(new TextDecoder().decode(csvBytes), { skipEmptyLines: false });
    },
    opts,
  );
});

describe('OFX, 20,000 transactions', () => {
  bench(
    'parseStatement',
    () => {
      parseStatementSync({ name: 'bank.ofx', bytes: ofxBytes });
    },
    opts,
  );
  bench(
    'ofx-js parseSync (raw strings)',
    () => {
      ofxParse(new TextDecoder().decode(ofxBytes));
    },
    opts,
  );
});

describe('MT940, 20,000 transactions', () => {
  bench(
    'parseStatement',
    () => {
      parseStatementSync({ name: 'bank.sta', bytes: mt940Bytes });
    },
    opts,
  );
  bench(
    'mt940js Parser',
    () => {
      new Mt940Parser().parse(new TextDecoder().decode(mt940Bytes));
    },
    opts,
  );
});
