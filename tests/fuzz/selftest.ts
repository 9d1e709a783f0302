// Targets that misbehave on purpose in one case (index 2), so a test can prove that `npm run fuzz`
// contains what a parser could do (tests/unit/fuzz/runner.test.ts): V8 aborting the process at its
// heap cap, memory outside the heap (Buffers, which no heap cap bounds) growing past the RSS cap,
// and a loop that never returns. Run only when named: `npm run fuzz -- selftest-hang`.
import fc from 'fast-check';

export const SELFTEST_TARGETS = ['selftest-abort', 'selftest-rss', 'selftest-hang'];

const pause = new Int32Array(new SharedArrayBuffer(4));

export function selftestProperty(target: string, index: () => number): fc.IPropertyWithHooks<[number]> {
  return fc.property(fc.nat(), (_n: number): void => {
    if (index() !== 2) return;
    const kept: unknown[] = [];
    if (target === 'selftest-abort') for (;;) kept.push({ kept });
    if (target === 'selftest-rss') {
      // 16 MB every 50 ms: the runner, reading RSS every second, kills it a few hundred MB past its cap
      for (;;) {
        kept.push(Buffer.alloc(16 << 20, 1));
        Atomics.wait(pause, 0, 0, 50);
      }
    }
    for (;;);
  });
}
