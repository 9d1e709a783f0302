// The phishing guard on an enabled site (issue 14 item 10): the banner holds the content script
// until the merchant's own click, the confirmation is kept per origin by the background.
import { describe, expect, it, vi } from 'vitest';
import { parseContentMessage } from '../../../lib/messaging';
import { handleContentMessage } from '../../../lib/services/background';
import { getDb } from '../../../lib/db';
import { passPhishingGate, type PhishingGateDeps } from '../../../components/overlay/PhishingBanner';
import type { PageSigns } from '../../../lib/phishing';

const EXT = 'ext-id';
const from = (url: string) => ({ id: EXT, url, origin: new URL(url).origin });

const FAKE: PageSigns = { url: 'http://127.0.0.1:8080/login.html', title: '拉卡拉商户服务平台 - 登录', brandTexts: ['拉卡拉'], hasPasswordForm: true };
const SHOP: PageSigns = { url: 'https://shop.example/', title: '好再来便利店', brandTexts: [], hasPasswordForm: true };

function gate(signs: PageSigns, over: Partial<PhishingGateDeps> = {}) {
  const controller = new AbortController();
  let shadow: ShadowRoot | undefined;
  const confirm = vi.fn(async (_brand: string) => undefined);
  const passed = passPhishingGate({
    doc: document,
    locale: 'zh-CN',
    confirmed: false,
    confirm,
    signal: controller.signal,
    readSigns: () => signs,
    onBanner: (s) => {
      shadow = s;
    },
    ...over,
  });
  return { passed, confirm, controller, shadow: () => shadow };
}

const button = (shadow: ShadowRoot | undefined) => shadow?.querySelector<HTMLButtonElement>('[data-testid=sg-phishing-confirm]');

describe('passPhishingGate', () => {
  it('lets an ordinary page through at once, with no banner', async () => {
    const g = gate(SHOP);
    await expect(g.passed).resolves.toBe(true);
    expect(g.shadow()).toBeUndefined();
    expect(document.querySelector('sg-phishing')).toBeNull();
  });

  it('lets an imitating page through at once when the origin was confirmed before', async () => {
    const g = gate(FAKE, { confirmed: true });
    await expect(g.passed).resolves.toBe(true);
    expect(document.querySelector('sg-phishing')).toBeNull();
  });

  it('holds an imitating page behind a closed banner; a script click does nothing, the merchant’s click passes', async () => {
    let trusted = false;
    const g = gate(FAKE, { isTrusted: () => trusted });
    let settled = false;
    void g.passed.then(() => {
      settled = true;
    });
    const host = document.querySelector('sg-phishing')!;
    expect(host).not.toBeNull();
    expect(host.shadowRoot).toBeNull(); // closed: the page cannot read it
    const text = g.shadow()!.textContent!;
    expect(text).toContain('警惕诈骗');
    expect(text).toContain('拉卡拉自己的网站在 lakala.com；此页面在 127.0.0.1。');
    button(g.shadow())!.click(); // a page script's click: untrusted
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    expect(g.confirm).not.toHaveBeenCalled();
    trusted = true;
    button(g.shadow())!.click();
    await expect(g.passed).resolves.toBe(true);
    expect(g.confirm).toHaveBeenCalledWith('lakala');
    expect(document.querySelector('sg-phishing')).toBeNull();
  });

  it('gives up (false) when the content script is torn down before a confirmation', async () => {
    const g = gate(FAKE);
    g.controller.abort();
    await expect(g.passed).resolves.toBe(false);
    expect(document.querySelector('sg-phishing')).toBeNull();
  });
});

describe('content/confirmImitation', () => {
  it.each([
    [{ type: 'content/confirmImitation', brand: 'lakala' }, true],
    [{ type: 'content/confirmImitation', brand: '99bill' }, true],
    [{ type: 'content/confirmImitation' }, false],
    [{ type: 'content/confirmImitation', brand: '<img>' }, false],
    [{ type: 'content/confirmImitation', brand: 'x'.repeat(41) }, false],
  ])('%j → ok=%s', (msg, ok) => {
    expect(parseContentMessage(msg).ok).toBe(ok);
  });

  it('is kept for the sender’s own origin only, and the site config says so from then on', async () => {
    const before = await handleContentMessage({ type: 'content/getSiteConfig' }, from('http://127.0.0.1:8080/login.html'), EXT);
    expect(before).toMatchObject({ ok: true });
    expect((before as { value: { imitationConfirmed?: boolean } }).value.imitationConfirmed).toBeUndefined();
    const done = await handleContentMessage({ type: 'content/confirmImitation', brand: 'lakala' }, from('http://127.0.0.1:8080/login.html'), EXT);
    expect(done).toMatchObject({ ok: true, value: { origin: 'http://127.0.0.1:8080', imitationConfirmed: true } });
    const later = await handleContentMessage({ type: 'content/getSiteConfig' }, from('http://127.0.0.1:8080/trade'), EXT);
    expect(later).toMatchObject({ ok: true, value: { imitationConfirmed: true } });
    const other = await handleContentMessage({ type: 'content/getSiteConfig' }, from('http://127.0.0.1:9090/login.html'), EXT);
    expect((other as { value: { imitationConfirmed?: boolean } }).value.imitationConfirmed).toBeUndefined();
    expect(await getDb().sites.get('http://127.0.0.1:8080')).toMatchObject({ enabled: false, imitationConfirmed: { brand: 'lakala' } });
    expect(await handleContentMessage({ type: 'content/confirmImitation', brand: 'lakala' }, { id: EXT }, EXT)).toMatchObject({
      ok: false,
      error: { code: 'bad_sender' },
    });
  });
});
