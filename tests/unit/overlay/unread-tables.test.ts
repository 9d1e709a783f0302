// A table that looks like transactions but gives no rows (issue 12 "Bad input"): the overlay puts
// Teach columns after it with a message naming the columns it could not place, and tells the
// background, which keeps the report per site for the popup (replaced by the next page's).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPortalTables } from '../../../lib/portals';
import { parseContentMessage, type ContentToBackground } from '../../../lib/messaging';
import { PortalOverlay, type Send } from '../../../components/overlay/controller';
import { recordUnreadTables, unreadTablesOf, type KeyValueArea } from '../../../lib/services/capture';

const UNREADABLE = `<table id="u"><thead><tr><th>发生</th><th>甲</th><th>乙</th><th>备忘</th></tr></thead><tbody>
  <tr><td>2024-03-05 10:00:00</td><td>¥100.00</td><td>¥3.00</td><td>早班</td></tr>
  <tr><td>2024-03-05 11:00:00</td><td>¥1.00</td><td>¥30.00</td><td>晚班</td></tr></tbody></table>`;
const READABLE = `<table id="r"><thead><tr><th>交易时间</th><th>交易类型</th><th>交易金额</th><th>参考号</th></tr></thead><tbody>
  <tr><td>2024-03-05 10:00:00</td><td>消费</td><td>¥100.00</td><td>400000000001</td></tr></tbody></table>`;
// a transaction table by its headers whose every row is unreadable
const NO_ROWS = `<table id="n"><thead><tr><th>交易时间</th><th>交易金额</th><th>交易状态</th><th>其他</th></tr></thead><tbody>
  <tr><td>昨天</td><td>¥100.00</td><td>成功</td><td>x</td></tr></tbody></table>`;

let controller: AbortController;
afterEach(() => {
  controller?.abort();
  document.body.innerHTML = '';
});

function overlay(): { overlay: PortalOverlay; reports: ContentToBackground[] } {
  controller = new AbortController();
  const reports: ContentToBackground[] = [];
  const send = vi.fn(async (msg: ContentToBackground) => {
    if (msg.type === 'content/reportUnreadTables') {
      reports.push(msg);
      return { ok: true, value: { tables: msg.tables.length } };
    }
    if (msg.type === 'content/capture') return { ok: true, value: { added: msg.rows.length, updated: 0, known: 0, byTransaction: {}, language: 'zh-CN' } };
    if (msg.type === 'content/getFindings') return { ok: true, value: { byTransaction: {}, language: 'zh-CN' } };
    return { ok: false, error: { code: 'x', message: 'not in this test' } };
  }) as unknown as Send;
  const o = new PortalOverlay({ doc: document, send, readTables: readPortalTables, now: () => '2026-03-16T00:00:00Z', signal: controller.signal, settleMs: 0 });
  return { overlay: o, reports };
}

const toolsAfter = (id: string): HTMLElement | null => {
  const next = document.getElementById(id)!.nextElementSibling as HTMLElement | null;
  return next?.tagName === 'SG-TOOLS' ? next : null;
};

describe('overlay: tables it could not read', () => {
  it('puts Teach columns after the table with the columns it could not place, and reports them once', async () => {
    document.body.innerHTML = READABLE + UNREADABLE;
    const { overlay: o, reports } = overlay();
    await o.scan();
    const tools = toolsAfter('u')!;
    expect(tools).not.toBeNull();
    const alert = o.shadowOf(tools)!.querySelector('[data-testid="sg-unread-table"]')!;
    expect(alert.textContent).toContain('甲、乙、备忘');
    expect(o.shadowOf(toolsAfter('r')!)!.querySelector('[data-testid="sg-unread-table"]')).toBeNull();
    expect(reports).toEqual([{ type: 'content/reportUnreadTables', url: document.location.href, tables: [{ unplaced: ['甲', '乙', '备忘'] }] }]);
    await o.scan();
    expect(reports).toHaveLength(1);
    // the table goes: an empty report clears what the popup shows
    document.getElementById('u')!.remove();
    await o.scan();
    expect(reports.at(-1)).toMatchObject({ tables: [] });
  });

  it('counts a transaction table whose every row is unreadable, and reports an empty list on a page without one', async () => {
    document.body.innerHTML = NO_ROWS;
    const first = overlay();
    await first.overlay.scan();
    expect(first.overlay.shadowOf(toolsAfter('n')!)!.querySelector('[data-testid="sg-unread-table"]')!.textContent).toContain('其他');
    expect(first.reports[0]).toMatchObject({ tables: [{ unplaced: ['其他'] }] });
    controller.abort();
    document.body.innerHTML = READABLE;
    const second = overlay();
    await second.overlay.scan();
    expect(second.reports).toEqual([{ type: 'content/reportUnreadTables', url: document.location.href, tables: [] }]);
  });
});

describe('background: the unread-tables report', () => {
  it('validates the message', () => {
    expect(parseContentMessage({ type: 'content/reportUnreadTables', url: 'https://p.example/', tables: [{ unplaced: ['甲'] }] }).ok).toBe(true);
    expect(parseContentMessage({ type: 'content/reportUnreadTables', url: 'https://p.example/', tables: [{ unplaced: [1] }] }).ok).toBe(false);
    expect(parseContentMessage({ type: 'content/reportUnreadTables', url: 'https://p.example/', tables: 'x' }).ok).toBe(false);
    expect(parseContentMessage({ type: 'content/reportUnreadTables', url: 'https://p.example/', tables: Array(51).fill({ unplaced: [] }) }).ok).toBe(false);
  });

  it('keeps the latest report per site, and an empty one removes it', async () => {
    const store = new Map<string, unknown>();
    const area: KeyValueArea = {
      get: async (k) => (store.has(k) ? { [k]: store.get(k) } : {}),
      set: async (items) => {
        for (const [k, v] of Object.entries(items)) store.set(k, v);
      },
      remove: async (k) => {
        store.delete(k);
      },
    };
    const report = { url: 'https://p.example/trade', seenAt: '2026-03-16T00:00:00Z', tables: [{ unplaced: ['甲'] }] };
    await recordUnreadTables(area, 'https://p.example', report);
    expect(await unreadTablesOf(area, 'https://p.example')).toEqual(report);
    expect(await unreadTablesOf(area, 'https://other.example')).toBeNull();
    await recordUnreadTables(area, 'https://p.example', { ...report, tables: [] });
    expect(await unreadTablesOf(area, 'https://p.example')).toBeNull();
  });
});
