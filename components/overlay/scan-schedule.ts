// When the content script reads the page again. A burst of changes (a table rendering) makes one
// read once the page has been quiet for `settleMs`; but a page that never goes quiet — a merchant
// scrolling a virtual grid steadily, rows recycled every frame — is read at least every
// `maxWaitMs` (sooner while reads are cheap), or the rows that pass by are never read (issue 12:
// scrolling through 150 rows of vxe-table stored 27 of them while reads waited for a quiet that
// never came).

export interface ScanScheduleOptions {
  /** quiet time after the last change before reading */
  settleMs: number;
  /** longest time a change waits to be read while changes keep coming */
  maxWaitMs: number;
  /**
   * shortest such wait: while reads are cheap (a virtual grid shows a few dozen rows), a page
   * that keeps changing is read every minWaitMs, so that rows a fast scroll shows for only a
   * few frames are read too; reads then take at most about a tenth of the main thread
   */
  minWaitMs?: number;
  clock?: () => number;
}

export class ScanSchedule {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** when the oldest change not yet read came (null: nothing waiting) */
  private waitingSince: number | null = null;
  private lastRun = Number.NEGATIVE_INFINITY;
  /** the current wait between reads of a page that keeps changing (see tookMs) */
  private waitMs: number;
  private readonly clock: () => number;

  constructor(private readonly run: () => void, private readonly options: ScanScheduleOptions) {
    this.clock = options.clock ?? (() => Date.now());
    this.waitMs = options.maxWaitMs;
  }

  /** How long the last read took: reads of a busy page come ten times that apart, within [minWaitMs, maxWaitMs]. */
  tookMs(ms: number): void {
    this.waitMs = Math.min(this.options.maxWaitMs, Math.max(this.options.minWaitMs ?? this.options.maxWaitMs, ms * 10));
  }

  /** Something changed: read after `ms` of quiet (default settleMs), and never later than the deadline. */
  request(ms = this.options.settleMs): void {
    const now = this.clock();
    // a change within maxWaitMs of the last read counts from that read, so that while changes
    // keep coming, reads are maxWaitMs apart at most
    this.waitingSince ??= now - this.lastRun < this.waitMs ? this.lastRun : now;
    const deadline = this.waitingSince + this.waitMs;
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
