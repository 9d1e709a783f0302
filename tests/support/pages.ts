// Page objects for the extension's pages and the demo portal, shared by e2e tests and the demo.
import { expect, type BrowserContext, type Frame, type Locator, type Page, type Worker } from '@playwright/test';
import { clickInOverlay, panelClosed, panelFrame } from './overlay';

export class OptionsPage {
  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {}

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const page = await context.newPage();
    // the import tab itself: a fresh profile opens on the welcome checklist
    await page.goto(`chrome-extension://${extensionId}/options.html#import`);
    await expect(page.getByTestId('sg-import-file')).toBeAttached();
    return new OptionsPage(page, extensionId);
  }

  /** Chooses files, waits for the preview, confirms, and returns the outcome element. */
  async importFiles(paths: string[]): Promise<Locator> {
    await this.page.getByTestId('sg-import-file').setInputFiles(paths);
    const confirm = this.page.getByTestId('sg-import-confirm');
    await expect(confirm).toBeEnabled();
    await confirm.click();
    const result = this.page.getByTestId('sg-import-result');
    await expect(result).toBeVisible();
    return result;
  }

  async outcomes(): Promise<{ format: string; added: number; known: number; text: string }[]> {
    return this.page.getByTestId('sg-import-outcome').evaluateAll((els) =>
      els.map((el) => ({
        format: el.getAttribute('data-format') ?? '',
        added: Number(el.getAttribute('data-added')),
        known: Number(el.getAttribute('data-known')),
        text: el.textContent ?? '',
      })),
    );
  }
}

export class PortalPage {
  constructor(readonly page: Page) {}

  rows(): Locator {
    return this.page.locator('#txn-tbody > tr');
  }

  capturedRows(): Locator {
    return this.page.locator('[data-sg-row]');
  }

  rowByRrn(rrn: string): Locator {
    return this.page.locator('#txn-tbody > tr', { has: this.page.locator('td', { hasText: new RegExp(`^${rrn}$`) }) });
  }

  /** Waits until every transaction row on the current page carries data-sg-row. */
  async waitForCapture(expected: number): Promise<void> {
    await expect(this.rows()).toHaveCount(expected);
    await expect(this.page.locator('#txn-tbody > tr[data-sg-row]')).toHaveCount(expected);
  }

  async goToPage(n: number): Promise<void> {
    await this.page.locator('.pager-num', { hasText: new RegExp(`^${n}$`) }).click();
    await expect(this.page.locator('.pager-num.active')).toHaveText(String(n));
  }

  async nextPage(): Promise<void> {
    await this.page.locator('.pager-next').click();
  }

  async findingKinds(rrn: string): Promise<string[]> {
    const attr = await this.rowByRrn(rrn).getAttribute('data-sg-finding');
    return attr ? attr.split(' ').sort() : [];
  }

  /** The row's Dispute control (in the overlay's closed shadow root: pressed with the mouse). */
  disputeButton(rrn: string): { click(): Promise<void> } {
    return { click: () => clickInOverlay(this.page, this.rowByRrn(rrn).locator('sg-flag'), /申诉|Dispute/) };
  }

  /** The dispute panel (an extension page in a frame), once open. */
  panel(): Promise<Frame> {
    return panelFrame(this.page);
  }

  /** The letter in the open dispute panel. */
  async disputeText(): Promise<Locator> {
    return (await this.panel()).getByTestId('sg-dispute-text');
  }

  async copyButton(): Promise<Locator> {
    return (await this.panel()).getByRole('dialog').getByRole('button', { name: /复制|Copy/ });
  }

  /** Closes the open panel with its Close control and waits until it is gone. */
  async closePanel(): Promise<void> {
    await (await this.panel()).getByRole('button', { name: /^(关闭|Close)$/ }).click();
    await panelClosed(this.page);
  }
}

/** Counts records in one of the extension's IndexedDB stores, read from the service worker. */
export async function countStore(worker: Worker, store: string): Promise<number> {
  return worker.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('settleguard');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const count = db.transaction(name, 'readonly').objectStore(name).count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
    store,
  );
}

export async function readStore<T>(worker: Worker, store: string): Promise<T[]> {
  return worker.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const req = indexedDB.open('settleguard');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const all = db.transaction(name, 'readonly').objectStore(name).getAll();
          all.onsuccess = () => {
            resolve(all.result as T[]);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  );
}
