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
  /**
   * Calls back at the next rendering frame (requestAnimationFrame). While the merchant scrolls,
   * the browser runs input and frames before timers, so a timer can wait a second; a frame
   * callback comes with every frame the grid renders. Without it, timers only.
   */
  nextFrame?: (callback: () => void) => void;
}

export class ScanSchedule {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** when the oldest change not yet read came (null: nothing waiting) */
  private waitingSince: number | null = null;
  /** when the read asked for is due */
  private dueAt = 0;
  private framePending = false;
  private lastRun = Number.NEGATIVE_INFINITY;
  /** the current wait between reads of a page that keeps changing (see tookMs) */
  private waitMs: number;
  /** what the read before the last one cost (none yet: 0) */
  private lastCost = 0;
  private readonly clock: () => number;

  constructor(
    private readonly run: () => void,
    private readonly options: ScanScheduleOptions,
  ) {
    this.clock = options.clock ?? (() => Date.now());
    this.waitMs = options.maxWaitMs;
  }

  /**
   * How long the last read took: reads of a busy page come ten times the cost of a read apart,
   * within [minWaitMs, maxWaitMs]. The cost is the cheaper of the last two reads: one slow read
   * (the first of a page, with cold code and every column inferred; a garbage collection) does
   * not slow the reads after it — a first read of 28 ms held the next one back 200 ms while the
   * merchant's first flick scrolled seven rows past unread; two slow reads in a row do.
   */
  tookMs(ms: number): void {
    const cost = Math.min(ms, this.lastCost);
    this.lastCost = ms;
    this.waitMs = Math.min(this.options.maxWaitMs, Math.max(this.options.minWaitMs ?? this.options.maxWaitMs, cost * 10));
  }

  /** Something changed: read after `ms` of quiet (default settleMs), and never later than the deadline. */
  request(ms = this.options.settleMs): void {
    const now = this.clock();
    // a change within maxWaitMs of the last read counts from that read, so that while changes
    // keep coming, reads are maxWaitMs apart at most
    this.waitingSince ??= now - this.lastRun < this.waitMs ? this.lastRun : now;
    const deadline = this.waitingSince + this.waitMs;
    const delay = Math.max(0, Math.min(ms, deadline - now));
    // due already (a change past the deadline): read now, right after the change that asked —
    // from the MutationObserver callback, before the grid renders its next scroll position
    if (delay === 0) {
      this.fire();
      return;
    }
    this.dueAt = now + delay;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), delay);
    this.watchFrames();
  }

  /** Whichever comes first once the read is due: the timer, or a frame. */
  private watchFrames(): void {
    const nextFrame = this.options.nextFrame;
    if (!nextFrame || this.framePending) return;
    this.framePending = true;
    nextFrame(() => {
      this.framePending = false;
      if (this.waitingSince === null) return;
      if (this.clock() >= this.dueAt) this.fire();
      else this.watchFrames();
    });
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.waitingSince = null;
  }

  private fire(): void {
    clearTimeout(this.timer);
    this.waitingSince = null;
    this.lastRun = this.clock();
    this.run();
  }
}
