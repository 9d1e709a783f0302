// Backup → delete everything → restore in the built extension (issue 14 item 6), as a merchant
// does it: a month of data (contract, bank statement and cashier export imported, both portal pages captured, a
// finding dismissed, a dispute drafted and sent, settings saved), the backup downloaded from the
// options page, 删除数据 / Delete data (settings too), the downloaded file imported through the options
// page's file input (preview first) — and every store of the database is back as it was.
import { test, expect, type Page, type Worker } from '@playwright/test';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { startStaticServer, type StaticServer } from '../support/serve';
import { OptionsPage, PortalPage, readStore } from '../support/pages';
import { DEMO, DEMO_FILES, DEMO_PORTAL_DIR } from '../support/demo-data';
import { DERIVED_STORES } from '../../lib/statements/support/backup-records';

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

type Row = { id: string; status?: string };

/** The names of the extension database's object stores, read from the service worker. */
function storeNames(worker: Worker): Promise<string[]> {
  return worker.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const req = indexedDB.open('settleguard');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          resolve([...req.result.objectStoreNames]);
          req.result.close();
        };
      }),
  );
}

/** Every store, each sorted by id. */
async function dumpEveryStore(worker: Worker): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const name of await storeNames(worker)) {
    out[name] = (await readStore<Row>(worker, name)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return out;
}

/** A dump without the stores each reconciliation rebuilds (not in a backup, compared apart). */
function kept(dump: Record<string, Row[]>): Record<string, Row[]> {
  return Object.fromEntries(Object.entries(dump).filter(([store]) => !(DERIVED_STORES as readonly string[]).includes(store)));
}

async function tab(page: Page, id: string): Promise<void> {
  await page.getByTestId(`sg-tab-${id}`).click();
}

test('download the backup, delete all data, import the downloaded file: every store is back; twice adds nothing', async () => {
  test.setTimeout(180_000);
  const { context, worker, extensionId } = session;
  const options = await OptionsPage.open(context, extensionId);
  await options.importFiles([DEMO_FILES.contract, DEMO_FILES.bank, `${process.cwd()}/tests/fixtures/statements/cashier/shouyin-liushui.csv`]);

  const portal = new PortalPage(await context.newPage());
  await portal.page.goto(`${server.url}/index.html`);
  await portal.waitForCapture(DEMO.rows.filter((r) => r.page === 1).length);
  await portal.nextPage();
  await portal.waitForCapture(DEMO.rows.filter((r) => r.page === 2).length);
  const openKinds = async () => (await readStore<Row & { kind: string }>(worker, 'findings')).filter((f) => f.status === 'open').map((f) => f.kind);
  await expect.poll(openKinds).toEqual(expect.arrayContaining(DEMO.problems.map((p) => p.kind)));
  // the portal tab is closed before the data is deleted, so nothing is captured again meanwhile
  await portal.page.close();

  // the merchant's decisions: one finding dismissed, a dispute on another drafted and sent
  const page = options.page;
  await page.reload();
  await tab(page, 'findings');
  const rows = page.getByTestId('sg-findings').locator('tbody > tr[data-finding-kind]');
  await rows
    .nth(0)
    .getByRole('button', { name: /^(忽略|Dismiss)$/ })
    .click();
  await expect.poll(async () => (await readStore<Row>(worker, 'findings')).filter((f) => f.status === 'dismissed').length).toBe(1);
  await rows
    .nth(1)
    .getByRole('button', { name: /^(申诉|Dispute)$/ })
    .click();
  // the letter asks first for the contact and phone the portal does not show (issue 15 item 2)
  const details = page.getByTestId('sg-merchant-form');
  await details.locator('input[name=contact]').fill('王芳');
  await details.locator('input[name=phone]').fill('021-5555 0100');
  await details.getByTestId('sg-merchant-save').click();
  await expect(page.getByTestId('sg-dispute-text')).toBeVisible();
  // a preview keeps nothing; copying the letter makes it a dispute (issue 15 item 3)
  expect(await readStore<Row>(worker, 'disputes')).toHaveLength(0);
  await page.getByTestId('sg-draft-copy').click();
  await expect.poll(async () => (await readStore<Row>(worker, 'disputes')).length).toBe(1);
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^(关闭|Close)$/ })
    .click();
  await page.goto(`chrome-extension://${extensionId}/options.html#disputes`);
  await page.reload(); // a hash change alone keeps the page (and the data it loaded before the draft)
  await expect(page.getByTestId('sg-dispute')).toHaveCount(1);
  await page.getByLabel(/^(工单号|Ticket number)$/).fill('T-20260318-01');
  await page.getByRole('button', { name: /^(标记为已提交|Mark as sent)$/ }).click();
  await expect.poll(async () => (await readStore<Row>(worker, 'disputes'))[0]?.status).toBe('sent');
  await tab(page, 'settings');
  await page.getByLabel(/^(默认币种|Default currency)/).fill('CNY');
  await page.getByRole('button', { name: /^(保存|Save)$/ }).click();
  await expect.poll(async () => (await readStore<Row>(worker, 'settings')).length).toBe(1);

  const before = await dumpEveryStore(worker);
  test.info().annotations.push({
    type: 'records per store',
    description: Object.entries(before)
      .map(([s, rows]) => `${s} ${rows.length}`)
      .join(', '),
  });
  for (const store of ['transactions', 'statementLines', 'cashier', 'contracts', 'findings', 'disputes', 'imports', 'settings', 'coverage']) {
    expect(before[store]!.length, store).toBeGreaterThan(0);
  }

  // a real download from the options page
  await tab(page, 'data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出备份|Export a backup/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^settleguard-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);

  // the confirmation lists what goes; the settings go too only when ticked
  await page.getByTestId('sg-data-delete').click();
  await page.getByTestId('sg-data-delete-setup').check();
  await expect(page.getByTestId('sg-data-delete-stays')).toHaveCount(0);
  await page.getByTestId('sg-data-delete-confirm').click();
  await expect.poll(async () => Object.values(await dumpEveryStore(worker)).reduce((n, rows) => n + rows.length, 0)).toBe(0);

  // import the downloaded file: the preview names every store with its records, then restores
  await tab(page, 'import');
  await page.getByTestId('sg-import-file').setInputFiles([file]);
  const preview = page.getByTestId('sg-backup-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('sg-backup-settings')).toBeVisible();
  for (const [store, rows] of Object.entries(kept(before))) {
    await expect(preview.locator(`li[data-store="${store}"]`), store).toHaveAttribute('data-count', String(rows.length));
  }
  await page.getByTestId('sg-import-confirm').click();
  await expect(page.getByTestId('sg-import-outcome')).toHaveAttribute('data-known', '0');
  const restored = await dumpEveryStore(worker);
  expect(kept(restored)).toEqual(kept(before));
  // the derived stores are rebuilt by the reconciliation the restore runs: the popup's figures are back
  for (const store of DERIVED_STORES) expect(restored[store]!.map((r) => r.id)).toEqual(before[store]!.map((r) => r.id));

  // restoring the same file again adds nothing
  await page.getByTestId('sg-import-file').setInputFiles([file]);
  await page.getByTestId('sg-import-confirm').click();
  await expect(page.getByTestId('sg-import-outcome')).toHaveAttribute('data-added', '0');
  expect(kept(await dumpEveryStore(worker))).toEqual(kept(before));
});
