// Page scripts can neither read nor drive the overlay (issue 14 item 1, DESIGN.md DOM contract).
// The portal page here carries its own hostile script (tests/fixtures/overlay-hostile/hostile.js)
// that, every 150 ms, reads everything in reach (DOM, attributes, shadow roots, frames, events,
// the clipboard), presses every overlay control it can find with synthetic events, posts forged
// messages to every frame and to itself, tries the extension's messaging, and embeds the panel
// itself. Meanwhile the merchant (Playwright's trusted input) opens a letter, copies it, and opens
// the drafts behind Insert. Proven from the stores (readStore) and from what the page collected:
// nothing created, nothing dismissed, no letter or draft text seen, and no closed root opened.
import { test, expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { startStaticServer, type StaticServer } from '../support/serve';
import { OptionsPage, PortalPage, readStore } from '../support/pages';
import { DEMO_FILES } from '../support/demo-data';
import { clickInOverlay, panelClosed, panelFrame, panelFrames } from '../support/overlay';

const FIXTURE = fileURLToPath(new URL('../fixtures/overlay-hostile', import.meta.url));
const RRN = '606910000001';

interface HostileLog {
  seen: string[];
  hosts: string[];
  openRoots: number;
  innerClicks: number;
  drives: number;
  sweeps: number;
  framesSeen: number;
  frameReads: number;
  posted: number;
  errors: string[];
  runtime: string;
}

let session: ExtensionSession;
let server: StaticServer;

test.beforeAll(async () => {
  session = await launchWithExtension();
  server = await startStaticServer(FIXTURE);
});
test.afterAll(async () => {
  await session?.close();
  await server?.close();
});

const hostile = (page: Page) => page.evaluate(() => (window as unknown as { __hostile: HostileLog }).__hostile);
/** lets the page's script sweep `n` more times */
async function sweeps(page: Page, n: number): Promise<void> {
  const from = (await hostile(page)).sweeps;
  await expect.poll(async () => (await hostile(page)).sweeps, { timeout: 10_000 }).toBeGreaterThanOrEqual(from + n);
}

interface Stored {
  id: string;
  status: string;
  text?: string;
}

test('a hostile portal script reads nothing, creates nothing and dismisses nothing', async () => {
  const { context, worker, extensionId } = session;
  const options = await OptionsPage.open(context, extensionId);
  await options.importFiles([DEMO_FILES.contract]);

  const page = await context.newPage();
  const framesAttached: string[] = [];
  page.on('frameattached', (f) => framesAttached.push(f.url()));
  const portal = new PortalPage(page);
  await page.goto(`${server.url}/index.html`);
  await portal.waitForCapture(2);
  await expect(portal.rowByRrn(RRN)).toHaveAttribute('data-sg-finding', /fee_above_contract/);
  await expect(page.locator('#desc + sg-insert')).toBeAttached();
  const pageText = await page.evaluate(() => document.body.innerText);
  const openFindings = async () => (await readStore<Stored>(worker, 'findings')).filter((f) => f.status === 'open').length;
  const findingsBefore = await openFindings();
  expect(findingsBefore).toBeGreaterThanOrEqual(2);

  // 1. the page alone, with the overlay on its rows and its form: it presses everything, many times
  await sweeps(page, 8);
  let log = await hostile(page);
  expect(log.hosts).toEqual(expect.arrayContaining(['SG-FLAG', 'SG-INSERT', 'SG-TOOLS']));
  expect(log.drives).toBeGreaterThan(20);
  expect(log.openRoots).toBe(0);
  expect(log.errors).toContain('attachShadow: NotSupportedError');
  expect(framesAttached).toEqual([]);
  expect(await readStore(worker, 'disputes')).toEqual([]);
  expect(await openFindings()).toBe(findingsBefore);

  // 2. the merchant opens the letter: the page, still sweeping, sees a frame it cannot read
  await portal.disputeButton(RRN).click();
  const panel = await panelFrame(page);
  const letter = (await panel.getByTestId('sg-dispute-text').textContent()) ?? '';
  expect(letter).toContain(RRN);
  await sweeps(page, 8);
  log = await hostile(page);
  // a frame inside a shadow root is not even among window.frames: nothing to post to or read
  expect(log.framesSeen).toBe(0);
  // previewing keeps nothing, and nothing the page posted was taken
  expect(await readStore(worker, 'disputes')).toEqual([]);
  expect(await openFindings()).toBe(findingsBefore);

  // 3. the merchant copies it: one draft, with the letter shown; the page keeps pressing
  // writing only: a page reads the clipboard only with the merchant's permission (asked by the browser)
  await context.grantPermissions(['clipboard-write']);
  await panel.getByRole('button', { name: /复制|Copy/ }).click();
  await expect.poll(async () => (await readStore<Stored>(worker, 'disputes')).map((d) => [d.status, d.text])).toEqual([['draft', letter]]);
  await (await panelFrame(page)).getByRole('button', { name: /^(关闭|Close)$/ }).click();
  await panelClosed(page);
  await sweeps(page, 6);

  // 4. the merchant opens the drafts behind Insert and closes them again without choosing
  await clickInOverlay(page, page.locator('#desc + sg-insert'), /填入|Insert/);
  const list = (await panelFrame(page)).getByRole('dialog').getByRole('list').getByRole('button');
  await expect(list).toHaveCount(1);
  const label = (await list.textContent()) ?? '';
  await sweeps(page, 6);
  await (await panelFrame(page)).getByRole('button', { name: /^(关闭|Close)$/ }).click();
  await panelClosed(page);

  // 5. the page embeds the panel itself by the extension's id (a published id is public): where
  //    the browser loads it at all (use_dynamic_url is not enforced by every Chromium), the panel
  //    has no ticket for this tab, and the background gives it nothing
  await page.evaluate((id) => (window as unknown as { __hostileEmbed: (id: string) => void }).__hostileEmbed(id), extensionId);
  await sweeps(page, 6);
  for (const embedded of panelFrames(page)) {
    await expect(embedded.getByRole('dialog')).toContainText(/没有可显示的内容|Nothing to show/);
    await expect(embedded.getByRole('list')).toHaveCount(0);
  }
  // its own frame it can post to, but not read
  log = await hostile(page);
  expect(log.framesSeen).toBe(1);
  expect(log.posted).toBeGreaterThan(0);
  expect(log.errors).toEqual(expect.arrayContaining(['frame document: SecurityError']));

  // what the page ended with: nothing created by it, nothing dismissed, its form empty
  const disputes = await readStore<Stored>(worker, 'disputes');
  expect(disputes.map((d) => d.status)).toEqual(['draft']);
  expect(await openFindings()).toBe(findingsBefore);
  await expect(page.locator('#desc')).toHaveValue('');
  log = await hostile(page);
  expect(log.openRoots).toBe(0);
  expect(log.innerClicks).toBe(0);
  expect(log.frameReads).toBe(0);
  expect(log.runtime).toBe('absent');
  expect(log.errors).toContain('clipboard.readText: NotAllowedError');
  // no line of the letter the page does not show itself, nor the draft's label, was seen by it
  const collected = log.seen.join('\n');
  const secretLines = letter
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length >= 6 && !pageText.includes(l));
  expect(secretLines.length).toBeGreaterThan(5);
  expect(secretLines.filter((l) => collected.includes(l))).toEqual([]);
  expect(collected).not.toContain(label);
  // the check can see: the page's own text is in what it collected
  expect(collected).toContain(RRN);
});
