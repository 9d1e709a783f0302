// First run (issue 15 items 1–3) in the built extension: a fresh install opens the welcome
// checklist; each step follows what the merchant does (import a statement, browse the portal,
// start the contract from a preset, give the details for letters); the popup offers the way back
// until all four are done; a letter drafted afterwards has no 未知; a preview stores nothing; a
// dispute can be cancelled and deleted, each undone.
import { test, expect, type Page } from '@playwright/test';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { startStaticServer, type StaticServer } from '../support/serve';
import { OptionsPage, PortalPage, readStore } from '../support/pages';
import { ToolbarPopup } from '../support/toolbar-popup';
import { DEMO, DEMO_FILES, DEMO_PORTAL_DIR } from '../support/demo-data';

let session: ExtensionSession;
let server: StaticServer;
test.beforeEach(async () => {
  session = await launchWithExtension({ keepWelcome: true });
  server = await startStaticServer(DEMO_PORTAL_DIR);
});
test.afterEach(async () => {
  await session?.close();
  await server?.close();
});

const isWelcome = (p: Page) => p.url().endsWith('/options.html#welcome');
const done = (page: Page, step: string) => page.getByTestId(`sg-step-${step}`);
const DETAILS = { name: '上海静安区示例便利店', contact: '王芳', phone: '021-5555 0100' };

async function capturePage1(): Promise<PortalPage> {
  const page = await session.context.newPage();
  const portal = new PortalPage(page);
  await page.goto(`${server.url}/index.html`);
  await portal.waitForCapture(DEMO.rows.filter((r) => r.page === 1).length);
  return portal;
}

/** The findings tab: ticks the first finding and opens its letter. */
async function openLetter(page: Page): Promise<void> {
  await page.goto(`chrome-extension://${session.extensionId}/options.html#findings`);
  await page.reload(); // a page opened before the rows were captured shows what it loaded then
  await page.getByTestId('sg-findings').locator('tbody input[type=checkbox]').first().check();
  await page.getByRole('button', { name: /^(申诉|Dispute) \(1\)$/ }).click();
  await expect(page.getByTestId('sg-draft-dialog')).toBeVisible();
}

test('install opens the welcome checklist; each step follows the stores; then a letter has no 未知', async () => {
  const { context, worker, extensionId } = session;
  // the background opens it on runtime.onInstalled (reason 'install'): a fresh profile is an install
  await expect.poll(() => context.pages().some(isWelcome), { message: 'the welcome tab opened by itself' }).toBe(true);
  const welcome = context.pages().find(isWelcome)!;
  await expect(welcome.getByTestId('sg-welcome-progress')).toContainText(/0\/4|0 of 4/);
  for (const step of ['portal', 'statement', 'contract', 'details']) await expect(done(welcome, step)).toHaveAttribute('data-done', 'false');
  await expect(welcome.getByTestId('sg-import-file')).toHaveCount(0); // not a bare file chooser

  // the popup shows the way back while steps are open
  const portal = await capturePage1();
  const popup = await ToolbarPopup.open(session, portal.page);
  try {
    await popup.waitFor('!!document.querySelector("[data-testid=sg-popup-getting-started]")');
    expect(await popup.textOf('[data-testid=sg-popup-getting-started]')).toMatch(/开始使用（1\/4）|Getting started \(1\/4\)/);
  } finally {
    await popup.close();
  }

  // rows read from the portal; a bank statement imported
  await welcome.reload();
  await expect(done(welcome, 'portal')).toHaveAttribute('data-done', 'true');
  const options = await OptionsPage.open(context, extensionId);
  await options.importFiles([DEMO_FILES.bank]);
  await welcome.bringToFront();
  await welcome.reload();
  await expect(done(welcome, 'statement')).toHaveAttribute('data-done', 'true');
  await expect(done(welcome, 'statement')).toContainText(String(DEMO.bankLines));

  // the contract from a preset, saved in the editor
  await welcome.locator('[data-preset=cn-standard]').click();
  const editor = welcome.getByTestId('sg-contract-editor');
  await expect(editor).toBeVisible();
  await expect(editor.locator('input[data-field=label]')).toHaveValue(/标准类|China standard/);
  await welcome.getByTestId('sg-contract-save').click();
  await expect(editor).toHaveCount(0);
  await expect(welcome.getByTestId('sg-contract')).toHaveCount(1);
  expect((await readStore<{ rules: { cardType: string; percent: string; cap?: string }[] }>(worker, 'contracts'))[0]?.rules).toContainEqual({
    cardType: 'debit',
    percent: '0.5',
    cap: '20',
  });
  await welcome.getByTestId('sg-tab-welcome').click();
  await expect(done(welcome, 'contract')).toHaveAttribute('data-done', 'true');
  await expect(welcome.getByTestId('sg-welcome-progress')).toContainText(/3\/4|3 of 4/);

  // the details for letters: the 商户号 and name come from the rows, the rest is typed
  const form = done(welcome, 'details').getByTestId('sg-merchant-form');
  await expect(form.locator('input[name=merchantId]')).toHaveValue(DEMO.merchantId);
  await expect(form.locator('input[name=name]')).toHaveValue(DEMO.merchantName);
  await form.locator('input[name=name]').fill(DETAILS.name);
  await form.locator('input[name=contact]').fill(DETAILS.contact);
  await form.locator('input[name=phone]').fill('none');
  await form.getByTestId('sg-merchant-save').click();
  await expect(form.getByRole('alert')).toContainText('none');
  await form.locator('input[name=phone]').fill(DETAILS.phone);
  await form.getByTestId('sg-merchant-save').click();
  await expect(done(welcome, 'details')).toHaveAttribute('data-done', 'true');
  await expect(welcome.getByTestId('sg-welcome-complete')).toBeVisible();
  await expect(welcome.getByTestId('sg-welcome-progress')).toContainText(/4\/4|4 of 4/);

  // all done: the options page opens on its import tab again, and the popup link is gone
  const again = await context.newPage();
  await again.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(again.getByTestId('sg-import-file')).toBeAttached();
  const popup2 = await ToolbarPopup.open(session, portal.page);
  try {
    await popup2.waitFor('!!document.querySelector("[data-testid=sg-open-options]")');
    expect(await popup2.evaluate<boolean>('!!document.querySelector("[data-testid=sg-popup-getting-started]")')).toBe(false);
  } finally {
    await popup2.close();
  }

  // a letter drafted now carries the details, no 未知 for them; previewing stores nothing
  await openLetter(again);
  const letter = again.getByTestId('sg-dispute-text');
  await expect(letter).toContainText(`联系人：${DETAILS.contact}`);
  await expect(letter).toContainText(`联系电话：${DETAILS.phone}`);
  await expect(letter).toContainText(`商户号：${DEMO.merchantId}`);
  await expect(letter).not.toContainText('联系人：未知');
  await expect(letter).not.toContainText('联系电话：未知');
  await expect(letter).not.toContainText('商户名称：未知');
  expect(await readStore(worker, 'disputes')).toHaveLength(0);
});

test('a letter lacking details asks for them inline; marking it sent creates the dispute; cancel and delete are undone', async () => {
  const { context, worker, extensionId } = session;
  const options = await OptionsPage.open(context, extensionId);
  await options.importFiles([DEMO_FILES.contract, DEMO_FILES.bank]);
  await capturePage1();
  const page = options.page;
  await page.bringToFront();
  await openLetter(page);
  const dialog = page.getByTestId('sg-draft-dialog');
  // the 商户号 and name are on the rows: only contact and phone are asked for; no letter until then
  const form = dialog.getByTestId('sg-merchant-form');
  await expect(form.locator('input')).toHaveCount(2);
  await expect(dialog.getByTestId('sg-dispute-text')).toHaveCount(0);
  await expect(dialog.getByTestId('sg-draft-copy')).toHaveCount(0);
  await form.locator('input[name=contact]').fill(DETAILS.contact);
  await form.locator('input[name=phone]').fill(DETAILS.phone);
  await form.getByTestId('sg-merchant-save').click();
  await expect(dialog.getByTestId('sg-dispute-text')).toContainText(`联系人：${DETAILS.contact}`);
  await expect(dialog.getByTestId('sg-dispute-text')).toContainText(`商户名称：${DEMO.merchantName}`);
  await expect(dialog.getByTestId('sg-dispute-text')).not.toContainText('未知');
  // asked once: kept in settings
  const settings = await readStore<{ merchant: Record<string, string> }>(worker, 'settings');
  expect(settings[0]?.merchant).toMatchObject({ contact: DETAILS.contact, phone: DETAILS.phone });
  expect(await readStore(worker, 'disputes')).toHaveLength(0);

  // marking it sent creates the dispute
  await dialog.getByTestId('sg-draft-mark-sent').click();
  await expect.poll(async () => (await readStore<{ status: string }>(worker, 'disputes')).map((d) => d.status)).toEqual(['sent']);
  await page.keyboard.press('Escape');

  await page.getByTestId('sg-tab-disputes').click();
  const card = page.getByTestId('sg-dispute');
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('sg-dispute-status')).toHaveText(/已提交|Sent/);
  await expect(card).not.toContainText('草稿');

  // cancel, undo
  await card.getByTestId('sg-dispute-cancel').click();
  await expect(card.getByTestId('sg-dispute-status')).toHaveText(/已取消|Cancelled/);
  await page.getByTestId('sg-dispute-undo').getByRole('button').click();
  await expect(card.getByTestId('sg-dispute-status')).toHaveText(/已提交|Sent/);
  // delete, undo
  await card.getByTestId('sg-dispute-delete').click();
  await expect(card).toHaveCount(0);
  await expect.poll(async () => (await readStore(worker, 'disputes')).length).toBe(0);
  await page.getByTestId('sg-dispute-undo').getByRole('button').click();
  await expect(card).toHaveCount(1);
  await expect.poll(async () => (await readStore<{ status: string }>(worker, 'disputes')).map((d) => d.status)).toEqual(['sent']);
  // delete for good: the bar goes by itself
  await card.getByTestId('sg-dispute-delete').click();
  await expect(page.getByTestId('sg-dispute-undo')).toHaveCount(0, { timeout: 15_000 });
  expect(await readStore(worker, 'disputes')).toHaveLength(0);
});
