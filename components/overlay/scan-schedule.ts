// When the content script reads the page again. A burst of changes (a table rendering) makes one
// read once the page has been quiet for `settleMs`; but a page that never goes quiet — a merchant
// scrolling a virtual grid steadily, rows recycled every frame — is read at least every
// `maxWaitMs`, or the rows that pass by are never read (issue 12: scrolling through 150 rows of
// vxe-table stored 27 of them while reads waited for a quiet that never came).

export interface ScanScheduleOptions {
  /** quiet time after the last change before reading */
  settleMs: number;
  /** longest time a change waits to be read while changes keep coming */
  maxWaitMs: number;
  clock?: () => number;
}

export class ScanSchedule {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** when the oldest change not yet read came (null: nothing waiting) */
  private waitingSince: number | null = null;
  private lastRun = Number.NEGATIVE_INFINITY;
  private readonly clock: () => number;

  constructor(private readonly run: () => void, private readonly options: ScanScheduleOptions) {
    this.clock = options.clock ?? (() => Date.now());
  }

  /** Something changed: read after `ms` of quiet (default settleMs), and never later than the deadline. */
  request(ms = this.options.settleMs): void {
    const now = this.clock();
    // a change within maxWaitMs of the last read counts from that read, so that while changes
    // keep coming, reads are maxWaitMs apart at most
    this.waitingSince ??= now - this.lastRun < this.options.maxWaitMs ? this.lastRun : now;
    const deadline = this.waitingSince + this.options.maxWaitMs;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), Math.max(0, Math.min(ms, deadline - now)));
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.waitingSince = null;
  }

  private fire(): void {
    this.waitingSince = null;
    this.lastRun = this.clock();
    this.run();
  }
}
