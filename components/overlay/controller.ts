// The content script's work on a portal page: read the tables, send new rows to the background,
// mark every captured row, highlight the flagged ones, and keep doing it as the page changes.
// One shared observer; everything is torn down through one AbortSignal (after refined-github).
import { h, render } from 'preact';
import type { CapturedColumn, CapturedTable, PortalTransaction, StoredFinding } from '../../lib/model';
import { findUnreadTables } from '../../lib/portals/index';
import type { BackgroundToContent, ContentToBackground, ResponseOf, Result, ResultError, RowFindings } from '../../lib/messaging';
import type { ReadOptions } from '../../lib/portals/transactions';
import { resolveLocale, t, type Locale } from '../../lib/i18n/messages';
import { portalIssueText } from '../../lib/i18n/issues-portal';
import { DisputedFlag, RowFlag, explainFinding } from './RowFlag';
import { InsertControl } from './InsertControl';
import { findComplaintTextareas, fillTextarea } from './form-fill';
import { ROW_CSS, SHADOW_CSS } from './styles';
import { TableTools, type WalkState } from './TableTools';
import { contentSignature, findNextControl, findRowScroller, isDisabledControl, selectLargestPageSize } from './pager';
import { ROW_KEY_ATTRS, RowMarks, clearRowMarks, isOurMutation } from './row-marks';
import { ScanSchedule } from './scan-schedule';
import { passPhishingGate } from './PhishingBanner';
import { guardShadowRoot, isTrustedEvent } from './trusted';
import { readPageFacts, type StatedTable } from '../../lib/portals/stated-totals';

export type Send = <M extends ContentToBackground>(msg: M) => Promise<Result<ResponseOf[M['type']]>>;

/** A table as the content script reads it: CapturedTable, with its root when the reader knows it. */
export type OverlayTable = CapturedTable & { root?: Element };

export interface OverlayDeps {
  doc: Document;
  send: Send;
  /** lib/portals readPortalTables or its chunked variant (5,000-row pages must not block) */
  readTables: (doc: Document, url: string, now: string, options: ReadOptions) => OverlayTable[] | Promise<OverlayTable[]>;
  now: () => string;
  signal: AbortSignal;
  /**
   * quiet time after a page change before reading it (default 20 ms: a table an SPA renders in
   * one task is read at once; a read of a page still rendering only means one more read)
   */
  settleMs?: number;
  /** longest a change waits to be read while the page keeps changing, e.g. a grid scrolled (default 200 ms) */
  maxWaitMs?: number;
  /** requestAnimationFrame: reads a scrolled grid on its frames, when timers are held back (ScanSchedule) */
  nextFrame?: (callback: () => void) => void;
  /** how often to look for SPA route changes (history.pushState does not fire an event) */
  urlPollMs?: number;
  /** how long "Capture all pages" waits for the next page to appear */
  pageTimeoutMs?: number;
  /** gives the main thread back between slices of rows being marked */
  yieldNow?: () => Promise<void>;
  /** how long to wait before sending again rows the background did not take (refused, or the message failed); doubled each time */
  captureRetryMs?: number;
  /** told once per reason when the background refused a batch CAPTURE_ATTEMPTS times (issue 14 item 4) */
  onCaptureRefused?: (error: { code: string; message: string }, rows: number) => void;
  /**
   * The dispute panel page's URL with this query and a ticket for this tab from the background
   * (lib/services/panel.ts); null when the background gives none.
   */
  panelUrl?: (query: string) => Promise<string | null>;
  /** which input events the overlay's controls act on: the merchant's only (event.isTrusted); a test seam */
  isTrusted?: (e: Event) => boolean;
  /** the browser's UI language (browser.i18n.getUILanguage()): the overlay's language while the setting is 'auto' */
  uiLanguage?: string;
}

/** sends of one batch the background refuses before it is set aside and the reason reported */
export const CAPTURE_ATTEMPTS = 4;
/** the longest wait between two sends of rows not taken (a restarting service worker is retried at this pace) */
const MAX_CAPTURE_RETRY_MS = 60_000;

// rows per capture message: structured-cloning a message is one task, so keep each one small
const CAPTURE_CHUNK = 400;
const MARK_SLICE = 500;
/** screens a page's own scroller is read through at most (a 500-row page at 20 rows a screen) */
const MAX_SCROLL_STEPS = 40;

/**
 * A User Timing mark (visible in DevTools' performance panel and to tests/bench/portal-reading.ts,
 * which times reading + marking from them); free where the page has no performance API.
 */
function mark(name: string): void {
  globalThis.performance?.mark?.(name);
}

// where a text change can matter before any table was recognised (a grid filling in its cells)
const TABLE_LIKE = 'table, [role=grid], [role=treegrid], [role=table], [role=row]';

export class PortalOverlay {
  private readonly rows = new Map<string, Element>();
  private readonly sent = new Set<string>();
  /**
   * Rows read but not yet taken by the background, with whether they were read after the
   * merchant taught the columns. They are kept until taken: a virtualised grid may have
   * recycled their elements by the time a failed capture is sent again.
   */
  private readonly pending = new Map<string, { tx: PortalTransaction; retaught: boolean }>();
  private sending: Promise<void> = Promise.resolve();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** sends in a row that the background did not take: the back-off's exponent */
  private failedSends = 0;
  /** refusal codes already reported: each once (the message names a row, which differs per batch) */
  private readonly refusalsReported = new Set<string>();
  /** the refusal shown in the table tools */
  private refused: { rows: number; error: ResultError } | null = null;
  private findings: Record<string, StoredFinding[]> = {};
  /** disputed findings whose dispute was rejected */
  private rejected = new Set<string>();
  private language: RowFindings['language'] = 'auto';
  private panelHost: HTMLElement | null = null;
  /** our shadow roots, closed: the page's host.shadowRoot is null (DESIGN.md DOM contract) */
  private readonly shadows = new WeakMap<Element, ShadowRoot>();
  /** the complaint textarea whose Insert control opened the panel: the one the background's text fills */
  private insertTarget: HTMLTextAreaElement | null = null;
  /** the control that opened the panel: focus goes back to it when the panel closes */
  private panelOpener: HTMLElement | null = null;
  /** our page stylesheet (row highlights), added when a row is first highlighted */
  private style: HTMLStyleElement | null = null;
  private readonly scanTimer: ScanSchedule;
  private scanning: Promise<void> = Promise.resolve();
  /** a scan waits behind the one running: later requests join it */
  private scanQueued = false;
  private delivering: Promise<void> | null = null;
  private deliverAgain = false;
  /** the table roots of the last scan: changes inside them are what a scan reads */
  private roots: Element[] = [];
  /** the tables of the last read, for the page facts sent with the rows (coverage) */
  private factTables: StatedTable[] = [];
  private lastTables: OverlayTable[] = [];
  private readonly marks = new RowMarks((el, id) => {
    if (id !== null && this.rows.get(id) === el) this.rows.delete(id);
  });
  private readOptions: ReadOptions = {};
  private tools = new Map<Element, { host: HTMLElement; columns: CapturedColumn[]; unread: { unplaced: string[] } | null }>();
  /** the unread tables last reported to the background (JSON), '' before the first report */
  private unreadReported = '';
  private walk: WalkState | null = null;
  private walkAbort: AbortController | null = null;
  /** rows the background reported as already stored, counted during a walk */
  private knownByBackground = 0;
  private lastUrl = '';
  /** set after the merchant taught the columns: the next captures replace the stored readings */
  private retaught = false;
  /** issues of rows the reader could not read, shown on the row, never guessed */
  unreadable = 0;
  /** the transaction ids on the page after the last scan */
  onPage: string[] = [];

  constructor(private readonly deps: OverlayDeps) {
    this.scanTimer = new ScanSchedule(() => this.queueScan(), {
      settleMs: deps.settleMs ?? 20,
      maxWaitMs: deps.maxWaitMs ?? 200,
      minWaitMs: 16,
      ...(deps.nextFrame ? { nextFrame: deps.nextFrame } : {}),
    });
  }

  /**
   * Loads the site's taught columns and default currency, then starts watching the page — unless
   * the page imitates an acquirer's portal: then nothing is read until the merchant confirms the
   * site on the warning banner (phishing guard, issue 14 item 10).
   */
  async init(): Promise<void> {
    const res = await this.deps.send({ type: 'content/getSiteConfig' });
    if (res.ok) {
      if (res.value.language) this.language = res.value.language;
      this.readOptions = { defaultCurrency: res.value.defaultCurrency, ...(Object.keys(res.value.columnMap).length ? { columnMap: res.value.columnMap } : {}) };
    }
    const mayRead = await passPhishingGate({
      doc: this.deps.doc,
      locale: this.locale,
      confirmed: res.ok && res.value.imitationConfirmed === true,
      confirm: (brand) => this.deps.send({ type: 'content/confirmImitation', brand }),
      signal: this.deps.signal,
    });
    if (mayRead) this.start();
  }

  start(): void {
    const { doc, signal } = this.deps;
    const observer = new MutationObserver((records) => {
      const theirs = records.filter((r) => !isOurMutation(r));
      if (theirs.length === 0) return;
      // synchronously, before the next paint: a recycled row element loses its old marks now
      this.marks.check(theirs);
      if (theirs.some((r) => this.mayChangeTables(r))) this.schedule();
    });
    observer.observe(doc.body ?? doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      characterDataOldValue: true,
      attributeFilter: ROW_KEY_ATTRS,
      attributeOldValue: true,
    });
    // a grid scrolled inside its own scroll container: read what it shows now (capture phase:
    // scroll events do not bubble)
    doc.addEventListener(
      'scroll',
      (e) => {
        const target = e.target;
        if (target instanceof Node && this.roots.some((root) => root.contains(target))) this.schedule();
      },
      { capture: true, passive: true, signal },
    );
    // SPA route changes: popstate/hashchange fire for back/forward, history.pushState fires
    // nothing (and the page's own history object is not ours to patch), so the URL is polled.
    const win = doc.defaultView;
    this.lastUrl = doc.location?.href ?? '';
    const onRoute = () => this.routeMaybeChanged();
    win?.addEventListener('popstate', onRoute, { signal });
    win?.addEventListener('hashchange', onRoute, { signal });
    const poll = setInterval(onRoute, this.deps.urlPollMs ?? 400);
    signal.addEventListener('abort', () => {
      observer.disconnect();
      this.scanTimer.cancel();
      clearTimeout(this.retryTimer);
      clearInterval(poll);
      this.walkAbort?.abort();
      this.style?.remove();
      this.panelHost?.remove();
      doc.querySelectorAll('sg-flag, sg-insert, sg-tools').forEach((el) => el.remove());
    });
    this.schedule(0);
  }

  private routeMaybeChanged(): void {
    const href = this.deps.doc.location?.href ?? '';
    if (href === this.lastUrl) return;
    this.lastUrl = href;
    this.schedule(0);
  }

  /**
   * Re-read the page soon: bursts of mutations (a table re-rendering) make one scan, and a page
   * that keeps changing is read every maxWaitMs (ScanSchedule).
   */
  schedule(ms?: number): void {
    this.scanTimer.request(ms);
  }

  /**
   * A scheduled scan: reading and marking wait for the previous read only, never for the
   * background — a grid scrolled while the service worker is busy storing is still read every
   * maxWaitMs; delivering what was read follows on its own (deliver).
   */
  private queueScan(): void {
    if (this.scanQueued) return;
    this.scanQueued = true;
    this.scanning = this.scanning
      .then(async () => {
        this.scanQueued = false;
        if (await this.readAndMark()) void this.deliver();
      })
      .catch((e) => console.warn('[SettleGuard]', e));
  }

  /**
   * Whether a page change can change what a scan reads: anything inside a table read before,
   * elements added anywhere (a new table, new rows); not a clock ticking in the page header.
   */
  private mayChangeTables(r: MutationRecord): boolean {
    const target = r.target;
    if (this.roots.some((root) => root.contains(target))) return true;
    for (const n of r.addedNodes) if (n.nodeType === 1) return true;
    const el = target.nodeType === 1 ? (target as Element) : target.parentElement;
    return r.type === 'attributes' || el?.closest(TABLE_LIKE) != null;
  }

  /** Resolves once pending scans are done and what they read is delivered (tests and the demo wait on it). */
  async idle(): Promise<void> {
    await this.scanning;
    await this.delivering;
  }

  /** Reads the page, marks its rows, sends the new ones and shows their findings. */
  async scan(): Promise<void> {
    if (await this.readAndMark()) await this.deliver();
  }

  /** Reading and marking: false when the page went away meanwhile. */
  private async readAndMark(): Promise<boolean> {
    const { doc, readTables, now } = this.deps;
    if (this.deps.signal.aborted) return false;
    mark('settleguard:scan-start');
    const started = Date.now();
    this.marks.beginScan();
    try {
      const tables = await readTables(doc, doc.location?.href ?? '', now(), this.readOptions);
      if (this.deps.signal.aborted) return false;
      await this.markRows(tables);
      this.roots = tables.map((t) => t.root).filter((r): r is Element => r !== undefined);
      this.factTables = tables.flatMap((t) => (t.root ? [{ root: t.root, columns: t.columns }] : []));
    } finally {
      this.marks.endScan();
    }
    mark('settleguard:rows-marked');
    this.scanTimer.tookMs(Date.now() - started);
    return true;
  }

  /**
   * Sends the rows read, updates the table tools and shows the findings of the rows on the page.
   * One delivery at a time: asked again meanwhile, it runs once more after, for the latest read.
   */
  private deliver(): Promise<void> {
    if (this.delivering) {
      this.deliverAgain = true;
      return this.delivering;
    }
    const run = async () => {
      do {
        this.deliverAgain = false;
        await this.sendPending();
        this.mountTableTools(this.lastTables);
        await this.refresh();
        this.mountInsertControls();
        mark('settleguard:scan-end');
      } while (this.deliverAgain && !this.deps.signal.aborted);
    };
    this.delivering = run()
      .catch((e) => console.warn('[SettleGuard]', e))
      .finally(() => {
        this.delivering = null;
      });
    return this.delivering;
  }

  /**
   * Marks every row read (data-sg-row, or data-sg-unreadable with its issues) and queues the new
   * ones for the background. A row whose element changed after the scan began (a virtual grid
   * recycled it while we read) is sent as read but not marked: the next scan marks it for what
   * it shows then.
   */
  private async markRows(tables: OverlayTable[]): Promise<void> {
    const doc = this.deps.doc;
    this.lastTables = tables;
    this.rows.clear();
    let unreadable = 0;
    let marked = 0;
    for (const table of tables) {
      for (const row of table.rows) {
        // marking 5,000 rows is cheap, but not free: give the main thread back now and then
        if (++marked % MARK_SLICE === 0 && this.deps.yieldNow) await this.deps.yieldNow();
        const el = row.element;
        const tx = row.transaction;
        if (tx && !this.sent.has(tx.id)) this.pending.set(tx.id, { tx, retaught: this.retaught });
        if (this.marks.changedDuringScan(el)) continue;
        if (!tx) {
          unreadable++;
          if (el.hasAttribute('data-sg-row')) clearRowMarks(el);
          el.setAttribute(
            'data-sg-unreadable',
            row.issues
              .map((i) => portalIssueText(this.locale, i))
              .join('; ')
              .slice(0, 500),
          );
          continue;
        }
        if (el.getAttribute('data-sg-row') !== tx.id) {
          // another reading of this element before (a row changed in place): its marks go with it
          if (el.hasAttribute('data-sg-row')) clearRowMarks(el);
          el.setAttribute('data-sg-row', tx.id);
        }
        el.removeAttribute('data-sg-unreadable');
        this.rows.set(tx.id, el);
      }
    }
    // an element no longer read as a row (scrolled out and reused, a table gone) keeps no mark
    const current = new Set(this.rows.values());
    doc.querySelectorAll('[data-sg-row], [data-sg-finding]').forEach((el) => {
      if (!current.has(el)) clearRowMarks(el);
    });
    this.unreadable = unreadable;
    this.onPage = [...this.rows.keys()];
  }

  /**
   * One control after each captured table: capture all pages, teach columns. After, not above:
   * a bar inserted above a 5,000-row table moves every row down, and Chromium then re-walks the
   * paint properties of every cell (a 55–80 ms frame); below it only the pager and footer move.
   * A table that looks like transactions but gave no rows (issue 12 "Bad input") gets the tools
   * too, saying which columns could not be placed, and the background is told so the popup can
   * say it; a table whose every row was unreadable counts as one.
   */
  private mountTableTools(tables: OverlayTable[]): void {
    const seen = new Set<Element>();
    const named = (cols: CapturedColumn[]) => cols.map((c, i) => ({ ...c, header: c.header || `#${i + 1}` }));
    const unplacedOf = (cols: CapturedColumn[]) => cols.filter((c) => c.field === null && !c.source && !c.readAs).map((c) => c.header);
    const mounts = tables.map((table) => {
      const columns = named(table.columns);
      const unreadRows = table.rows.length > 0 && table.rows.every((r) => !r.transaction);
      return { root: table.root, columns, unread: unreadRows ? { unplaced: unplacedOf(columns) } : null };
    });
    const read = tables.map((t) => t.root).filter((r): r is Element => r !== undefined);
    for (const u of findUnreadTables(this.deps.doc, read, this.readOptions)) {
      mounts.push({ root: u.root, columns: named(u.columns), unread: { unplaced: u.unplaced } });
    }
    for (const { root, columns, unread } of mounts) {
      if (!root?.parentElement) continue;
      seen.add(root);
      let entry = this.tools.get(root);
      if (!entry?.host.isConnected) {
        const host = this.createHost('sg-tools', root, 'after');
        entry = { host, columns, unread };
        this.tools.set(root, entry);
      }
      entry.columns = columns;
      entry.unread = unread;
    }
    for (const [root, entry] of this.tools) {
      // keep the tools of a table that is walking its pages even while it re-renders
      if (!seen.has(root) && !this.walk?.running) {
        entry.host.remove();
        this.tools.delete(root);
      }
    }
    this.renderTools();
    // the first scan always reports (a stale report of an earlier page of the site goes), then on change
    const report = JSON.stringify(mounts.filter((m) => m.unread).map((m) => ({ unplaced: m.unread!.unplaced.slice(0, 50) })));
    if (report !== this.unreadReported) {
      this.unreadReported = report;
      void this.deps
        .send({ type: 'content/reportUnreadTables', url: this.deps.doc.location?.href ?? '', tables: JSON.parse(report) as { unplaced: string[] }[] })
        .catch(() => undefined);
    }
  }

  private renderTools(): void {
    for (const [root, entry] of this.tools) {
      render(
        h(TableTools, {
          locale: this.locale,
          columns: entry.columns,
          unread: entry.unread,
          // the reason in the overlay's language now (the background sends its catalogue key)
          refused: this.refused && { rows: this.refused.rows, reason: portalIssueText(this.locale, this.refused.error) },
          walk: this.walk,
          onCaptureAll: () => void this.captureAllPages(root),
          onStop: () => this.walkAbort?.abort(),
          onSaveMap: (map: Record<string, string | null>) => this.saveColumnMap(map),
        }),
        this.mountOf(entry.host),
      );
    }
  }

  /**
   * Sends the pending rows to the background, in chunks, one send at a time. What the background
   * does not take (a refusal, or a message that failed: a busy or restarting service worker)
   * stays pending and is sent again after captureRetryMs, whether or not the page changes again.
   */
  sendPending(): Promise<void> {
    this.sending = this.sending.then(() => this.sendPendingNow()).catch((e) => console.warn('[SettleGuard]', e));
    return this.sending;
  }

  private async sendPendingNow(): Promise<void> {
    clearTimeout(this.retryTimer);
    const url = this.deps.doc.location?.href ?? '';
    // what the page states about its query (共 N 条, 交易笔数, 合计, the date range): coverage
    const facts = this.pending.size ? readPageFacts(this.deps.doc, this.factTables) : {};
    const batches = [false, true].map((retaught) => [...this.pending.values()].filter((p) => p.retaught === retaught).map((p) => p.tx));
    for (const [k, rows] of batches.entries()) {
      for (let i = 0; i < rows.length; i += CAPTURE_CHUNK) {
        if (this.deps.signal.aborted) return;
        const chunk = rows.slice(i, i + CAPTURE_CHUNK);
        const res = await this.deps
          .send({ type: 'content/capture', url, rows: chunk, facts, ...(k === 1 ? { retaught: true } : {}) })
          .catch((e: unknown) => ({ ok: false as const, error: { code: 'send_failed', message: String(e) } }));
        if (!res.ok) {
          const attempts = ++this.failedSends;
          if (res.error.code !== 'send_failed' && attempts >= CAPTURE_ATTEMPTS) {
            // refused every time: set aside (marked sent, so scans do not queue them again; Teach
            // columns sends them anew) and the reason reported once, never resent forever
            for (const tx of chunk) {
              this.sent.add(tx.id);
              this.pending.delete(tx.id);
            }
            this.failedSends = 0;
            this.reportRefusal(res.error, chunk.length);
            continue;
          }
          const delay = Math.min((this.deps.captureRetryMs ?? 2000) * 2 ** (attempts - 1), MAX_CAPTURE_RETRY_MS);
          console.warn(`[SettleGuard] capture not taken, will send again in ${delay} ms:`, res.error.message);
          this.retryTimer = setTimeout(() => void this.sendPending(), delay);
          return;
        }
        this.failedSends = 0;
        for (const tx of chunk) {
          this.sent.add(tx.id);
          this.pending.delete(tx.id);
        }
        this.language = res.value.language;
        this.knownByBackground += res.value.known;
        this.takeFindings(
          chunk.map((tx) => tx.id),
          res.value,
        );
      }
    }
  }

  private reportRefusal(error: ResultError, rows: number): void {
    if (this.refusalsReported.has(error.code)) return;
    this.refusalsReported.add(error.code);
    console.warn('[SettleGuard] capture refused, not sent again:', error.message);
    this.refused = { rows, error };
    this.renderTools();
    this.deps.onCaptureRefused?.(error, rows);
  }

  /**
   * The findings the background sent back for these rows (with a capture: the rows are
   * highlighted one round trip sooner than by asking again).
   */
  private takeFindings(ids: readonly string[], reply: RowFindings): void {
    let changed = false;
    for (const id of ids) {
      const list = reply.byTransaction[id];
      if (list) {
        this.findings[id] = list;
        changed = true;
      } else if (this.findings[id]) {
        delete this.findings[id];
        changed = true;
      }
    }
    for (const id of reply.rejected ?? []) this.rejected.add(id);
    if (changed) this.apply();
  }

  /**
   * "Teach it a table": stores the merchant's column map for this site and reads the page again
   * with it; the rows already sent are sent again, since their reading changed.
   */
  async saveColumnMap(map: Record<string, string | null>): Promise<boolean> {
    const res = await this.deps.send({ type: 'content/saveColumnMap', columnMap: map });
    if (!res.ok) return false;
    this.readOptions = { ...this.readOptions, columnMap: res.value.columnMap };
    this.sent.clear();
    this.retaught = true;
    await (this.scanning = this.scanning.then(() => this.scan()));
    this.retaught = false;
    return true;
  }

  /**
   * "Capture all pages": sets the pager's page size to its largest where the family has a size
   * selector, captures this page, then clicks the table's next-page control and captures each
   * page in turn, until the control is disabled or gone, the page stops changing, or the merchant
   * presses Stop (the page being captured then still counts). Progress and the summary show in
   * the table tools.
   */
  async captureAllPages(root: Element): Promise<WalkState> {
    if (this.walk?.running) return this.walk;
    const abort = new AbortController();
    this.walkAbort = abort;
    const sentBefore = new Set(this.sent);
    const seen = new Set<string>();
    let known = 0;
    this.knownByBackground = 0;
    this.walk = { running: true, pages: 0, rows: 0, known: 0 };
    const countPage = () => {
      for (const id of this.onPage) {
        if (seen.has(id)) continue;
        seen.add(id);
        if (sentBefore.has(id)) known++;
      }
      this.walk = { running: true, pages: this.walk!.pages + 1, rows: seen.size, known: known + this.knownByBackground };
      this.renderTools();
    };
    this.renderTools();
    let table = root;
    // a re-rendered table is a new element: follow it
    const current = (): Element => (table = table.isConnected ? table : ([...this.tools.keys()].find((r) => r.isConnected) ?? table));
    const timeout = this.deps.pageTimeoutMs ?? 8000;
    const waitForChange = (before: string) => this.waitFor(() => contentSignature(current()) !== before, timeout, abort.signal);
    let reachedEnd = false;
    // fewer, larger pages: where there is a next page, the pager's page size at its largest first
    const first = findNextControl(table);
    if (first && !isDisabledControl(first)) {
      const before = contentSignature(table);
      if (await selectLargestPageSize(table, (test, ms) => this.waitFor(test, ms, abort.signal))) await waitForChange(before);
      this.scanTimer.cancel();
    }
    await this.readPage(current, abort.signal);
    countPage();
    while (!abort.signal.aborted && !this.deps.signal.aborted) {
      const next = findNextControl(current());
      if (!next || isDisabledControl(next)) {
        reachedEnd = true;
        break;
      }
      const before = contentSignature(table);
      next.click();
      if (!(await waitForChange(before))) break;
      this.scanTimer.cancel();
      await this.readPage(current, abort.signal);
      // a pager that goes round (bootstrap-table's paginationLoop: after the last page, the
      // first): a page of rows all seen before means every page was
      if (this.onPage.length > 0 && this.onPage.every((id) => seen.has(id))) {
        reachedEnd = true;
        break;
      }
      // Stop during this page's capture: the page is captured, so it counts; the walk ends here
      countPage();
    }
    this.walk = {
      running: false,
      pages: this.walk.pages,
      rows: seen.size,
      known: known + this.knownByBackground,
      done: abort.signal.aborted ? 'stopped' : 'finished',
    };
    // every page of the query was walked (the pager's next control ran out, not a timeout): its days are complete
    if (reachedEnd && !abort.signal.aborted) {
      await this.sending;
      const facts = { ...readPageFacts(this.deps.doc, this.factTables), walkedAllPages: true };
      await this.deps.send({ type: 'content/capture', url: this.deps.doc.location?.href ?? '', rows: [], facts }).catch(() => undefined);
    }
    this.walkAbort = null;
    this.renderTools();
    return this.walk;
  }

  /**
   * Reads the page of rows the table shows now. Where the table's rows scroll inside it, scrolls
   * them through, a screen at a time, reading each (a grid that virtualises its page renders
   * only the rows in view), and back to the top.
   */
  private async readPage(current: () => Element, signal: AbortSignal): Promise<void> {
    await (this.scanning = this.scanning.then(() => this.scan()));
    const scroller = findRowScroller(current());
    if (!scroller) return;
    const start = scroller.scrollTop;
    for (let step = 0; step < MAX_SCROLL_STEPS && !signal.aborted; step++) {
      const top = scroller.scrollTop;
      if (top + scroller.clientHeight >= scroller.scrollHeight - 1) break;
      const before = contentSignature(scroller);
      scroller.scrollTop = top + Math.max(1, Math.floor(scroller.clientHeight * 0.8));
      if (scroller.scrollTop === top) break;
      // the grid renders the rows now in view on its scroll event, a frame or so later
      await this.waitFor(() => contentSignature(scroller) !== before, 400, signal);
      this.scanTimer.cancel();
      await (this.scanning = this.scanning.then(() => this.scan()));
    }
    scroller.scrollTop = start;
  }

  /** Polls `test` every 50 ms until it holds (true), the time is up or the walk stops (false). */
  private waitFor(test: () => boolean, ms: number, signal: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      const started = Date.now();
      const tick = () => {
        if (signal.aborted || this.deps.signal.aborted) return resolve(false);
        if (test()) return resolve(true);
        if (Date.now() - started > ms) return resolve(false);
        setTimeout(tick, 50);
      };
      tick();
    });
  }

  /**
   * Ask the background for the findings of the rows on screen and show them, in the language of
   * the moment: a language picked in Settings reaches the open tab through bg/findingsChanged
   * (`news`), which asks even with no row on screen (a scan of a page without rows does not) and
   * redraws the table tools when the language changed.
   */
  async refresh(news = false): Promise<void> {
    const ids = [...this.rows.keys()];
    if (!ids.length && !news) return;
    const res = await this.deps.send({ type: 'content/getFindings', transactionIds: ids });
    if (!res.ok) return;
    const before = this.locale;
    this.findings = res.value.byTransaction;
    this.rejected = new Set(res.value.rejected ?? []);
    this.language = res.value.language;
    this.apply();
    if (this.locale !== before) this.renderTools();
  }

  /** The setting, or while it is 'auto' the browser's UI language, as on every extension page. */
  get locale(): Locale {
    return resolveLocale(this.language, this.deps.uiLanguage ?? globalThis.navigator?.language ?? 'en');
  }

  private apply(): void {
    for (const [id, el] of this.rows) {
      const all = this.findings[id] ?? [];
      const list = all.filter((f) => f.status === 'open');
      // a finding the merchant disputed is no longer highlighted (DESIGN.md: open findings only),
      // but the row says quietly that a dispute is under way until the money is back
      const disputed = list.length ? [] : all.filter((f) => f.status === 'disputed');
      // most rows are clean and were never flagged: nothing to look up or undo on them
      if (!list.length && !disputed.length && !el.hasAttribute('data-sg-finding') && !el.hasAttribute('data-sg-disputed')) continue;
      const host = el.querySelector(':scope > * > sg-flag, :scope > sg-flag');
      if (!list.length) {
        el.removeAttribute('data-sg-finding');
        el.removeAttribute('data-sg-severity');
        if (el.getAttribute('data-sg-title') !== null) {
          el.removeAttribute('title');
          el.removeAttribute('data-sg-title');
        }
        if (disputed.length) {
          el.setAttribute('data-sg-disputed', [...new Set(disputed.map((f) => f.kind))].join(' '));
          const flagHost = (host as HTMLElement | null) ?? this.createHost('sg-flag', el.lastElementChild ?? el);
          render(h(DisputedFlag, { findings: disputed, rejected: disputed.some((f) => this.rejected.has(f.id)), locale: this.locale }), this.mountOf(flagHost));
        } else {
          el.removeAttribute('data-sg-disputed');
          host?.remove();
        }
        continue;
      }
      el.removeAttribute('data-sg-disputed');
      if (!this.style) this.addRowCss();
      const kinds = [...new Set(list.map((f) => f.kind))];
      el.setAttribute('data-sg-finding', kinds.join(' '));
      el.setAttribute('data-sg-severity', list.some((f) => f.severity === 'overcharge') ? 'overcharge' : 'suspect');
      el.setAttribute('title', list.map((f) => explainFinding(f, this.locale)).join('\n'));
      el.setAttribute('data-sg-title', '');
      const flagHost = (host as HTMLElement | null) ?? this.createHost('sg-flag', el.lastElementChild ?? el);
      render(
        h(RowFlag, {
          findings: list,
          locale: this.locale,
          onDispute: () =>
            void this.openDispute(
              list.map((f) => f.id),
              flagHost,
            ),
        }),
        this.mountOf(flagHost),
      );
    }
  }

  private addRowCss(): void {
    const doc = this.deps.doc;
    this.style = doc.createElement('style');
    this.style.dataset.sg = 'overlay';
    this.style.textContent = ROW_CSS;
    (doc.head ?? doc.documentElement).append(this.style);
  }

  private createHost(tag: string, parent: Element, position: 'append' | 'after' | 'before' = 'append'): HTMLElement {
    const host = this.deps.doc.createElement(tag);
    const shadow = host.attachShadow({ mode: 'closed' });
    this.shadows.set(host, shadow);
    guardShadowRoot(shadow, this.deps.isTrusted ?? isTrustedEvent);
    const style = this.deps.doc.createElement('style');
    style.textContent = SHADOW_CSS;
    shadow.append(style, this.deps.doc.createElement('div'));
    if (position === 'append') parent.append(host);
    else if (position === 'before') parent.before(host);
    else parent.after(host);
    return host;
  }

  /** Our closed shadow root of a host we made (tests read the overlay through it). */
  shadowOf(host: Element): ShadowRoot | undefined {
    return this.shadows.get(host);
  }

  private mountOf(host: Element): Element {
    return this.shadows.get(host)!.lastElementChild!;
  }

  /** The row's Dispute control: the letter of these findings, in the panel frame. */
  openDispute(findingIds: string[], opener: Element): Promise<void> {
    const query = new URLSearchParams({ view: 'dispute', lang: this.locale });
    for (const id of findingIds) query.append('id', id);
    return this.showPanel(query, opener);
  }

  /**
   * The panel is an extension page in an iframe inside our closed shadow root: the letter,
   * finding details and drafts live there, where the page can neither read them (another
   * origin) nor click (its events are not ours to fake). Only what the merchant chooses to
   * insert comes back, through the background (onBackgroundMessage).
   */
  private async showPanel(query: URLSearchParams, opener: Element): Promise<void> {
    const { doc, panelUrl } = this.deps;
    const focused = this.shadows.get(opener)?.activeElement;
    this.panelOpener = focused instanceof HTMLElement ? focused : null;
    const src = await panelUrl?.(query.toString());
    if (!src || this.deps.signal.aborted) return;
    this.panelHost ??= this.createHost('sg-panel', doc.body ?? doc.documentElement);
    if (!this.panelHost.isConnected) (doc.body ?? doc.documentElement).append(this.panelHost);
    const frame = doc.createElement('iframe');
    frame.className = 'panel-frame';
    frame.title = t(this.locale, 'overlay.panelTitle');
    // Copy happens inside the frame
    frame.setAttribute('allow', 'clipboard-write');
    frame.src = src;
    // keyboard users land in the panel (issue 15 item 7)
    frame.addEventListener('load', () => frame.focus(), { once: true });
    this.mountOf(this.panelHost).replaceChildren(frame);
  }

  closePanel(): void {
    if (!this.panelHost || !this.mountOf(this.panelHost).firstChild) return;
    this.mountOf(this.panelHost).replaceChildren();
    if (this.panelOpener?.isConnected) this.panelOpener.focus();
    this.panelOpener = null;
  }

  /**
   * Messages from the background: refresh highlights, close the panel, or fill the complaint
   * form with the draft the merchant picked inside the panel. Returns the reply to send back.
   */
  onBackgroundMessage(msg: BackgroundToContent): { filled: boolean } | undefined {
    switch (msg.type) {
      case 'bg/findingsChanged':
        void this.refresh(true);
        return undefined;
      case 'bg/closePanel':
        this.closePanel();
        return undefined;
      case 'bg/fillComplaint': {
        const areas = findComplaintTextareas(this.deps.doc);
        const area = this.insertTarget && areas.includes(this.insertTarget) ? this.insertTarget : areas[0];
        if (!area) return { filled: false };
        fillTextarea(area, msg.text);
        this.closePanel();
        return { filled: true };
      }
    }
  }

  private mountInsertControls(): void {
    for (const area of findComplaintTextareas(this.deps.doc)) {
      if (area.nextElementSibling?.tagName === 'SG-INSERT') continue;
      const host = this.createHost('sg-insert', area, 'after');
      render(
        h(InsertControl, {
          locale: this.locale,
          onOpen: () => {
            this.insertTarget = area;
            void this.showPanel(new URLSearchParams({ view: 'insert', lang: this.locale }), host);
          },
        }),
        this.mountOf(host),
      );
    }
  }
}
