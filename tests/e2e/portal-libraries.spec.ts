// Real portal pages, built at test time from the pinned npm packages of each UI library
// (tests/fixtures/portals/libraries), read by the built extension in Chromium as a merchant
// browses them: every row captured once with every field right. Pages with a pager are walked
// with the extension's own "Capture all pages"; virtual grids are scrolled through.
import { test, expect, type Page } from '@playwright/test';
import { appendFile, mkdir } from 'node:fs/promises';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { startStaticServer, type StaticServer } from '../support/serve';
import { readStore } from '../support/pages';
import { buildLibraryPages, cleanLibraryPages, LIBRARY_OUT, packageVersion, readInPage } from '../support/library-pages';
import { checkCapture, describeCheck } from '../support/library-expect';
import { LIBRARY_PAGES, type LibraryPage } from '../fixtures/portals/libraries/index';
import type { PortalTransaction } from '../../lib/model';

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
    const done = await body.evaluate((el) => {
      el.scrollTop += el.clientHeight * 0.8;
      return el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
    });
    await page.waitForTimeout(120);
    if (done) break;
  }
}

async function captureEveryRow(page: Page, entry: LibraryPage): Promise<void> {
  if (entry.mode === 'pager') {
    await page.getByRole('button', { name: /采集全部页|Capture all pages/ }).first().click();
    await expect(page.getByTestId('sg-capture-summary').first()).toBeAttached({ timeout: 60_000 });
  } else if (entry.mode === 'virtual') {
    await scrollThrough(page, entry.scroller ?? '[role=grid]');
  }
}

for (const entry of LIBRARY_PAGES.filter(selected)) {
  test(`${entry.id}: every row captured once with every field right`, async () => {
    const version = await packageVersion(entry.packageName);
    const page = await session.context.newPage();
    await page.goto(`${server.url}/${entry.id}/index.html`);
    await expect(page.locator('[data-sg-row]').first()).toBeAttached({ timeout: 15_000 });
    // what the reader alone makes of the first screen, for the matrix (fields from headers vs values)
    const tables = await readInPage(page);
    await captureEveryRow(page, entry);
    await expect.poll(async () => (await stored(entry.id)).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(entry.config.rows);
    const check = checkCapture(await stored(entry.id), entry.config);
    const line = describeCheck(entry.id, version, check);
    const columns = tables[0]?.columns.map((c) => `${c.header}→${c.field ?? '-'}`).join(', ') ?? '(no table read)';
    console.log(`[library matrix] ${line} | adapter ${tables[0]?.adapter ?? '-'} | ${columns}`);
    if (process.env.SG_REPORT_DIR) {
      await mkdir(process.env.SG_REPORT_DIR, { recursive: true });
      await appendFile(`${process.env.SG_REPORT_DIR}/library-matrix.jsonl`, `${JSON.stringify({ id: entry.id, package: entry.packageName, version, adapter: tables[0]?.adapter, columns: tables[0]?.columns, ...check, wrong: check.wrong.slice(0, 5) })}\n`);
    }
    expect(check, line).toMatchObject({ right: check.expected, missing: [], duplicated: [], unexpected: [], wrong: [] });
    await page.close();
  });
}
