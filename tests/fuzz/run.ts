// `npm run fuzz` (issue 14 item 9): every statement parser and every table reader, 100,000 generated
// cases each, in child processes (worker.ts) with a capped heap and a capped RSS.
//
//   npm run fuzz                                  every target, 100,000 cases each
//   npm run fuzz -- xlsx,csv,generic-table        only these targets
//   SG_FUZZ_RUNS=10000                            cases per target
//   SG_FUZZ_SEED=20261208                         the seed (else one is picked and printed)
//   SG_FUZZ_FROM=3847 SG_FUZZ_RUNS=3848           start at case 3847 (replays that one case: every
//                                                 failure is printed with this line filled in)
//   SG_FUZZ_JOBS=2                                child processes at once (default 1)
//   SG_FUZZ_DOM=happy-dom                         table pages in happy-dom instead of linkedom (dom.ts)
//   SG_FUZZ_CASE_MS=5000                          one case's time limit (limits.ts)
//   SG_FUZZ_REPORT=reports/fuzz-tables.json       where the JSON report goes (default reports/fuzz.json)
//   SG_FUZZ_HEAP_MB=1024, SG_FUZZ_RSS_MB=1536     a child's heap cap, and the RSS past which it is killed
//   SG_FUZZ_STUCK_MS=60000                        CPU time a case may use before it counts as stuck
//   npm run fuzz -- selftest-abort,selftest-rss,selftest-hang   targets that misbehave on purpose (selftest.ts)
//
// A case that throws or breaks its property, runs past the per-case limit (CPU time), never
// returns (its index in the progress file stops moving while the child uses a minute of CPU),
// takes the child past its RSS cap, or makes V8 abort the child, is reported with its seed and
// index; the target then goes on from the next case in a new child. Prints per target: cases, time,
// failures, slowest case (CPU), peak heap and RSS; writes reports/fuzz.json and reports/fuzz.md.
// On a shared 2-core machine run it in the background: `nice -n 10 npm run fuzz`.
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SELFTEST_TARGETS } from './selftest';
import { STATEMENT_TARGETS } from './statement-properties';
import { TABLE_TARGETS } from './table-properties';
import { caseLimitMs, fuzzRuns, fuzzSeed, replay } from './limits';
import type { CaseFailure, FuzzTarget, StretchReport, WorkerJob } from './worker';

const env = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};
const RUNS = fuzzRuns(100_000);
const SEED = fuzzSeed() ?? Date.now() % 2 ** 31;
const FROM = env('SG_FUZZ_FROM', 0);
const JOBS = env('SG_FUZZ_JOBS', 1);
/**
 * A child that uses this much CPU time (ms) without its case index moving is stuck in one case;
 * one whose index does not move for 20 times as long on the clock is stuck waiting.
 */
const STUCK_MS = env('SG_FUZZ_STUCK_MS', Math.max(60_000, caseLimitMs() * 6));
const HEAP_MB = env('SG_FUZZ_HEAP_MB', 1024);
/** Heap plus what lives outside it (ArrayBuffers, inflate buffers, code): past this the child is killed. */
const RSS_MB = env('SG_FUZZ_RSS_MB', HEAP_MB + 512);

export interface TargetReport extends FuzzTarget {
  seed: number;
  /** cases checked (every index from..runs-1, the failed ones included) */
  runs: number;
  failures: CaseFailure[];
  ms: number;
  slowestCaseMs: number;
  slowestCase: number;
  heapPeakMb: number;
  /** the child's peak RSS while it ran this target, sampled by the runner every second and by the child */
  rssPeakMb: number;
  /** children started for it: 1 plus one per case that killed its child */
  processes: number;
  dom?: string;
}

const only = process.argv[2]?.split(',').filter(Boolean);
const queue: FuzzTarget[] = [
  ...STATEMENT_TARGETS.map((target) => ({ kind: 'statement' as const, target })),
  ...TABLE_TARGETS.map((target) => ({ kind: 'table' as const, target })),
  ...SELFTEST_TARGETS.filter((target) => only?.includes(target)).map((target) => ({ kind: 'selftest' as const, target })),
].filter((t) => !only || only.includes(t.target));
const reports: TargetReport[] = [];

/** The CPU time (user + system, ms) a process has used, from /proc (Linux: 100 ticks a second), or 0. */
function cpuOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** The RSS of a process in MB from /proc (Linux), or 0. */
function rssOf(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

function print(r: TargetReport): void {
  const cases = `${String(r.runs).padStart(7)} cases ${(r.ms / 1000).toFixed(1).padStart(7)} s`;
  console.log(
    `${r.failures.length ? 'FAIL' : 'ok  '} ${r.kind.padEnd(9)} ${r.target.padEnd(16)} ${cases}  ${r.failures.length} failed  slowest ${r.slowestCaseMs} ms (case ${r.slowestCase})  peak heap ${r.heapPeakMb} MB, RSS ${r.rssPeakMb} MB`,
  );
  for (const f of r.failures) console.log(`     case ${f.index}: ${f.message.split('\n').slice(0, 12).join('\n     ')}`);
}

/** The per-target table, for reports/fuzz.md. */
function markdown(rs: TargetReport[]): string {
  const rows = rs.map(
    (r) =>
      `| ${r.target} | ${r.kind} | ${r.runs.toLocaleString('en')} | ${(r.ms / 1000).toFixed(0)} | ${r.failures.map((f) => f.index).join(', ') || 0} | ${r.slowestCaseMs} | ${r.heapPeakMb} | ${r.rssPeakMb} |`,
  );
  return `# npm run fuzz: seed ${SEED}, cases ${FROM}..${RUNS - 1}\n\n| target | kind | cases | s | failed cases | slowest case (ms CPU) | peak heap MB | peak RSS MB |\n|---|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`;
}

interface Child {
  process: ChildProcess;
  progressFile: string;
  /** the last lines it wrote to stderr (a V8 abort explains itself there) */
  stderr: string[];
}

function startChild(slot: number): Promise<Child> {
  const process_ = fork(new URL('./worker.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx', `--max-old-space-size=${HEAP_MB}`],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  const child: Child = { process: process_, progressFile: join(tmpdir(), `sg-fuzz-${process.pid}-${slot}.progress`), stderr: [] };
  process_.stderr?.on('data', (chunk: Buffer) => {
    const lines = chunk.toString().split('\n');
    // V8's native stack trace is noise; its first lines say what happened
    child.stderr.push(...lines.filter((l) => l.trim() && !/^\s*\d+: 0x/.test(l)));
    child.stderr.splice(0, Math.max(0, child.stderr.length - 12));
  });
  return new Promise((resolve, reject) => {
    process_.once('message', () => resolve(child));
    process_.once('exit', (code) => reject(new Error(`the fuzz worker did not start (exit ${code}): ${child.stderr.join('\n')}`)));
  });
}

type Outcome = { report: StretchReport } | { lost: string; rssPeakMb: number };

/** Runs cases from..RUNS-1 of `t` in `child`; resolves when they are done, or when the child died or was killed in one. */
function runStretch(child: Child, t: FuzzTarget, from: number): Promise<Outcome> {
  const job: WorkerJob = { ...t, runs: RUNS, seed: SEED, from, progressFile: child.progressFile };
  rmSync(child.progressFile, { force: true });
  child.process.send(job);
  let rssPeak = 0;
  let last = -2;
  let lastMove = performance.now();
  let cpuAtMove = cpuOf(child.process.pid);
  let lastPrint = performance.now();
  return new Promise((resolve) => {
    const settle = (o: Outcome) => {
      clearInterval(watch);
      child.process.off('message', onReport);
      child.process.off('exit', onExit);
      resolve(o);
    };
    const kill = (why: string) => {
      child.process.off('exit', onExit);
      child.process.kill('SIGKILL');
      settle({ lost: why, rssPeakMb: rssPeak });
    };
    const watch = setInterval(() => {
      const now = performance.now();
      const rss = rssOf(child.process.pid);
      rssPeak = Math.max(rssPeak, rss);
      const index = currentCase(child);
      const cpu = cpuOf(child.process.pid);
      if (index !== last) {
        last = index;
        lastMove = now;
        cpuAtMove = cpu;
      }
      if (now - lastPrint > 60_000) {
        lastPrint = now;
        console.log(`     ${t.target}: case ${index}, RSS ${rss} MB`);
      }
      if (rss > RSS_MB) kill(`took the process past ${RSS_MB} MB (RSS ${rss} MB)`);
      else if (cpu - cpuAtMove > STUCK_MS) kill(`did not return in ${STUCK_MS / 1000} s of CPU time`);
      else if (now - lastMove > STUCK_MS * 20) kill(`did not return in ${(STUCK_MS * 20) / 60_000} min`);
    }, 1000);
    const onReport = (report: StretchReport) => settle({ report: { ...report, rssPeakMb: Math.max(report.rssPeakMb, rssPeak) } });
    const onExit = (code: number | null, signal: string | null) =>
      settle({ lost: `ended the process (${signal ?? `exit code ${code}`}): ${whyItDied(child.stderr)}`, rssPeakMb: rssPeak });
    child.process.on('message', onReport);
    child.process.once('exit', onExit);
  });
}

/** V8's own words when it aborts ("FATAL ERROR: Reached heap limit…", "Fatal JavaScript invalid size error…"), else the last lines. */
function whyItDied(stderr: string[]): string {
  const fatal = stderr.filter((l) => /fatal|error/i.test(l));
  return (fatal.length ? fatal : stderr.slice(-3)).join(' / ');
}

function currentCase(child: Child): number {
  try {
    return existsSync(child.progressFile) ? readFileSync(child.progressFile).readInt32LE(0) : -1;
  } catch {
    return -1;
  }
}

/** One target, all its cases: a new child after each case that killed one. */
async function runTarget(slot: number, t: FuzzTarget, child: Child): Promise<{ report: TargetReport; child: Child }> {
  const r: TargetReport = { ...t, seed: SEED, runs: 0, failures: [], ms: 0, slowestCaseMs: 0, slowestCase: 0, heapPeakMb: 0, rssPeakMb: 0, processes: 1 };
  const start = performance.now();
  for (let from = FROM; from < RUNS; ) {
    const outcome = await runStretch(child, t, from);
    if ('report' in outcome) {
      const s = outcome.report;
      r.runs += s.to - s.from;
      if (s.slowestCaseMs > r.slowestCaseMs) [r.slowestCaseMs, r.slowestCase] = [s.slowestCaseMs, s.slowestCase];
      r.heapPeakMb = Math.max(r.heapPeakMb, s.heapPeakMb);
      r.rssPeakMb = Math.max(r.rssPeakMb, s.rssPeakMb);
      if (s.dom) r.dom = s.dom;
      if (s.failure) r.failures.push(s.failure);
      from = s.to;
      continue;
    }
    const index = Math.max(from, currentCase(child));
    r.failures.push({ index, message: `${outcome.lost}\n  replay: ${replay(SEED, index, t.target)}` });
    r.rssPeakMb = Math.max(r.rssPeakMb, outcome.rssPeakMb);
    r.runs += index + 1 - from;
    from = index + 1;
    console.log(`     ${t.target}: case ${index} ${outcome.lost.split('\n')[0]}; going on from case ${from} in a new process`);
    r.processes++;
    child = await startChild(slot);
  }
  r.ms = Math.round(performance.now() - start);
  return { report: r, child };
}

async function slot(n: number): Promise<void> {
  let child = await startChild(n);
  for (let t = queue.shift(); t; t = queue.shift()) {
    const done = await runTarget(n, t, child);
    child = done.child;
    reports.push(done.report);
    print(done.report);
  }
  child.process.kill();
  rmSync(child.progressFile, { force: true });
}

console.log(
  `fuzz: ${queue.length} targets × ${RUNS - FROM} cases${FROM ? ` (from case ${FROM})` : ''}, seed ${SEED}, ${JOBS} process(es), per-case limit ${caseLimitMs()} ms, heap cap ${HEAP_MB} MB, RSS cap ${RSS_MB} MB`,
);
const order = queue.map((t) => t.target);
await Promise.all(Array.from({ length: Math.min(JOBS, queue.length) }, (_, n) => slot(n)));
reports.sort((a, b) => order.indexOf(a.target) - order.indexOf(b.target));
const out = process.env['SG_FUZZ_REPORT'] ?? join('reports', 'fuzz.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ seed: SEED, runs: RUNS, from: FROM, reports }, null, 2)}\n`);
writeFileSync(out.replace(/\.json$/, '.md'), markdown(reports));
const failed = reports.filter((r) => r.failures.length);
console.log(`fuzz: ${reports.length - failed.length} of ${reports.length} targets passed (${reports.reduce((n, r) => n + r.runs, 0)} cases), ${out}`);
process.exit(failed.length ? 1 : 0);
