// The overlay's language (issue 15 item 6): the setting, or while it is 'auto' the browser's UI
// language like every extension page (not the currency of the page's rows); a language picked in
// Settings reaches an open tab without a reload (bg/findingsChanged).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PortalOverlay, type Send } from '../../../components/overlay/controller';
import type { CapturedTable, StoredFinding } from '../../../lib/model';
import type { ContentToBackground } from '../../../lib/messaging';
import { tx } from '../services/builders';

const finding: StoredFinding = {
  id: 'f1',
  kind: 'fee_above_contract',
  severity: 'overcharge',
  transactionIds: ['A'],
  statementLineIds: [],
  atStake: { amount: '2.00', currency: 'CNY' },
  explanation: {
    key: 'finding.fee_above_contract',
    params: { amount: '2500.00', currency: 'CNY', percent: '0.6', expected: '15.00', charged: '17.00', difference: '2.00' },
  },
  status: 'open',
  firstSeenAt: '2026-03-16T00:00:00Z',
};

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  document.body.innerHTML = '<table id="t"><tbody><tr id="r1"><td>a</td><td>详情</td></tr></tbody></table>';
});
afterEach(() => controller.abort());

function setup(uiLanguage: string, setting: { language: 'auto' | 'zh-CN' | 'en' }) {
  const readTables = (): (CapturedTable & { root: Element })[] => [
    {
      adapter: 'generic',
      root: document.getElementById('t')!,
      columns: [{ header: '金额', field: 'amount' }],
      rows: [{ element: document.getElementById('r1')!, transaction: tx({ id: 'A', amount: { amount: '2500.00', currency: 'CNY' } }), issues: [] }],
    },
  ];
  const value = () => ({ byTransaction: { A: [finding] }, language: setting.language });
  const send = vi.fn(async (msg: ContentToBackground) => {
    if (msg.type === 'content/capture') return { ok: true, value: { added: msg.rows.length, updated: 0, known: 0, ...value() } };
    if (msg.type === 'content/getFindings') return { ok: true, value: value() };
    return { ok: false, error: { code: 'x', message: 'not in this test' } };
  }) as unknown as Send;
  const overlay = new PortalOverlay({ doc: document, send, readTables, now: () => '2026-03-16T00:00:00Z', signal: controller.signal, settleMs: 0, uiLanguage });
  const flag = () => overlay.shadowOf(document.querySelector('#r1 sg-flag')!)!.textContent!;
  const tools = () => overlay.shadowOf(document.querySelector('sg-tools')!)!.textContent!;
  return { overlay, flag, tools };
}

describe('the overlay language', () => {
  it("follows the browser's UI language while the setting is 'auto', whatever the rows' currency", async () => {
    const en = setup('en-GB', { language: 'auto' });
    await en.overlay.scan();
    expect(en.flag()).toContain('Dispute');
    expect(en.flag()).not.toMatch(/申诉/);
    expect(document.getElementById('r1')!.getAttribute('title')).toMatch(/^Fee above contract|fee/i);
    controller.abort();
    controller = new AbortController();
    document.body.innerHTML = '<table id="t"><tbody><tr id="r1"><td>a</td><td>详情</td></tr></tbody></table>';
    const zh = setup('zh-CN', { language: 'auto' });
    await zh.overlay.scan();
    expect(zh.flag()).toContain('申诉');
  });

  it('follows the setting over the browser, and a change in Settings reaches the open page without reload', async () => {
    const setting: { language: 'auto' | 'zh-CN' | 'en' } = { language: 'zh-CN' };
    const { overlay, flag, tools } = setup('en-US', setting);
    await overlay.scan();
    expect(flag()).toContain('申诉');
    expect(tools()).toMatch(/[\u4e00-\u9fff]/);
    setting.language = 'en';
    overlay.onBackgroundMessage({ type: 'bg/findingsChanged' });
    await vi.waitFor(() => expect(flag()).toContain('Dispute'));
    expect(flag()).not.toMatch(/[\u4e00-\u9fff]/);
    // the table tools are redrawn too, not left in the language they were first drawn in
    expect(tools()).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('a scan of a page without rows asks nothing; news from the background is still asked about there', async () => {
    document.body.innerHTML = '<p>no table here</p>';
    const sent: string[] = [];
    const send = vi.fn(async (msg: ContentToBackground) => {
      sent.push(msg.type);
      return msg.type === 'content/getFindings'
        ? { ok: true, value: { byTransaction: {}, language: 'en' } }
        : { ok: false, error: { code: 'x', message: 'not in this test' } };
    }) as unknown as Send;
    const overlay = new PortalOverlay({
      doc: document,
      send,
      readTables: () => [],
      now: () => '2026-03-16T00:00:00Z',
      signal: controller.signal,
      settleMs: 0,
      uiLanguage: 'zh-CN',
    });
    await overlay.scan();
    await overlay.scan();
    expect(sent.filter((t) => t === 'content/getFindings')).toEqual([]);
    expect(overlay.locale).toBe('zh-CN');
    overlay.onBackgroundMessage({ type: 'bg/findingsChanged' });
    await vi.waitFor(() => expect(overlay.locale).toBe('en'));
    expect(sent.filter((t) => t === 'content/getFindings')).toHaveLength(1);
  });
});
