// content/saveColumnMap and content/getSiteConfig: validated payloads, the site is the sender's
// own origin, and the taught map is stored on the site record (lib/db SiteRecord.columnMap).
import { describe, expect, it } from 'vitest';
import { parseContentMessage } from '../../../lib/messaging';
import { handleContentMessage } from '../../../lib/services/background';
import { getDb } from '../../../lib/db';

const EXT = 'ext-id';
const from = (url: string) => ({ id: EXT, url, origin: new URL(url).origin });

describe('content/saveColumnMap validation', () => {
  it.each([
    [{ type: 'content/saveColumnMap', columnMap: { 扣款: 'fee', 备注: null } }, true],
    [{ type: 'content/saveColumnMap', columnMap: { 扣款: 'evidence' } }, false],
    [{ type: 'content/saveColumnMap', columnMap: { 扣款: 42 } }, false],
    [{ type: 'content/saveColumnMap', columnMap: [] }, false],
    [{ type: 'content/saveColumnMap', columnMap: { ['x'.repeat(300)]: 'fee' } }, false],
    [{ type: 'content/saveColumnMap', columnMap: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`h${i}`, null])) }, false],
    [{ type: 'content/getSiteConfig' }, true],
  ])('%j → ok=%s', (msg, ok) => {
    expect(parseContentMessage(msg).ok).toBe(ok);
  });
});

describe('site config round trip', () => {
  it('stores the map for the sender origin and gives it back with the default currency', async () => {
    const saved = await handleContentMessage(
      { type: 'content/saveColumnMap', columnMap: { 扣款: 'fee' } },
      from('https://mer.example.cn/trade/list?page=2'),
      EXT,
    );
    expect(saved).toEqual({ ok: true, value: { origin: 'https://mer.example.cn', columnMap: { 扣款: 'fee' }, defaultCurrency: 'CNY', language: 'auto' } });
    const other = await handleContentMessage({ type: 'content/getSiteConfig' }, from('https://other.example.com/'), EXT);
    expect(other).toMatchObject({ ok: true, value: { columnMap: {} } });
    const again = await handleContentMessage({ type: 'content/getSiteConfig' }, from('https://mer.example.cn/x'), EXT);
    expect(again).toMatchObject({ ok: true, value: { columnMap: { 扣款: 'fee' } } });
    const site = await getDb().sites.get('https://mer.example.cn');
    expect(site).toMatchObject({ enabled: false, columnMap: { 扣款: 'fee' } });
  });

  it('keeps an enabled site enabled', async () => {
    await getDb().sites.put({ id: 'https://on.example.cn', enabled: true, addedAt: '2024-01-01T00:00:00Z' });
    await handleContentMessage({ type: 'content/saveColumnMap', columnMap: { 金额: 'amount' } }, from('https://on.example.cn/a'), EXT);
    expect(await getDb().sites.get('https://on.example.cn')).toMatchObject({ enabled: true, columnMap: { 金额: 'amount' } });
  });

  it('refuses senders that are not web pages or other extensions', async () => {
    expect(await handleContentMessage({ type: 'content/getSiteConfig' }, { id: EXT }, EXT)).toMatchObject({ ok: false, error: { code: 'bad_sender' } });
    expect(await handleContentMessage({ type: 'content/getSiteConfig' }, { id: 'other', url: 'https://a.example/' }, EXT)).toMatchObject({
      ok: false,
      error: { code: 'bad_sender' },
    });
  });
});
