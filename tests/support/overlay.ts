// Driving the overlay as the merchant does. Its shadow roots are closed (the page cannot reach
// them, and neither can Playwright's locators), so a control is found through the DevTools
// protocol — which sees closed roots — and pressed with a real mouse click at its position (a
// trusted event, as the overlay requires). The letter and drafts live in the panel: an extension
// page in a frame, found among the page's frames by its URL.
import { expect, type CDPSession, type Frame, type Locator, type Page } from '@playwright/test';

const sessions = new WeakMap<Page, CDPSession>();

async function cdpOf(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  return cdp;
}

let marks = 0;

/**
 * Runs `fn(root, arg)` in the page with `root` the closed shadow root of `host` (an sg-flag,
 * sg-insert or sg-tools element), found through the DevTools protocol; returns its result by
 * value. For reading what the overlay shows: the page's own scripts have no such way in.
 */
export async function evaluateInOverlay<T, A = undefined>(page: Page, host: Locator, fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T> {
  await expect(host).toBeAttached();
  const mark = `sg-test-${++marks}`;
  // a marker the DevTools protocol can find the host by (Playwright's handles are not CDP objects)
  await host.evaluate((el, m) => el.setAttribute('data-sg-test', m), mark);
  const cdp = await cdpOf(page);
  try {
    const found = await cdp.send('Runtime.evaluate', { expression: `document.querySelector('[data-sg-test="${mark}"]')` });
    const described = await cdp.send('DOM.describeNode', { objectId: found.result.objectId!, depth: 1, pierce: true });
    const root = described.node.shadowRoots?.[0];
    if (!root) throw new Error('the overlay host has no shadow root');
    const resolved = await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
    const res = await cdp.send('Runtime.callFunctionOn', {
      objectId: resolved.object.objectId!,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (res.exceptionDetails) throw new Error(`in the overlay: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
    return res.result.value as T;
  } finally {
    await host.evaluate((el) => el.removeAttribute('data-sg-test')).catch(() => undefined);
  }
}

/** What names a control: a button's accessible name, or a CSS selector inside the root. */
export type OverlayTarget = RegExp | { selector: string };

/** The centre of the target in the viewport (scrolled into view), or null while it is not there or disabled. */
function locateTarget(root: ShadowRoot, target: { source?: string; flags?: string; selector?: string }): { x: number; y: number } | null {
  const re = target.source !== undefined ? new RegExp(target.source, target.flags) : null;
  const el = re
    ? [...root.querySelectorAll('button')].find((b) => re.test(b.getAttribute('aria-label') || b.textContent || ''))
    : root.querySelector(target.selector ?? '');
  if (!el || (el as HTMLButtonElement).disabled) return null;
  el.scrollIntoView({ block: 'center' });
  const r = el.getBoundingClientRect();
  return r.width && r.height ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
}

/**
 * Clicks, with the mouse (a trusted event, as the overlay requires), the button whose accessible
 * name (aria-label or text) matches `target`, or the element a selector names, in the closed
 * shadow root of `host`.
 */
export async function clickInOverlay(page: Page, host: Locator, target: OverlayTarget): Promise<void> {
  // away from any control: a tooltip left open by hovering another row must not be in the way
  await page.mouse.move(0, 0);
  const arg = target instanceof RegExp ? { source: target.source, flags: target.flags } : { selector: target.selector };
  let point: { x: number; y: number } | null = null;
  await expect
    .poll(async () => (point = await evaluateInOverlay(page, host, locateTarget, arg)) !== null, { message: `${String(target)} in the overlay` })
    .toBe(true);
  await page.mouse.click(point!.x, point!.y);
}

/**
 * Picks `value` in the select of the overlay whose label holds `label` (Teach columns), with the
 * keyboard: focused, then arrow keys to the option — trusted key events, as a merchant's.
 */
export async function selectInOverlay(page: Page, host: Locator, label: string, value: string): Promise<void> {
  const where = await evaluateInOverlay(
    page,
    host,
    (root, a) => {
      const select = [...root.querySelectorAll('label')].find((l) => (l.textContent ?? '').includes(a.label))?.querySelector('select');
      if (!select) return null;
      select.focus();
      return { from: select.selectedIndex, to: [...select.options].findIndex((o) => o.value === a.value) };
    },
    { label, value },
  );
  if (!where || where.to < 0) throw new Error(`no option ${value} in the select labelled ${label}`);
  const key = where.to > where.from ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(where.to - where.from); i++) await page.keyboard.press(key);
}

/** The panel frames open on the page (the overlay shows at most one). */
export function panelFrames(page: Page): Frame[] {
  return page.frames().filter((f) => f !== page.mainFrame() && /^chrome-extension:\/\/[^/]+\/panel\.html/.test(f.url()));
}

/** Waits for the panel frame and its content (the letter, or the list of drafts). */
export async function panelFrame(page: Page): Promise<Frame> {
  await expect.poll(() => panelFrames(page).length, { message: 'the dispute panel opened' }).toBeGreaterThan(0);
  const frame = panelFrames(page).at(-1)!;
  await expect(frame.getByRole('dialog')).toBeVisible();
  return frame;
}

/** Waits until no panel frame is open. */
export async function panelClosed(page: Page): Promise<void> {
  await expect.poll(() => panelFrames(page).length, { message: 'the dispute panel closed' }).toBe(0);
}
