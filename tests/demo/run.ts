// `npm run demo`: builds (done by the npm script), serves the bundled demo portal on 127.0.0.1,
// loads the extension in Chromium, imports the demo contract and bank statement through the
// options page as a merchant would, browses both pages of 交易查询, and reports what it found,
// with screenshots in demo-output/. `npm run demo -- --headed` shows the browser and leaves it open.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../support/extension';
import { startStaticServer } from '../support/serve';
import { OptionsPage, PortalPage, readStore } from '../support/pages';
import { ToolbarPopup } from '../support/toolbar-popup';
import { clickInOverlay, panelFrame } from '../support/overlay';
import { DEMO, DEMO_FILES, DEMO_PORTAL_DIR } from '../support/demo-data';
import type { PortalTransaction, StoredFinding } from '../../lib/model';
import { Dec, formatMoney, money } from '../../lib/money';
import { kindName } from '../../lib/i18n/messages';

const headed = process.argv.includes('--headed');
const outDir = resolve(process.cwd(), 'demo-output');

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const server = await startStaticServer(DEMO_PORTAL_DIR);
  const session = await launchWithExtension({ headless: !headed });
  const { context, worker, extensionId } = session;
  try {
    console.log(`Demo portal: ${server.url}/index.html`);
    const options = await OptionsPage.open(context, extensionId);
    await options.importFiles([DEMO_FILES.contract, DEMO_FILES.bank]);
    for (const o of await options.outcomes()) console.log(`Imported: ${o.text.split('\n')[0]}`);

    const page = await context.newPage();
    const portal = new PortalPage(page);
    await page.goto(`${server.url}/index.html`);
    for (let n = 1; n <= DEMO.pages; n++) {
      if (n > 1) await portal.goToPage(n);
      await portal.waitForCapture(DEMO.rows.filter((r) => r.page === n).length);
    }
    await portal.goToPage(1);
    await portal.waitForCapture(DEMO.rows.filter((r) => r.page === 1).length);
    await page.waitForFunction(() => document.querySelectorAll('[data-sg-finding]').length > 0, undefined, { timeout: 10_000 }).catch(() => undefined);

    const transactions = await readStore<PortalTransaction>(worker, 'transactions');
    const findings = (await readStore<StoredFinding>(worker, 'findings')).filter((f) => f.status === 'open');
    const shots = {
      portal: resolve(outDir, 'portal-highlighted.png'),
      popup: resolve(outDir, 'popup.png'),
      dispute: resolve(outDir, 'dispute-draft.png'),
    };
    await page.screenshot({ path: shots.portal, fullPage: true });

    const flagged = page.locator('#txn-tbody > tr[data-sg-finding]').first();
    if (await flagged.count()) {
      // the overlay's shadow roots are closed and its controls take the merchant's input only
      await clickInOverlay(page, flagged.locator('sg-flag'), /申诉|Dispute/);
      await (await panelFrame(page)).getByTestId('sg-dispute-text').waitFor();
      await page.screenshot({ path: shots.dispute });
    }

    // the popup as the merchant opens it: the toolbar button clicked on the portal's tab
    const popup = await ToolbarPopup.open(session, page);
    await popup.waitFor('document.querySelector("[data-testid=sg-popup-site-certain-count]")');
    writeFileSync(shots.popup, await popup.screenshot());
    await popup.close();

    const byKind = new Map<string, { count: number; atStake: InstanceType<typeof Dec> }>();
    let total = new Dec(0);
    for (const f of findings) {
      const k = byKind.get(f.kind) ?? { count: 0, atStake: new Dec(0) };
      k.count++;
      if (f.atStake) {
        k.atStake = k.atStake.plus(f.atStake.amount);
        total = total.plus(f.atStake.amount);
      }
      byKind.set(f.kind, k);
    }
    console.log('');
    console.log(`Rows captured: ${transactions.length} (expected ${DEMO.totalRows}, ${DEMO.pages} pages)`);
    console.log(`Findings: ${findings.length}`);
    for (const [kind, k] of byKind) {
      console.log(`  ${kind.padEnd(22)} ${kindName('zh-CN', kind as StoredFinding['kind']).padEnd(10)} ×${k.count}  ${formatMoney(money(k.atStake, 'CNY'))}`);
    }
    console.log(`Money at stake: ${formatMoney(money(total, 'CNY'))}`);
    console.log('');
    console.log('Screenshots:');
    for (const [name, path] of Object.entries(shots)) console.log(`  ${name.padEnd(8)} ${path}`);
    if (headed) {
      console.log('\nThe browser stays open: close it (or press Ctrl+C) to finish.');
      await new Promise<void>((done) => context.on('close', () => done()));
    }
  } finally {
    await session.close().catch(() => undefined);
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
