// What the background does for the dispute panel (entrypoints/panel): an extension page the
// overlay shows in an iframe on the portal, so the page around it can neither read the letter nor
// press its buttons (DESIGN.md DOM contract, issue 14 item 1). Every answer is scoped to the site
// of the tab hosting the frame — sender.tab.url, which the browser sets — never to a site named
// in the frame's URL or the payload: a page that embeds the panel itself still only gets its own
// site's findings and drafts, and cannot read them anyway (cross-origin frame).
import { browser } from 'wxt/browser';
import { getDb, type SettleGuardDb } from '../db';
import {
  parsePanelMessage,
  type BackgroundToContent,
  type DraftSummary,
  type PanelResponseOf,
  type PanelSaveDraftMessage,
  type PanelToBackground,
  type Result,
} from '../messaging';
import { applyEvent, disputeContext, latestDrafts, recordDraft } from './disputes';
import { setFindingStatus } from './findings';
import { notifyPortalTabs, todayIso } from './notify';

/** runtime.MessageSender as far as the panel's checks need it. */
export interface PanelSender {
  id?: string;
  /** the sending frame's URL: the panel page itself */
  url?: string;
  /** the tab the frame is in: the portal page hosting the panel */
  tab?: { id?: number; url?: string };
}

export interface PanelDeps {
  db: SettleGuardDb;
  /** ISO instant */
  now: string;
  /** local calendar day (the letter's date, the sent date) */
  today: string;
  /** browser.tabs.sendMessage to the tab's top frame (frameId 0), where the overlay lives */
  sendToTab: (tabId: number, message: BackgroundToContent) => Promise<unknown>;
  /** after a finding changed: open portal tabs refresh their highlights */
  notify: () => void;
}

/** The running extension's dependencies: the top frame of the hosting tab is where the overlay lives. */
export function panelDeps(at = new Date()): PanelDeps {
  return {
    db: getDb(),
    now: at.toISOString(),
    today: todayIso(at),
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
    notify: () => void notifyPortalTabs(),
  };
}

/** The page the panel frame must be: our own panel.html (a content script's URL is the portal's). */
function isPanelPage(url: string | undefined): boolean {
  try {
    const u = new URL(url ?? '');
    return (u.protocol === 'chrome-extension:' || u.protocol === 'moz-extension:') && u.pathname === '/panel.html';
  } catch {
    return false;
  }
}

/** The site of the tab hosting the frame: its origin, when it is a web page. */
export function siteOfSender(sender: PanelSender): { origin: string; tabId: number } | null {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !isPanelPage(sender.url)) return null;
  try {
    const u = new URL(sender.tab?.url ?? '');
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return { origin: u.origin, tabId };
  } catch {
    return null;
  }
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The findings among `ids` that belong to `origin`: every row behind them was captured there
 * (evidence.url). A finding with no captured row, or one row from elsewhere, belongs to no site.
 */
export async function findingsOfSite(db: SettleGuardDb, ids: readonly string[], origin: string): Promise<string[]> {
  const findings = (await db.findings.bulkGet([...new Set(ids)])).filter((f) => f !== undefined);
  const txIds = [...new Set(findings.flatMap((f) => f.transactionIds))];
  const txOrigin = new Map<string, string | null>();
  for (const t of await db.transactions.bulkGet(txIds)) if (t) txOrigin.set(t.id, originOf(t.evidence.url));
  return findings.filter((f) => f.transactionIds.length > 0 && f.transactionIds.every((id) => txOrigin.get(id) === origin)).map((f) => f.id);
}

/** This site's kept drafts, newest first: those whose every finding belongs to the site. */
async function draftsOfSite(db: SettleGuardDb, origin: string): Promise<DraftSummary[]> {
  const all = await latestDrafts(db, Number.POSITIVE_INFINITY);
  const disputes = new Map((await db.disputes.toArray()).map((d) => [d.id, d.findingIds]));
  const ours = new Set(await findingsOfSite(db, [...disputes.values()].flat(), origin));
  return all.filter((d) => (disputes.get(d.id) ?? []).every((id) => ours.has(id)) && (disputes.get(d.id)?.length ?? 0) > 0).slice(0, 5);
}

/** The overlay fills the complaint form; false when the page has none or the tab is gone. */
async function fillForm(deps: PanelDeps, tabId: number, text: string): Promise<boolean> {
  const reply = await deps.sendToTab(tabId, { type: 'bg/fillComplaint', text }).catch(() => undefined);
  return (reply as { filled?: unknown } | undefined)?.filled === true;
}

async function saveDraft(deps: PanelDeps, msg: PanelSaveDraftMessage, tabId: number): Promise<PanelResponseOf['panel/saveDraft']> {
  const { db, now, today } = deps;
  // inserting keeps the dispute only when the form took the letter
  if (msg.action === 'insert' && !(await fillForm(deps, tabId, msg.text))) return { draft: null, inserted: false };
  const draft = await recordDraft(db, msg, now);
  if (msg.action === 'sent') {
    // already sent (or further along): the tracker refuses a second send, the draft stays as it is
    await applyEvent(db, draft.id, { type: 'send', on: today }, now);
    deps.notify();
  }
  return { draft, ...(msg.action === 'insert' ? { inserted: true } : {}) };
}

class OtherSite extends Error {}

async function handle(msg: PanelToBackground, site: { origin: string; tabId: number }, deps: PanelDeps): Promise<PanelResponseOf[PanelToBackground['type']]> {
  const { db } = deps;
  const ours = async (ids: readonly string[]) => {
    const found = await findingsOfSite(db, ids, site.origin);
    if (found.length !== new Set(ids).size) throw new OtherSite();
    return found;
  };
  switch (msg.type) {
    case 'panel/dispute':
      return disputeContext(db, await ours(msg.findingIds), deps.today);
    case 'panel/drafts':
      return draftsOfSite(db, site.origin);
    case 'panel/saveDraft':
      await ours(msg.findingIds);
      return saveDraft(deps, msg, site.tabId);
    case 'panel/insert': {
      const draft = (await draftsOfSite(db, site.origin)).find((d) => d.id === msg.draftId);
      if (!draft) throw new OtherSite();
      return { inserted: await fillForm(deps, site.tabId, draft.text) };
    }
    case 'panel/dismiss': {
      await ours([msg.findingId]);
      const f = await setFindingStatus(db, msg.findingId, 'dismissed', 'merchant', deps.now);
      deps.notify();
      return { dismissed: f !== undefined };
    }
    case 'panel/close':
      await deps.sendToTab(site.tabId, { type: 'bg/closePanel' }).catch(() => undefined);
      return { closed: true };
  }
}

/** Entry for a `panel/…` message (the sender's extension id is checked by the caller). */
export async function handlePanelMessage(raw: unknown, sender: PanelSender, deps: PanelDeps): Promise<Result<unknown>> {
  const site = siteOfSender(sender);
  if (!site) return { ok: false, error: { code: 'bad_sender', message: 'panel messages come from the panel page inside a web page tab' } };
  const parsed = parsePanelMessage(raw);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, value: await handle(parsed.value, site, deps) };
  } catch (e) {
    if (e instanceof OtherSite) return { ok: false, error: { code: 'other_site', message: 'not a finding or draft of this site' } };
    return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
  }
}
