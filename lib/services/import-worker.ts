// Imports run off the options page's main thread (issue 4: the page stays responsive): reading a
// 100,000-line statement takes a second or more, storing it in IndexedDB several, and the
// re-reconciliation after it another. Workers have IndexedDB (same origin, same database), and
// the parsed rows stay here: only summaries cross to the page.
import { getDb } from '../db';
import type { CashierMapping } from '../statements/cashier';
import type { ParseOptions } from '../statements/index';
import type { ImportOutcome } from './imports';
import { ImportCancelled, ImportSession, type ImportProgress, type PreviewSummary } from './import-session';

export type WorkerRequest =
  | { id: number; op: 'preview'; file: { name: string; bytes: Uint8Array }; mappings: Record<string, CashierMapping> }
  | { id: number; op: 'map'; token: string; mapping: CashierMapping }
  | { id: number; op: 'reparse'; token: string; options: ParseOptions; mappings: Record<string, CashierMapping> }
  | { id: number; op: 'commit'; tokens: string[]; now: string; asOf: string }
  | { id: number; op: 'discard'; tokens: string[] }
  /** the merchant cancelled the commit in progress (ImportSession.cancel) */
  | { id: number; op: 'cancel' };

export type WorkerReply =
  | { id: number; ok: true; preview?: PreviewSummary; outcomes?: ImportOutcome[] }
  /** `cancelled`: the commit was cancelled; the files it names were stored before and stay */
  | { id: number; ok: false; message: string; cancelled?: { stored: string[] } }
  /** while request `id` runs: how far it is (not an answer: more follow) */
  | { id: number; progress: ImportProgress };

const session = new ImportSession(getDb);
const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(m: WorkerReply): void };

const progressOf = (id: number) => (progress: ImportProgress) => scope.postMessage({ id, progress });

async function handle(req: WorkerRequest): Promise<WorkerReply> {
  switch (req.op) {
    case 'preview':
      return { id: req.id, ok: true, preview: await session.preview(req.file, req.mappings, progressOf(req.id)) };
    case 'map':
      return { id: req.id, ok: true, preview: await session.map(req.token, req.mapping) };
    case 'reparse':
      return { id: req.id, ok: true, preview: await session.reparse(req.token, req.options, req.mappings) };
    case 'commit':
      return { id: req.id, ok: true, outcomes: await session.commit(req.tokens, req.now, req.asOf, progressOf(req.id)) };
    case 'discard':
      session.discard(req.tokens);
      return { id: req.id, ok: true };
    case 'cancel':
      session.cancel();
      return { id: req.id, ok: true };
  }
}

// Open the database while the merchant looks at the preview, not when they confirm. A failure
// here shows again, and is reported, when the import opens it.
getDb()
  .open()
  .catch(() => undefined);
performance.mark('sg:import:worker-ready'); // time since the worker was created: its start-up

scope.onmessage = (e) => {
  handle(e.data).then(
    (reply) => scope.postMessage(reply),
    (error: unknown) =>
      scope.postMessage({
        id: e.data.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
        ...(error instanceof ImportCancelled ? { cancelled: { stored: error.stored } } : {}),
      }),
  );
};
