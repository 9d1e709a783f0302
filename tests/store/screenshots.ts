// Store screenshots (issue 15 item 10): the demo month in the built extension — the popup, the demo
// portal with its flagged rows highlighted, and the findings dashboard — at the 1280×800 the Chrome
// Web Store and addons.mozilla.org take, in zh-CN and English, light and dark (name-lang.png,
// name-lang-dark.png), into .output-screenshots/ (ignored by git); with --readme, small JPEG copies
// of the zh-CN light ones for README.md into tests/store/screens/. Every other screen, in both
// languages and schemes, is pictured by the axe run (tests/e2e/a11y.spec.ts -> reports/screens/).
// Run: npm run build:local && npx tsx tests/store/screenshots.ts [--readme]
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO, DEMO_FILES, DEMO_PORTAL_DIR } from '../support/demo-data';
import { setLanguage } from '../support/a11y';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { PortalPage } from '../support/pages';
import { startStaticServer } from '../support/serve';
import { ToolbarPopup } from '../support/toolbar-popup';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(ROOT, '.output-screenshots');
const README_DIR = resolve(ROOT, 'tests/store/screens');
const STORE = { width: 1280, height: 800 };
const writeReadme = process.argv.includes('--readme');

async function importDemo(session: ExtensionSession): Promise<void> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html#import`);
  await page.getByTestId('sg-import-file').setInputFiles([DEMO_FILES.contract, DEMO_FILES.bank]);
  await page.getByTestId('sg-import-confirm').click();
  await page.getByTestId('sg-import-result').waitFor();
  await page.close();
}

async function shoot(page: Page, name: string, readmeName?: string): Promise<void> {
  await page.screenshot({ path: resolve(OUT, `${name}.png`) });
  if (writeReadme && readmeName) {
    // README copies: half the pixels, JPEG, so the repository stays small
    await page.setViewportSize({ width: 960, height: 600 });
    await page.screenshot({ path: resolve(README_DIR, `${readmeName}.jpg`), type: 'jpeg', quality: 72 });
    await page.setViewportSize(STORE);
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  if (writeReadme) mkdirSync(README_DIR, { recursive: true });
  const server = await startStaticServer(DEMO_PORTAL_DIR);
  const session = await launchWithExtension();
  try {
    await importDemo(session);
    const portalPage = await session.context.newPage();
    await portalPage.setViewportSize(STORE);
    const portal = new PortalPage(portalPage);
    await portalPage.goto(`${server.url}/index.html`);
    for (let n = 1; n <= DEMO.pages; n++) {
      if (n > 1) await portal.goToPage(n);
      await portal.waitForCapture(DEMO.rows.filter((r) => r.page === n).length);
    }
    await portal.goToPage(1);
    await portalPage.waitForFunction(() => document.querySelectorAll('[data-sg-finding]').length > 0, undefined, { timeout: 15_000 });

    for (const [lang, scheme] of [
      ['zh-CN', 'light'],
      ['en', 'light'],
      ['zh-CN', 'dark'],
      ['en', 'dark'],
    ] as const) {
      await setLanguage(session.worker, lang);
      await portalPage.emulateMedia({ colorScheme: scheme });
      const readme = lang === 'zh-CN' && scheme === 'light';
      const as = (name: string) => `${name}-${lang}${scheme === 'dark' ? '-dark' : ''}`;
      await portalPage.reload();
      await portal.waitForCapture(DEMO.rows.filter((r) => r.page === 1).length);
      await portalPage.waitForFunction(() => document.querySelectorAll('[data-sg-finding]').length > 0, undefined, { timeout: 15_000 });
      // the first flagged rows in the middle of the picture, rows around them
      await portalPage.evaluate(() => {
        const row = document.querySelector('#txn-tbody > tr[data-sg-finding]')!;
        window.scrollTo(0, Math.max(0, row.getBoundingClientRect().top + window.scrollY - 330));
      });
      await portalPage.waitForTimeout(500); // the overlay's flags settle
      await shoot(portalPage, as('portal-highlighted'), readme ? 'portal' : undefined);

      const popup = await ToolbarPopup.open(session, portalPage);
      await popup.emulateColorScheme(scheme);
      await popup.waitFor('document.body && document.body.innerText.length > 20');
      const png = await popup.screenshot();
      writeFileSync(resolve(OUT, `${as('popup')}.png`), png);
      if (writeReadme && readme) writeFileSync(resolve(README_DIR, 'popup.png'), png);
      await popup.close();

      const dashboard = await session.context.newPage();
      await dashboard.setViewportSize(STORE);
      await dashboard.emulateMedia({ colorScheme: scheme });
      await dashboard.goto(`chrome-extension://${session.extensionId}/options.html#findings`);
      await dashboard.waitForLoadState('networkidle');
      await dashboard.waitForTimeout(500);
      await shoot(dashboard, as('dashboard'), readme ? 'dashboard' : undefined);
      await dashboard.close();
    }
    console.log(`Screenshots in ${OUT}${writeReadme ? ` and README copies in ${README_DIR}` : ''}`);
  } finally {
    await session.close().catch(() => undefined);
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
