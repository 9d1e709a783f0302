// Keyboard only (issue 15 item 7): the options page's tab lists follow the WAI-ARIA tabs pattern
// (one Tab stop, arrows and Home/End move and select), every control reached shows a visible
// focus outline, Enter works, and the toolbar popup is walked with Tab / Shift+Tab alone. Real
// key presses in the built extension; the outline is read from the focused element's computed
// style, in light and dark mode.
import { test, expect, type Page } from '@playwright/test';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { startStaticServer, type StaticServer } from '../support/serve';
import { DEMO, DEMO_FILES, DEMO_PORTAL_DIR } from '../support/demo-data';
import { OptionsPage, PortalPage } from '../support/pages';
import { evaluateInOverlay, panelClosed, panelFrame } from '../support/overlay';
import { ToolbarPopup } from '../support/toolbar-popup';

let session: ExtensionSession;
let server: StaticServer;

test.beforeAll(async () => {
  session = await launchWithExtension();
  server = await startStaticServer(DEMO_PORTAL_DIR);
  const options = await OptionsPage.open(session.context, session.extensionId);
  await options.importFiles([DEMO_FILES.contract, DEMO_FILES.bank]);
  await options.page.close();
  // the demo portal's first page captured: the findings tab has rows to walk through
  const page = await session.context.newPage();
  await page.goto(`${server.url}/index.html`);
  await new PortalPage(page).waitForCapture(DEMO.rows.filter((r) => r.page === 1).length);
  await expect(page.locator('[data-sg-finding]').first()).toBeAttached({ timeout: 15_000 });
  await page.close();
});
test.afterAll(async () => {
  await session?.close();
  await server?.close();
});

interface Focused {
  testid: string | null;
  role: string | null;
  tag: string;
  text: string;
  /** the outline as drawn: style, width in px, colour (null: the browser's own date-picker button) */
  outline: { style: string; width: number; color: string } | null;
}

/** What has the focus (through open shadow roots and same-origin frames), and its outline. */
const FOCUSED = `(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body) return null;
  // a date field's calendar button (Chromium's own, inside the field) has the focus while the
  // field does not match :focus; its ring is the browser's and no style of it can be read
  if (el.type === 'date' && !el.matches(':focus')) return { testid: el.getAttribute('data-testid'), role: null, tag: 'date-picker-button', text: '', outline: null };
  const cs = getComputedStyle(el);
  return {
    testid: el.getAttribute('data-testid'),
    role: el.getAttribute('role'),
    tag: el.tagName.toLowerCase() + (el.type ? '[' + el.type + ']' : ''),
    text: (el.textContent || el.getAttribute('aria-label') || el.getAttribute('data-testid') || '').trim().slice(0, 40),
    outline: { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor },
  };
})()`;

const focusedIn = (page: Page) => page.evaluate(FOCUSED) as Promise<Focused | null>;

/** A visible outline: drawn, at least 2 px, not transparent. */
function expectVisibleOutline(f: Focused | null, where: string): void {
  expect(f, `${where}: something has the focus`).not.toBeNull();
  expect(f!.outline, `${where}: ${f!.tag} has an outline to read`).not.toBeNull();
  expect(f!.outline!.style, `${where}: outline style of ${f!.tag} "${f!.text}"`).not.toBe('none');
  expect(f!.outline!.width, `${where}: outline width of ${f!.tag} "${f!.text}"`).toBeGreaterThanOrEqual(2);
  expect(f!.outline!.color, `${where}: outline colour of ${f!.tag} "${f!.text}"`).not.toMatch(/rgba\(\d+, \d+, \d+, 0\)|transparent/);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`options tabs with the keyboard only (${scheme}): one Tab stop, arrows/Home/End select, focus always outlined`, async () => {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${session.extensionId}/options.html#import`);
    const tab = (id: string) => page.getByTestId(`sg-tab-${id}`);
    await expect(tab('import')).toHaveAttribute('aria-selected', 'true');

    // Tab from the top of the page reaches the selected tab, with an outline
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    let f = await focusedIn(page);
    expect(f?.testid).toBe('sg-tab-import');
    expectVisibleOutline(f, 'the selected tab');
    // only the selected tab is in the Tab order
    expect(await page.locator('[role=tablist] [role=tab][tabindex="0"]').count()).toBe(1);

    // Right moves and selects, its panel shows; Left goes back; wrapping both ways
    await page.keyboard.press('ArrowRight');
    await expect(tab('findings')).toHaveAttribute('aria-selected', 'true');
    await expect(tab('findings')).toBeFocused();
    await expect(page.getByTestId('sg-findings')).toBeVisible();
    expectVisibleOutline(await focusedIn(page), 'after ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await expect(tab('import')).toBeFocused();
    await expect(tab('import')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Home');
    await expect(tab('welcome')).toBeFocused();
    await expect(tab('welcome')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(tab('data')).toBeFocused();
    await page.keyboard.press('End');
    await expect(tab('data')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(tab('welcome')).toBeFocused();

    // to the findings, then Tab leaves the list: the next stop is in the panel, not another tab
    await page.keyboard.press('End');
    for (const id of ['settings', 'contracts', 'templates', 'disputes', 'findings']) {
      await page.keyboard.press('ArrowLeft');
      await expect(tab(id)).toBeFocused();
    }
    await page.keyboard.press('Tab');
    f = await focusedIn(page);
    expect(f?.testid).toBe('sg-findings-view-table');
    expectVisibleOutline(f, 'the findings view tabs');
    // the findings' table/charts switch is a tab list of its own
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('sg-findings-view-charts')).toBeFocused();
    await expect(page.getByTestId('sg-charts')).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('sg-findings')).toBeVisible();

    // Shift+Tab goes back into the page's tab list, on its selected tab
    await page.keyboard.press('Shift+Tab');
    await expect(tab('findings')).toBeFocused();

    // every control of the findings panel shows its focus: twenty Tab stops, each outlined
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const at = await focusedIn(page);
      if (!at) break;
      if (at.tag !== 'date-picker-button') expectVisibleOutline(at, `Tab stop ${i + 1} in the findings panel`);
    }
    await page.close();
  });
}

test('the toolbar popup with the keyboard only: Tab reaches each button, outlined; Enter opens the options page', async () => {
  const portal = await session.context.newPage();
  await portal.goto(`${server.url}/index.html`);
  const popup = await ToolbarPopup.open(session, portal);
  await popup.waitFor('document.querySelector("[data-testid=sg-open-options]")');
  const buttons = await popup.evaluate<string[]>('[...document.querySelectorAll("button")].map((b) => b.dataset.testid || b.textContent.trim())');
  expect(buttons.length).toBeGreaterThan(0);
  const seen: string[] = [];
  for (let i = 0; i < buttons.length; i++) {
    await popup.press('Tab');
    const f = await popup.evaluate<Focused | null>(FOCUSED);
    expectVisibleOutline(f, `popup Tab stop ${i + 1}`);
    seen.push(f!.testid ?? f!.text);
  }
  expect(seen).toEqual(buttons);
  // Shift+Tab walks back
  if (buttons.length > 1) {
    await popup.press('Shift+Tab');
    const back = await popup.evaluate<Focused | null>(FOCUSED);
    expect(back?.testid ?? back?.text).toBe(buttons.at(-2));
  }
  // to "Open SettleGuard" and Enter: the options page opens
  for (let i = 0; i < 2 * buttons.length + 2 && (await popup.evaluate<Focused | null>(FOCUSED))?.testid !== 'sg-open-options'; i++) await popup.press('Tab');
  expect((await popup.evaluate<Focused | null>(FOCUSED))?.testid).toBe('sg-open-options');
  const opened = session.context.waitForEvent('page', { timeout: 10_000 });
  // the popup closes as the options page opens: the key's release may find it gone
  await popup.press('Enter').catch(() => undefined);
  expect((await opened).url()).toContain(`chrome-extension://${session.extensionId}/options.html`);
  await portal.close();
});

test('the portal overlay with the keyboard only: Tab reaches Dispute (outlined), Enter opens the panel with the focus in it, Escape closes it and the focus returns', async () => {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${server.url}/index.html`);
    const row = page.locator('#txn-tbody > tr[data-sg-finding]').first();
    await expect(row.locator('sg-flag')).toBeAttached({ timeout: 15_000 });
    const flag = row.locator('sg-flag');
    // from the row's own last link, one Tab: into the flag's closed shadow root, on Dispute
    await row.locator('a').last().focus();
    await page.keyboard.press('Tab');
    const focusedButton = (root: ShadowRoot) => {
      const el = root.activeElement as HTMLElement | null;
      if (!el) return null;
      const cs = getComputedStyle(el);
      return { text: el.textContent ?? '', style: cs.outlineStyle, width: Number.parseFloat(cs.outlineWidth), color: cs.outlineColor };
    };
    const onDispute = await evaluateInOverlay(page, flag, focusedButton);
    expect(onDispute?.text, scheme).toMatch(/申诉|Dispute/);
    expect(onDispute?.style, `${scheme}: the overlay button keeps an outline`).not.toBe('none');
    expect(onDispute?.width).toBeGreaterThanOrEqual(2);
    // Enter: the panel opens and the keyboard is in it
    await page.keyboard.press('Enter');
    const panel = await panelFrame(page);
    await expect.poll(() => panel.evaluate(() => document.hasFocus())).toBe(true);
    // Escape closes the panel on keydown, so its frame is torn down with the key still down: a
    // release sent to that frame can go unanswered (once on CI, press('Escape') waited out the
    // test's 60 s). The merchant's key goes up whenever; the test does not wait on it.
    await page.keyboard.down('Escape');
    await panelClosed(page);
    await Promise.race([page.keyboard.up('Escape'), new Promise((r) => setTimeout(r, 2_000))]);
    // back on the control that opened it
    expect((await evaluateInOverlay(page, flag, focusedButton))?.text).toMatch(/申诉|Dispute/);
    await page.close();
  }
});
