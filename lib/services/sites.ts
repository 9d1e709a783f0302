// Portals the merchant enabled beyond the built-in list (DESIGN.md §4): an optional host
// permission, granted from the popup, and a content script registered at runtime for that origin.
import { browser } from 'wxt/browser';
import { getDb, type SiteRecord } from '../db';

export const CONTENT_SCRIPT_FILE = '/content-scripts/portal.js' as const;
const SCRIPT_ID_PREFIX = 'sg-site-';

export function originPattern(origin: string): string {
  return `${origin}/*`;
}

function scriptId(origin: string): string {
  return SCRIPT_ID_PREFIX + origin.replace(/[^a-z0-9]/gi, '_');
}

/** Origins the content script runs on from install (the manifest's content_scripts). */
export function builtInPatterns(): string[] {
  return browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
}

export function isBuiltIn(origin: string, patterns = builtInPatterns()): boolean {
  return patterns.some((p) => {
    const m = p.match(/^(\*|https?):\/\/([^/]+)\//);
    if (!m) return false;
    const url = new URL(origin);
    const scheme = m[1]!, host = m[2]!;
    if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
    if (host === url.host || host === url.hostname) return true;
    return host.startsWith('*.') && url.hostname.endsWith(host.slice(1));
  });
}

/** Must run in a user gesture (the popup's button): asks for the host permission first. */
export async function enableSite(origin: string, tabId?: number): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [originPattern(origin)] });
  if (!granted) return false;
  await registerSite(origin);
  await getDb().sites.put({ id: origin, enabled: true, addedAt: new Date().toISOString() });
  if (tabId !== undefined) {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] }).catch(() => undefined);
  }
  return true;
}

export async function disableSite(origin: string): Promise<void> {
  await browser.scripting.unregisterContentScripts({ ids: [scriptId(origin)] }).catch(() => undefined);
  await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
  const db = getDb();
  const site = await db.sites.get(origin);
  if (site) await db.sites.put({ ...site, enabled: false });
}

async function registerSite(origin: string): Promise<void> {
  const id = scriptId(origin);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) return;
  await browser.scripting.registerContentScripts([{
    id, matches: [originPattern(origin)], js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true,
  }]);
}

/** On install/update: the registered scripts follow the stored sites and the granted permissions. */
export async function syncRegisteredSites(): Promise<void> {
  const sites: SiteRecord[] = await getDb().sites.toArray();
  for (const site of sites) {
    const permitted = await browser.permissions.contains({ origins: [originPattern(site.id)] });
    if (site.enabled && permitted) await registerSite(site.id);
    else await browser.scripting.unregisterContentScripts({ ids: [scriptId(site.id)] }).catch(() => undefined);
  }
}

export async function siteState(origin: string): Promise<'builtin' | 'enabled' | 'disabled'> {
  if (isBuiltIn(origin)) return 'builtin';
  const site = await getDb().sites.get(origin);
  const permitted = await browser.permissions.contains({ origins: [originPattern(origin)] });
  return site?.enabled && permitted ? 'enabled' : 'disabled';
}
