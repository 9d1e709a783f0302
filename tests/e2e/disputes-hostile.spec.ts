// Hostile page text: a portal whose cells hold markup (a merchant name `<img src=x onerror=…>`,
// an order number `<svg onload=…>`). It must reach the dispute draft literally, as text, and
// never run — in the overlay, in the filled form, in the options page, in the evidence pack.
// If anything ran, the page's window.__sgPwned would be set.
import { test, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { fileURLToPath } from 'node:url';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { startStaticServer, type StaticServer } from '../support/serve';
import { OptionsPage, PortalPage } from '../support/pages';
import { DEMO_FILES } from '../support/demo-data';
import { draftFromRow, readDisputes } from '../fixtures/forms/harness';
import { clickInOverlay } from '../support/overlay';

const HOSTILE_DIR = fileURLToPath(new URL('../fixtures/forms/hostile', import.meta.url));
const IMG = '<img src=x onerror=window.__sgPwned=1>';
const SVG = '<svg onload=window.__sgPwned=2>';
const SCRIPT = '"><script>window.__sgPwned=3</script>';
const RRN = '606910000001';

let session: ExtensionSession;
let server: StaticServer;

test.beforeAll(async () => {
  session = await launchWithExtension();
  server = await startStaticServer(HOSTILE_DIR);
});
test.afterAll(async () => {
  await session?.close();
  await server?.close();
});

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __sgPwned?: unknown }).__sgPwned ?? null);

test('markup in portal cells stays text: in the draft, the filled form, the options page and the evidence pack', async () => {
  const { context, worker, extensionId } = session;
  const options = await OptionsPage.open(context, extensionId);
  await options.importFiles([DEMO_FILES.contract]);

  const page = await context.newPage();
  const portal = new PortalPage(page);
  await page.goto(`${server.url}/index.html`);
  // the page itself shows the text literally (the fixture is sound)
  await expect(page.locator('#txn-tbody td', { hasText: IMG })).toHaveCount(1);
  await portal.waitForCapture(2);
  await expect(portal.rowByRrn(RRN)).toHaveAttribute('data-sg-finding', /fee_above_contract/);

  // 1. the draft carries the merchant name literally
  const first = await draftFromRow(portal, worker, RRN);
  expect(first.text).toContain(IMG);
  // 2. the row without an RRN is referred to by its order number, literally; copying keeps it too
  const secondRow = page.locator('#txn-tbody > tr').nth(1);
  await expect(secondRow).toHaveAttribute('data-sg-finding', /fee_above_contract/);
  await clickInOverlay(page, secondRow.locator('sg-flag'), /申诉|Dispute/);
  const text = await portal.disputeText();
  await expect(text).toContainText(SVG);
  await expect(text).toContainText(SCRIPT);
  // nothing in the panel became an element
  const panel = await portal.panel();
  await expect(panel.getByRole('dialog').locator('img, svg, script')).toHaveCount(0);
  await (await portal.copyButton()).click();
  await expect.poll(async () => (await readDisputes(worker)).length).toBe(2);
  await portal.closePanel();

  // 3. filling the page's own complaint form puts the text in as text
  await clickInOverlay(page, page.locator('#desc + sg-insert'), /填入|Insert/);
  // two drafts now: the panel lists them, newest (the order-number one) first; labels are text too
  const list = (await portal.panel()).getByRole('dialog').getByRole('list');
  await expect(list.getByRole('button')).toHaveCount(2);
  await list.getByRole('button').first().click();
  await expect(page.locator('#desc')).toHaveValue(/<svg onload=window\.__sgPwned=2>/);
  await expect(page.locator('#desc-count')).not.toHaveText('0');
  await page.waitForTimeout(300); // time for any injected handler (image error, svg load) to fire
  expect(await pwned(page)).toBeNull();

  // 4. the options page (findings and disputes) shows it as text
  const opts = await context.newPage();
  await opts.goto(`chrome-extension://${extensionId}/options.html#disputes`);
  const cards = opts.getByTestId('sg-dispute');
  await expect(cards).toHaveCount(2);
  for (const card of await cards.all()) await card.getByRole('button', { name: /^(申诉函|Letter)$/ }).click();
  await expect(opts.getByTestId('sg-dispute-text').filter({ hasText: IMG })).toHaveCount(1);
  await expect(opts.getByTestId('sg-dispute-text').filter({ hasText: SVG })).toHaveCount(1);
  await expect(opts.locator('img[src="x"], main svg[onload], main script')).toHaveCount(0);

  // 5. the evidence pack: cells kept as captured in evidence.json, escaped in report.html
  const imgCard = cards.filter({ has: opts.getByTestId('sg-dispute-text').filter({ hasText: IMG }) });
  const downloading = opts.waitForEvent('download');
  await imgCard.getByTestId('sg-export-evidence').click();
  const zip = unzipSync(new Uint8Array(await readFile(await (await downloading).path())));
  const file = (name: string) => strFromU8(Object.entries(zip).find(([p]) => p.endsWith(`/${name}`))![1]);
  const evidence = JSON.parse(file('evidence.json')) as { rows: { cells: Record<string, string> }[] };
  expect(evidence.rows[0]!.cells['商户名称']).toBe(IMG);
  expect(file('letter.txt')).toContain(IMG);
  const report = file('report.html');
  expect(report).toContain('&lt;img src=x onerror=window.__sgPwned=1&gt;');
  expect(report).not.toContain(IMG);
  expect(report).not.toMatch(/<script|<img|<svg/i);

  // after all that, nothing ran on the portal page
  await page.bringToFront();
  expect(await pwned(page)).toBeNull();
  // positive control: the same text parsed as HTML does run here, so the check above means something
  await page.evaluate((html) => {
    const d = document.createElement('div');
    d.innerHTML = html;
    document.body.append(d);
  }, IMG);
  await expect.poll(() => pwned(page)).toBe(1);
});
