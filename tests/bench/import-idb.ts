// Importing a 100,000-line bank statement through the options page into Chromium's IndexedDB
// (issue 4 "Speed": under 5 s, the page stays responsive). Prints: preview (parse, in a worker),
// store + reconcile, total, and the longest main-thread task on the options page meanwhile; then the
// import worker's own phases (parse, store, reconcile) and what is left for messaging and the page.
// Run: npm run build:local && npx tsx tests/bench/import-idb.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../support/extension';
import { countStore } from '../support/pages';

const LINES = 100_000;

function statement(): string {
  const out = ['账号：31001588800050012345', '户名：上海静安区示例便利店', '交易日期,摘要,收入金额,支出金额,余额,对方户名,流水号'];
  let balance = 0;
  for (let i = 0; i < LINES; i++) {
    const cents = 1000 + ((i * 7919) % 900_000);
    balance += cents;
    const day = 1 + (i % 28);
    out.push(`2026-${String(1 + ((i >> 12) % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')},POS结算款,${(cents / 100).toFixed(2)},,${(balance / 100).toFixed(2)},汇通收单有限公司,SN${String(i).padStart(8, '0')}`);
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sg-import-'));
  const file = join(dir, 'bank-100k.csv');
  writeFileSync(file, statement());
  const session = await launchWithExtension();
  try {
    const page = await session.context.newPage();
    await page.addInitScript(`window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push(e.duration); }).observe({ type: 'longtask', buffered: true });`);
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    await page.getByTestId('sg-import-file').waitFor({ state: 'attached' });
    await page.evaluate(() => { (window as unknown as { __lt: number[] }).__lt = []; });
    const t0 = Date.now();
    await page.getByTestId('sg-import-file').setInputFiles(file);
    await page.getByTestId('sg-import-confirm').waitFor({ state: 'visible', timeout: 120_000 });
    const parsed = Date.now();
    await page.getByTestId('sg-import-confirm').click();
    await page.getByTestId('sg-import-result').waitFor({ state: 'visible', timeout: 120_000 });
    const stored = Date.now();
    const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { __lt: number[] }).__lt));
    const count = await countStore(session.worker, 'statementLines');
    // the import worker's own measures (lib/services/import-session.ts): where the time went
    const importWorker = page.workers().find((w) => w.url().includes('import-worker'));
    const read = () => [...performance.getEntriesByType('measure'), ...performance.getEntriesByType('mark')]
      .filter((m) => m.name.startsWith('sg:import:')).map((m) => [m.name.slice('sg:import:'.length), Math.round(m.entryType === 'mark' ? m.startTime : m.duration)] as const);
    const phases = importWorker ? await importWorker.evaluate(read) : [];
    const onPage = await page.evaluate(read);
    console.log(`\nSettleGuard import of ${LINES.toLocaleString('en-US')} bank lines into IndexedDB (Chromium, options page)\n`);
    console.table([{
      'preview (parse in worker, ms)': parsed - t0,
      'store + reconcile (ms)': stored - parsed,
      'total (ms)': stored - t0,
      'longest task on the page (ms)': Math.round(longest),
      'lines stored': count,
    }]);
    // store and reconcile overlap: the rest is what neither parse nor commit covers
    const ms = Object.fromEntries(phases);
    console.log('in the import worker (issue = writes issued; reconcile runs while the store commits):');
    console.table([{ ...Object.fromEntries(phases.map(([name, v]) => [`${name} (ms)`, v])),
      'messaging + page (ms)': stored - t0 - (ms.parse ?? 0) - (ms.commit ?? 0) }]);
    console.log('on the page (preview and confirm as the page waits for them):');
    console.table([Object.fromEntries(onPage.map(([name, v]) => [`${name} (ms)`, v]))]);
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
