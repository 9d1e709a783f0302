// "Insert into form" (DESIGN.md DOM contract): on a complaint form whose textarea belongs to a
// framework — a controlled React component, a Vue 3 v-model — and on the demo portal's own
// 投诉反馈 page, the extension's Insert/填入 control next to the textarea opens the panel (an
// extension page in a frame) listing this site's drafts; the one picked there fills the textarea
// with exactly its text, and the framework's state follows (counter, submit button, what a
// submission carries). The React/Vue pages are built with esbuild and served with the demo
// portal, as pages of its site; the same forms on another origin get no draft.
import { test, expect, type Page } from '@playwright/test';
import { cp } from 'node:fs/promises';
import { startStaticServer, type StaticServer } from '../support/serve';
import { DEMO_PORTAL_DIR } from '../support/demo-data';
import { clickInOverlay, panelClosed, panelFrame } from '../support/overlay';
import { buildForms } from '../fixtures/forms/build';
import { demoProblem, draftFromRow, readDisputes, startDemo, textOf, type DemoWorld, type StoredDispute } from '../fixtures/forms/harness';

let world: DemoWorld;
let elsewhere: StaticServer;
let draft: StoredDispute;

test.beforeAll(async () => {
  const dir = await buildForms();
  await cp(DEMO_PORTAL_DIR, dir, { recursive: true });
  world = await startDemo(dir);
  // the same pages on another origin: another site
  elsewhere = await startStaticServer(dir);
  // one flagged row's dispute panel: Copy keeps the draft the forms will receive
  draft = await draftFromRow(world.portal, world.session.worker, demoProblem('fee_above_contract').rrns[0]!);
  expect(await readDisputes(world.session.worker)).toHaveLength(1);
});
test.afterAll(async () => {
  await world?.close();
  await elsewhere?.close();
});

/** Presses the Insert control after the textarea and returns the panel's list of drafts. */
async function openInsert(page: Page, textareaSelector: string) {
  await clickInOverlay(page, page.locator(`${textareaSelector} + sg-insert`), /填入|Insert/);
  return (await panelFrame(page)).getByRole('dialog');
}

/** Insert, then the draft labelled `label` (the only one when not given); the panel closes. */
async function insert(page: Page, textareaSelector: string, label?: string): Promise<void> {
  const panel = await openInsert(page, textareaSelector);
  const choices = panel.getByRole('list').getByRole('button');
  await (label ? choices.filter({ hasText: label }) : choices).first().click();
  await panelClosed(page);
}

async function openForm(path: string): Promise<Page> {
  const page = await world.session.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${world.server.url}/${path}`);
  await expect(page.getByTestId('submit'), `the ${path} app rendered (errors: ${errors.join('; ')})`).toBeVisible();
  return page;
}

async function expectFrameworkHolds(page: Page, textarea: string, text: string): Promise<void> {
  await expect(page.locator(textarea)).toHaveValue(text);
  await expect(page.getByTestId('count')).toHaveText(String(text.length));
  await expect(page.getByTestId('submit')).toBeEnabled();
  await page.getByTestId('submit').click();
  await expect(page.getByTestId('submitted')).toBeVisible();
  expect(await textOf(page, '[data-testid="submitted"]')).toBe(text);
}

test('a controlled React textarea: Insert fills it and React state follows', async () => {
  const page = await openForm('react.html');
  const area = '#complaint-text';
  // before: React's state is empty, so its button is disabled
  await expect(page.getByTestId('count')).toHaveText('0');
  await expect(page.getByTestId('submit')).toBeDisabled();
  await insert(page, area);
  await expectFrameworkHolds(page, area, draft.text);
  // a re-render driven by other state keeps the inserted text: React owns it now
  await page.locator('#category').selectOption('settlement');
  await expect(page.locator(area)).toHaveValue(draft.text);
  await expect(page.getByTestId('count')).toHaveText(String(draft.text.length));
});

test('a Vue 3 v-model textarea: Insert fills it and the model follows', async () => {
  const page = await openForm('vue.html');
  const area = '#feedback';
  await expect(page.getByTestId('count')).toHaveText('0');
  await expect(page.getByTestId('submit')).toBeDisabled();
  await insert(page, area);
  await expectFrameworkHolds(page, area, draft.text);
});

test('the demo portal 投诉反馈 page: Insert fills 问题描述 and its input-driven counter updates', async () => {
  const page = await world.session.context.newPage();
  await page.goto(`${world.server.url}/complaint.html`);
  await insert(page, '#desc');
  await expect(page.locator('#desc')).toHaveValue(draft.text);
  await expect(page.locator('#desc-count')).toHaveText(String(draft.text.length));
  await page.locator('#type').selectOption('fee');
  await page.locator('#phone').fill('13800000000');
  await page.locator('#submit').click();
  await expect(page.locator('#form-result')).toContainText('已提交');
  await expect(page.locator('#form-error')).toHaveText('');
});

test('the same form on another site: Insert lists no draft, and the textarea stays empty', async () => {
  const page = await world.session.context.newPage();
  await page.goto(`${elsewhere.url}/react.html`);
  await expect(page.getByTestId('submit')).toBeVisible();
  const panel = await openInsert(page, '#complaint-text');
  await expect(panel).toContainText(/还没有申诉草稿|No dispute draft yet/);
  await expect(panel.getByRole('list')).toHaveCount(0);
  await expect(page.locator('#complaint-text')).toHaveValue('');
});

test('with several drafts, Insert offers them newest first and fills the one picked', async () => {
  const { portal, session } = world;
  await portal.page.bringToFront();
  const newer = await draftFromRow(portal, session.worker, demoProblem('duplicate_charge').rrns[1]!);
  expect(newer.text).not.toBe(draft.text);
  const page = await openForm('react.html');
  const list = (await openInsert(page, '#complaint-text')).getByRole('list');
  await expect(list.getByRole('button')).toHaveCount(2);
  // entries are told apart by their label: the kinds, the money claimed and the first reference
  await expect(list.getByRole('button').first()).toHaveText(newer.label!);
  await expect(list.getByRole('button').first()).toContainText(demoProblem('duplicate_charge').atStake);
  await expect(list.getByRole('button').nth(1)).not.toHaveText(newer.label!);
  await list.getByRole('button').first().click();
  await expectFrameworkHolds(page, '#complaint-text', newer.text);
});
