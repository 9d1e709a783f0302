// Opening the extension's real toolbar popup from a test, as a merchant's click on the toolbar
// button does (TOOLCHAIN.md "Opening the real toolbar popup from a test"): CDP
// Extensions.triggerAction on the tab grants `activeTab` for it, and the popup is an
// extension page target of its own, which Playwright does not list among the context's pages.
// It is driven through CDP: text read with Runtime.evaluate, buttons pressed with real mouse
// input (Input.dispatchMouseEvent), so a click is a user gesture, as permissions.request needs.
// Chromium must run with --enable-unsafe-extension-debugging (tests/support/chromium.ts).
import type { CDPSession, Page } from '@playwright/test';
import type { ExtensionSession } from './extension';

interface CdpReply {
  id: number;
  result?: { result?: { value?: unknown }; exceptionDetails?: unknown };
  error?: { message: string };
}

/** How long a command to the popup may go unanswered before it fails with its name. */
const REPLY_MS = 15_000;

export class ToolbarPopup {
  private nextId = 0;
  private readonly waiting = new Map<number, (reply: CdpReply) => void>();
  /** the popup closed (it does when it loses the focus, or opens the options page): commands get an error reply */
  private closed = false;

  private constructor(
    private readonly browserCdp: CDPSession,
    private readonly sessionId: string,
    private readonly targetId: string,
  ) {
    browserCdp.on('Target.receivedMessageFromTarget', (ev: { sessionId: string; message: string }) => {
      if (ev.sessionId !== this.sessionId) return;
      const reply = JSON.parse(ev.message) as CdpReply;
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
    // a command sent as the popup closes is never answered: it is answered here instead, or a
    // test awaiting it (a key press that opens the options page) waits out its whole timeout
    browserCdp.on('Target.detachedFromTarget', (ev: { sessionId?: string }) => {
      if (ev.sessionId !== this.sessionId) return;
      this.closed = true;
      for (const [id, answer] of this.waiting) answer({ id, error: { message: 'the popup closed' } });
      this.waiting.clear();
    });
  }

  /** Clicks the toolbar button on `page`'s tab and attaches to the popup that opens. */
  static async open(session: ExtensionSession, page: Page): Promise<ToolbarPopup> {
    const browser = session.context.browser();
    if (!browser) throw new Error('no browser behind this context');
    await page.bringToFront();
    const cdp = await browser.newBrowserCDPSession();
    // the action acts on a tab target (not the page target inside it); test pages have unique URLs
    const tabs = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] })).targetInfos.filter((t) => t.url === page.url());
    if (tabs.length !== 1) throw new Error(`expected one tab at ${page.url()}, found ${tabs.length}`);
    const popupUrl = `chrome-extension://${session.extensionId}/popup.html`;
    const popups = async () => (await cdp.send('Target.getTargets', { filter: [{ type: 'page' }] })).targetInfos.filter((t) => t.url.startsWith(popupUrl));
    const before = new Set((await popups()).map((t) => t.targetId));
    await cdp.send('Extensions.triggerAction', { id: session.extensionId, targetId: tabs[0]!.targetId });
    for (let i = 0; i < 100; i++) {
      const opened = (await popups()).find((t) => !before.has(t.targetId));
      if (opened) {
        // flatten: false — Playwright's CDPSession cannot address a child session, so commands
        // travel through Target.sendMessageToTarget
        const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: opened.targetId, flatten: false });
        const popup = new ToolbarPopup(cdp, sessionId, opened.targetId);
        await popup.waitFor('document.readyState === "complete" && !!document.querySelector("main")');
        return popup;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the toolbar popup did not open');
  }

  private send(method: string, params: Record<string, unknown> = {}): Promise<CdpReply> {
    const id = ++this.nextId;
    if (this.closed) return Promise.resolve({ id, error: { message: `the popup closed before ${method}` } });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve({ id, error: { message: `no reply to ${method} within ${REPLY_MS} ms` } });
      }, REPLY_MS);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      this.browserCdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) }).catch((e: unknown) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        reject(e);
      });
    });
  }

  /** Evaluates an expression in the popup and returns its value. */
  async evaluate<T>(expression: string): Promise<T> {
    const reply = await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (reply.error || reply.result?.exceptionDetails)
      throw new Error(`popup: ${expression}: ${JSON.stringify(reply.error ?? reply.result?.exceptionDetails)}`);
    return reply.result?.result?.value as T;
  }

  text(): Promise<string> {
    return this.evaluate<string>('document.body.innerText');
  }

  /** The text of the first element `selector` matches ('' when none). */
  textOf(selector: string): Promise<string> {
    return this.evaluate<string>(`document.querySelector(${JSON.stringify(selector)})?.textContent ?? ''`);
  }

  /** Loads the popup again (as reopening it would), and waits until it shows its figures. */
  async reload(): Promise<void> {
    await this.evaluate('location.reload()').catch(() => undefined); // the context goes away mid-call
    await new Promise((r) => setTimeout(r, 100));
    await this.waitFor('document.readyState === "complete" && document.querySelector("[data-testid=sg-open-options]")');
  }

  /** A PNG of the popup as shown. */
  async screenshot(): Promise<Buffer> {
    const reply = await this.send('Page.captureScreenshot', { format: 'png' });
    if (reply.error) throw new Error(`popup screenshot: ${reply.error.message}`);
    return Buffer.from((reply.result as unknown as { data: string }).data, 'base64');
  }

  /** Polls an expression in the popup until it is truthy. */
  async waitFor(expression: string, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if (await this.evaluate<boolean>(`!!(${expression})`)) return;
      if (Date.now() > until) throw new Error(`popup: timed out waiting for ${expression}; it shows: ${await this.text()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /**
   * A real click (trusted mouse input) in the middle of the element `selector` matches, once it
   * is actionable as Playwright defines it: its box is the same on two frames in a row and the
   * point receives the events (parts of the popup that load later, such as the getting-started
   * link, push the blocks below them down; a click aimed before that lands on something else).
   */
  async click(selector: string, timeoutMs = 10_000): Promise<void> {
    const probe = `(async () => {
      const box = () => { const r = document.querySelector(${JSON.stringify(selector)})?.getBoundingClientRect(); return r && r.width ? { x: r.x, y: r.y, width: r.width, height: r.height } : null; };
      const first = box();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const second = box();
      if (!first || !second || JSON.stringify(first) !== JSON.stringify(second)) return null;
      const x = second.x + second.width / 2, y = second.y + second.height / 2;
      const hit = document.elementFromPoint(x, y);
      return hit && document.querySelector(${JSON.stringify(selector)})?.contains(hit) ? { x, y } : null;
    })()`;
    const until = Date.now() + timeoutMs;
    let point = await this.evaluate<{ x: number; y: number } | null>(probe);
    while (!point) {
      if (Date.now() > until) throw new Error(`popup: ${selector} never became clickable (absent, moving or covered); it shows: ${await this.text()}`);
      await new Promise((r) => setTimeout(r, 50));
      point = await this.evaluate<{ x: number; y: number } | null>(probe);
    }
    const { x, y } = point;
    await this.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
    // A click may close the popup (Enable opens the browser's permission prompt, which takes the
    // focus): the popup's session can then be gone before CDP answers the release. The click was
    // delivered; callers that expect the popup to stay check it themselves.
    await this.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 }).catch((e: unknown) => {
      if (!/No session with given id/.test(String(e))) throw e;
    });
  }

  /** Shows the popup as in a light or dark system theme (prefers-color-scheme). */
  async emulateColorScheme(scheme: 'light' | 'dark'): Promise<void> {
    const reply = await this.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
    if (reply.error) throw new Error(`popup colour scheme: ${reply.error.message}`);
  }

  /** Presses a key as the keyboard does (trusted input): 'Tab', 'Shift+Tab', 'Enter'… */
  async press(combo: string): Promise<void> {
    const parts = combo.split('+');
    const key = parts.pop()!;
    const modifiers = parts.includes('Shift') ? 8 : 0;
    const code = { Tab: 9, Enter: 13, Escape: 27, ArrowLeft: 37, ArrowUp: 38, ArrowRight: 39, ArrowDown: 40, Home: 36, End: 35 }[key] ?? 0;
    // Enter types a carriage return (that is what activates a button); the others type nothing
    const down = key === 'Enter' ? { type: 'keyDown', text: '\r' } : { type: 'rawKeyDown' };
    for (const event of [
      { ...down, key, code: key, modifiers, windowsVirtualKeyCode: code },
      { type: 'keyUp', key, code: key, modifiers, windowsVirtualKeyCode: code },
    ]) {
      const reply = await this.send('Input.dispatchKeyEvent', event);
      if (reply.error) throw new Error(`popup: ${combo}: ${reply.error.message}`);
    }
  }

  /** Whether the popup is still open (it closes when it loses the focus, e.g. to a browser prompt). */
  async isOpen(): Promise<boolean> {
    const { targetInfos } = await this.browserCdp.send('Target.getTargets', { filter: [{ type: 'page' }] });
    return targetInfos.some((t) => t.targetId === this.targetId);
  }

  /** Closes the popup (the merchant clicks elsewhere). */
  async close(): Promise<void> {
    await this.evaluate('window.close()').catch(() => undefined);
  }
}
