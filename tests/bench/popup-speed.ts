// The popup and the findings tab with a big store (issue 15 "Speed"): popup numbers within 200 ms
// with 100,000 stored transactions, findings tab interactive within 500 ms with 20,000 bank lines.
// In Chromium with the built extension: 100,000 portal rows are written into the extension's
// IndexedDB through its service worker (raw IndexedDB, as capture leaves them: one site, a fee on
// each, every 40th above the contract), then a 20,000-line bank statement and the demo contract
// are imported through the options page as a merchant would, which reconciles everything once.
// Then the toolbar popup is opened on that site's tab and the options page on #findings, several
// times each; the figures are the pages' own marks (sg:popup:shown, sg:findings:shown: from the
// page's navigation to the first render with data) and the popup's read (sg:popup:load).
// Run: npm run build:local && npx tsx tests/bench/popup-speed.ts   (SG_ROWS, SG_LINES to change sizes;
// SG_DIAG=1 also times each IndexedDB read in the popup: opening the database, every open finding
// (what the popup read before the summary had figures), the summary, the decided findings…)
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithExtension } from '../support/extension';
import { countStore } from '../support/pages';
import { startStaticServer } from '../support/serve';
import { ToolbarPopup } from '../support/toolbar-popup';

const ROWS = Number(process.env.SG_ROWS ?? 100_000);
const LINES = Number(process.env.SG_LINES ?? 20_000);
const RUNS = 5;
const CONTRACT = resolve(fileURLToPath(new URL('../fixtures/demo/contract.json', import.meta.url)));

function statement(): string {
  const out = ['账号：31001588800050012345', '户名：上海静安区示例便利店', '交易日期,摘要,收入金额,支出金额,余额,对方户名,流水号'];
  let balance = 0;
  for (let i = 0; i < LINES; i++) {
    const cents = 1000 + ((i * 7919) % 900_000);
    balance += cents;
    out.push(
      `2026-${String(1 + (i % 3)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},POS结算款,${(cents / 100).toFixed(2)},,${(balance / 100).toFixed(2)},汇通收单有限公司,SN${String(i).padStart(8, '0')}`,
    );
  }
  return out.join('\n');
}

/** Runs in the service worker: writes `rows` portal transactions of `origin` in chunks. */
async function seed({ rows, origin }: { rows: number; origin: string }): Promise<number> {
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const r = indexedDB.open('settleguard');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  const CHUNK = 10_000;
  for (let from = 0; from < rows; from += CHUNK) {
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction('transactions', 'readwrite');
      const store = tx.objectStore('transactions');
      for (let i = from; i < Math.min(rows, from + CHUNK); i++) {
        const cents = 2000 + ((i * 7919) % 500_000);
        const fee = Math.round(cents * (i % 40 === 0 ? 0.0068 : 0.006));
        const day = `2026-${String(1 + (i % 3)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
        const time = `${String(8 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
        const rrn = String(600000000000 + i);
        const amount = (cents / 100).toFixed(2);
        store.put({
          id: `${origin}|rrn:${rrn}|${day}`,
          portal: 'generic',
          occurredAt: `${day}T${time}`,
          kind: 'sale',
          status: 'success',
          amount: { amount, currency: 'CNY' },
          fee: { amount: (fee / 100).toFixed(2), currency: 'CNY' },
          net: { amount: ((cents - fee) / 100).toFixed(2), currency: 'CNY' },
          cardType: 'credit',
          cardLast4: String(1000 + (i % 9000)),
          merchantId: '898310058120001',
          terminalId: `5812000${i % 8}`,
          rrn,
          evidence: {
            url: `${origin}/trade?page=${Math.floor(i / 50)}`,
            capturedAt: '2026-04-01T08:00:00.000Z',
            cells: { 参考号: rrn, 交易金额: amount },
            sha256: '',
          },
        });
      }
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
  }
  const n = await new Promise<number>((ok) => {
    const r = db.transaction('transactions').objectStore('transactions').count();
    r.onsuccess = () => ok(r.result);
  });
  db.close();
  return n;
}

const DIAG = `(async () => {
  const out = {};
  let t = performance.now();
  const db = await new Promise((ok) => { const r = indexedDB.open('settleguard'); r.onsuccess = () => ok(r.result); });
  out.open = performance.now() - t;
  const req = (r) => new Promise((ok) => { r.onsuccess = () => ok(r.result); });
  t = performance.now(); const f = await req(db.transaction('findings').objectStore('findings').index('status').getAll('open')); out['findings open ' + f.length] = performance.now() - t;
  t = performance.now(); const d = await req(db.transaction('findings').objectStore('findings').index('status').getAll(IDBKeyRange.bound('dismissed', 'disputed'))); out['findings dismissed or disputed ' + d.length] = performance.now() - t;
  t = performance.now(); const s = await req(db.transaction('summaries').objectStore('summaries').get('main')); out['summary ' + JSON.stringify(s).length] = performance.now() - t;
  t = performance.now(); const u = await req(db.transaction('unchecked').objectStore('unchecked').getAll()); out['unchecked ' + u.length] = performance.now() - t;
  t = performance.now(); await req(db.transaction('disputes').objectStore('disputes').getAll()); out.disputes = performance.now() - t;
  t = performance.now(); await req(db.transaction('imports').objectStore('imports').index('importedAt').openCursor(null, 'prev')); out.lastImport = performance.now() - t;
  t = performance.now(); await chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }); out.permission = performance.now() - t;
  return JSON.stringify(out);
})()`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sg-popup-speed-'));
  const bank = join(dir, 'bank.csv');
  writeFileSync(bank, statement());
  // an empty page on 127.0.0.1 (enabled in the local build): the site the popup is opened on
  const site = join(dir, 'site');
  mkdirSync(site);
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>portal</title><p>portal</p>');
  const server = await startStaticServer(site);
  const session = await launchWithExtension();
  try {
    const origin = new URL(server.url).origin;
    // the options page opens (and so creates) the database before it is written to
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html#import`);
    await options.getByTestId('sg-import-file').waitFor({ state: 'attached' });
    const t0 = Date.now();
    const seeded = await session.worker.evaluate(seed, { rows: ROWS, origin });
    const t1 = Date.now();
    await options.getByTestId('sg-import-file').setInputFiles([CONTRACT, bank]);
    await options.getByTestId('sg-import-confirm').waitFor({ state: 'visible', timeout: 300_000 });
    await options.getByTestId('sg-import-confirm').click();
    await options.getByTestId('sg-import-result').waitFor({ state: 'visible', timeout: 600_000 });
    const t2 = Date.now();
    const [lines, findings] = await Promise.all([countStore(session.worker, 'statementLines'), countStore(session.worker, 'findings')]);

    // the merchant opens the popup later, not while the import's page is still reading: let it settle
    await options.close();
    await new Promise((r) => setTimeout(r, 3000));
    const page = await session.context.newPage();
    await page.goto(`${server.url}/index.html`);
    const popup: { shown: number; load: number; text: string }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const p = await ToolbarPopup.open(session, page);
      await p.waitFor('performance.getEntriesByName("sg:popup:shown").length > 0', 30_000);
      popup.push(
        await p.evaluate<{ shown: number; load: number; text: string }>(
          `({ shown: performance.getEntriesByName("sg:popup:shown")[0].startTime, load: performance.getEntriesByName("sg:popup:load")[0].duration, text: document.querySelector("[data-testid=sg-popup-site]")?.innerText ?? "" })`,
        ),
      );
      if (process.env.SG_DIAG) console.log(await p.evaluate(DIAG));
      await p.close();
    }

    const tab: { shown: number; rows: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const o = await session.context.newPage();
      await o.goto(`chrome-extension://${session.extensionId}/options.html#findings`);
      await o.waitForFunction(() => performance.getEntriesByName('sg:findings:shown').length > 0, undefined, { timeout: 60_000 });
      if (process.env.SG_DIAG)
        console.log(
          await o.evaluate(() => {
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
            return {
              scriptsDone: Math.round(nav.domContentLoadedEventEnd),
              tableShown: Math.round(performance.getEntriesByName('sg:findings:shown')[0]!.startTime),
            };
          }),
        );
      tab.push(
        await o.evaluate(() => ({
          shown: performance.getEntriesByName('sg:findings:shown')[0]!.startTime,
          rows: document.querySelectorAll('[data-testid=sg-findings] tbody tr[data-finding-id]').length,
        })),
      );
      await o.close();
    }

    console.log(`\nSettleGuard popup and findings tab with a big store (Chromium, built extension)\n`);
    console.log(
      `store: ${seeded.toLocaleString('en-US')} transactions on ${origin}, ${lines.toLocaleString('en-US')} bank lines, ${findings.toLocaleString('en-US')} findings`,
    );
    console.log(`setup: seeding ${((t1 - t0) / 1000).toFixed(1)} s, import + reconciliation ${((t2 - t1) / 1000).toFixed(1)} s\n`);
    console.table([
      {
        what: 'popup: figures on screen (ms from popup navigation)',
        median: Math.round(median(popup.map((p) => p.shown))),
        runs: popup.map((p) => Math.round(p.shown)).join(' '),
      },
      {
        what: 'popup: reading the figures (loadPopupData, ms)',
        median: Math.round(median(popup.map((p) => p.load))),
        runs: popup.map((p) => Math.round(p.load)).join(' '),
      },
      {
        what: 'findings tab: table interactive (ms from navigation)',
        median: Math.round(median(tab.map((x) => x.shown))),
        runs: tab.map((x) => Math.round(x.shown)).join(' '),
      },
    ]);
    console.log(`popup site block: ${popup[0]?.text.replace(/\n+/g, ' · ')}`);
    console.log(`findings table rows in the DOM: ${tab[0]?.rows} (windowed)`);
  } finally {
    await session.close();
    await server.close();
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
