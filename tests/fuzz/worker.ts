// A child process of `npm run fuzz` (tests/fuzz/run.ts): runs the targets the runner sends it, one at
// a time, with fast-check, and answers each with its report. A child process, not a worker thread:
// V8 aborts the whole process on some allocations no heap cap contains (an array past its maximum
// size: "invalid size error"), and memory outside the heap (ArrayBuffers) is not capped at all; the
// runner watches this process's RSS and kills it when it passes the cap. Before each case the index
// of the case is written to the progress file, so the runner can name the case that killed it.
import { closeSync, openSync, writeSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import fc from 'fast-check';
import type { FuzzDom } from './dom';
import type { Family } from './table-pages';
import { cpuMs, replay } from './limits';

export interface FuzzTarget {
  kind: 'statement' | 'table' | 'selftest';
  target: string;
}

/** One stretch of one target: cases from..runs-1 of the run seeded `seed` (the earlier ones not even generated). */
export interface WorkerJob extends FuzzTarget {
  runs: number;
  seed: number;
  from: number;
  /** the file the index of the case being checked is written to (Int32, little-endian) */
  progressFile: string;
}

export interface CaseFailure {
  index: number;
  /** what failed and how to replay it */
  message: string;
}

/** What a stretch of a target did; the runner joins the stretches of one target. */
export interface StretchReport extends FuzzTarget {
  from: number;
  /** index of the last case checked + 1 */
  to: number;
  failure?: CaseFailure;
  ms: number;
  slowestCaseMs: number;
  slowestCase: number;
  heapPeakMb: number;
  rssPeakMb: number;
  dom?: string;
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

let dom: FuzzDom | undefined;

async function runStretch(job: WorkerJob): Promise<StretchReport> {
  const { kind, target, from } = job;
  // imported when needed: a child of the self-test starts in a fraction of the time
  if (kind === 'table') dom ??= await (await import('./dom')).fuzzDom();
  const d = dom;
  const progress = openSync(job.progressFile, 'w');
  const word = Buffer.alloc(4);
  let index = from - 1;
  let heapPeak = 0;
  let rssPeak = 0;
  let slowest = 0;
  let slowestCase = from;
  let caseStart = 0;
  const started = fc.beforeEach(() => {
    index++;
    word.writeInt32LE(index);
    writeSync(progress, word, 0, 4, 0);
    caseStart = cpuMs();
  });
  const finished = fc.afterEach(() => {
    const ms = cpuMs() - caseStart;
    if (ms > slowest) {
      slowest = ms;
      slowestCase = index;
    }
    if (index % 250 === 0) {
      heapPeak = Math.max(heapPeak, getHeapStatistics().used_heap_size);
      rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    }
  });
  // fast-check's path starts the run at case `from` without generating the cases before it (each
  // case has its own random stream); a failure's path is then still counted from case 0
  const params = { numRuns: job.runs - from, seed: job.seed, ...(from ? { path: String(from) } : {}), endOnFailure: true, plugins: [started, finished] };
  const start = performance.now();
  const details =
    kind === 'statement'
      ? fc.check((await import('./statement-properties')).statementProperty(target), params)
      : kind === 'selftest'
        ? fc.check(
            (await import('./selftest')).selftestProperty(target, () => index),
            params,
          )
        : await fc.check(
            (await import('./table-properties')).tableAsyncProperty(
              target as Family,
              (html) => d!.parse(html),
              () => d!.settle(),
            ),
            params,
          );
  closeSync(progress);
  heapPeak = Math.max(heapPeak, getHeapStatistics().used_heap_size);
  rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  const failedAt = details.failed ? Number(details.counterexamplePath?.split(':')[0] ?? index) : -1;
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return {
    kind,
    target,
    from,
    to: details.failed ? failedAt + 1 : job.runs,
    ...(details.failed ? { failure: { index: failedAt, message: `${error.slice(0, 3000)}\n  replay: ${replay(job.seed, failedAt, target)}` } } : {}),
    ms: Math.round(performance.now() - start),
    slowestCaseMs: Math.round(slowest),
    slowestCase,
    heapPeakMb: mb(heapPeak),
    rssPeakMb: mb(rssPeak),
    ...(dom ? { dom: dom.name } : {}),
  };
}

process.on('message', (job: WorkerJob) => {
  void runStretch(job).then((report) => process.send?.(report));
});
process.send?.({ ready: true });
