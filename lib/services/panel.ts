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
  ticketOf,
  type BackgroundToContent,
  type DraftSummary,
  type PanelResponseOf,
  type PanelSaveDraftMessage,
  type PanelToBackground,
  type Result,
} from '../messaging';
import { applyEvent, disputeContext, latestDrafts, recordDraft } from './disputes';
import { siteOfUrl } from '../sites';
import { findingIdsOfSite } from './findings';
import type { KeyValueArea } from './capture';
import { setFindingStatus } from './findings';
import { notifyPortalTabs, todayIso } from './notify';

/** runtime.MessageSender as far as the panel's checks need it. */
export interface PanelSender {
  id?: string;
  /** the sending frame's URL: the panel page itself */
  url?: string;
  /** the tab the frame is in: the portal page hosting the panel */
  tab?: { id?: number; url?: string };
  /** 0 for a tab's top frame (where the content script that opens the panel runs) */
  frameId?: number;
}

/**
 * Tickets for panel frames: the overlay gets one on the merchant's click (content/openPanel) and
 * puts it in the frame's URL; the panel sends it with each message. Only the tab it was issued to
 * can use it, so a panel frame a page embeds itself (it may know our extension id) gets nothing.
 */
export interface PanelTickets {
  issue(tabId: number): Promise<string>;
  isValid(ticket: string, tabId: number): Promise<boolean>;
}

/** A ticket lasts a working day; storage.session forgets them all when the browser closes. */
const TICKET_HOURS = 12;
const ticketKey = (ticket: string) => `panelTicket:${ticket}`;

/** Tickets kept in storage.session (not in memory: the service worker may stop between messages). */
export function sessionTickets(area: KeyValueArea, clock: () => number = Date.now, random: () => string = () => crypto.randomUUID()): PanelTickets {
  return {
    async issue(tabId) {
      const ticket = random();
      await area.set({ [ticketKey(ticket)]: { tabId, at: clock() } });
      return ticket;
    },
    async isValid(ticket, tabId) {
      if (!/^[0-9a-f-]{16,64}$/i.test(ticket)) return false;
      const held = (await area.get(ticketKey(ticket)))[ticketKey(ticket)] as { tabId?: unknown; at?: unknown } | undefined;
      return held?.tabId === tabId && typeof held.at === 'number' && clock() - held.at < TICKET_HOURS * 3600_000;
    },
  };
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
  tickets: PanelTickets;
}

/** The running extension's dependencies: the top frame of the hosting tab is where the overlay lives. */
export function panelDeps(at = new Date()): PanelDeps {
  return {
    db: getDb(),
    now: at.toISOString(),
    today: todayIso(at),
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
    notify: () => void notifyPortalTabs(),
    tickets: sessionTickets(browser.storage.session),
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

/**
 * The site of the tab hosting the frame (lib/sites.ts: a built-in portal's hosts are one site,
 * any other page's origin is), when it is a web page.
 */
export function siteOfSender(sender: PanelSender): { site: string; tabId: number } | null {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !isPanelPage(sender.url)) return null;
  const site = siteOfUrl(sender.tab?.url ?? '');
  return site === null ? null : { site, tabId };
}

/** This site's kept drafts, newest first: those whose every finding belongs to the site. */
async function draftsOfSite(db: SettleGuardDb, site: string): Promise<DraftSummary[]> {
  const all = await latestDrafts(db, Number.POSITIVE_INFINITY);
  const disputes = new Map((await db.disputes.toArray()).map((d) => [d.id, d.findingIds]));
  const ours = new Set(await findingIdsOfSite(db, [...disputes.values()].flat(), site));
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

async function handle(msg: PanelToBackground, site: { site: string; tabId: number }, deps: PanelDeps): Promise<PanelResponseOf[PanelToBackground['type']]> {
  const { db } = deps;
  const ours = async (ids: readonly string[]) => {
    const found = await findingIdsOfSite(db, ids, site.site);
    if (found.length !== new Set(ids).size) throw new OtherSite();
    return found;
  };
  switch (msg.type) {
    case 'panel/dispute':
      return disputeContext(db, await ours(msg.findingIds), deps.today);
    case 'panel/drafts':
      return draftsOfSite(db, site.site);
    case 'panel/saveDraft':
      await ours(msg.findingIds);
      return saveDraft(deps, msg, site.tabId);
    case 'panel/insert': {
      const draft = (await draftsOfSite(db, site.site)).find((d) => d.id === msg.draftId);
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

/** content/openPanel: a ticket for the frame the overlay of this tab's top frame is about to show. */
async function openPanel(sender: PanelSender, deps: PanelDeps): Promise<Result<unknown>> {
  const tabId = sender.tab?.id;
  let web = false;
  try {
    web = ['http:', 'https:'].includes(new URL(sender.url ?? '').protocol);
  } catch {
    // no URL: not a web page's content script
  }
  if (tabId === undefined || sender.frameId !== 0 || !web)
    return { ok: false, error: { code: 'bad_sender', message: 'a panel is opened by the content script of a tab’s top frame' } };
  return { ok: true, value: { ticket: await deps.tickets.issue(tabId) } };
}

/**
 * Entry for a message about the panel (the sender's extension id is checked by the caller): the
 * content script's content/openPanel, and the panel's own panel/… messages, each with its ticket.
 */
export async function handlePanelMessage(raw: unknown, sender: PanelSender, deps: PanelDeps): Promise<Result<unknown>> {
  if ((raw as { type?: unknown }).type === 'content/openPanel') return openPanel(sender, deps);
  const site = siteOfSender(sender);
  if (!site) return { ok: false, error: { code: 'bad_sender', message: 'panel messages come from the panel page inside a web page tab' } };
  if (!(await deps.tickets.isValid(ticketOf(raw), site.tabId)))
    return { ok: false, error: { code: 'bad_ticket', message: 'this panel was not opened by SettleGuard on this tab' } };
  const parsed = parsePanelMessage(raw);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, value: await handle(parsed.value, site, deps) };
  } catch (e) {
    if (e instanceof OtherSite) return { ok: false, error: { code: 'other_site', message: 'not a finding or draft of this site' } };
    return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
  }
}
