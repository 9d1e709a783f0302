// When the content script reads the page again. A burst of changes (a table rendering) makes one
// read once the page has been quiet for `settleMs`; but a page that never goes quiet — a merchant
// scrolling a virtual grid steadily, rows recycled every frame — is read at least every
// `maxWaitMs` (sooner while reads are cheap), or the rows that pass by are never read (issue 12:
// scrolling through 150 rows of vxe-table stored 27 of them while reads waited for a quiet that
// never came).
//
// While the page keeps changing, reads are BUDGET_SHARE of the main thread apart: four times what
// a read typically costs (the median of the last RECENT reads). A fast flick shows a row for a
// few frames only, so the pace must not follow one or two slow reads (a garbage collection, a
// busy machine): with ten times the cheaper of the last two reads, two reads of 8 ms and 9 ms
// held the next ones 80 ms apart while a flick moved 1,200 px, and rows the grid showed in
// between were never read (vxe-table, CI at load 7: 998/1000).

/** reads take at most about this share of the main thread while the page keeps changing */
const BUDGET_SHARE = 4;
/** how many recent reads the typical cost is taken from */
const RECENT = 5;

export interface ScanScheduleOptions {
  /** quiet time after the last change before reading */
  settleMs: number;
  /** longest time a change waits to be read while changes keep coming */
  maxWaitMs: number;
  /**
   * shortest such wait: while reads are cheap (a virtual grid shows a few dozen rows), a page
   * that keeps changing is read every minWaitMs (about a frame), so that rows a fast scroll shows
   * for only a few frames are read too
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
  /** what the last RECENT reads cost, oldest first */
  private readonly costs: number[] = [];
  private readonly clock: () => number;

  constructor(
    private readonly run: () => void,
    private readonly options: ScanScheduleOptions,
  ) {
    this.clock = options.clock ?? (() => Date.now());
    this.waitMs = options.maxWaitMs;
  }

  /**
   * How long the last read took: reads of a busy page come BUDGET_SHARE times the typical cost of
   * a read apart (the median of the last RECENT), within [minWaitMs, maxWaitMs]. One or two slow
   * reads (the first of a page, with cold code and every column inferred; a garbage collection)
   * do not slow the reads after them — a first read of 28 ms held the next one back 200 ms while
   * the merchant's first flick scrolled seven rows past unread; most of the recent reads being
   * slow does.
   */
  tookMs(ms: number): void {
    this.costs.push(ms);
    if (this.costs.length > RECENT) this.costs.shift();
    const sorted = [...this.costs].sort((a, b) => a - b);
    // of an even count the lower middle; a first read alone says nothing yet (cold code)
    const typical = sorted.length < 2 ? 0 : sorted[(sorted.length - 1) >> 1]!;
    this.waitMs = Math.min(this.options.maxWaitMs, Math.max(this.options.minWaitMs ?? this.options.maxWaitMs, typical * BUDGET_SHARE));
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
