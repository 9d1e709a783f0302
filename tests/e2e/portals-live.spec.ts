// Live portal pages in Chromium with the built extension (issue 3): Element tables (fixed-column
// clones never marked; Ant Design, AG Grid and the other real libraries are in
// portal-libraries.spec.ts), a paginated Element SPA walked with "Capture all pages" plus a pushState route change,
// the demo portal's pager, and a table the merchant teaches. Stored rows are read from the
// extension's IndexedDB through the service worker.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { startStaticServer, type StaticServer } from '../support/serve';
import { readStore } from '../support/pages';
import { DEMO } from '../support/demo-data';
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
const marks = (page: Page) => page.locator('[data-sg-row]').evaluateAll((els) => els.map((e) => e.getAttribute('data-sg-row')!));
const captureAll = (page: Page) => page.getByRole('button', { name: /采集全部页|Capture all pages/ });
const dataOf = <T>(file: string, id: string): T => {
  const html = readFileSync(`${PORTALS}${file}`, 'utf8');
  const m = html.match(new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`));
  return JSON.parse(m![1]!) as T;
};
/** A stored row as the reader made it, without what only the capture adds (url, time, hash). */
const reading = (t: PortalTransaction) => ({ ...t, evidence: { cells: t.evidence.cells } });

for (const [family, file] of [['element-ui', 'settlement-fixed']] as const) {
  test(`${family}: every transaction row marked (no clone, no header), stored rows equal the expected`, async () => {
    const expected = JSON.parse(readFileSync(`${PORTALS}${family}/${file}.expected.json`, 'utf8')) as {
      tables: { rows: { transaction: PortalTransaction | null }[] }[];
    };
    const txs = expected.tables.flatMap((t) => t.rows.map((r) => r.transaction)).filter((t): t is PortalTransaction => t !== null);
    const page = await session.context.newPage();
    await page.goto(`${server.url}/${family}/${file}.html`);
    await expect.poll(() => marks(page).then((m) => m.sort())).toEqual(txs.map((t) => t.id).sort());
    await expect(page.locator('thead [data-sg-row], tfoot [data-sg-row], .ant-table-fixed-left [data-sg-row], .ant-table-fixed-right [data-sg-row], .el-table__fixed [data-sg-row], .el-table__fixed-right [data-sg-row]')).toHaveCount(0);
    await expect.poll(async () => (await stored(`/${family}/`)).length).toBe(txs.length);
    const rows = await stored(`/${family}/`);
    expect(rows.map(reading).sort((a, b) => a.id.localeCompare(b.id))).toEqual(txs.map(reading).sort((a, b) => a.id.localeCompare(b.id)));
    await page.close();
  });
}

test('paginated Element SPA: Capture all pages sets 20条/页 and walks the pager; a pushState route is captured within a second', async () => {
  type Row = { rrn: string; amount: string };
  const data = dataOf<{ trades: Row[]; refunds: Row[] }>('live/element-spa.html', 'spa-data');
  const page = await session.context.newPage();
  await page.goto(`${server.url}/live/element-spa.html`);
  const bodyRows = page.locator('.el-table__body-wrapper tr.el-table__row');
  await expect(page.locator('.el-table__body-wrapper tr.el-table__row[data-sg-row]')).toHaveCount(10);
  await expect(page.locator('.el-table__fixed-right [data-sg-row], thead [data-sg-row]')).toHaveCount(0);
  await captureAll(page).click();
  const summary = page.getByTestId('sg-capture-summary');
  // the page size goes to its largest (20) first: 25 rows are 2 pages instead of 3
  await expect(summary).toHaveAttribute('data-pages', '2', { timeout: 20_000 });
  await expect(summary).toHaveAttribute('data-rows', String(data.trades.length));
  await expect(summary).toHaveAttribute('data-known', '10'); // the 10 rows shown before the walk
  await expect(page.locator('.el-pagination__sizes input')).toHaveValue('20条/页');
  await expect(page.locator('.btn-next')).toBeDisabled();
  await expect(bodyRows).toHaveCount(data.trades.length % 20 || 20);
  await expect(page.locator('.el-table__body-wrapper tr.el-table__row:not([data-sg-row])')).toHaveCount(0);
  let rows = await stored('/live/element-spa');
  expect(rows.map((r) => r.rrn).sort()).toEqual(data.trades.map((t) => t.rrn).sort());
  expect(rows.map((r) => r.amount.amount).sort()).toEqual(data.trades.map((t) => t.amount.replace(/,/g, '')).sort());

  // SPA route change by history.pushState: the refunds table is captured within a second
  await page.locator('#nav-refunds').click();
  await expect(page).toHaveURL(/\/spa\/refunds$/);
  await expect(page.locator('.el-table__body-wrapper tr.el-table__row[data-sg-row]')).toHaveCount(data.refunds.length, { timeout: 1000 });
  await expect.poll(async () => (await readStore<PortalTransaction>(session.worker, 'transactions')).filter((t) => t.evidence.url.endsWith('/spa/refunds')).length)
    .toBe(data.refunds.length);
  // back (popstate) to the trades, still on their last page: nothing is stored twice
  await page.goBack();
  await expect(page.locator('.el-table__body-wrapper tr.el-table__row[data-sg-row]')).toHaveCount(data.trades.length % 20 || 20);
  await expect(page.locator('h3')).toHaveText('交易明细');
  rows = (await readStore<PortalTransaction>(session.worker, 'transactions')).filter((t) => /\/(live\/element-spa|spa\/)/.test(t.evidence.url));
  expect(rows).toHaveLength(data.trades.length + data.refunds.length);
  await page.close();
});

test('demo portal: Capture all pages walks button.pager-next to the last page', async () => {
  const page = await session.context.newPage();
  await page.goto(`${server.url}/demo/index.html`);
  const first = DEMO.rows.filter((r) => r.page === 1).length;
  await expect(page.locator('#txn-tbody > tr[data-sg-row]')).toHaveCount(first);
  await captureAll(page).click();
  const summary = page.getByTestId('sg-capture-summary');
  await expect(summary).toHaveAttribute('data-pages', String(DEMO.pages), { timeout: 20_000 });
  await expect(summary).toHaveAttribute('data-rows', String(DEMO.totalRows));
  await expect(summary).toHaveAttribute('data-known', String(first));
  await expect(summary).toContainText(String(DEMO.totalRows));
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

  const teach = page.getByRole('button', { name: /教它认列|Teach columns/ });
  await teach.click();
  await expect(teach).toHaveAttribute('aria-expanded', 'true');
  const select = page.locator('sg-tools label', { hasText: '扣款' }).locator('select');
  await expect(select).toHaveValue('-');
  await select.selectOption('fee');
  await page.locator('sg-tools').getByRole('button', { name: /保存|Save/ }).click();
  await expect(page.locator('sg-tools').getByRole('status')).toContainText(/已保存|Saved/);
  await expect.poll(async () => (await stored('/live/teach')).map((r) => r.fee?.amount).sort()).toEqual(['1.50', '3.00', '6.00']);
  expect(await readStore<{ id: string; columnMap?: Record<string, string | null> }>(session.worker, 'sites'))
    .toContainEqual(expect.objectContaining({ id: server.url, columnMap: expect.objectContaining({ 扣款: 'fee' }) }));

  // a new visit reads with the taught map from the start
  await page.reload();
  await expect(page.locator('#t tbody tr[data-sg-row]')).toHaveCount(3);
  await page.getByRole('button', { name: /教它认列|Teach columns/ }).click();
  await expect(page.locator('sg-tools label', { hasText: '扣款' }).locator('select')).toHaveValue('fee');
  await page.close();
});
