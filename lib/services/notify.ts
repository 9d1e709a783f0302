// After new data is stored, open portal tabs refresh their highlights without a reload.
import { browser } from 'wxt/browser';
import type { FindingsChangedMessage } from '../messaging';

export async function notifyPortalTabs(): Promise<void> {
  const message: FindingsChangedMessage = { type: 'bg/findingsChanged' };
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      try {
        await browser.tabs.sendMessage(tab.id, message);
      } catch {
        // a tab without our content script has no listener: nothing to refresh there
      }
    }),
  );
}

export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
