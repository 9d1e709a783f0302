// Real portal pages, built at test time from the pinned npm packages of each UI library
// (tests/fixtures/portals/libraries), read by the built extension in Chromium as a merchant
// browses them: every row captured once with every field right. Pages with a pager are walked
// with the extension's own "Capture all pages"; virtual grids are scrolled through.
import { test, expect, type Page } from '@playwright/test';
import { appendFile, mkdir } from 'node:fs/promises';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { startStaticServer, type StaticServer } from '../support/serve';
import { readStore } from '../support/pages';
import { clickInOverlay, evaluateInOverlay } from '../support/overlay';
import { buildLibraryPages, cleanLibraryPages, LIBRARY_OUT, packageVersion, readInPage } from '../support/library-pages';
import { checkCapture, describeCheck } from '../support/library-expect';
import { LIBRARY_PAGES, type LibraryPage } from '../fixtures/portals/libraries/index';
import type { PortalTransaction } from '../../lib/model';
import { hasFullCardNumber } from '../../lib/cards';
import { WORDINGS } from '../fixtures/portals/libraries/data';

const KEY_FIELDS = new Set(['rrn', 'terminalId', 'merchantId', 'orderNo']);

// SG_LIBRARY=id1,id2 (or a prefix such as `element`) builds and runs only those pages
const only = process.env.SG_LIBRARY?.split(',').filter(Boolean);
const selected = (p: LibraryPage): boolean => !only || only.some((o) => p.id.startsWith(o));

let session: ExtensionSession;
let server: StaticServer;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  await cleanLibraryPages();
  await buildLibraryPages(selected);
  session = await launchWithExtension();
  server = await startStaticServer(LIBRARY_OUT);
});
test.afterAll(async () => {
  await session?.close();
  await server?.close();
});

const stored = async (id: string): Promise<PortalTransaction[]> =>
  (await readStore<PortalTransaction>(session.worker, 'transactions')).filter((t) => new URL(t.evidence.url).pathname.startsWith(`/${id}/`));

/** Scrolls a virtual grid's body from top to bottom in screen-sized steps, letting each render. */
async function scrollThrough(page: Page, scroller: string): Promise<void> {
  const body = page.locator(scroller).first();
  await body.waitFor();
  for (let i = 0; i < 200; i++) {
    const { done, at } = await body.evaluate((el) => {
      const at = performance.now();
      el.scrollTop += el.clientHeight * 0.8;
      return { done: el.scrollTop + el.clientHeight >= el.scrollHeight - 1, at };
    });
    // This test is about reading each library's rows right, so the merchant looks at each screen
    // a moment (the grid renders the rows now in view a frame or so after the scroll), and on a
    // busy machine until SettleGuard has read rows since the scroll (up to 5 s); scrolling on
    // without stopping is tests/e2e/virtual-scroll.spec.ts's case.
    // SG_SCROLL_PAUSE_MS: a slower scroll, to tell a reader's fault from capture timing
    await page.waitForTimeout(Number(process.env.SG_SCROLL_PAUSE_MS ?? 120));
    await page
      .waitForFunction((t) => performance.getEntriesByName('settleguard:rows-marked').some((e) => e.startTime > t), at, { timeout: 5_000 })
      .catch(() => undefined);
    if (done) break;
  }
}

// where a row must never be marked: header rows, and the copies of fixed columns some libraries
// draw as separate tables (antd v3, layui, Element UI 2, vxe-table, View UI) or split rows (AG Grid up to
// v32, whose center part is the row; el-table-v2 and EasyUI, whose scrolling part is)
const NEVER_MARKED = [
  'thead',
  'tfoot',
  '.ag-header',
  '.ag-pinned-left-cols-container',
  '.ag-pinned-right-cols-container',
  '.ant-table-fixed-left',
  '.ant-table-fixed-right',
  '.ant-table-measure-row',
  '.layui-table-fixed',
  '.MuiDataGrid-columnHeaders',
  '.tabulator-header',
  // the Vue kits' fixed-column copies and the frozen half of a split row (Element UI 2, vxe-table, View UI, el-table-v2, EasyUI)
  '.el-table__fixed',
  '.el-table__fixed-right',
  '.vxe-table--fixed-wrapper',
  '.ivu-table-fixed',
  '.ivu-table-fixed-right',
  '.el-table-v2__left',
  '.el-table-v2__right',
  '.datagrid-view1',
]
  .map((s) => `${s} [data-sg-row], ${s}[data-sg-row]`)
  .join(', ');

/** The walk's summary in the table tools: its page count, once the walk ended. */
const summaryPages = (root: ShadowRoot): string | null => root.querySelector<HTMLElement>('[data-testid="sg-capture-summary"]')?.dataset.pages ?? null;

async function captureEveryRow(page: Page, entry: LibraryPage): Promise<void> {
  if (entry.mode === 'pager') {
    // the table tools live in a closed shadow root: pressed with the mouse, read through DevTools
    const tools = page.locator('sg-tools').first();
    await clickInOverlay(page, tools, /采集全部页|Capture all pages/);
    let pages: string | null = null;
    await expect.poll(async () => (pages = await evaluateInOverlay(page, tools, summaryPages)) !== null, { timeout: 60_000 }).toBe(true);
    // the pager's page size was set to its largest first: fewer pages to walk
    if (entry.largestPageSize) expect(pages).toBe(String(Math.ceil(entry.config.rows / entry.largestPageSize)));
  } else if (entry.mode === 'virtual') {
    await scrollThrough(page, entry.scroller ?? '[role=grid]');
  }
}

for (const entry of LIBRARY_PAGES.filter(selected)) {
  test(`${entry.id}: every row captured once with every field right`, async () => {
    const version = await packageVersion(entry.packageName);
    const page = await session.context.newPage();
    // scrolling 1,000 rows in ~110 steps of 120 ms takes a while: 40 s here on a quiet machine,
    // 3-4 min with the machine's load average at 20
    if (entry.mode === 'virtual') test.setTimeout(480_000);
    await page.goto(`${server.url}/${entry.id}/index.html`);
    await expect(page.locator('[data-sg-row]').first()).toBeAttached({ timeout: 15_000 });
    // what the reader alone makes of the first screen, for the matrix (fields from headers vs values)
    const tables = await readInPage(page);
    if (entry.family) expect(tables[0]?.adapter, 'the family that reads this page').toBe(entry.family);
    await captureEveryRow(page, entry);
    await expect(page.locator(NEVER_MARKED)).toHaveCount(0);
    // wait for the stored rows to arrive; too few is reported with the matrix line below
    await expect
      .poll(async () => (await stored(entry.id)).length, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(entry.config.rows)
      .catch(() => undefined);
    const check = checkCapture(await stored(entry.id), entry.config);
    const line = describeCheck(entry.id, version, check);
    // fields placed from their headers, and those inferred from the column's values (marked ~)
    const placed = tables[0]?.columns.filter((c) => c.field) ?? [];
    const inferred = placed.filter((c) => c.source === 'values').length;
    const columns = tables[0]?.columns.map((c) => `${c.header}→${c.source === 'values' ? '~' : ''}${c.field ?? '-'}`).join(', ') ?? '(no table read)';
    console.log(
      `[library matrix] ${line} | adapter ${tables[0]?.adapter ?? '-'} | ${placed.length - inferred} fields from headers, ${inferred} inferred | ${columns}`,
    );
    if (process.env.SG_REPORT_DIR) {
      await mkdir(process.env.SG_REPORT_DIR, { recursive: true });
      await appendFile(
        `${process.env.SG_REPORT_DIR}/library-matrix.jsonl`,
        `${JSON.stringify({ id: entry.id, package: entry.packageName, version, adapter: tables[0]?.adapter, columns: tables[0]?.columns, ...check, wrong: check.wrong.slice(0, 5) })}\n`,
      );
    }
    expect(check, line).toMatchObject({ right: check.expected, missing: [], duplicated: [], unexpected: [], wrong: [] });
    // no full card number left the page (reference columns such as the 15-digit 商户号 are keys, not cards)
    const keyHeaders = new Set(
      Object.entries(WORDINGS[entry.config.wording].headers)
        .filter(([f]) => KEY_FIELDS.has(f))
        .map(([, h]) => h as string),
    );
    for (const t of await stored(entry.id)) {
      for (const [header, text] of Object.entries(t.evidence.cells))
        if (!keyHeaders.has(header)) expect(hasFullCardNumber(text), `${header}: ${text}`).toBe(false);
    }
    await page.close();
  });
}
