// Heap cost of reading the benchmark files (statements-data.ts): parseStatement against the peers of
// statements.bench.ts on the same bytes. Run: node --expose-gc --import tsx tests/bench/statements-memory.ts
// For each reader, from a collected heap: the heap right after the run (result plus garbage not yet
// collected) and after a full GC with the result still held (what the result retains). Third of
// three runs. Measures only; the machine's other work moves the times.
import Papa from 'papaparse';
import { parseSync as ofxParse } from 'ofx-js';
import { Parser as Mt940Parser } from 'mt940js';
import { parseStatementSync } from '../../lib/statements/index';
import { bankCsv, mt940, ofx } from './statements-data';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const enc = new TextEncoder();
const MB = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;

function measure(label: string, run: () => unknown): void {
  for (let i = 0; i < 3; i++) {
    gc!();
    gc!();
    const before = process.memoryUsage().heapUsed;
    const t = performance.now();
    let result: unknown = run();
    const ms = performance.now() - t;
    const held = process.memoryUsage().heapUsed - before; // includes garbage not yet collected
    gc!();
    const retained = process.memoryUsage().heapUsed - before;
    result = null;
    void result;
    if (i === 2)
      console.log(
        `${label.padEnd(36)} ${ms.toFixed(0).padStart(5)} ms   heap after run ${MB(held).padStart(9)}   retained by result ${MB(retained).padStart(9)}`,
      );
  }
}

const files = {
  csv: enc.encode(bankCsv(100_000)),
  ofx: enc.encode(ofx(20_000)),
  mt940: enc.encode(mt940(20_000)),
};
console.log(`bank CSV ${MB(files.csv.length)} · OFX ${MB(files.ofx.length)} · MT940 ${MB(files.mt940.length)}`);
measure('CSV   parseStatement', () => parseStatementSync({ name: 'bank.csv', bytes: files.csv }));
measure('CSV   papaparse', () => Papa.parse<string[]>(new TextDecoder().decode(files.csv), { skipEmptyLines: false }));
measure('OFX   parseStatement', () => parseStatementSync({ name: 'bank.ofx', bytes: files.ofx }));
measure('OFX   ofx-js', () => ofxParse(new TextDecoder().decode(files.ofx)));
measure('MT940 parseStatement', () => parseStatementSync({ name: 'bank.sta', bytes: files.mt940 }));
measure('MT940 mt940js', () => new Mt940Parser().parse(new TextDecoder().decode(files.mt940)));
