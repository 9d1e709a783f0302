// Live portal pages in Chromium with the built extension (issue 3): the real Element UI 2 page
// (fixed-column clones never marked) and the real Element Plus SPA walked with "Capture all pages"
// at its largest page size plus a pushState route change (Ant Design, AG Grid and the other real
// libraries are in portal-libraries.spec.ts),
// the demo portal's pager, and a table the merchant teaches. Stored rows are read from the
// extension's IndexedDB through the service worker.
import { test, expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { startStaticServer, type StaticServer } from '../support/serve';
import { readStore } from '../support/pages';
import { clickInOverlay, evaluateInOverlay, selectInOverlay } from '../support/overlay';
import { DEMO } from '../support/demo-data';
import { buildLibraryPage, LIBRARY_OUT } from '../support/library-pages';
import { LIBRARY_PAGES } from '../fixtures/portals/libraries/index';
import type { PortalTransaction } from '../../lib/model';

const PORTALS = fileURLToPath(new URL('../fixtures/portals/', import.meta.url));
let session: ExtensionSession;
let server: StaticServer;

test.beforeAll(async () => {
  session = await launchWithExtension();
  server = await startStaticServer(PORTALS);
});
test.afterAll(async () => {
  await session?.close();
  await server?.close();
});

const stored = async (path: string): Promise<PortalTransaction[]> =>
  (await readStore<PortalTransaction>(session.worker, 'transactions')).filter((t) => new URL(t.evidence.url).pathname.startsWith(path));
// the table tools live in a closed shadow root: pressed with the mouse and keys, read through DevTools
const tools = (page: Page) => page.locator('sg-tools').first();
const captureAll = (page: Page) => clickInOverlay(page, tools(page), /采集全部页|Capture all pages/);
/** The walk's summary once it ended: pages, rows, rows known before, and its text. */
const summaryOf = (page: Page) =>
  evaluateInOverlay(page, tools(page), (root) => {
    const el = root.querySelector<HTMLElement>('[data-testid="sg-capture-summary"]');
    return el ? { pages: el.dataset.pages, rows: el.dataset.rows, known: el.dataset.known, text: el.textContent ?? '' } : null;
  });
/** The Teach columns view: whether it is open, the value of the select labelled `label`, the status line. */
const teachState = (page: Page, label: string) =>
  evaluateInOverlay(
    page,
    tools(page),
    (root, l) => ({
      expanded: [...root.querySelectorAll('button')].find((b) => /教它认列|Teach columns/.test(b.textContent ?? ''))?.getAttribute('aria-expanded') ?? null,
      value: [...root.querySelectorAll('label')].find((x) => (x.textContent ?? '').includes(l))?.querySelector('select')?.value ?? null,
      status: root.querySelector('[role="status"]')?.textContent ?? '',
    }),
    label,
  );

// Real Element pages (tests/fixtures/portals/libraries), built from their npm packages on first use
let libraryServer: StaticServer | undefined;
test.afterAll(async () => {
  await libraryServer?.close();
});
async function libraryPageUrl(id: string): Promise<string> {
  await buildLibraryPage(LIBRARY_PAGES.find((p) => p.id === id)!);
  libraryServer ??= await startStaticServer(LIBRARY_OUT);
  return `${libraryServer.url}/${id}/index.html`;
}

test('Element UI 2 (real, fixed columns both sides): rows marked in the main body only, never in the fixed-column copies or the header', async () => {
  const page = await session.context.newPage();
  await page.goto(await libraryPageUrl('element-ui-table-pager'));
  await expect(page.locator('.el-table__body-wrapper tr.el-table__row[data-sg-row]')).toHaveCount(10);
  // Element UI 2 draws every row again in each fixed part: the copies are there, and unmarked
  await expect(page.locator('.el-table__fixed tr.el-table__row')).toHaveCount(10);
  await expect(page.locator('.el-table__fixed-right tr.el-table__row')).toHaveCount(10);
  await expect(page.locator('.el-table__fixed [data-sg-row], .el-table__fixed-right [data-sg-row], thead [data-sg-row]')).toHaveCount(0);
  await expect.poll(async () => (await stored('/element-ui-table-pager/')).length).toBe(10);
  expect(new Set((await stored('/element-ui-table-pager/')).map((r) => r.rrn)).size).toBe(10);
  await page.close();
});

test('Element Plus SPA (real): Capture all pages sets 50条/页 and walks the pager; a pushState route is captured within a second; back stores nothing twice', async () => {
  const id = 'element-plus-table-pager';
  const total = LIBRARY_PAGES.find((p) => p.id === id)!.config.rows; // 95, 10 a page, sizes 10/20/50
  const page = await session.context.newPage();
  await page.goto(await libraryPageUrl(id));
  const bodyRows = page.locator('.el-table__body-wrapper tr.el-table__row');
  await expect(page.locator('.el-table__body-wrapper tr.el-table__row[data-sg-row]')).toHaveCount(10);
  await captureAll(page);
  // the page size goes to its largest (50) first: 95 rows are 2 pages instead of 10; 10 rows were known before the walk
  await expect.poll(() => summaryOf(page), { timeout: 30_000 }).toEqual({ pages: '2', rows: String(total), known: '10', text: expect.any(String) });
  await expect(page.locator('.el-pagination__sizes')).toContainText('50');
  await expect(page.locator('.btn-next')).toBeDisabled();
  await expect(bodyRows).toHaveCount(total % 50);
  await expect(page.locator('.el-table__body-wrapper tr.el-table__row:not([data-sg-row])')).toHaveCount(0);
  await expect.poll(async () => (await stored(`/${id}/`)).length).toBe(total);

  // SPA route change by history.pushState: the refunds table is captured within a second
  await page.locator('#nav-refunds').click();
  await expect(page).toHaveURL(/\/refunds$/);
  await expect(page.locator('.el-table__body-wrapper tr.el-table__row[data-sg-row]')).toHaveCount(3, { timeout: 1000 });
  await expect.poll(async () => (await stored(`/${id}/`)).filter((t) => t.evidence.url.endsWith('/refunds')).length).toBe(3);
  // back (popstate) to the trades, on their last page still: nothing is stored twice
  await page.goBack();
  await expect(page.locator('h3')).toHaveText('交易明细');
  await expect(page.locator('.el-table__body-wrapper tr.el-table__row[data-sg-row]')).toHaveCount(total % 50);
  await page.waitForTimeout(1500);
  expect(await stored(`/${id}/`)).toHaveLength(total + 3);
  await page.close();
});

test('demo portal: Capture all pages walks button.pager-next to the last page', async () => {
  const page = await session.context.newPage();
  await page.goto(`${server.url}/demo/index.html`);
  const first = DEMO.rows.filter((r) => r.page === 1).length;
  await expect(page.locator('#txn-tbody > tr[data-sg-row]')).toHaveCount(first);
  await captureAll(page);
  await expect
    .poll(() => summaryOf(page), { timeout: 20_000 })
    .toEqual({ pages: String(DEMO.pages), rows: String(DEMO.totalRows), known: String(first), text: expect.stringContaining(String(DEMO.totalRows)) });
  await expect.poll(async () => (await stored('/demo/')).length).toBe(DEMO.totalRows);
  expect((await stored('/demo/')).map((r) => r.rrn).sort()).toEqual(DEMO.rows.map((r) => r.rrn).sort());
  await page.close();
});

test('teach a table: the merchant maps 扣款 to 手续费, it is saved for the site and used from then on', async () => {
  const page = await session.context.newPage();
  await page.goto(`${server.url}/live/teach.html`);
  await expect(page.locator('#t tbody tr[data-sg-row]')).toHaveCount(3);
  await expect.poll(async () => (await stored('/live/teach')).length).toBe(3);
  expect((await stored('/live/teach')).every((r) => r.fee === undefined)).toBe(true);

  await clickInOverlay(page, tools(page), /教它认列|Teach columns/);
  await expect.poll(() => teachState(page, '扣款')).toMatchObject({ expanded: 'true', value: '-' });
  await selectInOverlay(page, tools(page), '扣款', 'fee');
  await expect.poll(() => teachState(page, '扣款')).toMatchObject({ value: 'fee' });
  await clickInOverlay(page, tools(page), /保存|Save/);
  await expect.poll(async () => (await teachState(page, '扣款')).status).toMatch(/已保存|Saved/);
  await expect.poll(async () => (await stored('/live/teach')).map((r) => r.fee?.amount).sort()).toEqual(['1.50', '3.00', '6.00']);
  expect(await readStore<{ id: string; columnMap?: Record<string, string | null> }>(session.worker, 'sites')).toContainEqual(
    expect.objectContaining({ id: server.url, columnMap: expect.objectContaining({ 扣款: 'fee' }) }),
  );

  // a new visit reads with the taught map from the start
  await page.reload();
  await expect(page.locator('#t tbody tr[data-sg-row]')).toHaveCount(3);
  await clickInOverlay(page, tools(page), /教它认列|Teach columns/);
  await expect.poll(() => teachState(page, '扣款')).toMatchObject({ expanded: 'true', value: 'fee' });
  await page.close();
});
