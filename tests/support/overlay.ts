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
 * Clicks, with the mouse, the button whose accessible name (aria-label or text) matches `name`
 * inside the closed shadow root of `host` (an sg-flag, sg-insert or sg-tools element).
 */
export async function clickInOverlay(page: Page, host: Locator, name: RegExp): Promise<void> {
  await expect(host).toBeAttached();
  // away from any control: a tooltip left open by hovering another row must not be in the way
  await page.mouse.move(0, 0);
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
    const locate = async () => {
      const res = await cdp.send('Runtime.callFunctionOn', {
        objectId: resolved.object.objectId!,
        functionDeclaration: `function (source, flags) {
          const re = new RegExp(source, flags);
          const button = [...this.querySelectorAll('button')].find((b) => re.test(b.getAttribute('aria-label') || b.textContent || ''));
          if (!button || button.disabled) return null;
          button.scrollIntoView({ block: 'center' });
          const r = button.getBoundingClientRect();
          return r.width && r.height ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
        }`,
        arguments: [{ value: name.source }, { value: name.flags }],
        returnByValue: true,
      });
      return res.result.value as { x: number; y: number } | null;
    };
    let point: { x: number; y: number } | null = null;
    await expect.poll(async () => (point = await locate()) !== null, { message: `a button named ${name} in the overlay` }).toBe(true);
    await page.mouse.click(point!.x, point!.y);
  } finally {
    await host.evaluate((el) => el.removeAttribute('data-sg-test')).catch(() => undefined);
  }
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
