// reconcile() at 10k / 100k / 1M portal rows (+ as many bank lines and cashier records), issue 5
// "Speed": time, ratio to a plain sort of the same records in the same process, and memory
// beyond the inputs. Run:
//   NODE_OPTIONS='--max-old-space-size=4096 --expose-gc' npx tsx tests/bench/reconcile-scale.ts [sizes…]
// e.g. `… reconcile-scale.ts 10000 100000` to skip 1M. Inputs come from the synthetic builder
// (reconcile-input.ts); its build time is printed separately and not counted.
//
// Memory: `inputs` = heap used after a forced GC with the inputs built. `retained` = heap used
// after reconcile() with its result still referenced, after GC, minus that (the result's own
// size). Two upper bounds on what the run needed on top of the inputs, garbage included:
// `heap growth` = V8's committed heap after the run minus before it, and `peak RSS growth` =
// the process's largest resident size during the run (sampled every 5 ms by a worker thread,
// which runs while reconcile() holds the main thread) minus its resident size just before it.
// RSS also counts what is outside V8's heap (typed arrays' buffers, malloc'd memory that is not
// handed back at once).
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { reconcile } from '../../lib/reconcile';
import type { ReconcileInput } from '../../lib/model';
import { buildScaleInput } from './reconcile-input';

const gc = (globalThis as { gc?: () => void }).gc;
const collect = () => {
  if (gc) {
    gc();
    gc();
  }
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The baseline: sort copies of the three inputs by time, as any reconciliation must at least. */
function plainSort(input: ReconcileInput): number {
  const t0 = performance.now();
  const a = [...input.transactions].sort((x, y) => cmp(x.occurredAt, y.occurredAt));
  const b = [...input.statementLines].sort((x, y) => cmp(x.bookedOn, y.bookedOn));
  const c = [...(input.cashier ?? [])].sort((x, y) => cmp(x.occurredAt, y.occurredAt));
  const ms = performance.now() - t0;
  if (a.length + b.length + c.length < 0) console.log('unreachable');
  return ms;
}

interface Row { n: number; rows: string; build: number; sort: number; reconcile: number; findings: number; inputs: number; retained: number; heapGrowth: number; rssGrowth: number }

// the peak RSS sampler: a worker writes the largest RSS it sees into shared memory
const peakRss = new Float64Array(new SharedArrayBuffer(8));
const sampler = new Worker(
  "const { workerData } = require('node:worker_threads'); const p = new Float64Array(workerData); setInterval(() => { const r = process.memoryUsage.rss(); if (r > p[0]) p[0] = r; }, 5);",
  { eval: true, workerData: peakRss.buffer },
);
sampler.unref();

const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
const rows: Row[] = [];
if (!gc) console.warn('(run with --expose-gc for memory figures that exclude garbage)');

// warm the JIT on a small run so 10k is not mostly compilation
reconcile(buildScaleInput(5_000, 99).input);

for (const n of sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000]) {
  let t0 = performance.now();
  let input: ReconcileInput | undefined = buildScaleInput(n).input;
  const build = performance.now() - t0;
  const rowsText = `${input.transactions.length}/${input.statementLines.length}/${input.cashier?.length ?? 0}`;
  // best of two plain sorts (the first pays for compiling the comparator)
  const sort = Math.min(plainSort(input), plainSort(input));
  collect();
  const before = process.memoryUsage().heapUsed;
  const heapBefore = v8.getHeapStatistics().total_heap_size;
  const rssBefore = process.memoryUsage().rss;
  peakRss[0] = rssBefore;
  t0 = performance.now();
  let result: ReturnType<typeof reconcile> | undefined = reconcile(input);
  const ms = performance.now() - t0;
  const heapGrowth = v8.getHeapStatistics().total_heap_size - heapBefore;
  const rssGrowth = Math.max(peakRss[0]!, process.memoryUsage().rss) - rssBefore;
  collect();
  const retained = process.memoryUsage().heapUsed - before;
  rows.push({ n, rows: rowsText, build, sort, reconcile: ms, findings: result.findings.length, inputs: before, retained, heapGrowth, rssGrowth });
  console.log(`n=${n}: reconcile ${ms.toFixed(0)} ms, sort ${sort.toFixed(0)} ms, ratio ${(ms / sort).toFixed(1)}, inputs ${mb(before)}, retained ${mb(retained)}, heap growth ${mb(heapGrowth)}, peak RSS growth ${mb(rssGrowth)}`);
  result = undefined;
  input = undefined;
  collect();
}

console.log('\nreconcile() scale — portal rows / bank lines / cashier records; times in ms');
console.log('| n | rows (portal/bank/cashier) | build input | plain sort | reconcile | ratio to sort | ms per 1k rows | findings | heap: inputs | result retained | heap growth during run | peak RSS growth |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.n.toLocaleString('en')} | ${r.rows} | ${r.build.toFixed(0)} | ${r.sort.toFixed(0)} | ${r.reconcile.toFixed(0)} | ${(r.reconcile / r.sort).toFixed(1)} | ${(r.reconcile / (r.n / 1000)).toFixed(1)} | ${r.findings} | ${mb(r.inputs)} | ${mb(r.retained)} | ${mb(r.heapGrowth)} | ${mb(r.rssGrowth)} |`);
}
