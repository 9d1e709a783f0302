// When the overlay reads a page that keeps changing (components/overlay/scan-schedule.ts): the
// pace follows what reads typically cost, but one or two slow reads do not slow the reads after
// them (the first read of a virtual grid, 28 ms with cold code, held the next one back 200 ms in
// Chromium while the merchant's first flick scrolled seven rows past unread; two reads of 8 and
// 9 ms on a busy CI machine held the next ones 80 ms apart and two rows of vxe-table went unread).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScanSchedule } from '../../../components/overlay/scan-schedule';

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
afterEach(() => vi.useRealTimers());

/** Changes every 16 ms for `ms`, as a scrolled grid makes them; returns when each read ran. */
function scrollFor(schedule: ScanSchedule, runs: number[], ms: number): number[] {
  const from = runs.length;
  for (let t = 0; t < ms; t += 16) {
    schedule.request();
    vi.advanceTimersByTime(16);
  }
  return runs.slice(from);
}

describe('ScanSchedule', () => {
  const make = () => {
    const runs: number[] = [];
    const schedule = new ScanSchedule(() => runs.push(Date.now()), { settleMs: 50, maxWaitMs: 200, minWaitMs: 50 });
    return { runs, schedule };
  };

  it('one slow read (the first) does not hold back the reads of a scroll that follows', () => {
    const { runs, schedule } = make();
    schedule.tookMs(28);
    vi.advanceTimersByTime(1000);
    const start = Date.now();
    const during = scrollFor(schedule, runs, 400);
    expect(during.length).toBeGreaterThanOrEqual(6);
    expect(during[0]! - start).toBeLessThanOrEqual(64);
  });

  it('two slow reads among cheap ones (a garbage collection, a busy moment) keep the pace of the cheap ones', () => {
    const { runs, schedule } = make();
    for (const ms of [3, 2, 22, 30]) schedule.tookMs(ms);
    vi.advanceTimersByTime(1000);
    const during = scrollFor(schedule, runs, 1000);
    const gaps = during.slice(1).map((t, i) => t - during[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(64);
  });

  it('when most recent reads are slow, the pace is four times their typical cost, at most maxWaitMs apart', () => {
    const { runs, schedule } = make();
    for (const ms of [15, 16, 15]) schedule.tookMs(ms);
    vi.advanceTimersByTime(1000);
    const during = scrollFor(schedule, runs, 1000);
    const gaps = during.slice(1).map((t, i) => t - during[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(64);
    for (const ms of [500, 500, 500]) schedule.tookMs(ms);
    const slow = scrollFor(schedule, runs, 1000);
    expect(
      slow
        .slice(1)
        .map((t, i) => t - slow[i]!)
        .every((g) => g <= 208),
    ).toBe(true);
    expect(slow.length).toBeLessThanOrEqual(6);
  });

  it('cheap reads: a page that keeps changing is read every minWaitMs; a quiet page once, settleMs after its last change', () => {
    const { runs, schedule } = make();
    schedule.tookMs(2);
    schedule.tookMs(3);
    const during = scrollFor(schedule, runs, 1000);
    expect(during.length).toBeGreaterThanOrEqual(15);
    runs.length = 0;
    vi.advanceTimersByTime(1000);
    schedule.request();
    vi.advanceTimersByTime(30);
    schedule.request();
    vi.advanceTimersByTime(200);
    expect(runs).toHaveLength(1);
  });
});
