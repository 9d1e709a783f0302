// "Enable on this site" through the real toolbar popup (issue 12 item 5): the toolbar button is
// clicked through CDP (Extensions.triggerAction, which grants activeTab as a click does), the
// popup reads the tab's URL, and its Enable button gets a real mouse click. Hosts *.test are
// mapped to 127.0.0.1 (tests/support/chromium.ts):
// - http://ask.test: no host permission. Only activeTab shows the popup its URL; the click asks
//   the browser, whose permission prompt closes the popup. The prompt cannot be pressed by
//   automation, so nothing is granted there.
// - http://portal.test: the local build holds its host permission but runs nothing there until
//   enabled (wxt.config.ts), so permissions.request resolves without a prompt and the rest of the
//   path runs for real.
// Not tested end to end: the merchant pressing Allow in the prompt, and what follows it in a real
// browser, where the prompt has closed the popup and the background's permissions.onAdded
// registers and starts the script (unit-tested in tests/unit/services/sites.test.ts).
import { test, expect, type Page } from '@playwright/test';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { startStaticServer, type StaticServer } from '../support/serve';
import { PortalPage, readStore } from '../support/pages';
import { DEMO, DEMO_PORTAL_DIR } from '../support/demo-data';
import { ToolbarPopup } from '../support/toolbar-popup';
import type { PortalTransaction } from '../../lib/model';

let session: ExtensionSession;
let server: StaticServer;

test.beforeAll(async () => {
  session = await launchWithExtension();
  server = await startStaticServer(DEMO_PORTAL_DIR);
});
test.afterAll(async () => {
  await session?.close();
  await server?.close();
});

const perPage = (n: number) => DEMO.rows.filter((r) => r.page === n).length;

// the extension APIs as the service worker sees them (`chrome` is not typed in the test's scope)
interface WorkerChrome {
  scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
}

async function registeredMatches(): Promise<string[]> {
  return session.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
    return (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []);
  });
}

async function isGranted(origin: string): Promise<boolean> {
  return session.worker.evaluate((o) => (globalThis as unknown as { chrome: WorkerChrome }).chrome.permissions.contains({ origins: [`${o}/*`] }), origin);
}

async function openPortal(url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  return page;
}

test('on an origin never granted, the popup learns it through activeTab, and Enable asks the browser for it', async () => {
  const origin = server.url.replace('127.0.0.1', 'ask.test');
  const page = await openPortal(`${origin}/index.html`);
  const popup = await ToolbarPopup.open(session, page);
  await popup.waitFor('document.querySelector("[data-testid=sg-popup-enable]")');
  await popup.click('[data-testid=sg-popup-enable]');
  // the browser's permission prompt takes the focus and the popup closes: the request was made
  // within the click (without a user gesture it fails at once, and the popup would show the error)
  await expect.poll(() => popup.isOpen(), { timeout: 5000 }).toBe(false);
  expect(await isGranted(origin)).toBe(false);
  expect(await registeredMatches()).toEqual([]);
  await page.close();
});

test('on an origin not enabled the popup offers Enable; one click starts capture in the open tab, and the site stays enabled', async () => {
  const origin = server.url.replace('127.0.0.1', 'portal.test');
  const page = await openPortal(`${origin}/index.html`);
  const portal = new PortalPage(page);
  await expect(portal.rows()).toHaveCount(perPage(1));
  // nothing runs here yet: give a content script the time it would need, then look
  await page.waitForTimeout(1500);
  await expect(portal.capturedRows()).toHaveCount(0);
  expect(await readStore(session.worker, 'transactions')).toEqual([]);

  const popup = await ToolbarPopup.open(session, page);
  await popup.waitFor('document.querySelector("[data-testid=sg-popup-enable]")');
  expect(await popup.text()).toMatch(/未在此网站启用|not enabled on this site/);
  await popup.click('[data-testid=sg-popup-enable]');
  await popup.waitFor('document.querySelector("[data-testid=sg-popup-enabled]")?.dataset.outcome === "running"');
  // the popup now shows the site as enabled: Disable instead of Enable
  await popup.waitFor('document.querySelector("[data-testid=sg-popup-disable]") && !document.querySelector("[data-testid=sg-popup-enable]")');
  await popup.close();

  // the content script runs in the open tab without a reload: rows marked and stored
  await portal.waitForCapture(perPage(1));
  await expect.poll(async () => (await readStore<PortalTransaction>(session.worker, 'transactions')).length).toBe(perPage(1));
  const stored = await readStore<PortalTransaction>(session.worker, 'transactions');
  expect(new Set(stored.map((t) => new URL(t.evidence.url).origin))).toEqual(new Set([origin]));
  const sites = await readStore<{ id: string; enabled: boolean }>(session.worker, 'sites');
  expect(sites.filter((s) => s.enabled).map((s) => s.id)).toEqual([origin]);
  // registered for later visits: a reload is read by the registered script
  expect(await registeredMatches()).toContain(`${origin}/*`);
  await page.reload();
  await portal.waitForCapture(perPage(1));

  // opened again, the popup lists the site as enabled, with its rows
  const again = await ToolbarPopup.open(session, page);
  await again.waitFor('document.querySelector("[data-testid=sg-popup-disable]")');
  expect(await again.evaluate<boolean>('!document.querySelector("[data-testid=sg-popup-enable]")')).toBe(true);
  expect(await again.text()).toMatch(new RegExp(`(本站已读取 ${perPage(1)} 行|Rows captured on this site: ${perPage(1)})`));
  await again.close();

  // coverage: the portal states 共 60 条 (pager) and 交易金额 (summary) for 03-02..03-15; one page
  // seen is partial, both pages complete
  type Coverage = {
    site: string;
    merchantId?: string;
    day: string;
    rows: Record<string, unknown>;
    stated?: { count?: number; source: string };
    complete: boolean | 'unknown';
  };
  const coverage = () => readStore<Coverage>(session.worker, 'coverage');
  const days = (await coverage()).filter((c) => c.site === origin);
  expect(days.map((c) => c.day).sort()).toEqual(daysFrom(DEMO.queryRange.from, DEMO.queryRange.to));
  expect(new Set(days.map((c) => `${c.merchantId} ${c.stated?.count} ${c.stated?.source} ${c.complete}`))).toEqual(
    new Set([`${DEMO.merchantId} ${DEMO.totalRows} pager+summary false`]),
  );
  await portal.nextPage();
  await portal.waitForCapture(perPage(2));
  await expect.poll(async () => [...new Set((await coverage()).filter((c) => c.site === origin).map((c) => c.complete))]).toEqual([true]);
  const rowsByDay = (await coverage()).reduce((n, c) => n + Object.keys(c.rows).length, 0);
  expect(rowsByDay).toBe(DEMO.totalRows);
  await page.close();
});

function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

test('on a browser page or an extension page the popup says it cannot run there', async () => {
  for (const url of ['chrome://version/', `chrome-extension://${session.extensionId}/options.html`]) {
    const page = await openPortal(url);
    const popup = await ToolbarPopup.open(session, page);
    await popup.waitFor('document.querySelector("[data-testid=sg-popup-restricted]")');
    expect(await popup.text()).toMatch(/无法在此页面运行|cannot run on this page/);
    expect(await popup.evaluate<boolean>('!document.querySelector("[data-testid=sg-popup-enable]")')).toBe(true);
    await popup.close();
    await page.close();
  }
});
