// Launching Chromium with the built extension, shared by the e2e tests and the demo runner.
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, findChromium } from './chromium';

// the build `npm run build:local` made; SG_OUT_DIR (read in wxt.config.ts too) selects another output folder
export const EXTENSION_PATH = resolve(fileURLToPath(new URL('../../', import.meta.url)), process.env.SG_OUT_DIR ?? '.output', 'chrome-mv3');

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** every request the browser made while the session ran, judged by whose it is (issue 14 item 11) */
  requests: RequestRecorder;
  /** closes the browser; fails when the extension made a request of its own anywhere but itself */
  close(): Promise<void>;
}

/**
 * A fresh install opens the welcome checklist in a tab of its own (issue 15 item 1), and that tab
 * becomes the active one: the test's pages would be background tabs, whose frames Chromium
 * throttles (a mouse-wheel notch then took 2 s to be handled). Closed as it opens, unless the
 * test is about it.
 */
export function closeWelcomeTab(context: BrowserContext): void {
  const isWelcome = (url: string) => /\/options\.html#welcome$/.test(url);
  const close = async (page: Page) => {
    const opened =
      isWelcome(page.url()) ||
      (await page
        .waitForURL((u) => isWelcome(u.href), { timeout: 10_000 })
        .then(
          () => true,
          () => false,
        ));
    if (opened) {
      context.off('page', onPage);
      await page.close().catch(() => undefined);
    }
  };
  const onPage = (page: Page) => void close(page);
  context.on('page', onPage);
  for (const page of context.pages()) if (isWelcome(page.url())) void close(page);
}

export async function launchWithExtension(opts: { headless?: boolean; keepWelcome?: boolean } = {}): Promise<ExtensionSession> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: run `node --import tsx tests/support/ensure-chromium.ts` or set CHROMIUM_PATH');
  if (!existsSync(resolve(EXTENSION_PATH, 'manifest.json'))) throw new Error(`No built extension at ${EXTENSION_PATH}: run \`npm run build:local\``);
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless: opts.headless ?? true,
    args: chromiumArgs(EXTENSION_PATH),
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  });
  if (!opts.keepWelcome) closeWelcomeTab(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const requests = await recordRequests(context, extensionId);
  const close = async () => {
    await requests.stop();
    await context.close();
    const forbidden = requests.violations();
    if (forbidden.length)
      throw new Error(`the extension made ${forbidden.length} network request(s) of its own: ${forbidden.map((r) => `${r.from} → ${r.url}`).join('; ')}`);
  };
  return { context, worker, extensionId, requests, close };
}

// ── Requests of our own (README "Privacy": no network requests of our own) ──────────────────

export interface RecordedRequest {
  url: string;
  /** 'extension-page' (popup, options and their workers), 'service-worker', or the web page's URL */
  from: string;
}

export interface RequestRecorder {
  /** everything recorded so far (a service worker's request may be there twice: Playwright's event and CDP's) */
  readonly all: RecordedRequest[];
  /**
   * Requests that break the rule: the extension's pages and its service worker may only reach
   * the extension itself (and data:/blob: URLs); a web page (with our content script in it) only
   * the origins the test navigated pages to — the local test servers — and the extension.
   */
  violations(): RecordedRequest[];
  /** forgets what was recorded (after a test that made violations on purpose) */
  clear(): void;
  stop(): Promise<void>;
}

const INERT = /^(data|blob|about):/;

/**
 * Records every request of the context: pages and their dedicated workers through Playwright's
 * `request` event, the extension's service worker through CDP (Network domain on each
 * service-worker target of the extension, found by target discovery, so a restarted worker is
 * watched too). Playwright's CDPSession cannot address a child session: as in toolbar-popup.ts,
 * the worker is attached with flatten: false and spoken to through Target.sendMessageToTarget.
 */
export async function recordRequests(context: BrowserContext, extensionId: string): Promise<RequestRecorder> {
  const own = `chrome-extension://${extensionId}/`;
  const all: RecordedRequest[] = [];
  const navigated = new Set<string>();
  context.on('request', (request) => {
    let from = 'extension-page';
    try {
      const frameUrl = request.frame().url();
      if (!frameUrl.startsWith(own)) from = frameUrl || 'page';
    } catch {
      from = request.serviceWorker() ? 'service-worker' : 'extension-page';
    }
    if (request.isNavigationRequest() && !request.url().startsWith(own)) navigated.add(originOf(request.url()));
    all.push({ url: request.url(), from });
  });

  const browser = context.browser();
  if (!browser) throw new Error('no browser behind this context: cannot watch the service worker');
  const cdp = await browser.newBrowserCDPSession();
  const attached = new Set<string>();
  const sessions = new Set<string>();
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    if (!sessions.has(e.sessionId)) return;
    const message = JSON.parse(e.message) as { method?: string; params?: { request?: { url?: string } } };
    if (message.method === 'Network.requestWillBeSent' && message.params?.request?.url) all.push({ url: message.params.request.url, from: 'service-worker' });
  });
  const watch = async (target: { targetId: string; type: string; url: string }) => {
    if (target.type !== 'service_worker' || !target.url.startsWith(own) || attached.has(target.targetId)) return;
    attached.add(target.targetId);
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    sessions.add(sessionId);
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Network.enable', params: {} }) });
  };
  cdp.on('Target.targetCreated', (e: { targetInfo: { targetId: string; type: string; url: string } }) => {
    void watch(e.targetInfo).catch(() => undefined);
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  for (const t of (await cdp.send('Target.getTargets')).targetInfos) await watch(t);

  const allowed = (r: RecordedRequest): boolean => {
    if (r.url.startsWith(own) || INERT.test(r.url)) return true;
    if (r.from === 'extension-page' || r.from === 'service-worker') return false;
    return navigated.has(originOf(r.url));
  };
  return {
    all,
    // one per source and URL: Playwright reports a service worker's request too, besides CDP
    violations: () => [...new Map(all.filter((r) => !allowed(r)).map((r) => [`${r.from} ${r.url}`, r])).values()],
    clear: () => {
      all.length = 0;
    },
    stop: async () => {
      await cdp.detach().catch(() => undefined);
    },
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
