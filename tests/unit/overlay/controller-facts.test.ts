// The page facts the overlay sends with the rows it captures (coverage, DESIGN.md "Coverage"):
// what the page states about its query goes with every capture message, and a Capture all pages
// that reached the last page says so; one that stopped short does not.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PortalOverlay, type Send } from '../../../components/overlay/controller';
import type { CapturedTable } from '../../../lib/model';
import type { CaptureMessage, ContentToBackground } from '../../../lib/messaging';
import { tx } from '../services/builders';

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  document.body.innerHTML = `
    <div class="query">查询日期：2026-03-02 至 2026-03-03</div>
    <div class="summary">商户号：898310058120001 <a href="#">切换</a> 交易笔数：4 笔</div>
    <div id="wrap"><table id="t"><tbody><tr id="r1"><td>p1-a</td></tr><tr id="r2"><td>p1-b</td></tr></tbody></table>
    <div class="pager"><button class="pager-next" id="next">下一页</button></div></div>`;
});
afterEach(() => controller.abort());

/** Two pages of two rows; the next button shows page 2 and is then disabled (unless `stuck`). */
function setup(stuck = false) {
  let page = 1;
  document.getElementById('next')!.addEventListener('click', () => {
    if (stuck) return;
    page = 2;
    document.getElementById('r1')!.textContent = 'p2-a';
    document.getElementById('r2')!.textContent = 'p2-b';
    document.getElementById('next')!.setAttribute('disabled', '');
  });
  const readTables = (): CapturedTable[] & { root: Element }[] => [
    {
      adapter: 'generic',
      root: document.getElementById('t')!,
      columns: [{ header: '交易', field: 'rrn' }],
      rows: ['a', 'b'].map((k, i) => ({ element: document.getElementById(`r${i + 1}`)!, transaction: tx({ id: `p${page}-${k}` }), issues: [] })),
    },
  ];
  const sent: ContentToBackground[] = [];
  const send = vi.fn(async (msg: ContentToBackground) => {
    sent.push(msg);
    if (msg.type === 'content/capture') return { ok: true, value: { added: msg.rows.length, updated: 0, known: 0, byTransaction: {}, language: 'auto' } };
    if (msg.type === 'content/getFindings') return { ok: true, value: { byTransaction: {}, language: 'auto' } };
    return { ok: false, error: { code: 'x', message: 'not in this test' } };
  }) as unknown as Send;
  const overlay = new PortalOverlay({
    doc: document,
    send,
    readTables,
    now: () => '2026-03-16T00:00:00Z',
    signal: controller.signal,
    settleMs: 0,
    pageTimeoutMs: 300,
  });
  const captures = () => sent.filter((m): m is CaptureMessage => m.type === 'content/capture');
  return { overlay, captures };
}

const STATED = { merchantId: '898310058120001', dateRange: { from: '2026-03-02', to: '2026-03-03' }, stated: { count: 4, source: 'summary' } };

describe('page facts with the captured rows', () => {
  it('every capture message carries what the page states (the 切换 link not glued to the merchant)', async () => {
    const { overlay, captures } = setup();
    await overlay.scan();
    expect(captures().map((m) => [m.rows.map((r) => r.id), m.facts])).toEqual([[['p1-a', 'p1-b'], STATED]]);
  });

  it('Capture all pages that reached the last page sends walkedAllPages with the query', async () => {
    const { overlay, captures } = setup();
    const walk = await overlay.captureAllPages(document.getElementById('t')!);
    expect(walk.done).toBe('finished');
    const all = captures();
    expect(all.flatMap((m) => m.rows.map((r) => r.id)).sort()).toEqual(['p1-a', 'p1-b', 'p2-a', 'p2-b']);
    expect(all.at(-1)).toEqual({ type: 'content/capture', url: expect.any(String), rows: [], facts: { ...STATED, walkedAllPages: true } });
  });

  it('a walk whose next page never came does not claim every page was walked', async () => {
    const { overlay, captures } = setup(true);
    await overlay.captureAllPages(document.getElementById('t')!);
    expect(captures().some((m) => m.facts && 'walkedAllPages' in m.facts)).toBe(false);
  });
});
