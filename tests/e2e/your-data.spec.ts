// Issue 15 items 8 and 9 in the built extension: the Your data tab downloads real CSV and XLSX
// files whose amounts are the stored decimal strings, shows storage used, and deletes with a
// precise confirmation that keeps the settings unless ticked; a 20,000-line statement shows
// progress (lines read, rows stored) and a cancel while storing leaves every store as it was.
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { expect, test, type Page } from '@playwright/test';
import type { StatementLine } from '../../lib/model';
import { bigStatement } from '../support/big-statement';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { countStore, OptionsPage, readStore } from '../support/pages';

let session: ExtensionSession;
test.beforeAll(async () => {
  session = await launchWithExtension();
});
test.afterAll(async () => {
  await session?.close();
});

const demo = (name: string) => `${process.cwd()}/tests/fixtures/demo/${name}`;

/** The options page on its import tab (the page may open on a welcome tab). */
async function openImport(): Promise<OptionsPage> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html#import`);
  await expect(page.getByTestId('sg-import-file')).toBeAttached();
  return new OptionsPage(page, session.extensionId);
}

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

test('export downloads CSV and XLSX with the stored amounts; delete keeps the settings unless ticked', async () => {
  const { worker } = session;
  const options = await openImport();
  const { page } = options;
  await options.importFiles([demo('bank-statement.csv'), demo('contract.json')]);
  const stored = await readStore<StatementLine>(worker, 'statementLines');
  expect(stored.length).toBe(17);

  await page.getByTestId('sg-tab-data').click();
  await expect(page.getByTestId('sg-data-usage')).toContainText(/(KB|MB|GB)/);
  await expect(page.getByTestId('sg-data-counts').locator('tr[data-store="statementLines"]')).toHaveAttribute('data-count', '17');

  const csv = await download(page, 'sg-export-statementLines-csv');
  expect(csv.name).toMatch(/^settleguard-bank-lines-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvText = csv.bytes.toString('utf8').slice(1);
  const rows = csvText.trim().split('\r\n');
  expect(rows.length).toBe(18);
  // every stored amount appears as its exact string in the amount column (3rd)
  const amounts = rows.slice(1).map((r) => r.split(',')[2]);
  expect(amounts.sort()).toEqual(stored.map((l) => l.amount.amount).sort());

  const xlsx = await download(page, 'sg-export-all-xlsx');
  expect(xlsx.name).toMatch(/^settleguard-data-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = XLSX.read(xlsx.bytes, { type: 'buffer' });
  expect(book.SheetNames.length).toBe(3);
  const lines = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[2]!]!, { header: 1, raw: true });
  expect(lines.length).toBe(18);
  const amountCells = lines.slice(1).map((r) => r[2]);
  expect(amountCells.every((c) => typeof c === 'string')).toBe(true);
  expect(amountCells.sort()).toEqual(stored.map((l) => l.amount.amount).sort());

  // delete without the setup: the lines go, the contract and settings stay
  const contracts = await countStore(worker, 'contracts');
  expect(contracts).toBeGreaterThan(0);
  await page.getByTestId('sg-data-delete').click();
  const goes = page.getByTestId('sg-data-delete-goes');
  await expect(goes.locator('li[data-store="statementLines"]')).toHaveAttribute('data-count', '17');
  await expect(page.getByTestId('sg-data-delete-stays').locator('li[data-store="contracts"]')).toHaveAttribute('data-count', String(contracts));
  await page.getByTestId('sg-data-delete-confirm').click();
  await expect(page.getByTestId('sg-data-status')).toBeVisible();
  expect(await countStore(worker, 'statementLines')).toBe(0);
  expect(await countStore(worker, 'imports')).toBe(0);
  expect(await countStore(worker, 'contracts')).toBe(contracts);
  await page.close();
});

test('a 20,000-line statement shows progress, and cancelling while it is stored stores nothing of it', async () => {
  const { worker } = session;
  const options = await openImport();
  const { page } = options;
  const before = { lines: await countStore(worker, 'statementLines'), imports: await countStore(worker, 'imports') };
  const big = bigStatement(20_000);
  const file = { name: big.name, mimeType: 'text/csv', buffer: Buffer.from(big.bytes) };

  const chosen = Date.now();
  await page.getByTestId('sg-import-file').setInputFiles([file]);
  const text = page.getByTestId('sg-import-progress-text');
  await expect(text).toContainText(/20,002/); // the file's lines, shown while it is read
  const progressShownMs = Date.now() - chosen;
  await expect(page.getByTestId('sg-import-confirm')).toBeEnabled();
  const previewMs = Date.now() - chosen;

  await page.getByTestId('sg-import-confirm').click();
  // rows stored so far, out of 20,000, then cancel mid-way
  await expect(text).toContainText(/[1-9]\d?,000 (\/|of) 20,000/);
  const bar = page.getByTestId('sg-import-progress').locator('progress');
  expect(Number(await bar.getAttribute('value'))).toBeGreaterThanOrEqual(1000);
  await page.getByTestId('sg-import-cancel').click();
  await expect(page.getByTestId('sg-import-cancelled')).toContainText(big.name);
  expect(await countStore(worker, 'statementLines')).toBe(before.lines);
  expect(await countStore(worker, 'imports')).toBe(before.imports);

  // the same file again, to the end: stored whole by the new worker
  const again = Date.now();
  await page.getByTestId('sg-import-file').setInputFiles([file]);
  await page.getByTestId('sg-import-confirm').click();
  await expect(page.getByTestId('sg-import-outcome')).toHaveAttribute('data-added', '20000');
  const importMs = Date.now() - again;
  console.log(`[your-data] 20,000 lines: progress shown after ${progressShownMs} ms, preview ready after ${previewMs} ms; full import ${importMs} ms`);
  expect(await countStore(worker, 'statementLines')).toBe(before.lines + 20_000);
  await page.close();
});
