// `npm run fuzz` (issue 14 item 9): every statement parser and every table reader, 100,000 generated
// cases each (SG_FUZZ_RUNS to change it), in a worker thread with a capped heap. A case that runs
// past the per-case limit fails its property (limits.ts); one that never returns is stopped by this
// runner when the worker's case counter stops moving, reported with the seed and the case's index
// (SG_FUZZ_SEED=<seed> and fast-check's path replay it), and the next target goes on in a new
// worker. Prints per target: cases, time, slowest case, heap before / peak / after; writes
// reports/fuzz.json.
//   npm run fuzz -- pipeline,csv,generic-table     only these targets
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { STATEMENT_TARGETS } from './statement-properties';
import { TABLE_TARGETS } from './table-properties';
import { caseLimitMs, fuzzRuns, fuzzSeed } from './limits';
import type { FuzzTarget, TargetReport, WorkerJob } from './worker';

const RUNS = fuzzRuns(100_000);
const SEED = fuzzSeed() ?? Date.now() % 2 ** 31;
/** A worker whose case counter does not move for this long is stuck in one case. */
const STUCK_MS = Math.max(60_000, caseLimitMs() * 6);
/** The worker's heap cap: a case that needs more is a memory bug, reported as such. */
const HEAP_MB = 1024;

const only = process.argv[2]?.split(',').filter(Boolean);
const targets: FuzzTarget[] = [
  ...STATEMENT_TARGETS.map((target) => ({ kind: 'statement' as const, target })),
  ...TABLE_TARGETS.map((target) => ({ kind: 'table' as const, target })),
].filter((t) => !only || only.includes(t.target));

const reports: TargetReport[] = [];

function print(r: TargetReport): void {
  console.log(
    `${r.failed ? 'FAIL' : 'ok  '} ${r.kind.padEnd(9)} ${r.target.padEnd(16)} ${String(r.runs).padStart(7)} cases ${(r.ms / 1000).toFixed(1).padStart(7)} s` +
      `  slowest ${r.slowestCaseMs} ms  heap ${r.heapBeforeMb} → peak ${r.heapPeakMb} → ${r.heapAfterMb} MB`,
  );
  if (r.failure) console.log(`     ${r.failure.split('\n').slice(0, 12).join('\n     ')}`);
}

/** Runs `todo` in one worker; resolves with the targets it did not get to (after a stuck or dead worker). */
function runWorker(todo: FuzzTarget[]): Promise<FuzzTarget[]> {
  const progress = new SharedArrayBuffer(12);
  const counters = new Int32Array(progress);
  const job: WorkerJob = { targets: todo, runs: RUNS, seed: SEED, progress };
  // a worker does not inherit tsx's loader: the worker registers it, then imports the TypeScript entry
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: job, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
  let targetStart = performance.now();
  let done = 0;
  return new Promise((resolve) => {
    const lost = (why: string) => {
      clearInterval(watch);
      const t = todo[done]!;
      const index = Atomics.load(counters, 0) - 1;
      const r: TargetReport = {
        ...t,
        runs: Atomics.load(counters, 1),
        seed: SEED,
        failed: true,
        failure: `case ${index} ${why} (replay: SG_FUZZ_SEED=${SEED}, fast-check path "${index}")`,
        ms: Math.round(performance.now() - targetStart),
        slowestCaseMs: 0,
        slowestCase: index,
        heapBeforeMb: 0,
        heapPeakMb: 0,
        heapAfterMb: 0,
      };
      reports.push(r);
      print(r);
      resolve(todo.slice(done + 1));
    };
    let last = -1;
    let lastMove = performance.now();
    let lastPrint = performance.now();
    const watch = setInterval(() => {
      const now = performance.now();
      const finished = Atomics.load(counters, 1);
      if (finished !== last) {
        last = finished;
        lastMove = now;
      }
      if (now - lastPrint > 60_000) {
        lastPrint = now;
        console.log(`     ${todo[done]?.target}: ${finished} cases, ${Math.round((now - targetStart) / 1000)} s`);
      }
      if (now - lastMove > STUCK_MS) {
        void worker.terminate();
        lost(`did not return in ${STUCK_MS / 1000} s`);
      }
    }, 1000);
    worker.on('message', (r: TargetReport) => {
      reports.push(r);
      print(r);
      done++;
      targetStart = performance.now();
      lastMove = targetStart;
      if (done === todo.length) {
        clearInterval(watch);
        resolve([]);
      }
    });
    worker.once('error', (e) => lost(`stopped the worker: ${e.message}`));
  });
}

console.log(`fuzz: ${targets.length} targets × ${RUNS} cases, seed ${SEED}, per-case limit ${caseLimitMs()} ms, heap cap ${HEAP_MB} MB`);
for (let todo = targets; todo.length; ) todo = await runWorker(todo);
mkdirSync('reports', { recursive: true });
writeFileSync(join('reports', 'fuzz.json'), `${JSON.stringify({ seed: SEED, runs: RUNS, reports }, null, 2)}\n`);
const failed = reports.filter((r) => r.failed);
console.log(`fuzz: ${reports.length - failed.length} of ${reports.length} targets passed (${reports.reduce((n, r) => n + r.runs, 0)} cases)`);
process.exit(failed.length ? 1 : 0);
