// The overlay on a virtual grid while the merchant scrolls (issue 12 item 4, DESIGN.md "What the
// page shows": a marker belongs to the row's content; rows that pass by are read even if the
// merchant never stops scrolling). A fake grid recycles a small pool of row elements; a fake
// reader reads what the pool shows, as lib/portals would, across a task boundary.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PortalOverlay, type Send } from '../../../components/overlay/controller';
import type { CapturedTable, StoredFinding } from '../../../lib/model';
import type { ContentToBackground } from '../../../lib/messaging';
import { tx } from '../services/builders';

const POOL = 8;
const DATA = Array.from({ length: 120 }, (_, i) => `R${String(i).padStart(3, '0')}`);
const idOf = (key: string) => `id-${key}`;

let controller: AbortController;
let body: HTMLElement;

/** Writes data rows offset… into the pool's elements, as a virtual grid does on scroll. */
function showFrom(offset: number): void {
  [...body.children].forEach((tr, i) => {
    tr.setAttribute('aria-rowindex', String(offset + i + 2));
    tr.firstElementChild!.firstChild!.nodeValue = DATA[offset + i]!;
  });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  controller = new AbortController();
  document.body.innerHTML = `<div role="grid" id="grid"><div id="body">${Array.from({ length: POOL }, () => '<div role="row"><div role="gridcell">x</div><div role="gridcell">100.00</div></div>').join('')}</div></div>`;
  body = document.getElementById('body')!;
  showFrom(0);
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

interface Setup {
  overlay: PortalOverlay;
  scans: number[];
  captured: Set<string>;
  /** when the reader has read the rows but not yet returned them (the chunked reader yields) */
  readDelayMs: number;
}

function setup(
  opts: { readDelayMs?: number; findings?: Record<string, StoredFinding[]>; sendDelayMs?: number; nextFrame?: (cb: () => void) => void } = {},
): Setup {
  const s: Setup = { overlay: undefined as unknown as PortalOverlay, scans: [], captured: new Set(), readDelayMs: opts.readDelayMs ?? 0 };
  const readTables = async (): Promise<(CapturedTable & { root: Element })[]> => {
    s.scans.push(Date.now());
    const rows = [...body.children].map((el) => {
      const key = el.firstElementChild!.textContent!;
      return { element: el, transaction: tx({ id: idOf(key) }), issues: [] };
    });
    if (s.readDelayMs) await new Promise((r) => setTimeout(r, s.readDelayMs));
    return [{ adapter: 'aria-grid', columns: [], rows, root: document.getElementById('grid')! }];
  };
  const send = vi.fn(async (msg: ContentToBackground) => {
    const byTransaction = opts.findings ?? {};
    // a busy service worker (storing, reconciling)
    if (opts.sendDelayMs) await new Promise((r) => setTimeout(r, opts.sendDelayMs));
    if (msg.type === 'content/capture') {
      for (const r of msg.rows) s.captured.add(r.id);
      return { ok: true, value: { added: msg.rows.length, updated: 0, known: 0, byTransaction, language: 'auto' } };
    }
    if (msg.type === 'content/getFindings') return { ok: true, value: { byTransaction, language: 'auto' } };
    return { ok: false, error: { code: 'x', message: 'not in this test' } };
  }) as unknown as Send;
  s.overlay = new PortalOverlay({
    doc: document,
    send,
    readTables,
    now: () => '2026-03-16T00:00:00Z',
    signal: controller.signal,
    settleMs: 50,
    maxWaitMs: 200,
    urlPollMs: 60_000,
    ...(opts.nextFrame ? { nextFrame: opts.nextFrame } : {}),
  });
  return s;
}

function finding(id: string): StoredFinding {
  return {
    id: `f-${id}`,
    kind: 'duplicate_charge',
    severity: 'suspect',
    transactionIds: [id],
    statementLineIds: [],
    explanation: { key: 'finding.duplicate_charge', params: {} },
    status: 'open',
    firstSeenAt: '2026-03-16T00:00:00Z',
  };
}

/** Every element carrying a mark carries the mark of the row it shows now. */
function marksMatchContent(): void {
  for (const el of document.querySelectorAll('[data-sg-row], [data-sg-finding]')) {
    expect(el.getAttribute('data-sg-row')).toBe(idOf(el.firstElementChild!.textContent!));
  }
}

describe('PortalOverlay while a grid keeps changing', () => {
  // every 50 ms (the brief's case) and every frame (a change always closer than the 50 ms settle time)
  it.each([50, 16])('scans at most ~200 ms apart under mutations every %i ms for 2 s, the last change read, then no more scans', async (every) => {
    const s = setup();
    s.overlay.start();
    await vi.advanceTimersByTimeAsync(100);
    const first = s.scans.length;
    expect(first).toBe(1);
    const from = Date.now();
    let lastChange = from;
    for (let t = 0; t < 2000; t += every) {
      lastChange = Date.now();
      body.lastElementChild!.lastElementChild!.firstChild!.nodeValue = `${100 + t}.00`;
      await vi.advanceTimersByTimeAsync(every);
    }
    await vi.advanceTimersByTimeAsync(1000);
    const during = s.scans.slice(first);
    const gaps = during.map((at, i) => at - (i === 0 ? from : during[i - 1]!));
    expect(during.length).toBeGreaterThanOrEqual(9);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(210);
    // the last change is read, once the page is quiet for the settle time; then nothing more
    expect(during.at(-1)!).toBeGreaterThanOrEqual(lastChange);
    expect(during.at(-1)!).toBeLessThanOrEqual(lastChange + 60);
  });

  it('reads keep coming every ~200 ms while the background takes 2 s to answer each message', async () => {
    const s = setup({ sendDelayMs: 2000 });
    s.overlay.start();
    await vi.advanceTimersByTimeAsync(100);
    const from = Date.now();
    // one row further every 40 ms: each row on screen for 320 ms
    for (let offset = 1; offset <= 60; offset++) {
      showFrom(offset);
      await vi.advanceTimersByTimeAsync(40);
    }
    const during = s.scans.filter((at) => at > from);
    const gaps = during.map((at, i) => at - (i === 0 ? from : during[i - 1]!));
    expect(during.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(210);
    // and what they read all arrives, once the background answers
    await vi.advanceTimersByTimeAsync(20_000);
    expect([...s.captured].sort()).toEqual(
      DATA.slice(0, 60 + POOL)
        .map(idOf)
        .sort(),
    );
  });

  // While the merchant scrolls, the browser runs input and frames before timers: reads must not
  // depend on a timer firing. Here the clock moves but no timer ever runs.
  it('while timers are held back, a change past its deadline is read from the observer callback itself', async () => {
    const s = setup();
    s.overlay.start();
    await vi.advanceTimersByTimeAsync(100);
    const before = s.scans.length;
    for (let offset = 1; offset <= 40; offset++) {
      vi.setSystemTime(Date.now() + 16);
      showFrom(offset);
      for (let k = 0; k < 5; k++) await Promise.resolve();
    }
    // 40 frames of 16 ms: a read once 50 ms went by (the cheap reads' wait), every 4th frame
    expect(s.scans.length - before).toBeGreaterThanOrEqual(8);
  });

  it('while timers are held back, a waiting read also comes with the next frame once due', async () => {
    const frames: (() => void)[] = [];
    const s = setup({ nextFrame: (cb) => frames.push(cb) });
    s.overlay.start();
    await vi.advanceTimersByTimeAsync(100);
    const before = s.scans.length;
    showFrom(1);
    await Promise.resolve();
    for (let f = 0; f < 10; f++) {
      vi.setSystemTime(Date.now() + 16);
      for (const cb of frames.splice(0)) cb();
      for (let k = 0; k < 5; k++) await Promise.resolve();
    }
    expect(s.scans.length - before).toBe(1);
    expect(body.firstElementChild!.getAttribute('data-sg-row')).toBe(idOf('R001'));
  });

  it('a text change outside any table (a clock in the header) does not make a scan', async () => {
    document.body.insertAdjacentHTML('afterbegin', '<span id="clock">10:00:00</span>');
    const s = setup();
    s.overlay.start();
    await vi.advanceTimersByTimeAsync(100);
    const before = s.scans.length;
    for (let i = 0; i < 10; i++) {
      document.getElementById('clock')!.firstChild!.nodeValue = `10:00:0${i}`;
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(s.scans.length).toBe(before);
  });

  it('a recycled row element loses data-sg-row, data-sg-finding, its title and chip in the mutation callback itself', async () => {
    const s = setup({ findings: { [idOf('R000')]: [finding(idOf('R000'))] } });
    s.overlay.start();
    await vi.advanceTimersByTimeAsync(100);
    const row = body.firstElementChild!;
    expect(row.getAttribute('data-sg-row')).toBe(idOf('R000'));
    expect(row.getAttribute('data-sg-finding')).toBe('duplicate_charge');
    expect(row.querySelector('sg-flag')).not.toBeNull();
    expect(row.hasAttribute('title')).toBe(true);
    let seenInCallback: (string | null)[] | undefined;
    // an observer made after the overlay's hears the same records after it, still before any timer
    new MutationObserver(() => {
      seenInCallback ??= [row.getAttribute('data-sg-row'), row.getAttribute('data-sg-finding')];
    }).observe(document.body, { subtree: true, characterData: true });
    row.firstElementChild!.firstChild!.nodeValue = 'R050';
    await Promise.resolve();
    expect(seenInCallback).toEqual([null, null]);
    for (const a of ['data-sg-row', 'data-sg-finding', 'data-sg-severity', 'title']) expect(row.hasAttribute(a)).toBe(false);
    expect(row.querySelector('sg-flag')).toBeNull();
    // the next scan marks the element for the row it shows now
    await s.overlay.scan();
    expect(row.getAttribute('data-sg-row')).toBe(idOf('R050'));
    expect(row.hasAttribute('data-sg-finding')).toBe(false);
  });

  it('a row key change, or a pooled element changed while detached, clears its marks too; a change that shows nothing new does not', async () => {
    const s = setup();
    s.overlay.start();
    await vi.advanceTimersByTimeAsync(100);
    const [a, b, c] = [...body.children] as Element[];
    a!.setAttribute('aria-rowindex', '99');
    await Promise.resolve();
    expect(a!.hasAttribute('data-sg-row')).toBe(false);
    b!.remove();
    b!.firstElementChild!.firstChild!.nodeValue = 'R077';
    body.append(b!);
    await Promise.resolve();
    expect(b!.hasAttribute('data-sg-row')).toBe(false);
    // an empty tooltip host added inside a cell, the same text written again: still the same row
    c!.firstElementChild!.append(document.createElement('span'));
    c!.firstElementChild!.firstChild!.nodeValue = c!.firstElementChild!.firstChild!.nodeValue;
    await Promise.resolve();
    expect(c!.getAttribute('data-sg-row')).toBe(idOf('R002'));
  });

  it('a row recycled while the scan was reading is sent as read but not marked with what it no longer shows', async () => {
    const s = setup({ readDelayMs: 30 });
    s.overlay.start();
    // the first scan reads R000…R007, then the grid scrolls while the reader is still busy
    await vi.advanceTimersByTimeAsync(10);
    showFrom(40);
    await vi.advanceTimersByTimeAsync(25);
    expect(s.captured.has(idOf('R000'))).toBe(true);
    marksMatchContent();
    expect(document.querySelectorAll('[data-sg-row]')).toHaveLength(0);
    // the scan the scroll asked for marks what the rows show now
    await vi.advanceTimersByTimeAsync(100);
    expect(body.firstElementChild!.getAttribute('data-sg-row')).toBe(idOf('R040'));
    marksMatchContent();
  });

  it('scrolling through 120 rows without ever pausing: every row is stored, and no mark is ever on the wrong content', async () => {
    const s = setup({ readDelayMs: 12, findings: Object.fromEntries(DATA.filter((_, i) => i % 7 === 0).map((k) => [idOf(k), [finding(idOf(k))]])) });
    s.overlay.start();
    await vi.advanceTimersByTimeAsync(100);
    // one row further every 40 ms (each row on screen for POOL × 40 = 320 ms), checked after every frame
    for (let offset = 1; offset <= DATA.length - POOL; offset++) {
      showFrom(offset);
      for (let f = 0; f < 40; f += 8) {
        await vi.advanceTimersByTimeAsync(8);
        marksMatchContent();
      }
    }
    await vi.advanceTimersByTimeAsync(500);
    expect([...s.captured].sort()).toEqual(DATA.map(idOf).sort());
    marksMatchContent();
    expect(document.querySelectorAll('[data-sg-row]')).toHaveLength(POOL);
  });
});
