// content/capture through the background: coverage is kept for the sender's own site, with the
// page facts of the message, and follows rows the merchant re-taught onto another day.
import { describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({ browser: { tabs: { query: async () => [], sendMessage: async () => undefined } } }));

const { handleContentMessage } = await import('../../../lib/services/background');
const { getDb } = await import('../../../lib/db');
const { tx } = await import('./builders');

const EXT = 'ext-id';
const SITE = 'https://mer.example.cn';
const from = (url: string) => ({ id: EXT, url, origin: new URL(url).origin });
const MID = '898310058120001';

describe('content/capture keeps coverage', () => {
  it('for the sender origin, with the stated query; re-taught rows move to the day now read', async () => {
    // read on the sender's page: a row read on another origin is refused (site-scope.test.ts)
    const onSite = (t: ReturnType<typeof tx>) => ({ ...t, evidence: { ...t.evidence, url: `${SITE}/list` } });
    const a = onSite(tx({ merchantId: MID, occurredAt: '2026-03-02T10:00:00' })),
      b = onSite(tx({ merchantId: MID, occurredAt: '2026-03-02T11:00:00' }));
    const facts = { merchantId: MID, dateRange: { from: '2026-03-02', to: '2026-03-02' }, stated: { count: 2, source: 'pager' } };
    const res = await handleContentMessage({ type: 'content/capture', url: `${SITE}/list`, rows: [a, b], facts }, from(`${SITE}/list`), EXT);
    expect(res).toMatchObject({ ok: true, value: { added: 2 } });
    const stored = await getDb().coverage.toArray();
    expect(stored.map((c) => [c.site, c.day, Object.keys(c.rows).length, c.complete])).toEqual([[SITE, '2026-03-02', 2, true]]);

    // the merchant taught the date column: row b is now read on 03-03
    const bMoved = { ...b, occurredAt: '2026-03-03T11:00:00' };
    await handleContentMessage({ type: 'content/capture', url: `${SITE}/list`, rows: [bMoved], retaught: true }, from(`${SITE}/list`), EXT);
    const after = await getDb().coverage.where('site').equals(SITE).sortBy('day');
    expect(after.map((c) => [c.day, Object.keys(c.rows), c.complete])).toEqual([
      ['2026-03-02', [a.id], false],
      ['2026-03-03', [b.id], 'unknown'],
    ]);
  });
});
