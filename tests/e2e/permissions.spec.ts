// Permissions audit (issue 14 item 11) on the built manifests: the store builds for Chrome (MV3)
// and Firefox (MV2) are built here, into their own folder, and the local build the other e2e
// tests load is checked too. Every permission must be used by the built code (its API appears
// in the shipped JavaScript), nothing broad is granted at install (any other portal is an
// optional host permission, asked for one origin at a time), and the extension makes no network
// request of its own: tests/support/extension.ts records every request of every e2e session and
// fails the session's close() on one; here the recorder itself is shown to catch them.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTENSION_PATH, launchWithExtension, type ExtensionSession } from '../support/extension';
import { OptionsPage } from '../support/pages';
import { startStaticServer, type StaticServer } from '../support/serve';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STORE_OUT = `${process.env.SG_OUT_DIR ?? '.output'}-store`;

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
}

/**
 * What each permission is for, as its API shows in minified code. A permission without an entry
 * fails the audit: say here what uses it, or drop it from wxt.config.ts.
 */
const USED_BY: Record<string, RegExp> = {
  storage: /\.storage\.(session|local|sync)\b/, // unread tables per site (lib/services/capture.ts)
  clipboardWrite: /clipboard\.writeText|execCommand\(\s*[`'"]copy/, // copying a dispute letter
  scripting: /\.scripting\.(registerContentScripts|executeScript)\b/, // portals enabled from the popup
  notifications: /\.notifications\.create\b/, // follow-up reminders
  alarms: /\.alarms\.create\b/, // the reminders' schedule
  activeTab: /\.tabs\.query\(\{[^}]*active:\s*(!0|true)/, // the popup learns the tab it was opened on
};

/** Host patterns that would reach every site. */
const BROAD = /^(<all_urls>|\*:\/\/\*\/\*|https?:\/\/\*\/\*|\*:\/\/\*\/.*|https?:\/\/\*\/.*)$/;
const LOCAL_ONLY = /^http:\/\/(127\.0\.0\.1|localhost|[a-z0-9-]+\.test)\/\*$/;

function jsOf(dir: string): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.js')) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out.join('\n');
}

const manifestOf = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

/** Every host pattern granted at install: MV3 host_permissions, MV2 host patterns among permissions, content script matches. */
function installHosts(m: Manifest): string[] {
  const hostLike = (p: string) => p.includes('://') || p === '<all_urls>';
  return [...(m.host_permissions ?? []), ...(m.permissions ?? []).filter(hostLike), ...(m.content_scripts ?? []).flatMap((c) => c.matches ?? [])];
}

test.describe('built manifests', () => {
  test.describe.configure({ timeout: 240_000 }); // the beforeAll builds twice
  const builds: { name: string; dir: string }[] = [
    { name: 'chrome store', dir: resolve(ROOT, STORE_OUT, 'chrome-mv3') },
    { name: 'firefox store', dir: resolve(ROOT, STORE_OUT, 'firefox-mv2') },
    { name: 'chrome local (the e2e build)', dir: EXTENSION_PATH },
  ];

  test.beforeAll(() => {
    const env = { ...process.env, SG_OUT_DIR: STORE_OUT, SG_LOCAL: '' };
    for (const args of [
      ['wxt', 'build'],
      ['wxt', 'build', '-b', 'firefox'],
    ]) {
      execFileSync('npx', args, { cwd: ROOT, env, stdio: 'pipe', timeout: 180_000 });
    }
  });

  for (const { name, dir } of builds) {
    test(`${name}: every permission is used by the built code`, () => {
      const m = manifestOf(dir);
      const code = jsOf(dir);
      const permissions = (m.permissions ?? []).filter((p) => !p.includes('://'));
      expect(permissions.length).toBeGreaterThan(0);
      const unexplained = permissions.filter((p) => !USED_BY[p]);
      const unused = permissions.filter((p) => USED_BY[p] && !USED_BY[p].test(code));
      expect({ unexplained, unused }).toEqual({ unexplained: [], unused: [] });
    });

    test(`${name}: nothing broad at install; any other portal is an optional host permission`, () => {
      const m = manifestOf(dir);
      const hosts = installHosts(m);
      expect(hosts.filter((h) => BROAD.test(h))).toEqual([]);
      const optional = m.manifest_version === 2 ? m.optional_permissions : m.optional_host_permissions;
      expect(optional).toEqual(expect.arrayContaining(['https://*/*', 'http://*/*']));
      // the store builds run on the built-in acquirer portals only; the local one adds local test hosts
      const https = hosts.filter((h) => !LOCAL_ONLY.test(h));
      expect(https.every((h) => /^https:\/\/[a-z0-9.-]+\/.*$/.test(h) && !h.startsWith('https://*'))).toBe(true);
      if (name.includes('store')) expect(hosts.filter((h) => LOCAL_ONLY.test(h))).toEqual([]);
    });
  }
});

test.describe('no network requests of our own', () => {
  let session: ExtensionSession;
  let server: StaticServer;
  test.beforeAll(async () => {
    session = await launchWithExtension();
    server = await startStaticServer(resolve(ROOT, 'tests/fixtures'));
  });
  test.afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('a portal visit and an import are recorded, and none of their requests is ours', async () => {
    const { context, extensionId, requests } = session;
    const page = await context.newPage();
    await page.goto(`${server.url}/portals/demo/index.html`);
    await expect(page.locator('tr[data-sg-row]').first()).toBeAttached({ timeout: 15_000 });
    const options = await OptionsPage.open(context, extensionId);
    await options.importFiles([resolve(ROOT, 'tests/fixtures/demo/bank-statement.csv')]);
    await expect(options.page.getByTestId('sg-import-outcome')).toBeVisible();
    expect(requests.all.some((r) => r.url.startsWith(`${server.url}/portals/demo/`))).toBe(true);
    expect(requests.all.some((r) => r.url.startsWith(`chrome-extension://${extensionId}/options.html`))).toBe(true);
    expect(requests.violations()).toEqual([]);
    await page.close();
    await options.page.close();
  });

  test('a request the service worker or an extension page makes elsewhere is caught', async () => {
    const { context, worker, extensionId, requests } = session;
    // the local server is a page's origin, not the extension's: the worker may not reach it
    await worker.evaluate(async (url) => {
      await fetch(url).catch(() => undefined);
    }, `${server.url}/demo/contract.json?from=worker`);
    const options = await OptionsPage.open(context, extensionId);
    await options.page.evaluate(async () => {
      await fetch('https://tracker.example/collect').catch(() => undefined);
    });
    await expect
      .poll(() =>
        requests
          .violations()
          .map((r) => `${r.from} ${r.url}`)
          .sort(),
      )
      .toEqual(['extension-page https://tracker.example/collect', `service-worker ${server.url}/demo/contract.json?from=worker`]);
    requests.clear(); // made on purpose: the session's close() would fail on them
    await options.page.close();
  });
});
