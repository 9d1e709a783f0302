// The fuzz targets of `npm run fuzz` (tests/fuzz/run.ts), in a worker thread: runs each target's
// property with fast-check, counting cases in shared memory so the runner can stop a case that
// never ends, and sampling the heap to report its peak. One worker runs targets one after another
// (its start-up, tsx and the seeds, costs seconds); the runner starts a new one after a stuck case.
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { statementProperty } from './statement-properties';
import { tableAsyncProperty } from './table-properties';
import type { Family } from './table-pages';

export interface FuzzTarget {
  kind: 'statement' | 'table';
  target: string;
}

export interface WorkerJob {
  targets: FuzzTarget[];
  runs: number;
  seed: number;
  /** [cases started, cases finished, index of the target running] of the target running */
  progress: SharedArrayBuffer;
}

export interface TargetReport extends FuzzTarget {
  runs: number;
  seed: number;
  failed: boolean;
  /** what failed and how to replay it (fast-check seed and path) */
  failure?: string;
  ms: number;
  slowestCaseMs: number;
  slowestCase: number;
  heapBeforeMb: number;
  heapPeakMb: number;
  heapAfterMb: number;
}

const job = workerData as WorkerJob;
const counters = new Int32Array(job.progress);
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/** A happy-dom parser whose windows are closed (and their documents freed) every 50 pages. */
function tableParser(): { parse: (html: string) => Document; settle: () => Promise<void> } {
  let window = new Window();
  // lib/portals reads NodeFilter as a global, as in a browser
  Object.assign(globalThis, { NodeFilter: window.NodeFilter });
  let parsed = 0;
  return {
    parse: (html) => {
      parsed++;
      return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    },
    settle: async () => {
      if (parsed < 50) return;
      const old = window;
      window = new Window();
      parsed = 0;
      await old.happyDOM.close();
    },
  };
}

/** What failed and how to replay it; not the whole counterexample (a page can be megabytes). */
function failureOf(d: fc.RunDetails<unknown>): string {
  const error = d.errorInstance instanceof Error ? d.errorInstance.message : String(d.errorInstance);
  return `case ${d.counterexamplePath} failed (replay: SG_FUZZ_SEED=${d.seed}, fast-check path "${d.counterexamplePath}"): ${error.slice(0, 3000)}`;
}

let html: ReturnType<typeof tableParser> | undefined;

async function runTarget({ kind, target }: FuzzTarget): Promise<TargetReport> {
  const property =
    kind === 'statement' ? statementProperty(target) : tableAsyncProperty(target as Family, (html ??= tableParser()).parse, (html ??= tableParser()).settle);
  const heapBefore = getHeapStatistics().used_heap_size;
  let heapPeak = heapBefore;
  let slowest = 0;
  let slowestCase = 0;
  let caseStart = 0;
  const started = fc.beforeEach(() => {
    Atomics.add(counters, 0, 1);
    caseStart = performance.now();
  });
  const finished = fc.afterEach(() => {
    const done = Atomics.add(counters, 1, 1) + 1;
    const ms = performance.now() - caseStart;
    if (ms > slowest) {
      slowest = ms;
      slowestCase = done - 1;
    }
    if (done % 250 === 0) heapPeak = Math.max(heapPeak, getHeapStatistics().used_heap_size);
  });
  const start = performance.now();
  const details = await fc.check(property as fc.IAsyncProperty<[unknown]>, {
    numRuns: job.runs,
    seed: job.seed,
    endOnFailure: true,
    plugins: [started, finished],
  });
  heapPeak = Math.max(heapPeak, getHeapStatistics().used_heap_size);
  return {
    kind,
    target,
    runs: details.numRuns,
    seed: job.seed,
    failed: details.failed,
    ...(details.failed ? { failure: failureOf(details) } : {}),
    ms: Math.round(performance.now() - start),
    slowestCaseMs: Math.round(slowest),
    slowestCase,
    heapBeforeMb: mb(heapBefore),
    heapPeakMb: mb(heapPeak),
    heapAfterMb: mb(getHeapStatistics().used_heap_size),
  };
}

for (const [i, t] of job.targets.entries()) {
  Atomics.store(counters, 0, 0);
  Atomics.store(counters, 1, 0);
  Atomics.store(counters, 2, i);
  parentPort?.postMessage(await runTarget(t));
}
