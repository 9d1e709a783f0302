// Issue 14 item 4: one card-column rule for the portal reader and the background, and a batch the
// background refuses is sent a bounded number of times with growing delay, then reported once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CAPTURE_ATTEMPTS, PortalOverlay, type OverlayTable, type Send } from '../../../components/overlay/controller';
import { fullCardNumberColumn, isCardNumberHeader } from '../../../lib/cards';
import { parseContentMessage, type ContentToBackground } from '../../../lib/messaging';
import { readPortalTables } from '../../../lib/portals';
import type { PortalTransaction } from '../../../lib/model';
import { tx } from '../services/builders';

const URL = 'https://portal.example.cn/txn/list';
const NOW = '2024-03-10T08:00:00.000Z';

function page(head: string[], rows: string[][]): Document {
  const html = `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
  return new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
}

function captured(doc: Document): PortalTransaction[] {
  return readPortalTables(doc, URL, NOW).flatMap((t) => t.rows.map((r) => r.transaction).filter((x): x is PortalTransaction => x !== null));
}

describe('the card-column rule (lib/cards.ts isCardNumberHeader)', () => {
  it.each([
    ['卡号', true],
    ['交易卡号', true],
    ['Card No.', true],
    ['PAN', true],
    ['账号', true],
    ['付款账号', true],
    ['Account', true],
    ['Merchant Account', false],
    ['商户账号', false],
    ['结算账号', false],
    ['商户号', false],
    ['Order No', false],
    ['Company', false],
  ])('%s is a card column: %s', (header, expected) => {
    expect(isCardNumberHeader(header)).toBe(expected);
  });

  for (const header of ['Merchant Account', '商户账号']) {
    it(`a table with a "${header}" column of 15–19-digit numbers is captured, not refused`, () => {
      const rows = Array.from({ length: 30 }, (_, i) => [
        `2024-03-05 14:${String(i).padStart(2, '0')}:00`,
        '消费',
        '622202******0000',
        `${100 + i}.00`,
        '0.60',
        `${i % 2 ? '898310048161234' : '6222021234567890123'}`,
        `2403051234${String(i).padStart(2, '0')}`,
      ]);
      const txs = captured(page(['交易时间', '交易类型', '卡号', '交易金额', '手续费', header, '参考号'], rows));
      expect(txs).toHaveLength(30);
      // the merchant's own number is a key: kept as shown where the reader knows the column (merchantId)
      if (header === 'Merchant Account') expect(txs.map((t) => t.merchantId)).toEqual(rows.map((r) => r[5]));
      const msg = parseContentMessage({ type: 'content/capture', url: URL, rows: txs });
      expect(msg.ok ? 'taken' : msg.error.message).toBe('taken');
    });
  }

  it('a full card number under a card header is masked by the reader and refused by the background, naming the column', () => {
    const txs = captured(
      page(['交易时间', '交易类型', '卡号', '交易金额', '参考号'], [['2024-03-05 14:30:00', '消费', '6222021234567890', '100.00', '240305123456']]),
    );
    expect(txs[0]!.evidence.cells['卡号']).toBe('622202******7890');
    expect(parseContentMessage({ type: 'content/capture', url: URL, rows: txs }).ok).toBe(true);
    const unmasked = { ...txs[0]!, evidence: { ...txs[0]!.evidence, cells: { ...txs[0]!.evidence.cells, 卡号: '6222021234567890' } } };
    expect(fullCardNumberColumn(unmasked.evidence.cells)).toBe('卡号');
    const refused = parseContentMessage({ type: 'content/capture', url: URL, rows: [unmasked] });
    expect(refused.ok ? '' : refused.error.message).toMatch(/row 1 holds a full card number in the column "卡号"/);
  });
});

describe('a batch the background refuses (PortalOverlay.sendPending)', () => {
  let controller: AbortController;
  beforeEach(() => {
    vi.useFakeTimers();
    controller = new AbortController();
    document.body.innerHTML = '<table><tbody><tr id="r1"><td>a</td></tr><tr id="r2"><td>b</td></tr></tbody></table>';
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  function setup(reply: (n: number) => { ok: false; error: { code: string; message: string } } | null) {
    const rows = [tx({ id: 'A' }), tx({ id: 'B' })];
    const readTables = (): OverlayTable[] => [
      {
        adapter: 'generic',
        columns: [],
        root: document.querySelector('table')!,
        rows: rows.map((t, i) => ({ element: document.getElementById(`r${i + 1}`)!, transaction: t, issues: [] })),
      },
    ];
    const sends: number[] = [];
    const send = vi.fn(async (msg: ContentToBackground) => {
      if (msg.type !== 'content/capture') return { ok: false, error: { code: 'x', message: 'not in this test' } };
      sends.push(Date.now());
      const refused = reply(sends.length);
      return refused ?? { ok: true, value: { added: msg.rows.length, updated: 0, known: 0, byTransaction: {}, language: 'auto' } };
    }) as unknown as Send;
    const reports: { code: string; message: string }[] = [];
    const overlay = new PortalOverlay({
      doc: document,
      send,
      readTables,
      now: () => NOW,
      signal: controller.signal,
      settleMs: 0,
      captureRetryMs: 1000,
      onCaptureRefused: (error) => reports.push(error),
      uiLanguage: 'zh-CN',
    });
    return { overlay, sends, reports };
  }

  const refusal = { ok: false as const, error: { code: 'bad_message', message: 'capture: row 1 holds a full card number in the column "Account"' } };

  it(`is sent at most ${CAPTURE_ATTEMPTS} times with growing delay, then reported once and not sent again`, async () => {
    const { overlay, sends, reports } = setup(() => refusal);
    const start = Date.now();
    await overlay.scan();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sends).toHaveLength(CAPTURE_ATTEMPTS);
    const gaps = sends.map((t, i) => t - (sends[i - 1] ?? start)).slice(1);
    expect(gaps).toEqual([1000, 2000, 4000]);
    expect(reports).toEqual([refusal.error]);
    // shown once in the table tools, with the reason (the browser's language here is zh-CN)
    const shown = [...document.querySelectorAll('sg-tools')].flatMap((host) => [
      ...overlay.shadowOf(host)!.querySelectorAll('[data-testid="sg-capture-refused"]'),
    ]);
    expect(shown.map((el) => el.textContent)).toEqual([
      `结算卫士没有保存此页的 2 行：它们被拒收（${refusal.error.message}）。不会再次发送；如有列读错，请用“教它认列”更正。`,
    ]);
    // the page changes and is read again: the refused rows are not queued again, nothing reported again
    await overlay.scan();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sends).toHaveLength(CAPTURE_ATTEMPTS);
    expect(reports).toHaveLength(1);
  });

  it('a message that failed to arrive (service worker restarting) is retried with back-off until taken, never reported', async () => {
    const { overlay, sends, reports } = setup((n) =>
      n <= 6 ? { ok: false, error: { code: 'send_failed', message: 'Could not establish connection' } } : null,
    );
    await overlay.scan();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sends).toHaveLength(7);
    expect(sends[6]! - sends[5]!).toBe(32_000);
    expect(reports).toEqual([]);
    await overlay.scan(); // taken: read again, nothing is sent again
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sends).toHaveLength(7);
  });
});
