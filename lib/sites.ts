// Which site a page belongs to (DESIGN.md §4, issue 14 item 2). A site is what the merchant
// enabled as one entry: a built-in acquirer portal is one site across every host its profile
// lists (lib/portals/profiles.ts); any other page's site is its origin, since "Enable on this
// site" grants one origin. Pure: the content script (row ids), the background (who may see what)
// and the schema upgrade (lib/migrations.ts) all ask the same question the same way.
import { stableId } from './ids';
import { profileForUrl } from './portals/profiles';

/** 'portal:<profile id>' for a built-in portal, the origin for any other http(s) page, else null. */
export function siteOfUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const profile = profileForUrl(u.href);
  return profile ? `portal:${profile.id}` : u.origin;
}

/** True when both URLs are pages of one site (never for URLs that belong to no site). */
export function sameSite(a: string, b: string): boolean {
  const site = siteOfUrl(a);
  return site !== null && site === siteOfUrl(b);
}

/** The http(s) origin of a URL, or null. */
export function originOfUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * A row's id on its site: the reader's id (DESIGN.md §3 recipe, which holds only what the row
 * shows) bound to the site it was read on, so a page elsewhere showing the same reference makes a
 * row of its own and never replaces this one. A function of the reader's id, so the schema
 * upgrade can re-key rows stored before (lib/migrations.ts rekeyCapturedRows).
 */
export function siteRowId(site: string, readerId: string): string {
  return stableId('pt', [site, readerId]);
}
