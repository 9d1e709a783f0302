// What the background does for each content-script message. Lives in services (it touches the
// db) so entrypoints/background.ts stays wiring only.
import { getDb } from '../db';
import { resolveLocale, t } from '../i18n/messages';
import type { PortalTransaction } from '../model';
import { isPanelMessageType, parseContentMessage, type ContentToBackground, type ResponseOf, type Result } from '../messaging';
import {
  placeOnSite,
  recordUnreadTables,
  rowsOfSender,
  sessionArea,
  storeCapturedRows,
  withEvidenceHash,
  storeCoverage,
  type CaptureSource,
  type RefusedRow,
} from './capture';
import { findingsForTransactions, rejectedFindingIds } from './findings';
import { notifyPortalTabs, todayIso } from './notify';
import { handlePanelMessage, panelDeps, type PanelSender } from './panel';
import { isQuotaExceeded } from './quota';
import { runReconciliation } from './reconcile';
import { loadSettings } from './settings';
import { columnMapOf, confirmImitation, isImitationConfirmed, saveColumnMap, senderOrigin, senderSite } from './sites';

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

/** The findings on these rows, of the sender's site only (issue 14 item 2). */
async function rowFindings(site: string, transactionIds: string[]) {
  const db = getDb();
  const [byTransaction, settings] = await Promise.all([findingsForTransactions(db, transactionIds, site), loadSettings(db)]);
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
async function replaceCapturedRows(rows: PortalTransaction[], source: CaptureSource) {
  const db = getDb();
  const refused: RefusedRow[] = [];
  const mine = await Promise.all(rowsOfSender(rows, source, refused).map(([row]) => withEvidenceHash(row)));
  const counts = await db.transaction('rw', [db.transactions, db.coverage], async () => {
    const { rows: hashed, existing } = await placeOnSite(db, mine, source.rowSite);
    await db.transactions.bulkPut(hashed);
    const updated = existing.filter((e) => e !== undefined).length;
    // a taught date or 商户号 column may move rows to another day or merchant: coverage follows
    const coverage = await storeCoverage(db, source, hashed, existing);
    return { added: hashed.length - updated, updated, known: 0, coverage };
  });
  return refused.length ? { ...counts, refused } : counts;
}

async function siteConfig(origin: string) {
  const db = getDb();
  const [columnMap, settings, imitationConfirmed] = await Promise.all([columnMapOf(db, origin), loadSettings(db), isImitationConfirmed(db, origin)]);
  return { origin, columnMap, defaultCurrency: settings.defaultCurrency, language: settings.language, ...(imitationConfirmed ? { imitationConfirmed } : {}) };
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
      // rows and coverage (DESIGN.md "Coverage") belong to the sender's own site, never one the page
      // names: a row read on another origin is refused, one whose id another site's row holds is
      // kept beside it (capture.ts placeOnSite)
      const origin = senderOrigin(sender);
      const site = senderSite(sender);
      if (!origin || !site) throw new SiteUnknown();
      const source = { site: origin, rowSite: site, ...(msg.facts ? { facts: msg.facts } : {}), now: now.toISOString() };
      const counts = msg.retaught ? await replaceCapturedRows(msg.rows, source) : await storeCapturedRows(db, msg.rows, source);
      if (counts.added || counts.updated || counts.coverage || (await findingsBehind(msg.rows.map((r) => r.id)))) {
        await reconcileSerially();
        void notifyPortalTabs();
      }
      return {
        ...counts,
        ...(await rowFindings(
          site,
          msg.rows.map((r) => r.id),
        )),
      };
    }
    case 'content/getFindings': {
      // another site's findings are left out of the answer, as if the rows had none
      const site = senderSite(sender);
      if (!site) throw new SiteUnknown();
      return rowFindings(site, msg.transactionIds);
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
/** A finding of another site than the sender's was named (issue 14 item 2). */
class OtherSite extends Error {}

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
    if (e instanceof OtherSite) return { ok: false, error: { code: 'other_site', message: 'not a finding of the sender’s site' } };
    // a full quota aborted the batch's one transaction (nothing of it stored): say so in the
    // merchant's language; the content script sets the batch aside after CAPTURE_ATTEMPTS
    if (isQuotaExceeded(e)) return { ok: false, error: { code: 'storage_full', message: await storageFullMessage() } };
    return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
  }
}

/**
 * Whether the stored findings predate rows of this batch that were already stored: the service
 * worker was stopped (Chromium stops it at any time) after the batch's transaction committed and
 * before its reconciliation stored findings, and the content script sent the batch again. The rows
 * are known then, but their findings were never computed (issue 14 item 7).
 */
async function findingsBehind(ids: string[]): Promise<boolean> {
  const db = getDb();
  const [summary, stored] = await Promise.all([db.summaries.get('main'), db.transactions.bulkGet(ids)]);
  const newest = stored.reduce((max, r) => (r && r.evidence.capturedAt > max ? r.evidence.capturedAt : max), '');
  return newest !== '' && (!summary || summary.at < newest);
}

async function storageFullMessage(): Promise<string> {
  const language = await loadSettings(getDb()).then(
    (s) => s.language,
    () => 'auto' as const,
  );
  return t(resolveLocale(language, globalThis.navigator?.language ?? 'en'), 'capture.storageFull');
}
