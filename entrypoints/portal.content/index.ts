import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { builtInMatchPatterns, readPortalTablesChunked, yieldToMain } from '../../lib/portals/index';
import { PortalOverlay, type Send } from '../../components/overlay/controller';
import type { BackgroundToContent, OpenPanelMessage, Result } from '../../lib/messaging';

// Built-in portals the content script runs on after install: the justified patterns of the portal
// profiles (lib/portals/profiles.ts). Sites the merchant adds are registered at runtime with an
// optional host permission (DESIGN.md §4). The local build adds http://127.0.0.1 and
// http://localhost in wxt.config.ts.
export default defineContentScript({
  matches: builtInMatchPatterns(),
  runAt: 'document_idle',
  main(ctx) {
    const send: Send = async (msg) => {
      try {
        return await browser.runtime.sendMessage(msg);
      } catch (e) {
        return { ok: false, error: { code: 'unreachable', message: e instanceof Error ? e.message : String(e) } };
      }
    };
    // read in slices, yielding once 20 ms went by: a 5,000-row table never makes a task over
    // 50 ms, and a virtual grid's few dozen rows are read in one go — a read that yields while
    // the merchant scrolls waits behind input and frames, and rows pass by unread meanwhile
    const overlay = new PortalOverlay({
      doc: document,
      send,
      now: () => new Date().toISOString(),
      signal: ctx.signal,
      uiLanguage: browser.i18n.getUILanguage(),
      yieldNow: yieldToMain,
      nextFrame: (callback) => requestAnimationFrame(callback),
      readTables: (doc, url, now, options) => readPortalTablesChunked(doc, url, now, options, { signal: ctx.signal, sliceRows: 10, budgetMs: 20 }),
      // the dispute panel: an extension page, with a ticket only this tab's panel can use
      panelUrl: async (query) => {
        const open: OpenPanelMessage = { type: 'content/openPanel' };
        const res = (await browser.runtime.sendMessage(open).catch(() => null)) as Result<{ ticket: string }> | null;
        return res?.ok ? `${browser.runtime.getURL('/panel.html')}?${query}&t=${encodeURIComponent(res.value.ticket)}` : null;
      },
    });
    void overlay.init();
    // only the background (or our own pages) can message a content script
    const onMessage = (msg: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
      const type = (msg as BackgroundToContent | undefined)?.type;
      if (type !== 'bg/findingsChanged' && type !== 'bg/closePanel' && type !== 'bg/fillComplaint') return false;
      const reply = overlay.onBackgroundMessage(msg as BackgroundToContent);
      if (reply) sendResponse(reply);
      return false;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
