// Portals the merchant enabled beyond the built-in list (DESIGN.md §4): an optional host
// permission, granted from the popup, and a content script registered at runtime for that origin.
import { browser } from 'wxt/browser';
import { getDb, type SettleGuardDb, type SiteRecord } from '../db';

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

/** The origin a content-script message comes from (the sender's frame URL), or null. */
export function senderOrigin(sender: { url?: string; origin?: string }): string | null {
  const candidate = sender.origin && sender.origin !== 'null' ? sender.origin : sender.url;
  if (!candidate) return null;
  try {
    const u = new URL(candidate);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** Columns the merchant taught for a site (issue 3 "Teach it a table"); {} when none. */
export async function columnMapOf(db: SettleGuardDb, origin: string): Promise<Record<string, string | null>> {
  return (await db.sites.get(origin))?.columnMap ?? {};
}

/**
 * Stores the taught columns of a site, replacing its map. A built-in portal has no site record
 * yet: one is made that stays disabled (the built-in list, not the record, runs the script there).
 */
export async function saveColumnMap(db: SettleGuardDb, origin: string, columnMap: Record<string, string | null>, now: string): Promise<void> {
  await db.transaction('rw', db.sites, async () => {
    const site = await db.sites.get(origin);
    await db.sites.put({ ...(site ?? { id: origin, enabled: false, addedAt: now }), columnMap });
  });
}
