// Portals the merchant enabled beyond the built-in list (DESIGN.md §4): an optional host
// permission, granted from the popup, and a content script registered at runtime for that origin.
import { browser } from 'wxt/browser';
import { getDb, type SettleGuardDb, type SiteRecord } from '../db';
import { assessPage, readPageSigns, type PhishingAssessment } from '../phishing';
import { originOfUrl, siteOfUrl } from '../sites';

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
    const scheme = m[1]!,
      host = m[2]!;
    if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
    if (host === url.host || host === url.hostname) return true;
    return host.startsWith('*.') && url.hostname.endsWith(host.slice(1));
  });
}

/**
 * What the popup may do on the active tab, from its URL. The popup learns the URL only through
 * `activeTab`, granted when the merchant clicks the toolbar button (DESIGN.md §4). Browsers never
 * let an extension script run on their own pages, other extensions' pages or the extension
 * stores ('restricted'); on those activeTab grants nothing, so no URL at all after that click
 * means such a page too.
 */
export type TabSite = { kind: 'web'; origin: string } | { kind: 'restricted' };

const STORE_PAGES = [
  /^https:\/\/chromewebstore\.google\.com\//,
  /^https:\/\/chrome\.google\.com\/webstore/,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/,
];

export function tabSite(url: string | undefined): TabSite {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '');
  } catch {
    return { kind: 'restricted' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { kind: 'restricted' };
  if (STORE_PAGES.some((re) => re.test(parsed.href))) return { kind: 'restricted' };
  return { kind: 'web', origin: parsed.origin };
}

/** running: the content script now reads the tab; reload: enabled, but the tab must be reloaded; denied: no permission. */
export type EnableOutcome = 'running' | 'reload' | 'denied';

/**
 * Must be called from the popup's click handler: `permissions.request` needs the merchant's
 * gesture, so it is the first thing done. Asks for this origin only, registers the content
 * script for it (future page loads) and injects it into the current tab, so capture starts
 * without a reload.
 */
export async function enableSite(origin: string, tabId?: number): Promise<EnableOutcome> {
  const granted = await browser.permissions.request({ origins: [originPattern(origin)] });
  if (!granted) return 'denied';
  await registerSite(origin);
  await markEnabled(origin, true);
  if (tabId === undefined) return 'reload';
  return (await injectInto(tabId)) ? 'running' : 'reload';
}

/**
 * Starts the content script in a tab already open, unless it runs there already (enabled,
 * disabled and enabled again without a reload: disabling does not stop a running script, and a
 * second copy would mark every row twice). The probe runs in the extension's isolated world,
 * which the content script shares.
 */
async function injectInto(tabId: number): Promise<boolean> {
  try {
    const [probe] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => {
        const w = globalThis as { __settleguardInjected?: boolean };
        const running = w.__settleguardInjected === true || document.querySelector('[data-sg-row], sg-tools') !== null;
        w.__settleguardInjected = true;
        return running;
      },
    });
    if (probe?.result !== true) await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
    return true;
  } catch {
    return false; // the tab navigated away or is not a page we may script: a reload starts it
  }
}

export async function disableSite(origin: string): Promise<void> {
  await browser.scripting.unregisterContentScripts({ ids: [scriptId(origin)] }).catch(() => undefined);
  await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
  await markEnabled(origin, false);
}

async function registerSite(origin: string): Promise<void> {
  const id = scriptId(origin);
  const isRegistered = async () => (await browser.scripting.getRegisteredContentScripts({ ids: [id] })).length > 0;
  if (await isRegistered()) return;
  try {
    await browser.scripting.registerContentScripts([
      {
        id,
        matches: [originPattern(origin)],
        js: [CONTENT_SCRIPT_FILE],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  } catch (e) {
    // the popup and the background's permissions.onAdded may register the same origin at once
    if (!(await isRegistered())) throw e;
  }
}

/** The origin of a single-site match pattern ('https://x.example/*' → 'https://x.example'); null for wildcards. */
export function originOfPattern(pattern: string): string | null {
  const m = pattern.match(/^(https?):\/\/([^/*]+)\/\*?$/);
  return m ? `${m[1]}://${m[2]}` : null;
}

async function markEnabled(origin: string, enabled: boolean): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.sites, async () => {
    const site = await db.sites.get(origin);
    if (!site && !enabled) return;
    await db.sites.put({ ...site, id: origin, enabled, addedAt: site?.addedAt ?? new Date().toISOString() });
  });
}

/**
 * permissions.onAdded (background): origins the merchant granted. On Chromium the permission
 * prompt closes the popup that asked, so the popup never learns the answer: the background
 * registers the content script, records the site and starts it in the open tabs of the origin.
 */
export async function startGrantedSites(patterns: readonly string[]): Promise<void> {
  for (const pattern of patterns) {
    const origin = originOfPattern(pattern);
    if (!origin || isBuiltIn(origin)) continue;
    await registerSite(origin);
    await markEnabled(origin, true);
    for (const tab of await browser.tabs.query({ url: originPattern(origin) })) {
      if (tab.id !== undefined) await injectInto(tab.id);
    }
  }
}

/** permissions.onRemoved (background): access withdrawn, here or in the browser's settings. */
export async function stopRemovedSites(patterns: readonly string[]): Promise<void> {
  for (const pattern of patterns) {
    const origin = originOfPattern(pattern);
    if (!origin) continue;
    await browser.scripting.unregisterContentScripts({ ids: [scriptId(origin)] }).catch(() => undefined);
    await markEnabled(origin, false);
  }
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

// What a site is (lib/sites.ts), for the services that scope answers by it (issue 14 item 2)
export { sameSite, siteOfUrl } from '../sites';

/**
 * The site a content-script message comes from (lib/sites.ts siteOfUrl), or null. The frame's URL
 * picks a built-in portal's profile; a frame whose URL has another origin (about:srcdoc) is
 * judged by its origin alone.
 */
export function senderSite(sender: { url?: string; origin?: string }): string | null {
  const origin = senderOrigin(sender);
  if (!origin) return null;
  return siteOfUrl(sender.url && originOfUrl(sender.url) === origin ? sender.url : `${origin}/`);
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

/**
 * The merchant confirmed they trust an origin whose page imitates an acquirer's portal (issue 14
 * item 10, lib/phishing.ts): kept on the site record, so the warning is asked once per origin. A
 * site not enabled yet (the popup asks before Enable) or built in gets a disabled record.
 */
export async function confirmImitation(db: SettleGuardDb, origin: string, brand: string, now: string): Promise<void> {
  await db.transaction('rw', db.sites, async () => {
    const site = await db.sites.get(origin);
    await db.sites.put({ ...(site ?? { id: origin, enabled: false, addedAt: now }), imitationConfirmed: { brand, at: now } });
  });
}

export async function isImitationConfirmed(db: SettleGuardDb, origin: string): Promise<boolean> {
  return (await db.sites.get(origin))?.imitationConfirmed !== undefined;
}

/** confirmImitation from the popup, now. */
export function confirmImitationNow(origin: string, brand: string): Promise<void> {
  return confirmImitation(getDb(), origin, brand, new Date().toISOString());
}

/** The phishing guard's view of the popup's tab: the page's assessment, and whether the merchant trusts the origin anyway. */
export interface TabPhishing {
  assessment: PhishingAssessment;
  confirmed: boolean;
}

/**
 * Assesses the page in the popup's tab (issue 14 item 10). Its signs are read in the tab by
 * scripting.executeScript, which the toolbar click's activeTab grant allows without any host
 * permission. null where no script may run (browser pages, the store) or the tab moved on.
 */
export async function assessTab(tabId: number | undefined, origin: string | null): Promise<TabPhishing | null> {
  if (tabId === undefined || !origin) return null;
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: readPageSigns });
    const signs = frame?.result;
    if (!signs || new URL(signs.url).origin !== origin) return null;
    return { assessment: assessPage(signs), confirmed: await isImitationConfirmed(getDb(), origin) };
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
