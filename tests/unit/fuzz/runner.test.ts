// `npm run fuzz` contains a case that takes its process down (issue 14 item 9: "no crash, no hang,
// memory bounded" must hold for the run itself): the self-test targets (tests/fuzz/selftest.ts)
// abort V8 at the heap cap, grow Buffers past the RSS cap and loop forever, each in case 2 of 4.
// Each is reported with its seed and index, and case 3 is still checked, in a new process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TargetReport } from '../../fuzz/run';

describe('npm run fuzz contains a case that kills its process', () => {
  it('an abort at the heap cap, memory outside the heap, and a hang each end only their process; the target goes on', () => {
    const report = join(mkdtempSync(join(tmpdir(), 'sg-fuzz-')), 'fuzz.json');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/fuzz/run.ts', 'selftest-abort,selftest-rss,selftest-hang'], {
      env: {
        ...process.env,
        SG_FUZZ_RUNS: '4',
        SG_FUZZ_SEED: '7',
        SG_FUZZ_JOBS: '3',
        SG_FUZZ_HEAP_MB: '64',
        SG_FUZZ_RSS_MB: '300',
        SG_FUZZ_STUCK_MS: '2000',
        SG_FUZZ_REPORT: report,
      },
      cwd: join(dirname(fileURLToPath(import.meta.url)), '../../..'),
      encoding: 'utf8',
      timeout: 150_000,
    });
    expect(run.status, run.stderr).toBe(1); // the run fails: three targets had a failing case
    const { reports } = JSON.parse(readFileSync(report, 'utf8')) as { reports: TargetReport[] };
    const byTarget = Object.fromEntries(reports.map((r) => [r.target, r]));
    const why = {
      'selftest-abort': /ended the process \(SIGABRT\): .*heap/i,
      'selftest-rss': /took the process past 300 MB/,
      'selftest-hang': /did not return in 2 s of CPU time/,
    };
    for (const [target, message] of Object.entries(why)) {
      const r = byTarget[target]!;
      expect(r.failures).toEqual([{ index: 2, message: expect.stringMatching(message) }]);
      expect(r.failures[0]!.message).toContain(`SG_FUZZ_SEED=7 SG_FUZZ_FROM=2 SG_FUZZ_RUNS=3 npm run fuzz -- ${target}`);
      // cases 0, 1 and 2 in the first process, case 3 in the second
      expect([r.runs, r.processes]).toEqual([4, 2]);
    }
    expect(byTarget['selftest-rss']!.rssPeakMb).toBeGreaterThan(300);
    expect(readFileSync(report.replace(/\.json$/, '.md'), 'utf8')).toMatch(/\| selftest-hang \| selftest \| 4 \| \d+ \| 2 \|/);
  }, 180_000);
});
