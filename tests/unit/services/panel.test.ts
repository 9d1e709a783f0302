// The dispute panel's messages (lib/services/panel.ts): answered for the site of the tab hosting
// the frame only, from the panel page only; previewing keeps nothing, copy/insert/sent keep the
// dispute (issue 14 item 1, issue 15 item 3).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type SettleGuardDb } from '../../../lib/db';
import type { BackgroundToContent } from '../../../lib/messaging';
import type { StoredFinding } from '../../../lib/model';
import { handlePanelMessage, sessionTickets, type PanelDeps, type PanelSender } from '../../../lib/services/panel';
import { tx } from './builders';

const A = 'http://127.0.0.1:8080';
const B = 'http://localhost:8081';
const NOW = '2026-03-20T08:00:00.000Z';
const PANEL = 'chrome-extension://abcdefghijklmnop/panel.html?view=dispute';

let db: SettleGuardDb;
let toTab: { tabId: number; message: BackgroundToContent }[];
let formFills: boolean;
let clock: number;
let store: Map<string, unknown>;
const area = {
  get: async (key: string) => (store.has(key) ? { [key]: store.get(key) } : {}),
  set: async (items: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(items)) store.set(k, v);
  },
  remove: async (key: string) => {
    store.delete(key);
  },
};

function finding(id: string, transactionIds: string[]): StoredFinding {
  return {
    id,
    kind: 'fee_above_contract',
    severity: 'overcharge',
    transactionIds,
    statementLineIds: [],
    atStake: { amount: '2.00', currency: 'CNY' },
    explanation: { key: 'finding.fee_above_contract', params: { expected: '6.00', charged: '8.00', difference: '2.00', currency: 'CNY' } },
    status: 'open',
    firstSeenAt: NOW,
  };
}

const deps = (): PanelDeps => ({
  db,
  now: NOW,
  today: '2026-03-20',
  sendToTab: async (tabId, message) => {
    toTab.push({ tabId, message });
    return message.type === 'bg/fillComplaint' ? { filled: formFills } : undefined;
  },
  notify: () => {},
  tickets: sessionTickets(area, () => clock),
});

/** the panel frame inside a tab of `origin` */
const panelIn = (origin: string, tabId = 7): PanelSender => ({ id: 'ext', url: PANEL, tab: { id: tabId, url: `${origin}/index.html` } });
/** the content script of a tab's top frame asks for a ticket, as the overlay does before showing the panel */
async function ticketFor(tabId: number, origin = A): Promise<string> {
  const res = await handlePanelMessage({ type: 'content/openPanel' }, { id: 'ext', url: `${origin}/index.html`, frameId: 0, tab: { id: tabId } }, deps());
  if (!res.ok) throw new Error(res.error.message);
  return (res.value as { ticket: string }).ticket;
}
/** a message from the panel frame, with a ticket issued to its tab */
const ask = async (raw: object, sender: PanelSender) => handlePanelMessage({ ...raw, ticket: await ticketFor(sender.tab?.id ?? -1) }, sender, deps());
const letter = { locale: 'zh-CN' as const, subject: '退费申请', text: '请退还 2.00 元' };

beforeEach(async () => {
  db = openDb(`panel-${Math.random()}`);
  toTab = [];
  formFills = true;
  clock = Date.parse(NOW);
  store = new Map();
  await db.transactions.bulkPut([
    tx({ id: 'tx:a', evidence: { url: `${A}/index.html`, capturedAt: NOW, cells: { a: '1' }, sha256: '' } }),
    tx({ id: 'tx:b', evidence: { url: `${B}/list`, capturedAt: NOW, cells: { b: '1' }, sha256: '' } }),
  ]);
  await db.findings.bulkPut([finding('f:a', ['tx:a']), finding('f:b', ['tx:b']), finding('f:ab', ['tx:a', 'tx:b'])]);
});
afterEach(async () => {
  await db.delete();
});

describe('panel messages: who may ask', () => {
  it('refuses a content script (its URL is the portal page), a frame outside a tab, and a page of another extension path', async () => {
    for (const sender of [
      { id: 'ext', url: `${A}/index.html`, tab: { id: 7, url: `${A}/index.html` } },
      { id: 'ext', url: PANEL },
      { id: 'ext', url: 'chrome-extension://abcdefghijklmnop/options.html', tab: { id: 7, url: `${A}/index.html` } },
      { id: 'ext', url: PANEL, tab: { id: 7, url: 'chrome://extensions/' } },
    ]) {
      const res = await ask({ type: 'panel/dispute', findingIds: ['f:a'] }, sender);
      expect(res).toMatchObject({ ok: false, error: { code: 'bad_sender' } });
    }
  });

  it('needs a ticket the overlay got for this very tab, and not an old one', async () => {
    const msg = { type: 'panel/dispute', findingIds: ['f:a'] };
    const refused = { ok: false, error: { code: 'bad_ticket' } };
    // a frame the page embedded itself carries no ticket, or a made-up one
    expect(await handlePanelMessage(msg, panelIn(A, 7), deps())).toMatchObject(refused);
    expect(await handlePanelMessage({ ...msg, ticket: '0f0e0d0c-0b0a-4909-8807-060504030201' }, panelIn(A, 7), deps())).toMatchObject(refused);
    // another tab's ticket
    expect(await handlePanelMessage({ ...msg, ticket: await ticketFor(8) }, panelIn(A, 7), deps())).toMatchObject(refused);
    const ticket = await ticketFor(7);
    expect((await handlePanelMessage({ ...msg, ticket }, panelIn(A, 7), deps())).ok).toBe(true);
    clock += 13 * 3600_000;
    expect(await handlePanelMessage({ ...msg, ticket }, panelIn(A, 7), deps())).toMatchObject(refused);
  });

  it('gives tickets to a tab’s top-frame content script only', async () => {
    for (const sender of [
      { id: 'ext', url: `${A}/index.html`, frameId: 3, tab: { id: 7 } },
      { id: 'ext', url: PANEL, frameId: 0, tab: { id: 7 } },
      { id: 'ext', url: `${A}/index.html`, frameId: 0 },
    ]) {
      expect(await handlePanelMessage({ type: 'content/openPanel' }, sender, deps())).toMatchObject({ ok: false, error: { code: 'bad_sender' } });
    }
    expect(store.size).toBe(0);
  });

  it('validates payloads', async () => {
    for (const raw of [
      { type: 'panel/dispute', findingIds: [] },
      { type: 'panel/saveDraft', action: 'preview', findingIds: ['f:a'], ...letter },
      { type: 'panel/saveDraft', action: 'copy', findingIds: ['f:a'], ...letter, text: '' },
      { type: 'panel/insert' },
      { type: 'panel/unknown' },
    ]) {
      expect(await ask(raw, panelIn(A))).toMatchObject({ ok: false, error: { code: 'bad_message' } });
    }
  });
});

describe('panel messages: scoped to the hosting tab’s site', () => {
  it('gives the letter context of this site’s findings only; another site’s or a mixed one is refused whole', async () => {
    const ours = await ask({ type: 'panel/dispute', findingIds: ['f:a'] }, panelIn(A));
    expect(ours.ok && (ours.value as { findings: { id: string }[] }).findings.map((f) => f.id)).toEqual(['f:a']);
    for (const ids of [['f:b'], ['f:a', 'f:b'], ['f:ab'], ['f:none']]) {
      expect(await ask({ type: 'panel/dispute', findingIds: ids }, panelIn(A))).toMatchObject({ ok: false, error: { code: 'other_site' } });
    }
    // the site is the tab's, whatever the payload says
    expect(await ask({ type: 'panel/dispute', findingIds: ['f:b'], site: B }, panelIn(A))).toMatchObject({ ok: false, error: { code: 'other_site' } });
    expect((await ask({ type: 'panel/dispute', findingIds: ['f:b'] }, panelIn(B))).ok).toBe(true);
  });

  it('previewing keeps nothing; copy keeps a draft, mark sent sends it and marks its finding disputed', async () => {
    await ask({ type: 'panel/dispute', findingIds: ['f:a'] }, panelIn(A));
    expect(await db.disputes.count()).toBe(0);
    const copied = await ask({ type: 'panel/saveDraft', action: 'copy', findingIds: ['f:a'], ...letter }, panelIn(A));
    expect(copied.ok).toBe(true);
    expect((await db.disputes.toArray()).map((d) => [d.status, d.text])).toEqual([['draft', letter.text]]);
    await ask({ type: 'panel/saveDraft', action: 'sent', findingIds: ['f:a'], ...letter }, panelIn(A));
    expect((await db.disputes.toArray()).map((d) => d.status)).toEqual(['sent']);
    expect((await db.findings.get('f:a'))?.status).toBe('disputed');
  });

  it('a letter of another site is never kept', async () => {
    const res = await ask({ type: 'panel/saveDraft', action: 'copy', findingIds: ['f:b'], ...letter }, panelIn(A));
    expect(res).toMatchObject({ ok: false, error: { code: 'other_site' } });
    expect(await db.disputes.count()).toBe(0);
  });

  it('insert: the hosting tab’s top frame fills its form, and only then is the dispute kept', async () => {
    formFills = false;
    const none = await ask({ type: 'panel/saveDraft', action: 'insert', findingIds: ['f:a'], ...letter }, panelIn(A, 42));
    expect(none).toEqual({ ok: true, value: { draft: null, inserted: false } });
    expect(await db.disputes.count()).toBe(0);
    formFills = true;
    const done = await ask({ type: 'panel/saveDraft', action: 'insert', findingIds: ['f:a'], ...letter }, panelIn(A, 42));
    expect(done).toMatchObject({ ok: true, value: { inserted: true } });
    expect(await db.disputes.count()).toBe(1);
    expect(toTab).toEqual([
      { tabId: 42, message: { type: 'bg/fillComplaint', text: letter.text } },
      { tabId: 42, message: { type: 'bg/fillComplaint', text: letter.text } },
    ]);
  });

  it('lists and inserts this site’s drafts only', async () => {
    await ask({ type: 'panel/saveDraft', action: 'copy', findingIds: ['f:a'], ...letter, text: 'A 的信' }, panelIn(A));
    await ask({ type: 'panel/saveDraft', action: 'copy', findingIds: ['f:b'], ...letter, text: 'B 的信' }, panelIn(B));
    const listA = await ask({ type: 'panel/drafts' }, panelIn(A, 1));
    const listB = await ask({ type: 'panel/drafts' }, panelIn(B, 2));
    const texts = (r: typeof listA) => (r.ok ? (r.value as { text: string }[]).map((d) => d.text) : null);
    expect(texts(listA)).toEqual(['A 的信']);
    expect(texts(listB)).toEqual(['B 的信']);
    const [draftB] = listB.ok ? (listB.value as { id: string }[]) : [];
    toTab = [];
    expect(await ask({ type: 'panel/insert', draftId: draftB!.id }, panelIn(A, 1))).toMatchObject({ ok: false, error: { code: 'other_site' } });
    expect(toTab).toEqual([]);
    expect(await ask({ type: 'panel/insert', draftId: draftB!.id }, panelIn(B, 2))).toEqual({ ok: true, value: { inserted: true } });
    expect(toTab).toEqual([{ tabId: 2, message: { type: 'bg/fillComplaint', text: 'B 的信' } }]);
  });

  it('dismisses this site’s finding only; close goes to the hosting tab', async () => {
    const notify = vi.fn();
    expect(await handlePanelMessage({ type: 'panel/dismiss', findingId: 'f:b', ticket: await ticketFor(7) }, panelIn(A), { ...deps(), notify })).toMatchObject({
      ok: false,
      error: { code: 'other_site' },
    });
    expect((await db.findings.get('f:b'))?.status).toBe('open');
    expect(await handlePanelMessage({ type: 'panel/dismiss', findingId: 'f:a', ticket: await ticketFor(7) }, panelIn(A), { ...deps(), notify })).toEqual({
      ok: true,
      value: { dismissed: true },
    });
    expect((await db.findings.get('f:a'))?.status).toBe('dismissed');
    expect(notify).toHaveBeenCalledTimes(1);
    await ask({ type: 'panel/close' }, panelIn(A, 9));
    expect(toTab.at(-1)).toEqual({ tabId: 9, message: { type: 'bg/closePanel' } });
  });
});
