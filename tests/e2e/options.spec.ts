// The options page as a merchant uses it after the first import: editing the fee contract
// re-checks every captured row; settings refuse values that are not what they should be.
import { test, expect } from '@playwright/test';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { startStaticServer } from '../support/serve';
import { OptionsPage, PortalPage, readStore } from '../support/pages';
import { DEMO, DEMO_FILES, DEMO_PORTAL_DIR } from '../support/demo-data';
import type { StoredFinding } from '../../lib/model';

let session: ExtensionSession;
let server: { url: string; close(): Promise<void> };
test.beforeAll(async () => {
  session = await launchWithExtension();
  server = await startStaticServer(DEMO_PORTAL_DIR);
});
test.afterAll(async () => {
  await session?.close();
  await server?.close();
});

const openKinds = async () =>
  (await readStore<StoredFinding>(session.worker, 'findings'))
    .filter((f) => f.status === 'open')
    .map((f) => f.kind)
    .sort();

test('editing the contract re-checks the captured rows and updates the portal highlights', async () => {
  const { context, extensionId } = session;
  const options = await OptionsPage.open(context, extensionId);
  await options.importFiles([DEMO_FILES.contract, DEMO_FILES.bank]);
  const page = await context.newPage();
  const portal = new PortalPage(page);
  await page.goto(`${server.url}/index.html`);
  await portal.waitForCapture(DEMO.rows.filter((r) => r.page === 1).length);
  await portal.nextPage();
  await portal.waitForCapture(DEMO.rows.filter((r) => r.page === 2).length);
  await expect.poll(openKinds).toEqual(DEMO.problems.map((p) => p.kind).sort());

  // the findings tab charts money at stake and the effective rate per card type
  await options.page.reload();
  await options.page.getByTestId('sg-tab-findings').click();
  await options.page.getByTestId('sg-findings-view-charts').click();
  await expect(options.page.getByTestId('sg-rate-chart')).toBeVisible();
  await expect(options.page.getByTestId('sg-rate-chart').locator('polyline:not(.contract)')).toHaveCount(2); // 借记卡, 贷记卡
  // one month of data: each point labelled, the contract's rate drawn for both, and a trend not implied
  await expect(options.page.getByTestId('sg-rate-chart').locator('polyline.contract')).toHaveCount(2);
  await expect(options.page.getByTestId('sg-rate-chart').locator('[data-point-label]')).toHaveCount(2);
  await expect(options.page.getByTestId('sg-rate-chart-more-data')).toBeVisible();
  await expect(options.page.getByTestId('sg-chart-settlements')).toBeVisible();
  await expect(options.page.getByTestId('sg-chart-at-stake')).toBeVisible();

  // The merchant's real contract charges credit cards 0.68 %: the 17.00 fee is then correct.
  const rateRow = DEMO.problems.find((p) => p.kind === 'fee_above_contract')!.rrns[0]!;
  await options.page.bringToFront();
  await options.page.getByTestId('sg-tab-contracts').click();
  await options.page
    .getByRole('button', { name: /编辑|Edit/ })
    .first()
    .click();
  const editor = options.page.getByTestId('sg-contract-editor');
  const creditRow = editor.locator('tbody tr').filter({ has: options.page.locator('select option:checked', { hasText: /贷记卡|Credit card/ }) });
  await creditRow.locator('input[data-field="percent"]').fill('0.68');
  await options.page.getByTestId('sg-contract-save').click();
  await expect(options.page.getByTestId('sg-contract-editor')).toHaveCount(0);
  await expect.poll(openKinds).not.toContain('fee_above_contract');

  await page.bringToFront();
  await portal.goToPage(1);
  await expect(portal.rowByRrn(rateRow)).not.toHaveAttribute('data-sg-finding', /fee_above_contract/);

  // A contract that does not validate is not saved, and says why.
  await options.page.bringToFront();
  await options.page
    .getByRole('button', { name: /编辑|Edit/ })
    .first()
    .click();
  await options.page.getByTestId('sg-contract-editor').locator('input[data-field="effectiveFrom"]').fill('2026-13-40');
  await options.page.getByTestId('sg-contract-save').click();
  await expect(options.page.getByTestId('sg-contract-problems')).toContainText('effectiveFrom');
});

test('settings refuse a tolerance that is not a number', async () => {
  const options = await OptionsPage.open(session.context, session.extensionId);
  await options.page.getByTestId('sg-tab-settings').click();
  await options.page.getByLabel(/每项手续费容差|Fee tolerance/).fill('abc');
  await options.page.getByRole('button', { name: /保存|Save/ }).click();
  await expect(options.page.getByRole('alert')).toBeVisible();
  await options.page.getByLabel(/每项手续费容差|Fee tolerance/).fill('0.02');
  await options.page.getByRole('button', { name: /保存|Save/ }).click();
  await expect(options.page.getByRole('status')).toContainText('✓');
});

test('a cashier export with unknown columns is mapped once, then read the same way by itself', async () => {
  const { context, worker, extensionId } = session;
  const file = `${process.cwd()}/tests/fixtures/statements/cashier/till-own-columns.csv`;
  const options = await OptionsPage.open(context, extensionId);
  await options.page.getByTestId('sg-import-file').setInputFiles([file]);
  const form = options.page.getByTestId('sg-cashier-mapping');
  await expect(form).toBeVisible();
  await expect(options.page.getByTestId('sg-import-confirm')).toBeDisabled();
  await form.getByLabel('票据编号').selectOption('orderNo');
  await form.getByLabel('成交时刻').selectOption('occurredAt');
  await form.getByLabel('收款额').selectOption('amount');
  await form.getByLabel('结账途径').selectOption('tender');
  await options.page.getByTestId('sg-cashier-mapping-apply').click();
  await expect(form).toHaveCount(0);
  await options.page.getByTestId('sg-import-confirm').click();
  await expect(options.page.getByTestId('sg-import-outcome')).toHaveAttribute('data-added', '2');
  expect(await readStore(worker, 'cashier')).toHaveLength(2);

  // the same columns again: no question, nothing new
  await options.page.getByTestId('sg-import-file').setInputFiles([file]);
  await expect(options.page.getByTestId('sg-import-confirm')).toBeEnabled();
  await expect(options.page.getByTestId('sg-cashier-mapping')).toHaveCount(0);
  await options.page.getByTestId('sg-import-confirm').click();
  await expect(options.page.getByTestId('sg-import-outcome')).toHaveAttribute('data-known', '2');
});

test("the merchant's own letter template is used for drafts; unknown placeholders are refused", async () => {
  const { context, extensionId } = session;
  const options = await OptionsPage.open(context, extensionId);
  await options.importFiles([DEMO_FILES.contract, DEMO_FILES.bank]);
  await options.page.getByTestId('sg-tab-templates').click();
  const zh = options.page.getByTestId('sg-template-zh-CN');
  const body = zh.locator('textarea');
  const original = await body.inputValue();
  await body.fill(`${original}\n{不存在的字段}`);
  await expect(zh.getByRole('alert')).toContainText('{不存在的字段}');
  await expect(zh.getByRole('button', { name: /保存|Save/ })).toBeDisabled();
  await body.fill(`${original}\n本函由{商户名称}通过结算卫士整理，合计{合计}。`);
  await zh.getByRole('button', { name: /保存|Save/ }).click();
  await expect(zh.getByRole('status')).toContainText('✓');

  const page = await context.newPage();
  const portal = new PortalPage(page);
  await page.goto(`${server.url}/index.html`);
  await portal.waitForCapture(DEMO.rows.filter((r) => r.page === 1).length);
  const rrn = DEMO.problems.find((p) => p.kind === 'duplicate_charge')!.rrns[0]!;
  await portal.disputeButton(rrn).click();
  await expect(await portal.disputeText()).toContainText(`本函由${DEMO.merchantName}通过结算卫士整理，合计¥388.00。`);
  await expect(await portal.disputeText()).toContainText(rrn);

  // back to the default: the custom line is gone from new drafts
  await options.page.bringToFront();
  await zh.getByRole('button', { name: /恢复默认模板|Restore the default template/ }).click();
  await page.bringToFront();
  await page.reload();
  await portal.waitForCapture(DEMO.rows.filter((r) => r.page === 1).length);
  await portal.disputeButton(rrn).click();
  await expect(await portal.disputeText()).toContainText(rrn);
  await expect(await portal.disputeText()).not.toContainText('通过结算卫士整理');
});

test('importing the statement and its GBK twin again adds nothing and leaves every finding as it was', async () => {
  const { context, worker, extensionId } = session;
  const options = await OptionsPage.open(context, extensionId);
  await options.importFiles([DEMO_FILES.contract, DEMO_FILES.bank]);
  await expect.poll(async () => (await readStore(worker, 'statementLines')).length).toBe(DEMO.bankLines);
  const lines = await readStore(worker, 'statementLines');
  const findings = await readStore<StoredFinding>(worker, 'findings');
  expect(findings.length).toBeGreaterThan(0);

  await options.page.reload();
  await options.importFiles([DEMO_FILES.bank, DEMO_FILES.bankGbk]);
  expect((await options.outcomes()).map(({ added, known }) => ({ added, known }))).toEqual([
    { added: 0, known: DEMO.bankLines },
    { added: 0, known: DEMO.bankLines },
  ]);
  expect(await readStore(worker, 'statementLines')).toEqual(lines);
  const sortById = (fs: StoredFinding[]) => [...fs].sort((a, b) => a.id.localeCompare(b.id));
  expect(sortById(await readStore<StoredFinding>(worker, 'findings'))).toEqual(sortById(findings));
});
