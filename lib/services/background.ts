// What the background does for each content-script message. Lives in services (it touches the
// db) so entrypoints/background.ts stays wiring only.
import { getDb } from '../db';
import type { PortalTransaction } from '../model';
import { isPanelMessageType, parseContentMessage, type ContentToBackground, type ResponseOf, type Result } from '../messaging';
import { recordUnreadTables, sessionArea, storeCapturedRows, withEvidenceHash, storeCoverage, type CaptureSource } from './capture';
import { findingsForTransactions, rejectedFindingIds, setFindingStatus } from './findings';
import { notifyPortalTabs, todayIso } from './notify';
import { handlePanelMessage, panelDeps, type PanelSender } from './panel';
import { runReconciliation } from './reconcile';
import { loadSettings } from './settings';
import { columnMapOf, confirmImitation, isImitationConfirmed, saveColumnMap, senderOrigin } from './sites';

// Reconciliation runs one at a time: captures arriving together wait for the run in progress.
let queue: Promise<unknown> = Promise.resolve();
export function reconcileSerially(): Promise<void> {
  const run = queue.then(async () => {
    const now = new Date();
    await runReconciliation(getDb(), todayIso(now), now.toISOString());
  });
  queue = run.catch(() => undefined);
  return run;
}

async function rowFindings(transactionIds: string[]) {
  const db = getDb();
  const [byTransaction, settings] = await Promise.all([findingsForTransactions(db, transactionIds), loadSettings(db)]);
  const disputed = [
    ...new Set(
      Object.values(byTransaction)
        .flat()
        .filter((f) => f.status === 'disputed')
        .map((f) => f.id),
    ),
  ];
  const rejected = await rejectedFindingIds(db, disputed);
  return { byTransaction, language: settings.language, ...(rejected.length ? { rejected } : {}) };
}

/**
 * Rows read again after the merchant taught the columns: same cells (so the same evidence hash),
 * new reading. They replace what is stored under their ids, in one transaction.
 */
async function replaceCapturedRows(rows: PortalTransaction[], source?: CaptureSource) {
  const db = getDb();
  const hashed = await Promise.all(rows.map(withEvidenceHash));
  return db.transaction('rw', [db.transactions, db.coverage], async () => {
    const existing = await db.transactions.bulkGet(hashed.map((r) => r.id));
    await db.transactions.bulkPut(hashed);
    const updated = existing.filter((e) => e !== undefined).length;
    // a taught date or 商户号 column may move rows to another day or merchant: coverage follows
    const coverage = source ? await storeCoverage(db, source, hashed, existing) : 0;
    return { added: hashed.length - updated, updated, known: 0, coverage };
  });
}

async function siteConfig(origin: string) {
  const db = getDb();
  const [columnMap, settings, imitationConfirmed] = await Promise.all([columnMapOf(db, origin), loadSettings(db), isImitationConfirmed(db, origin)]);
  return { origin, columnMap, defaultCurrency: settings.defaultCurrency, ...(imitationConfirmed ? { imitationConfirmed } : {}) };
}

export interface Sender {
  id?: string;
  tab?: unknown;
  /** the sending frame's URL and origin (runtime.MessageSender): the site a taught map belongs to */
  url?: string;
  origin?: string;
}

async function handle(msg: ContentToBackground, sender: Sender): Promise<ResponseOf[ContentToBackground['type']]> {
  const db = getDb();
  const now = new Date();
  switch (msg.type) {
    case 'content/capture': {
      // coverage (DESIGN.md "Coverage") belongs to the sender's own site, never one the page names
      const site = senderOrigin(sender);
      const source = site ? { site, ...(msg.facts ? { facts: msg.facts } : {}), now: now.toISOString() } : undefined;
      const counts = msg.retaught ? await replaceCapturedRows(msg.rows, source) : await storeCapturedRows(db, msg.rows, source);
      if (counts.added || counts.updated || counts.coverage) {
        await reconcileSerially();
        void notifyPortalTabs();
      }
      return { ...counts, ...(await rowFindings(msg.rows.map((r) => r.id))) };
    }
    case 'content/getFindings':
      return rowFindings(msg.transactionIds);
    case 'content/setFindingStatus': {
      const f = await setFindingStatus(db, msg.findingId, msg.status, 'merchant', now.toISOString());
      void notifyPortalTabs();
      return rowFindings(f?.transactionIds ?? []);
    }
    case 'content/reportUnreadTables': {
      // kept under the sender's own site, never one the payload names
      const origin = senderOrigin(sender);
      if (!origin) throw new SiteUnknown();
      await recordUnreadTables(sessionArea(), origin, { url: msg.url, seenAt: now.toISOString(), tables: msg.tables });
      return { tables: msg.tables.length };
    }
    case 'content/confirmImitation': {
      // the phishing guard's "I trust this site": for the sender's own origin only
      const origin = senderOrigin(sender);
      if (!origin) throw new SiteUnknown();
      await confirmImitation(db, origin, msg.brand, now.toISOString());
      return siteConfig(origin);
    }
    case 'content/saveColumnMap':
    case 'content/getSiteConfig': {
      // the site is the sender's own origin, never one named in the payload
      const origin = senderOrigin(sender);
      if (!origin) throw new SiteUnknown();
      if (msg.type === 'content/saveColumnMap') await saveColumnMap(db, origin, msg.columnMap, now.toISOString());
      return siteConfig(origin);
    }
  }
}

/**
 * Entry for runtime.onMessage: validates the payload and the sender, never throws across the
 * boundary (STYLE.md: `{ ok: false, error }`).
 */
class SiteUnknown extends Error {}

export async function handleContentMessage(raw: unknown, sender: Sender, extensionId: string): Promise<Result<unknown>> {
  if (sender.id !== extensionId) return { ok: false, error: { code: 'bad_sender', message: 'message from another extension' } };
  // the dispute panel's frame (lib/services/panel.ts): letters and drafts never go to the content script
  if (isPanelMessageType(raw)) return handlePanelMessage(raw, sender as PanelSender, panelDeps());
  const parsed = parseContentMessage(raw);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, value: await handle(parsed.value, sender) };
  } catch (e) {
    if (e instanceof SiteUnknown) return { ok: false, error: { code: 'bad_sender', message: 'the sender is not a web page' } };
    return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
  }
}
