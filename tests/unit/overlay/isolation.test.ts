// The page can neither read nor drive the overlay (DESIGN.md DOM contract, issue 14 item 1): our
// shadow roots are closed, our controls ignore events the page makes (event.isTrusted), the
// letter opens as an extension page in a frame, and the text the merchant picks there comes back
// only through the background into the complaint form whose Insert opened the panel.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PortalOverlay, type Send } from '../../../components/overlay/controller';
import type { CapturedTable, StoredFinding } from '../../../lib/model';
import type { ContentToBackground } from '../../../lib/messaging';
import { tx } from '../services/builders';

const flagged: StoredFinding = {
  id: 'f1',
  kind: 'fee_above_contract',
  severity: 'overcharge',
  transactionIds: ['A'],
  statementLineIds: [],
  atStake: { amount: '2.00', currency: 'CNY' },
  explanation: { key: 'finding.fee_above_contract', params: { expected: '15.00', charged: '17.00', difference: '2.00', currency: 'CNY' } },
  status: 'open',
  firstSeenAt: '2026-03-16T00:00:00Z',
};

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  document.body.innerHTML = `<table><tbody><tr id="r1"><td>a</td><td>详情</td></tr></tbody></table>
    <form><label for="desc">问题描述</label><textarea id="desc"></textarea><label for="other">投诉内容</label><textarea id="other"></textarea></form>`;
});
afterEach(() => controller.abort());

function setup(isTrusted?: (e: Event) => boolean) {
  const readTables = (): (CapturedTable & { root: Element })[] => [
    {
      adapter: 'generic',
      columns: [],
      root: document.querySelector('table')!,
      rows: [{ element: document.getElementById('r1')!, transaction: tx({ id: 'A' }), issues: [] }],
    },
  ];
  const sent: ContentToBackground[] = [];
  const send = vi.fn(async (msg: ContentToBackground) => {
    sent.push(msg);
    const value = { byTransaction: { A: [flagged] }, language: 'zh-CN' };
    if (msg.type === 'content/capture') return { ok: true, value: { added: 1, updated: 0, known: 0, ...value } };
    return { ok: true, value };
  }) as unknown as Send;
  const overlay = new PortalOverlay({
    doc: document,
    send,
    readTables,
    now: () => '2026-03-16T00:00:00Z',
    signal: controller.signal,
    settleMs: 0,
    panelUrl: async (query) => `about:blank#${query}`,
    ...(isTrusted ? { isTrusted } : {}),
  });
  return { overlay, sent };
}

const button = (overlay: PortalOverlay, host: Element) => overlay.shadowOf(host)!.querySelector('button')!;
const panelFrame = (overlay: PortalOverlay): HTMLIFrameElement | null => {
  const host = document.querySelector('sg-panel');
  return host ? (overlay.shadowOf(host)!.querySelector('iframe') as HTMLIFrameElement | null) : null;
};

/** the panel frame, once the overlay opened it (after the background gave a ticket) */
const openedPanel = (overlay: PortalOverlay) =>
  vi.waitFor(() => {
    const frame = panelFrame(overlay);
    if (!frame) throw new Error('no panel frame yet');
    return frame;
  });

describe('overlay isolation', () => {
  it('closes every shadow root to the page', async () => {
    const { overlay } = setup();
    await overlay.scan();
    const hosts = [...document.querySelectorAll('sg-flag, sg-insert, sg-tools')];
    expect(hosts.map((h) => h.tagName).sort()).toEqual(['SG-FLAG', 'SG-INSERT', 'SG-INSERT', 'SG-TOOLS']);
    for (const host of hosts) expect(host.shadowRoot).toBeNull();
  });

  it('ignores clicks, keys and submits the page makes on our controls: no panel, no message', async () => {
    const { overlay, sent } = setup();
    await overlay.scan();
    const before = sent.length;
    const dispute = button(overlay, document.querySelector('#r1 sg-flag')!);
    dispute.click();
    dispute.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    dispute.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    button(overlay, document.querySelector('#desc + sg-insert')!).click();
    for (const b of overlay.shadowOf(document.querySelector('sg-tools')!)!.querySelectorAll('button')) b.click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.querySelector('sg-panel')).toBeNull();
    expect(sent.length).toBe(before);
  });

  it('the merchant’s Dispute opens the panel page in a frame, with the findings in its query and no letter in the page', async () => {
    // the seam stands for the browser: these clicks count as the merchant's
    const { overlay, sent } = setup(() => true);
    await overlay.scan();
    const dispute = button(overlay, document.querySelector('#r1 sg-flag')!);
    dispute.focus();
    dispute.click();
    const frame = await openedPanel(overlay);
    expect(frame.getAttribute('allow')).toBe('clipboard-write');
    expect(new URLSearchParams(frame.src.split('#')[1])).toEqual(new URLSearchParams({ view: 'dispute', lang: 'zh-CN', id: 'f1' }));
    // the content script asked the background for no letter: only rows and findings
    expect(new Set(sent.map((m) => m.type))).toEqual(new Set(['content/capture', 'content/getFindings', 'content/reportUnreadTables']));
    // focus went into the panel; when it closes, it comes back to the Dispute control
    (document.getElementById('desc') as HTMLTextAreaElement).focus();
    overlay.onBackgroundMessage({ type: 'bg/closePanel' });
    expect(panelFrame(overlay)).toBeNull();
    expect(overlay.shadowOf(document.querySelector('#r1 sg-flag')!)!.activeElement).toBe(dispute);
  });

  it('fills the textarea whose Insert opened the panel with the text the background sends, and closes the panel', async () => {
    const { overlay } = setup(() => true);
    await overlay.scan();
    button(overlay, document.querySelector('#other + sg-insert')!).click();
    expect((await openedPanel(overlay)).src).toContain('view=insert');
    expect(overlay.onBackgroundMessage({ type: 'bg/fillComplaint', text: '请退还 2.00 元' })).toEqual({ filled: true });
    expect((document.getElementById('other') as HTMLTextAreaElement).value).toBe('请退还 2.00 元');
    expect((document.getElementById('desc') as HTMLTextAreaElement).value).toBe('');
    expect(panelFrame(overlay)).toBeNull();
    // a page without a complaint form takes nothing
    document.querySelector('form')!.remove();
    expect(overlay.onBackgroundMessage({ type: 'bg/fillComplaint', text: 'x' })).toEqual({ filled: false });
  });
});
