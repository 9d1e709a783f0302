// One language per screen (issue 15 item 6): with the demo month loaded (contract, bank statement,
// both portal pages captured), every screen is read in zh-CN and in English — each options tab
// (findings as table, charts and one finding's evidence), the toolbar popup, the portal overlay
// (row flags, their titles, the table tools) and the dispute panel — and its visible text checked:
// in zh-CN no Latin word outside a short list of codes and names, in English no Chinese character.
// The merchant's own data (file names, bank memos, contract names, terminal ids, page cells) is
// taken out first, read from the extension's stores: it is shown as the merchant wrote it.
// The language is switched in Settings while the portal tab stays open: the overlay must follow
// without a reload.
import { test, expect, type Page } from '@playwright/test';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { startStaticServer } from '../support/serve';
import { OptionsPage, PortalPage, readStore } from '../support/pages';
import { DEMO, DEMO_FILES, DEMO_PORTAL_DIR } from '../support/demo-data';
import { ToolbarPopup } from '../support/toolbar-popup';
import { clickInOverlay, evaluateInOverlay, panelFrame } from '../support/overlay';
import { draftFromRow } from '../fixtures/forms/harness';

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

/**
 * Latin words a zh-CN screen may show: codes merchants read as codes (RRN, MID, POS, T+1),
 * file formats, currency codes, and the names of companies and products, which Chinese text
 * writes in Latin letters too.
 */
const ZH_ALLOWED = new Set([
  ...['RRN', 'MID', 'POS', 'ID', 'CSV', 'XLSX', 'XLS', 'Excel', 'JSON', 'OFX', 'QFX', 'QIF', 'MT940', 'MT942', 'PDF'],
  ...['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'JPY', 'US$', 'HK$', 'JP¥'],
  ...['SettleGuard', 'Stripe', 'Square', 'Adyen', 'PayPal', 'Chrome', 'Edge', 'Firefox', 'English'],
  ...['BIN', 'B', 'KB', 'MB', 'GB', 'TB'],
]);
/** Written forms shown as they are typed: date patterns, and the letter templates' {placeholders}. */
const ZH_PATTERNS = [/YYYY-MM-DD/g, /\{[A-Za-z][A-Za-z0-9]*\}/g];
/** Chinese an English screen may show: the language picker names Chinese in Chinese. */
const EN_ALLOWED = ['中文', '简体中文'];

/** Record fields that hold codes the UI must name, never show: kept in the text to be checked. */
const CODE_FIELDS = new Set([
  'kind',
  'status',
  'severity',
  'cardType',
  'format',
  'settleCycle',
  'calendar',
  'every',
  'key',
  'language',
  'decidedBy',
  'direction',
  'type',
  'portal',
  'adapter',
  'field',
  'readAs',
  'metric',
]);

/** Every string the merchant's data holds (except code fields), longest first: shown as written, not translated. */
async function merchantStrings(): Promise<string[]> {
  const out = new Set<string>();
  const walk = (v: unknown, key = ''): void => {
    if (typeof v === 'string') {
      // a lowercase identifier ('merchant', 'open') is a code whatever field holds it, not the merchant's words
      if (!CODE_FIELDS.has(key) && v.trim().length > 1 && !/^[a-z_]+$/.test(v.trim())) out.add(v.trim());
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') {
      // a captured row's cells are keyed by the portal's own column headers
      if (key === 'cells' || key === 'columnMap') for (const header of Object.keys(v)) walk(header, 'header');
      for (const [k, x] of Object.entries(v)) walk(x, k);
    }
  };
  for (const store of ['transactions', 'statementLines', 'contracts', 'imports', 'settings', 'findings', 'sites', 'disputes']) {
    walk(await readStore(session.worker, store).catch(() => []));
  }
  return [...out].sort((a, b) => b.length - a.length);
}

function withoutData(text: string, data: string[]): string {
  let rest = text;
  for (const s of data) if (rest.includes(s)) rest = rest.split(s).join(' ');
  return rest;
}

const around = (text: string, i: number) => text.slice(Math.max(0, i - 30), i + 30).replace(/\s+/g, ' ');

/** Latin words on a zh-CN screen outside ZH_ALLOWED, with where they stand. */
function latinWords(text: string): string[] {
  const found: string[] = [];
  const rest = text;
  for (const m of rest.matchAll(/[A-Za-z][A-Za-z0-9$¥]*(?:[.+][A-Za-z0-9]+)*/g)) {
    const w = m[0];
    if (ZH_ALLOWED.has(w) || /^[TD]\+?\d$/.test(w) || /^[A-Za-z]$/.test(w)) continue;
    found.push(`"${w}" in …${around(rest, m.index)}…`);
  }
  return found;
}

/** Chinese characters and full-width punctuation on an English screen, with where they stand. */
function chineseText(text: string): string[] {
  let rest = text;
  for (const ok of EN_ALLOWED) rest = rest.split(ok).join(' ');
  return [...rest.matchAll(/[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff01-\uff5e]+/g)].map((m) => `"${m[0]}" in …${around(rest, m.index)}…`);
}

async function setLanguage(options: Page, language: 'zh-CN' | 'en'): Promise<void> {
  await options.getByTestId('sg-tab-settings').click();
  const select = options.locator('select').filter({ has: options.locator('option[value="auto"]') });
  await select.selectOption(language);
  await options.locator('form button[type="submit"]').first().click();
  await expect(options.locator('html')).toHaveAttribute('lang', language === 'en' ? /^en/ : /^zh/);
}

/** What a page shows: its visible text and every choice of its selects (innerText gives the chosen one only). */
function pageText(page: Page): Promise<string> {
  return page.evaluate(() => [document.body.innerText, ...[...document.querySelectorAll('option')].map((o) => o.textContent ?? '')].join('\n'));
}

async function overlayTexts(page: Page): Promise<string[]> {
  const texts: string[] = [];
  for (const host of await page.locator('sg-flag, sg-tools').all()) {
    texts.push(
      await evaluateInOverlay(page, host, (root) =>
        [
          (root.querySelector('div') as HTMLElement | null)?.innerText ?? root.textContent ?? '',
          ...[...root.querySelectorAll('option')].map((o) => o.textContent ?? ''),
        ].join('\n'),
      ),
    );
  }
  texts.push(...(await page.locator('[data-sg-finding]').evaluateAll((els) => els.map((el) => el.getAttribute('title') ?? ''))));
  return texts;
}

test('every screen speaks the chosen language only, with the demo month loaded', async () => {
  test.setTimeout(240_000);
  const { context, extensionId } = session;
  const options = await OptionsPage.open(context, extensionId);
  await options.importFiles([DEMO_FILES.contract, DEMO_FILES.bank]);
  const page = await context.newPage();
  const portal = new PortalPage(page);
  await page.goto(`${server.url}/index.html`);
  const perPage = (n: number) => DEMO.rows.filter((r) => r.page === n).length;
  await portal.waitForCapture(perPage(1));
  await portal.nextPage();
  await portal.waitForCapture(perPage(2));
  await portal.goToPage(1);
  await portal.waitForCapture(perPage(1));
  await expect(page.locator('[data-sg-finding]').first()).toBeAttached();
  // one dispute kept and sent, so the Disputes tab and the popup have a card and figures to show
  const disputed = DEMO.problems.find((p) => p.kind === 'fee_above_contract')!.rrns[0]!;
  await draftFromRow(portal, session.worker, disputed);
  const flagged = DEMO.problems
    .flatMap((p) => p.rrns)
    .find((rrn) => rrn !== disputed && DEMO.rows.find((r) => r.rrn === rrn)?.page === DEMO.rows.find((r) => r.rrn === disputed)?.page)!;
  await options.page.bringToFront();
  await options.page.reload();
  await options.page.getByTestId('sg-tab-disputes').click();
  const card = options.page.getByTestId('sg-dispute');
  await card.getByRole('textbox', { name: /工单号|Ticket number/ }).fill('TS202603160042');
  await card.getByRole('button', { name: /^(标记为已提交|Mark as sent)$/ }).click();
  await expect(card.getByTestId('sg-dispute-next')).toContainText(/跟进|follow up/i);

  // and the portal's own column headers, which the column teaching lists as the page writes them
  const headers = (await page.locator('thead th').allInnerTexts()).map((h) => h.trim()).filter((h) => h.length > 0);
  const data = [...(await merchantStrings()), ...headers].sort((a, b) => b.length - a.length);
  const problems: string[] = [];
  for (const language of ['zh-CN', 'en'] as const) {
    await options.page.bringToFront();
    await setLanguage(options.page, language);
    const screens: [string, string][] = [];
    for (const tab of ['welcome', 'import', 'findings', 'disputes', 'templates', 'contracts', 'settings', 'data']) {
      await options.page.getByTestId(`sg-tab-${tab}`).click();
      await expect(options.page.locator('#sg-options-panel')).toBeVisible();
      if (tab === 'findings') {
        await expect(options.page.getByTestId('sg-findings')).toBeVisible();
        await options.page
          .getByTestId('sg-findings')
          .getByRole('button', { name: /证据|Evidence/ })
          .first()
          .press('Enter'); // the keyboard: the sticky actions cell can lie over the button at this width
        await expect(options.page.getByTestId('sg-finding-detail').locator('table').first()).toBeVisible();
        screens.push(['options findings + evidence', await pageText(options.page)]);
        await options.page.getByTestId('sg-findings-view-charts').click();
        await expect(options.page.getByTestId('sg-charts')).toBeVisible();
        // chart labels and values are SVG text: innerText leaves them out
        screens.push(['options charts', await options.page.getByTestId('sg-charts').evaluate((el) => el.textContent ?? '')]);
        await options.page.getByTestId('sg-findings-view-table').click();
        continue;
      }
      if (tab === 'import') {
        // the same files again: the preview and the outcome (all rows already known) in this language
        await options.page.getByTestId('sg-import-file').setInputFiles([DEMO_FILES.contract, DEMO_FILES.bank]);
        await expect(options.page.getByTestId('sg-import-confirm')).toBeEnabled();
        screens.push(['options import preview', await pageText(options.page)]);
        await options.page.getByTestId('sg-import-confirm').click();
        await expect(options.page.getByTestId('sg-import-result')).toBeVisible();
      }
      screens.push([`options ${tab}`, await pageText(options.page)]);
      if (tab === 'contracts') {
        await options.page
          .getByTestId('sg-contract')
          .first()
          .getByRole('button', { name: /^(编辑|Edit)$/ })
          .click();
        await expect(options.page.getByTestId('sg-contract-save')).toBeVisible();
        screens.push(['options contract editor', await pageText(options.page)]);
        await options.page.getByRole('button', { name: /^(取消|Cancel)$/ }).click();
      }
    }
    // the overlay follows the new setting on the open tab, without a reload
    await page.bringToFront();
    const dispute = language === 'en' ? 'Dispute' : '申诉';
    await expect.poll(async () => (await overlayTexts(page)).join('\n'), { timeout: 10_000 }).toContain(dispute);
    // the table tools' column teaching open, with its field names
    const tools = page.locator('sg-tools').first();
    if ((await evaluateInOverlay(page, tools, (root) => root.querySelector('button[aria-expanded]')?.getAttribute('aria-expanded'))) !== 'true') {
      await clickInOverlay(page, tools, /^(教它认列|Teach columns)$/);
    }
    await expect.poll(async () => evaluateInOverlay(page, tools, (root) => root.querySelectorAll('select').length)).toBeGreaterThan(0);
    screens.push(['portal overlay', (await overlayTexts(page)).join('\n')]);
    const popup = await ToolbarPopup.open(session, page);
    await popup.waitFor('!!document.querySelector("[data-testid=sg-popup-next]")');
    screens.push(['popup', await popup.text()]);
    await popup.evaluate('window.close()').catch(() => undefined);
    await portal.disputeButton(flagged).click();
    const panel = await panelFrame(page);
    await expect(panel.getByTestId('sg-dispute-text')).toBeVisible();
    screens.push(['dispute panel', await panel.locator('body').innerText()]);
    await portal.closePanel();

    for (const [screen, text] of screens) {
      const rest = withoutData(language === 'zh-CN' ? ZH_PATTERNS.reduce((x, p) => x.replace(p, ' '), text) : text, data);
      const found = language === 'zh-CN' ? latinWords(rest) : chineseText(rest);
      problems.push(...found.map((f) => `${language} ${screen}: ${f}`));
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

test('Chromium formats a decimal string exactly, as lib/i18n/format relies on (Intl.NumberFormat v3)', async () => {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html#settings`);
  const shown = await page.evaluate(() =>
    ['12345678901234567.89', '-98765432109876543210.99'].map((v) =>
      new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 }).format(v as unknown as number),
    ),
  );
  // through a JS number the first would read 12,345,678,901,234,568.00
  expect(shown).toEqual(['¥12,345,678,901,234,567.89', '-¥98,765,432,109,876,543,210.99']);
  await page.close();
});
