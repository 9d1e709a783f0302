// What the background does for each content-script message. Lives in services (it touches the
// db) so entrypoints/background.ts stays wiring only.
import { getDb } from '../db';
import { parseContentMessage, type ContentToBackground, type ResponseOf, type Result } from '../messaging';
import { storeCapturedRows } from './capture';
import { disputeContext, latestDrafts, recordDraft } from './disputes';
import { findingsForTransactions, setFindingStatus } from './findings';
import { notifyPortalTabs, todayIso } from './notify';
import { runReconciliation } from './reconcile';
import { loadSettings } from './settings';

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
  return { byTransaction, language: settings.language };
}

async function handle(msg: ContentToBackground): Promise<ResponseOf[ContentToBackground['type']]> {
  const db = getDb();
  const now = new Date();
  switch (msg.type) {
    case 'content/capture': {
      const counts = await storeCapturedRows(db, msg.rows);
      if (counts.added || counts.updated) {
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
    case 'content/getDisputeContext':
      return disputeContext(db, msg.findingIds, todayIso(now));
    case 'content/latestDrafts':
      return latestDrafts(db);
    case 'content/recordDraft':
      return recordDraft(db, msg, now.toISOString());
  }
}

/**
 * Entry for runtime.onMessage: validates the payload and the sender, never throws across the
 * boundary (STYLE.md: `{ ok: false, error }`).
 */
export async function handleContentMessage(raw: unknown, sender: { id?: string; tab?: unknown }, extensionId: string): Promise<Result<unknown>> {
  if (sender.id !== extensionId) return { ok: false, error: { code: 'bad_sender', message: 'message from another extension' } };
  const parsed = parseContentMessage(raw);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, value: await handle(parsed.value) };
  } catch (e) {
    return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
  }
}
