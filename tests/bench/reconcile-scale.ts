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
//
// Both bounds count garbage V8 has not collected yet, and V8 lets it pile up: with a large heap
// limit and 1.2 GB of live inputs it collects old space only every gigabyte or so. What the run
// *needs* beyond the inputs is tested directly at the largest size: the same run again in a
// child process whose old space is capped at the inputs + 1 GiB (`--max-old-space-size`), where
// V8 must collect to stay under it — it either completes (and its own heap and RSS growth are
// printed) or dies out of memory. Skip it with SG_CAP_CHECK=0; SG_CAP_HEADROOM_MB sets another
// headroom than 1024 MB (to find what a run needs).
import { spawnSync } from 'node:child_process';
import os from 'node:os';
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
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
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

interface Row {
  n: number;
  rows: string;
  build: number;
  sort: number;
  reconcile: number;
  /** CPU time of the first run (process.cpuUsage: user + system, GC threads included), less disturbed by load than the wall clock */
  cpu: number;
  again: number[];
  againCpu: number[];
  findings: number;
  inputs: number;
  retained: number;
  heapGrowth: number;
  rssGrowth: number;
}

// the peak RSS sampler: a worker writes the largest RSS it sees into shared memory
const peakRss = new Float64Array(new SharedArrayBuffer(8));
const sampler = new Worker(
  "const { workerData } = require('node:worker_threads'); const p = new Float64Array(workerData); setInterval(() => { const r = process.memoryUsage.rss(); if (r > p[0]) p[0] = r; }, 5);",
  { eval: true, workerData: peakRss.buffer },
);
sampler.unref();

const capped = process.argv[2] === '--capped';
const sizes = process.argv
  .slice(capped ? 3 : 2)
  .map(Number)
  .filter((x) => x > 0);
const rows: Row[] = [];
if (!gc) console.warn('(run with --expose-gc for memory figures that exclude garbage)');

// warm the JIT on a small run so 10k is not mostly compilation
reconcile(buildScaleInput(5_000, 99).input);

for (const n of sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000]) {
  const row = measure(n);
  rows.push(row);
  if (capped) {
    // the child's report, read by the parent below
    console.log(`CAPPED ${JSON.stringify(row)}`);
    process.exit(0);
  }
  console.log(
    `n=${n}: reconcile ${row.reconcile.toFixed(0)} ms (CPU ${row.cpu.toFixed(0)} ms), sort ${row.sort.toFixed(0)} ms, ratio ${(row.reconcile / row.sort).toFixed(1)}, inputs ${mb(row.inputs)}, retained ${mb(row.retained)}, heap growth ${mb(row.heapGrowth)}, peak RSS growth ${mb(row.rssGrowth)}`,
  );
}

function measure(n: number): Row {
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
  let c0 = process.cpuUsage();
  let result: ReturnType<typeof reconcile> | undefined = reconcile(input);
  const ms = performance.now() - t0;
  const cpu = cpuMs(c0);
  const heapGrowth = v8.getHeapStatistics().total_heap_size - heapBefore;
  const rssGrowth = Math.max(peakRss[0]!, process.memoryUsage().rss) - rssBefore;
  collect();
  const retained = process.memoryUsage().heapUsed - before;
  const findings = result.findings.length;
  result = undefined;
  // up to 100k, two more runs on the same input: one run on this shared machine can be 10-20 %
  // off either way (the table shows the first, which is what a merchant's run is, and these)
  const again: number[] = [];
  const againCpu: number[] = [];
  for (let k = 0; k < (n <= 100_000 && !capped ? 2 : 0); k++) {
    collect();
    const t1 = performance.now();
    c0 = process.cpuUsage();
    reconcile(input);
    again.push(performance.now() - t1);
    againCpu.push(cpuMs(c0));
  }
  const row = { n, rows: rowsText, build, sort, reconcile: ms, cpu, again, againCpu, findings, inputs: before, retained, heapGrowth, rssGrowth };
  input = undefined;
  collect();
  return row;
}

/** The largest size again in a child whose old space is capped at its inputs + 1 GiB: what it needs, not what V8 let pile up. */
function cappedCheck(row: Row): string {
  const headroom = Number(process.env.SG_CAP_HEADROOM_MB ?? 1024);
  const capMb = Math.ceil(row.inputs / 1024 / 1024) + headroom;
  const child = spawnSync(
    process.execPath,
    [`--max-old-space-size=${capMb}`, '--expose-gc', '--import', 'tsx', new URL(import.meta.url).pathname, '--capped', String(row.n)],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
  const line = child.stdout.split('\n').find((l) => l.startsWith('CAPPED '));
  if (!line) {
    const oom = /heap out of memory/.test(child.stderr);
    return `n=${row.n.toLocaleString('en')} with old space capped at inputs + ${headroom} MB (${capMb} MB): **did not complete** (${oom ? 'out of memory' : `exit ${child.status}`})`;
  }
  const c = JSON.parse(line.slice('CAPPED '.length)) as Row;
  return `n=${row.n.toLocaleString('en')} with old space capped at inputs + ${headroom} MB (${capMb} MB): completes in ${c.reconcile.toFixed(0)} ms (CPU ${c.cpu.toFixed(0)} ms); heap growth ${mb(c.heapGrowth)}, peak RSS growth ${mb(c.rssGrowth)} (inputs ${mb(c.inputs)}, result retained ${mb(c.retained)})`;
}

console.log('\nreconcile() scale — portal rows / bank lines / cashier records; times in ms');
console.log(
  `load average at the end (1, 5, 15 min): ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}`,
);
console.log(
  '| n | rows (portal/bank/cashier) | build input | plain sort | reconcile | CPU | runs 2, 3 (CPU) | ratio to sort | ms per 1k rows | findings | heap: inputs | result retained | heap growth during run | peak RSS growth |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.n.toLocaleString('en')} | ${r.rows} | ${r.build.toFixed(0)} | ${r.sort.toFixed(0)} | ${r.reconcile.toFixed(0)} | ${r.cpu.toFixed(0)} | ${r.again.map((x, k) => `${x.toFixed(0)} (${r.againCpu[k]!.toFixed(0)})`).join(', ') || '–'} | ${(r.reconcile / r.sort).toFixed(1)} | ${(r.reconcile / (r.n / 1000)).toFixed(1)} | ${r.findings} | ${mb(r.inputs)} | ${mb(r.retained)} | ${mb(r.heapGrowth)} | ${mb(r.rssGrowth)} |`,
  );
}

// the capped run of the largest size (see the top): at 1M, unless SG_CAP_CHECK=0; SG_CAP_CHECK=1 runs it at any size
const largest = rows[rows.length - 1];
const capCheck = process.env.SG_CAP_CHECK ?? '';
if (largest && capCheck !== '0' && (capCheck === '1' || largest.n >= 1_000_000)) console.log(`\n${cappedCheck(largest)}`);
