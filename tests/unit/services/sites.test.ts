// Sites the merchant enables from the popup (DESIGN.md §4): what the popup may do on a tab, and
// what the background does when the browser grants or withdraws an origin — the path a real
// browser takes, where the permission prompt closes the popup before it hears the answer
// (tests/e2e/popup-enable.spec.ts cannot press that prompt).
import { beforeEach, describe, expect, it, vi } from 'vitest';

interface Registered {
  id: string;
  matches: string[];
}
const fake = vi.hoisted(() => ({
  registered: [] as { id: string; matches: string[] }[],
  tabs: [] as { id: number; url: string }[],
  injected: [] as { tabId: number; files?: string[]; func?: boolean }[],
  running: new Set<number>(),
  probed: new Set<number>(),
  grant: true,
  requested: [] as unknown[],
}));

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: { getManifest: () => ({ content_scripts: [{ matches: ['https://s.lakala.com/*', 'http://127.0.0.1/*'] }] }) },
    permissions: {
      request: async (p: unknown) => {
        fake.requested.push(p);
        return fake.grant;
      },
      contains: vi.fn(async () => true),
      remove: vi.fn(async () => true),
    },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => fake.registered.filter((r) => ids.includes(r.id)),
      registerContentScripts: async (scripts: Registered[]) => {
        for (const s of scripts) {
          if (fake.registered.some((r) => r.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          fake.registered.push({ id: s.id, matches: s.matches });
        }
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        fake.registered = fake.registered.filter((r) => !ids.includes(r.id));
      },
      // the probe answers whether the script already runs in the tab; files injects it
      executeScript: async ({ target, files, func }: { target: { tabId: number }; files?: string[]; func?: () => boolean }) => {
        fake.injected.push({ tabId: target.tabId, ...(files ? { files } : {}), ...(func ? { func: true } : {}) });
        // as the real probe: answers, and leaves its flag in the tab's isolated world
        if (func) {
          const result = fake.running.has(target.tabId) || fake.probed.has(target.tabId);
          fake.probed.add(target.tabId);
          return [{ result }];
        }
        fake.running.add(target.tabId);
        return [{ result: undefined }];
      },
    },
    tabs: {
      query: async ({ url }: { url: string }) => fake.tabs.filter((t) => t.url.startsWith(url.replace(/\*$/, ''))),
    },
  },
}));

const { enableSite, originOfPattern, startGrantedSites, stopRemovedSites, tabSite, CONTENT_SCRIPT_FILE } = await import('../../../lib/services/sites');
const { getDb } = await import('../../../lib/db');

beforeEach(async () => {
  fake.registered = [];
  fake.tabs = [];
  fake.injected = [];
  fake.running.clear();
  fake.probed.clear();
  await getDb().sites.clear();
  fake.grant = true;
  fake.requested = [];
});

const scriptFiles = () => fake.injected.filter((i) => i.files).map((i) => [i.tabId, i.files]);

describe('tabSite: what the popup may do on the active tab', () => {
  const cases: { description: string; url: string | undefined; expected: ReturnType<typeof tabSite> }[] = [
    { description: 'a portal page', url: 'https://merchant.example.cn/txn/query?page=2', expected: { kind: 'web', origin: 'https://merchant.example.cn' } },
    { description: 'a port is part of the origin', url: 'http://portal.test:8080/index.html', expected: { kind: 'web', origin: 'http://portal.test:8080' } },
    { description: 'a browser page', url: 'chrome://settings/', expected: { kind: 'restricted' } },
    { description: 'an extension page', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html', expected: { kind: 'restricted' } },
    { description: 'the extension store', url: 'https://chromewebstore.google.com/detail/x', expected: { kind: 'restricted' } },
    { description: 'a local file', url: 'file:///home/me/statement.html', expected: { kind: 'restricted' } },
    { description: 'no URL: activeTab granted nothing, so a page no extension may read', url: undefined, expected: { kind: 'restricted' } },
  ];
  it.each(cases)('$description', ({ url, expected }) => {
    expect(tabSite(url)).toEqual(expected);
  });
});

describe('originOfPattern', () => {
  it.each([
    ['https://merchant.example.cn/*', 'https://merchant.example.cn'],
    ['http://portal.test:8080/*', 'http://portal.test:8080'],
    ['https://*/*', null],
    ['*://x.example/*', null],
  ])('%s → %s', (pattern, expected) => {
    expect(originOfPattern(pattern)).toBe(expected);
  });
});

describe('enableSite (the popup, in the click handler)', () => {
  it('asks for this origin only, registers the script, records the site and starts it in the tab', async () => {
    expect(await enableSite('https://merchant.example.cn', 7)).toBe('running');
    expect(fake.requested).toEqual([{ origins: ['https://merchant.example.cn/*'] }]);
    expect(fake.registered.map((r) => r.matches)).toEqual([['https://merchant.example.cn/*']]);
    expect(await getDb().sites.get('https://merchant.example.cn')).toMatchObject({ enabled: true });
    expect(scriptFiles()).toEqual([[7, [CONTENT_SCRIPT_FILE]]]);
  });

  it('refused: nothing registered, nothing stored, nothing injected', async () => {
    fake.grant = false;
    expect(await enableSite('https://merchant.example.cn', 7)).toBe('denied');
    expect(fake.registered).toEqual([]);
    expect(await getDb().sites.count()).toBe(0);
    expect(fake.injected).toEqual([]);
  });

  it('keeps the columns the merchant taught on the site', async () => {
    await getDb().sites.put({ id: 'https://merchant.example.cn', enabled: false, addedAt: '2026-01-01T00:00:00Z', columnMap: { 流水号: 'rrn' } });
    await enableSite('https://merchant.example.cn', 7);
    expect(await getDb().sites.get('https://merchant.example.cn')).toEqual({
      id: 'https://merchant.example.cn',
      enabled: true,
      addedAt: '2026-01-01T00:00:00Z',
      columnMap: { 流水号: 'rrn' },
    });
  });

  it('does not start a second copy in a tab where the script already runs', async () => {
    fake.running.add(7);
    expect(await enableSite('https://merchant.example.cn', 7)).toBe('running');
    expect(scriptFiles()).toEqual([]);
  });
});

describe('the background when the browser grants or withdraws an origin', () => {
  it('a granted origin is registered, recorded and started in each of its open tabs', async () => {
    fake.tabs = [
      { id: 1, url: 'https://merchant.example.cn/a' },
      { id: 2, url: 'https://merchant.example.cn/b' },
      { id: 3, url: 'https://other.example/' },
    ];
    await startGrantedSites(['https://merchant.example.cn/*']);
    expect(fake.registered.map((r) => r.matches)).toEqual([['https://merchant.example.cn/*']]);
    expect(await getDb().sites.get('https://merchant.example.cn')).toMatchObject({ enabled: true });
    expect(scriptFiles()).toEqual([
      [1, [CONTENT_SCRIPT_FILE]],
      [2, [CONTENT_SCRIPT_FILE]],
    ]);
  });

  it('the popup and the background enabling the same origin at once register it once and start it once', async () => {
    fake.tabs = [{ id: 7, url: 'https://merchant.example.cn/a' }];
    await Promise.all([enableSite('https://merchant.example.cn', 7), startGrantedSites(['https://merchant.example.cn/*'])]);
    expect(fake.registered).toHaveLength(1);
    expect(scriptFiles()).toEqual([[7, [CONTENT_SCRIPT_FILE]]]);
  });

  it('wildcards and built-in portals are not sites to record', async () => {
    await startGrantedSites(['https://*/*', 'https://s.lakala.com/*']);
    expect(fake.registered).toEqual([]);
    expect(await getDb().sites.count()).toBe(0);
  });

  it('a withdrawn origin is unregistered and recorded as disabled', async () => {
    await startGrantedSites(['https://merchant.example.cn/*']);
    await stopRemovedSites(['https://merchant.example.cn/*']);
    expect(fake.registered).toEqual([]);
    expect(await getDb().sites.get('https://merchant.example.cn')).toMatchObject({ enabled: false });
  });
});
