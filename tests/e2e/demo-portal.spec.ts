// The whole pipeline on the bundled demo portal, as a merchant would use it: import the contract
// and the bank statement in the options page, browse both pages of 交易查询, see the seeded
// problems highlighted on the right rows, open a dispute draft, copy it, check the popup.
import { test, expect } from '@playwright/test';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { startStaticServer } from '../support/serve';
import { OptionsPage, PortalPage, countStore, readStore } from '../support/pages';
import { DEMO, DEMO_FILES, DEMO_PORTAL_DIR } from '../support/demo-data';
import { ToolbarPopup } from '../support/toolbar-popup';

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

const problem = (kind: string) => {
  const p = DEMO.problems.find((x) => x.kind === kind);
  if (!p) throw new Error(`demo fixture has no ${kind}`);
  return p;
};

test('import, capture both pages, highlight the seeded problems, draft and copy a dispute', async () => {
  const { context, worker, extensionId } = session;

  // 1. Import the contract and the bank statement through the options page.
  const options = await OptionsPage.open(context, extensionId);
  await options.importFiles([DEMO_FILES.contract, DEMO_FILES.bank]);
  const outcomes = await options.outcomes();
  expect(outcomes.map((o) => o.format).sort()).toEqual(['csv', 'settleguard']);
  expect(outcomes.find((o) => o.format === 'csv')?.added).toBe(DEMO.bankLines);
  expect(await countStore(worker, 'statementLines')).toBe(DEMO.bankLines);
  expect(await countStore(worker, 'contracts')).toBe(1);

  // 2. Browse the portal: page 1 is captured, then page 2 after paging (no reload).
  const page = await context.newPage();
  const portal = new PortalPage(page);
  await page.goto(`${server.url}/index.html`);
  const perPage = (n: number) => DEMO.rows.filter((r) => r.page === n).length;
  await portal.waitForCapture(perPage(1));
  // the totals row (合计) and the header are never marked
  await expect(page.locator('tfoot [data-sg-row], thead [data-sg-row]')).toHaveCount(0);
  await portal.nextPage();
  await expect(portal.rowByRrn(DEMO.rows.find((r) => r.page === 2)!.rrn)).toBeVisible();
  await portal.waitForCapture(perPage(2));
  await expect.poll(() => countStore(worker, 'transactions')).toBe(DEMO.totalRows);

  // 3. Each seeded problem is highlighted on exactly its rows, on both pages.
  const flaggedOnPage = async (n: number) => {
    const expected = new Map<string, string[]>();
    for (const p of DEMO.problems)
      for (const rrn of p.rrns) {
        if (DEMO.rows.find((r) => r.rrn === rrn)?.page === n) expected.set(rrn, [...(expected.get(rrn) ?? []), p.kind].sort());
      }
    await expect
      .poll(async () => {
        const actual = await page.locator('#txn-tbody > tr[data-sg-finding]').evaluateAll((els) =>
          els.map(
            (el) =>
              [
                Array.from(el.querySelectorAll('td'))
                  .map((td) => td.textContent?.trim() ?? '')
                  .find((s) => /^\d{12}$/.test(s)) ?? '',
                (el.getAttribute('data-sg-finding') ?? '').split(' ').sort(),
              ] as const,
          ),
        );
        return Object.fromEntries(actual);
      })
      .toEqual(Object.fromEntries(expected));
  };
  await flaggedOnPage(2);
  await portal.goToPage(1);
  await portal.waitForCapture(perPage(1));
  await flaggedOnPage(1);
  expect(await countStore(worker, 'transactions')).toBe(DEMO.totalRows); // paging back adds nothing

  // 4. The highlight explains itself; the dispute draft names the RRN and the difference.
  const rate = problem('fee_above_contract');
  const rrn = rate.rrns[0]!;
  await expect(portal.rowByRrn(rrn)).toHaveAttribute('title', /15\.00/);
  await portal.disputeButton(rrn).click();
  const text = await portal.disputeText();
  await expect(text).toContainText(rrn);
  await expect(text).toContainText(rate.atStake);
  await expect(text).toContainText(DEMO.merchantId);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await (await portal.copyButton()).click();
  const draft = (await text.textContent()) ?? '';
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(draft);
  // switch the letter to English
  await (await portal.panel()).getByRole('button', { name: 'English' }).click();
  await expect(text).toContainText('RRN');
  await expect(text).toContainText(rrn);

  // 5. The popup sums this site's findings: certain overcharges apart from the suspect duplicate.
  //    Opened from the toolbar on the portal's tab, as the merchant does.
  const popup = await ToolbarPopup.open(session, page);
  await popup.waitFor('document.querySelector("[data-testid=sg-popup-site-certain-count]")');
  const yuan = (problems: typeof DEMO.problems) => {
    const total = problems.reduce((s, p) => s + Math.round(Number(p.atStake) * 100), 0); // test arithmetic in cents
    return `${Math.floor(total / 100).toLocaleString('en-US')}.${String(total % 100).padStart(2, '0')}`;
  };
  const certain = DEMO.problems.filter((p) => p.severity === 'overcharge');
  const suspected = DEMO.problems.filter((p) => p.severity === 'suspect');
  expect(await popup.textOf('[data-testid=sg-popup-site-certain-count]')).toMatch(new RegExp(`^(${certain.length} findings|${certain.length} 项)$`));
  expect(await popup.textOf('[data-testid=sg-popup-site-certain]')).toBe(`¥${yuan(certain)}`);
  expect(await popup.textOf('[data-testid=sg-popup-site-suspected]')).toBe(`¥${yuan(suspected)}`);
  // every finding is on this site: no second block repeating them
  expect(await popup.evaluate<boolean>('!document.querySelector("[data-testid=sg-popup-elsewhere]")')).toBe(true);
  await popup.close();

  // 6. Re-importing the same statement (and its GBK twin) adds nothing.
  const before = await readStore<{ id: string }>(worker, 'statementLines');
  await options.page.bringToFront();
  await options.importFiles([DEMO_FILES.bank, DEMO_FILES.bankGbk]);
  const again = await options.outcomes();
  expect(again.map((o) => [o.added, o.known])).toEqual([
    [0, DEMO.bankLines],
    [0, DEMO.bankLines],
  ]);
  const after = await readStore<{ id: string }>(worker, 'statementLines');
  expect(after.map((l) => l.id).sort()).toEqual(before.map((l) => l.id).sort());
});

test('a file that is not a statement is refused with a clear message and stores nothing', async () => {
  const { context, worker, extensionId } = session;
  const options = await OptionsPage.open(context, extensionId);
  const before = await countStore(worker, 'statementLines');
  await options.page.getByTestId('sg-import-file').setInputFiles([
    { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('hello,world\nthis is,not a statement\n') },
    { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) },
  ]);
  const preview = options.page.getByTestId('sg-import-preview');
  await expect(preview).toBeVisible();
  await expect(options.page.getByTestId('sg-import-confirm')).toBeDisabled();
  await expect(preview).toContainText('notes.csv');
  await expect(preview.locator('.issues li.error')).toHaveCount(2);
  expect(await countStore(worker, 'statementLines')).toBe(before);
});
