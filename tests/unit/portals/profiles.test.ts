// Known portals as data (lib/portals/profiles.ts): each profile's example URLs match it and no
// other profile (after refined-github's URL detectors), the content script's built-in matches are
// exactly the justified patterns, and readPortalTables takes the portal id, currency and column
// hints from the profile the URL picks.
import { describe, expect, it } from 'vitest';
import { PORTAL_PROFILES, builtInMatchPatterns, matchesPattern, profileForUrl } from '../../../lib/portals/profiles';
import { TABLE_READERS } from '../../../lib/portals/registry';
import { readPortalTables } from '../../../lib/portals';
import { page } from './fixture-util';

const REQUIRED = ['lakala', 'chinaums', 'shengpay', 'suixingpay', 'huifu', 'stripe', 'square', 'adyen'];

describe('portal profiles', () => {
  it('covers the acquirers of issue 3 with unique kebab-case ids', () => {
    const ids = PORTAL_PROFILES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of REQUIRED) expect(ids).toContain(id);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(PORTAL_PROFILES.map((p) => [p.id, p] as const))('%s: complete, with a source for its hosts', (_id, p) => {
    expect(p.name.zh.length).toBeGreaterThan(0);
    expect(p.name.en.length).toBeGreaterThan(0);
    expect(p.currency).toMatch(/^[A-Z]{3}$/);
    expect(() => new Intl.DateTimeFormat('en', { timeZone: p.timeZone })).not.toThrow();
    expect(p.source.length).toBeGreaterThan(0);
    if (p.family !== undefined) expect(TABLE_READERS.map((r) => r.id)).toContain(p.family);
    // a profile with patterns has examples, one without has none (it applies by table, not URL)
    expect(p.examples.length > 0).toBe(p.matches.length > 0);
    for (const pattern of p.matches) expect(pattern).toMatch(/^https:\/\/[a-z0-9.-]+\/(?:[a-z0-9/_-]*\/)?\*$/);
  });

  it.each(PORTAL_PROFILES.flatMap((p) => p.examples.map((url) => [p.id, url] as const)))('%s example %s matches only its own profile', (id, url) => {
    const matching = PORTAL_PROFILES.filter((p) => p.matches.some((m) => matchesPattern(m, url))).map((p) => p.id);
    expect(matching).toEqual([id]);
    expect(profileForUrl(url)?.id).toBe(id);
  });

  it('does not match look-alike hosts or other paths', () => {
    for (const url of [
      'https://dashboard.stripe.com.evil.example/payments',
      'https://evil-dashboard.stripe.com/',
      'http://dashboard.stripe.com/payments',
      'https://squareup.com/us/en/pricing',
      'https://ca-test.adyen.com/',
      'https://www.lakala.com/',
      'https://chinaums.com/',
      'https://merchant.example.cn/#/trade/list',
      'http://127.0.0.1:8080/index.html',
      'not a url',
    ])
      expect(profileForUrl(url), url).toBeUndefined();
  });

  it('match patterns behave like the browser: scheme, subdomain wildcard, path glob', () => {
    expect(matchesPattern('https://*.example.com/*', 'https://a.b.example.com/x')).toBe(true);
    expect(matchesPattern('https://*.example.com/*', 'https://example.com/')).toBe(true);
    expect(matchesPattern('https://*.example.com/*', 'https://badexample.com/')).toBe(false);
    expect(matchesPattern('*://example.com/a/*', 'http://example.com/a/b?c=1')).toBe(true);
    expect(matchesPattern('*://example.com/a/*', 'http://example.com/b')).toBe(false);
    expect(matchesPattern('https://example.com/*', 'ftp://example.com/')).toBe(false);
  });

  it('the built-in matches are the justified patterns, and only those', () => {
    expect(builtInMatchPatterns().sort()).toEqual(PORTAL_PROFILES.flatMap((p) => p.matches).sort());
    expect(builtInMatchPatterns()).not.toContain('<all_urls>');
  });

  it('readPortalTables takes portal id and currency from the profile of the URL, hints as columns', () => {
    const doc = page(`<table><thead><tr><th>Date</th><th>Type</th><th>Amount</th><th>PAN Suffix</th></tr></thead>
      <tbody><tr><td>2024-03-05 10:00:00</td><td>Payment</td><td>12.50</td><td>4242</td></tr></tbody></table>`);
    const [square] = readPortalTables(doc, 'https://app.squareup.com/dashboard/sales/transactions', '2024-03-06T00:00:00Z');
    const tx = square!.rows[0]!.transaction!;
    expect(tx.portal).toBe('square');
    expect(tx.amount).toEqual({ amount: '12.50', currency: 'USD' });
    expect(tx.cardLast4).toBe('4242');
    const [other] = readPortalTables(doc, 'https://portal.example.com/', '2024-03-06T00:00:00Z', { defaultCurrency: 'CNY' });
    expect(other!.rows[0]!.transaction!.portal).toBe('generic');
    // the caller's own portal id wins over the URL's
    const [forced] = readPortalTables(doc, 'https://app.squareup.com/x', '2024-03-06T00:00:00Z', { portal: 'mine' });
    expect(forced!.rows[0]!.transaction!.portal).toBe('mine');
  });
});
