// Where reconcile() spends its time: one run on the synthetic builder's input (reconcile-input.ts),
// timed per rule and per shared analysis of the context (settlement(), cashierMatching(),
// duplicates(), feeExcessRows(), feeLedger(): charged to the analysis, not to the first rule that
// asked for it). Run:
//   NODE_OPTIONS='--max-old-space-size=4096' npx tsx tests/bench/reconcile-profile.ts [n] [runs]
// With `node --cpu-prof --cpu-prof-dir=… --import tsx tests/bench/reconcile-profile.ts n` the same
// run also leaves a CPU profile (summarise it with tests/bench/reconcile-cpuprofile.ts).
// Phases are timed in CPU time of this process (process.cpuUsage), which other processes on a
// busy machine disturb less than the wall clock; the total shows both.
// SG_MEM=1 (with node --expose-gc): after each rule (and the shared analyses it asked for), a forced GC and the heap
// then in use beyond the inputs — what stays alive from phase to phase (times are then off).
import { reconcile, RULES, type Rule, type RuleContext } from '../../lib/reconcile';
import { buildScaleInput } from './reconcile-input';

const n = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 1);
const SHARED = ['settlement', 'cashierMatching', 'duplicates', 'feeExcessRows', 'feeLedger'] as const;

const spent = new Map<string, number>();
const add = (k: string, ms: number) => spent.set(k, (spent.get(k) ?? 0) + ms);
/** CPU time of this process in ms (user + system, all threads: the GC's helper threads too) */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** ctx with its shared analyses timed; `depth` keeps an analysis called inside another from counting twice. */
function timed(ctx: RuleContext): RuleContext {
  let depth = 0;
  const wrapped = Object.create(ctx) as Record<string, unknown>;
  for (const name of SHARED) {
    const f = (ctx as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
    wrapped[name] = (...a: unknown[]) => {
      if (depth > 0) return f.apply(ctx, a);
      depth++;
      const t0 = cpuMs();
      try {
        return f.apply(ctx, a);
      } finally {
        depth--;
        add(`ctx.${name}`, cpuMs() - t0);
      }
    };
  }
  return wrapped as unknown as RuleContext;
}

const gc = (globalThis as { gc?: () => void }).gc;
const memoryWanted = process.env.SG_MEM === '1' && gc !== undefined;
let memory = false;
let inputsHeap = 0;
const heapNow = () => {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
};
const note = (what: string) => {
  if (memory) console.log(`  heap beyond inputs after ${what}: ${((heapNow() - inputsHeap) / 2 ** 20).toFixed(0)} MB`);
};

let shared: RuleContext | undefined;
const rules: Rule[] = RULES.map((r) => ({
  kind: r.kind,
  run(ctx) {
    if (!shared || Object.getPrototypeOf(shared) !== ctx) shared = timed(ctx);
    const t0 = cpuMs();
    const before = new Map(spent);
    const out = r.run(shared);
    let inShared = 0;
    for (const [k, v] of spent) inShared += v - (before.get(k) ?? 0);
    add(`rule ${r.kind}`, cpuMs() - t0 - inShared);
    note(`rule ${r.kind}`);
    return out;
  },
}));

const input = buildScaleInput(n).input;
reconcile(buildScaleInput(5_000, 99).input, rules);
for (let k = 0; k < runs; k++) {
  spent.clear();
  shared = undefined;
  memory = memoryWanted;
  if (memory) inputsHeap = heapNow();
  const t0 = performance.now();
  const c0 = cpuMs();
  const result = reconcile(input, rules);
  note('reconcile (its result alive)');
  const wall = performance.now() - t0;
  const total = cpuMs() - c0;
  let accounted = 0;
  for (const v of spent.values()) accounted += v;
  console.log(`n=${n} run ${k + 1}: ${wall.toFixed(0)} ms wall, ${total.toFixed(0)} ms CPU, ${result.findings.length} findings`);
  const top = [...spent].sort((a, b) => b[1] - a[1]);
  for (const [name, ms] of top) if (ms >= 5) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
  console.log(`  ${(total - accounted).toFixed(0).padStart(6)} ms  (screen, makeContext, checkInput, coverage, result)`);
}
