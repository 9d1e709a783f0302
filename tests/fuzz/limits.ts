// How long and how many: one place for `npm run fuzz` (100,000 cases per target) and the short run
// inside `npm test` (SG_FUZZ_RUNS unset: a few hundred), so both run the same properties.

/** Cases per target: SG_FUZZ_RUNS, else the short run of the unit suite. */
export function fuzzRuns(fallback = 200): number {
  const n = Number(process.env['SG_FUZZ_RUNS']);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The fast-check seed: SG_FUZZ_SEED replays a reported run; otherwise fast-check picks one (and prints it on failure). */
export function fuzzSeed(): number | undefined {
  const n = Number(process.env['SG_FUZZ_SEED']);
  return process.env['SG_FUZZ_SEED'] !== undefined && Number.isInteger(n) ? n : undefined;
}

/**
 * One case may take this much CPU time (ms) before it counts as a hang. Inputs are ≤ 256 KiB, read
 * in a few ms; a case this slow is a loop that grows with its input, which a merchant's 64 MiB file
 * turns into minutes. CPU time, not the clock: on a loaded machine a niced run waits for the CPU
 * far longer than it uses it. SG_FUZZ_CASE_MS overrides it.
 */
export function caseLimitMs(): number {
  const n = Number(process.env['SG_FUZZ_CASE_MS']);
  return Number.isFinite(n) && n > 0 ? n : 5_000;
}

/** CPU time this process has used, in ms (every thread: GC work counts). */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Runs `f`, failing the case (with its CPU time) when it takes longer than the per-case limit. */
export function timed<T>(what: string, f: () => T): T {
  const start = cpuMs();
  const out = f();
  const ms = cpuMs() - start;
  if (ms > caseLimitMs()) throw new Error(`${what} took ${ms.toFixed(0)} ms of CPU, over the per-case limit of ${caseLimitMs()} ms`);
  return out;
}

/** The command that checks case `index` of `target` alone, as the run that found it generated it. */
export const replay = (seed: number, index: number, target: string) =>
  `SG_FUZZ_SEED=${seed} SG_FUZZ_FROM=${index} SG_FUZZ_RUNS=${index + 1} npm run fuzz -- ${target}`;
