// A table SettleGuard could not read (issue 12 "Bad input"), in Chromium with the built
// extension: the page says which columns it could not place, with Teach columns open under the
// table; the real toolbar popup says the page has such a table; once the merchant teaches the
// columns, the rows are stored and the popup no longer says it.
import { test, expect } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { launchWithExtension, type ExtensionSession } from '../support/extension';
import { startStaticServer, type StaticServer } from '../support/serve';
import { readStore } from '../support/pages';
import { ToolbarPopup } from '../support/toolbar-popup';
import { clickInOverlay, evaluateInOverlay, selectInOverlay } from '../support/overlay';
import type { PortalTransaction } from '../../lib/model';

const PORTALS = fileURLToPath(new URL('../fixtures/portals/', import.meta.url));
let session: ExtensionSession;
let server: StaticServer;

test.beforeAll(async () => {
  session = await launchWithExtension();
  server = await startStaticServer(PORTALS);
});
test.afterAll(async () => {
  await session?.close();
  await server?.close();
});

const stored = async (): Promise<PortalTransaction[]> =>
  (await readStore<PortalTransaction>(session.worker, 'transactions')).filter((t) => new URL(t.evidence.url).pathname === '/live/unread.html');

test('an unreadable table is named on the page and in the popup, and read once taught', async () => {
  const page = await session.context.newPage();
  await page.goto(`${server.url}/live/unread.html`);
  // the table tools live in a closed shadow root: read through DevTools, pressed with the mouse and keys
  const tools = page.locator('#u + sg-tools');
  const shown = () =>
    evaluateInOverlay(page, tools, (root) => ({
      alert: root.querySelector('[role="alert"]')?.textContent ?? null,
      teachOpen: [...root.querySelectorAll('button')].find((b) => /教它认列|Teach columns/.test(b.textContent ?? ''))?.getAttribute('aria-expanded') ?? null,
    }));
  await expect.poll(shown).toEqual({ alert: expect.stringMatching(/无法识别的列：甲、乙、备忘|could not place: 甲, 乙, 备忘/), teachOpen: 'true' });
  expect(await stored()).toEqual([]);

  const popup = await ToolbarPopup.open(session, page);
  await popup.waitFor('document.querySelector("[data-testid=sg-popup-unread]")');
  expect(await popup.textOf('[data-testid=sg-popup-unread]')).toMatch(/甲、乙、备忘|甲, 乙, 备忘/);
  await popup.close();

  await selectInOverlay(page, tools, '甲', 'amount');
  await selectInOverlay(page, tools, '乙', 'fee');
  await clickInOverlay(page, tools, /保存|Save/);
  await expect
    .poll(async () => (await stored()).map((t) => [t.amount.amount, t.fee?.amount]).sort())
    .toEqual([
      ['1.00', '30.00'],
      ['100.00', '3.00'],
    ]);
  await expect(page.locator('#u tbody tr[data-sg-row]')).toHaveCount(2);
  await expect.poll(async () => (await shown()).alert).toBeNull();

  const again = await ToolbarPopup.open(session, page);
  await again.waitFor('document.querySelector("[data-testid=sg-open-options]")');
  // the report is replaced within a moment of the page being read
  await again.waitFor('!document.querySelector("[data-testid=sg-popup-unread]")').catch(async () => {
    await again.reload();
    await again.waitFor('!document.querySelector("[data-testid=sg-popup-unread]")');
  });
  await again.close();
  await page.close();
});
