// axe-core over every screen of the built extension (issue 15 item 7), in zh-CN and English, in
// light and dark mode, with the demo month loaded so lists, charts, dialogs and the findings
// table are populated: the options page (each tab and its dialogs), the toolbar popup (a site
// with findings, a site not enabled), the panel frame (a letter, the drafts behind Insert) and
// the overlay on the demo portal (flags, table tools, Insert, the phishing banner). No screen
// may have a serious or critical violation; the table of all of them goes to reports/axe.md.
import { test, expect, type CDPSession, type Locator, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  axeInFrame,
  axeInPopup,
  axeOnOverlay,
  axeOnPage,
  blocking,
  rowOf,
  setLanguage,
  writeAxeReport,
  type AxeRow,
  type Language,
  type Scheme,
} from '../support/a11y';
import { DEMO, DEMO_FILES, DEMO_PORTAL_DIR, FIXTURES } from '../support/demo-data';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { clickInOverlay, panelClosed, panelFrame } from '../support/overlay';
import { OptionsPage, PortalPage } from '../support/pages';
import { startStaticServer, type StaticServer } from '../support/serve';
import { ToolbarPopup } from '../support/toolbar-popup';

const REPORTS = resolve(fileURLToPath(new URL('../../reports', import.meta.url)));
const ISSUES_FILE = `${FIXTURES}statements/qif/bank-splits-dmy.qif`;

let session: ExtensionSession;
let portalServer: StaticServer;
let phishingServer: StaticServer;
const rows: AxeRow[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  session = await launchWithExtension({ keepWelcome: true });
  portalServer = await startStaticServer(DEMO_PORTAL_DIR);
  phishingServer = await startStaticServer(`${FIXTURES}phishing`);
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // the demo month: contract and bank statement, both portal pages captured
  const options = await OptionsPage.open(session.context, session.extensionId);
  await options.importFiles([DEMO_FILES.contract, DEMO_FILES.bank]);
  // the merchant's details, so letters show at once (the form itself is checked on the welcome tab)
  await options.page.goto(`chrome-extension://${session.extensionId}/options.html#welcome`);
  await fillMerchantForm(options.page.getByTestId('sg-merchant-form'));
  for (const p of session.context.pages()) await p.close();
  const page = await session.context.newPage();
  const portal = new PortalPage(page);
  await page.goto(`${portalServer.url}/index.html`);
  for (let n = 1; n <= DEMO.pages; n++) {
    if (n > 1) await portal.goToPage(n);
    await portal.waitForCapture(DEMO.rows.filter((r) => r.page === n).length);
  }
  // one dispute kept (copied from the panel), for the disputes tab and the drafts behind Insert
  await portal.goToPage(1);
  await expect(page.locator('[data-sg-finding]').first()).toBeAttached({ timeout: 15_000 });
  await clickInOverlay(page, page.locator('[data-sg-finding] sg-flag').first(), /申诉|Dispute/);
  await (await portal.copyButton()).click();
  await expect((await portal.panel()).getByRole('status')).toHaveText(/复制|Copied/);
  await portal.closePanel();
  await page.close();
});

test.afterAll(async () => {
  if (rows.length) {
    const { md } = writeAxeReport(rows, REPORTS);
    console.log(`axe table: ${md}`);
  }
  await session?.close();
  await portalServer?.close();
  await phishingServer?.close();
});

const MERCHANT: Record<string, string> = { name: '上海静安区示例便利店', merchantId: DEMO.merchantId, contact: '王芳', phone: '021-62881234' };

async function fillMerchantForm(form: Locator): Promise<void> {
  for (const input of await form.locator('input').all()) await input.fill(MERCHANT[(await input.getAttribute('name')) ?? ''] ?? '');
  await form.getByTestId('sg-merchant-save').click();
}

/**
 * Checks one screen, keeps its row for the table, fails on serious or critical violations, and
 * saves a picture of it (reports/screens/<language>-<scheme>/, for the closing note).
 */
async function check(
  screen: string,
  language: Language,
  scheme: Scheme,
  run: () => Promise<Parameters<typeof rowOf>[3]>,
  picture: () => Promise<Buffer>,
): Promise<void> {
  const row = rowOf(screen, language, scheme, await run());
  rows.push(row);
  const dir = resolve(REPORTS, 'screens', `${language}-${scheme}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, `${screen.replace(/[^\w]+/g, '-').replace(/-+$/, '')}.png`), await picture());
  expect(row.passes, `${screen}: axe found nothing to check`).toBeGreaterThan(3);
  expect.soft(blocking(row), `${screen} ${language} ${scheme}`).toEqual([]);
}

async function optionsScreens(page: Page, language: Language, scheme: Scheme): Promise<void> {
  const base = `chrome-extension://${session.extensionId}/options.html`;
  const open = async (tab: string) => {
    await page.goto(`${base}#${tab}`);
    await page.reload();
    await expect(page.getByTestId(`sg-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
  };
  const axe = (screen: string) =>
    check(
      `options: ${screen}`,
      language,
      scheme,
      () => axeOnPage(page),
      () => page.screenshot({ fullPage: true }),
    );

  await open('welcome');
  await expect(page.getByTestId('sg-welcome')).toBeVisible();
  await axe('welcome');

  await open('import');
  await page.getByTestId('sg-import-file').setInputFiles([ISSUES_FILE]);
  await expect(page.getByTestId('sg-import-preview')).toBeVisible();
  await expect(page.locator('.issues li').first()).toBeVisible();
  await axe('import preview with issues');

  await open('findings');
  await expect(page.getByTestId('sg-findings')).toBeVisible();
  await page.getByTestId('sg-findings').locator('tbody button[aria-expanded]').first().click();
  await expect(page.getByTestId('sg-finding-detail')).toBeVisible();
  await axe('findings table + detail');
  await page.getByTestId('sg-findings').locator('tbody tr button').first().click();
  const dialog = page.getByTestId('sg-draft-dialog');
  await expect(dialog).toBeVisible();
  // the first letter asks for the contact and phone it lacks (issue 15 item 2): a screen of its own
  const asks = dialog.getByTestId('sg-merchant-form');
  if (await asks.isVisible()) {
    await axe('findings: draft dialog asking for details');
    await fillMerchantForm(asks);
  }
  await expect(page.getByTestId('sg-dispute-text')).toBeVisible();
  await axe('findings: dispute draft dialog');
  await page
    .getByTestId('sg-draft-dialog')
    .getByRole('button', { name: /^(关闭|Close)$/ })
    .click();
  await page.getByTestId('sg-findings-view-charts').click();
  await expect(page.getByTestId('sg-charts').locator('svg').first()).toBeVisible();
  await axe('findings charts');

  await open('disputes');
  await expect(page.getByTestId('sg-dispute').first()).toBeVisible();
  await axe('disputes');

  await open('templates');
  await axe('templates');

  await open('contracts');
  await expect(page.getByTestId('sg-contract').first()).toBeVisible();
  await axe('contracts');
  await page
    .getByTestId('sg-contract')
    .first()
    .getByRole('button', { name: /^(编辑|Edit)$/ })
    .click();
  await expect(page.getByTestId('sg-contract-editor')).toBeVisible();
  await axe('contract editor');

  await open('settings');
  await axe('settings');

  await open('data');
  await expect(page.getByTestId('sg-data-counts')).toBeVisible();
  await page.getByTestId('sg-data-delete').click();
  await expect(page.getByTestId('sg-data-delete-confirmation')).toBeVisible();
  await axe('your data + delete confirmation');
}

async function popupScreens(portal: Page, elsewhere: Page, phishing: Page, language: Language, scheme: Scheme): Promise<void> {
  for (const [screen, tab, ready] of [
    ['popup: site with findings', portal, '[data-testid=sg-popup-site]'],
    ['popup: site not enabled', elsewhere, '[data-testid=sg-popup-enable]'],
    ['popup: page imitating an acquirer', phishing, '[data-testid=sg-popup-phishing]'],
  ] as const) {
    const popup = await ToolbarPopup.open(session, tab);
    try {
      await popup.emulateColorScheme(scheme);
      await popup.waitFor(`document.querySelector(${JSON.stringify(ready)})`);
      await check(
        screen,
        language,
        scheme,
        () => axeInPopup(popup),
        () => popup.screenshot(),
      );
    } finally {
      await popup.close();
    }
  }
}

async function overlayScreens(page: Page, cdp: CDPSession, language: Language, scheme: Scheme): Promise<void> {
  const portal = new PortalPage(page);
  await page.goto(`${portalServer.url}/index.html`);
  await portal.waitForCapture(DEMO.rows.filter((r) => r.page === 1).length);
  await expect(page.locator('[data-sg-finding] sg-flag').first()).toBeAttached({ timeout: 15_000 });
  await expect(page.locator('sg-tools').first()).toBeAttached();
  await check(
    'overlay: flagged rows + table tools',
    language,
    scheme,
    () => axeOnOverlay(page, cdp),
    () => page.screenshot(),
  );

  await clickInOverlay(page, page.locator('[data-sg-finding] sg-flag').first(), /申诉|Dispute/);
  const letter = await panelFrame(page);
  await expect(letter.getByTestId('sg-dispute-text')).toBeVisible();
  await check(
    'panel: dispute letter',
    language,
    scheme,
    () => axeInFrame(letter),
    () => page.screenshot(),
  );
  await portal.closePanel();

  await page.goto(`${portalServer.url}/complaint.html`);
  await expect(page.locator('sg-insert')).toBeAttached({ timeout: 15_000 });
  await check(
    'overlay: Insert control',
    language,
    scheme,
    () => axeOnOverlay(page, cdp),
    () => page.screenshot(),
  );
  await clickInOverlay(page, page.locator('sg-insert'), /填入|Insert/);
  const drafts = await panelFrame(page);
  await expect(drafts.getByRole('listitem').first()).toBeVisible();
  await check(
    'panel: drafts behind Insert',
    language,
    scheme,
    () => axeInFrame(drafts),
    () => page.screenshot(),
  );
  await drafts.getByRole('button', { name: /^(关闭|Close)$/ }).click();
  await panelClosed(page);

  await page.goto(`${phishingServer.url}/lakala.html`);
  await expect(page.locator('sg-phishing')).toBeAttached({ timeout: 15_000 });
  await check(
    'overlay: phishing banner',
    language,
    scheme,
    () => axeOnOverlay(page, cdp),
    () => page.screenshot(),
  );
}

for (const language of ['zh-CN', 'en'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`every screen, ${language}, ${scheme}: no serious or critical axe violation`, async () => {
      test.setTimeout(240_000);
      await setLanguage(session.worker, language);
      const options = await session.context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await optionsScreens(options, language, scheme);
      await options.close();

      const page = await session.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      const cdp = await session.context.newCDPSession(page);
      await overlayScreens(page, cdp, language, scheme);

      await page.goto(`${portalServer.url}/index.html`);
      await expect(page.locator('[data-sg-finding]').first()).toBeAttached({ timeout: 15_000 });
      const elsewhere = await session.context.newPage();
      await elsewhere.goto(`${portalServer.url.replace('127.0.0.1', 'portal.test')}/complaint.html`);
      const phishing = await session.context.newPage();
      await phishing.goto(`${phishingServer.url.replace('127.0.0.1', 'portal.test')}/lakala.html`);
      await popupScreens(page, elsewhere, phishing, language, scheme);
      await phishing.close();
      await elsewhere.close();
      await page.close();
    });
  }
}
