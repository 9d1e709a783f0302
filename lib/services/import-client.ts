// The options page's side of import-worker.ts: one worker, requests matched by id. Where workers
// are not available (unit tests), the same ImportSession runs in place.
import { getDb } from '../db';
import type { CashierMapping } from '../statements/cashier';
import type { ParseOptions } from '../statements/index';
import type { ImportOutcome } from './imports';
import { ImportSession, type PreviewSummary } from './import-session';
import type { WorkerReply, WorkerRequest } from './import-worker';

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
type Ok = WorkerReply & { ok: true };

let worker: Worker | null = null;
let local: ImportSession | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (r: Ok) => void; reject: (e: Error) => void }>();

function getWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  if (!worker) {
    worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (e.data.ok) p.resolve(e.data);
      else p.reject(new Error(e.data.message));
    };
  }
  return worker;
}

// The worker loads its bundle (every parser) and opens the database once the options page is idle,
// so the first file chosen is read at once.
if (typeof window !== 'undefined' && typeof Worker !== 'undefined') {
  const warm = () => void getWorker();
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm, 500);
}

function ask(req: Request): Promise<Ok> | null {
  const w = getWorker();
  if (!w) return null;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ ...req, id });
  });
}

function inPlace(): ImportSession {
  local ??= new ImportSession(getDb);
  return local;
}

export async function previewFile(file: { name: string; bytes: Uint8Array }, mappings: Record<string, CashierMapping>): Promise<PreviewSummary> {
  const start = performance.now();
  const reply = ask({ op: 'preview', file, mappings });
  const preview = reply ? (await reply).preview! : await inPlace().preview(file, mappings);
  performance.measure('sg:import:preview', { start });
  return preview;
}

export async function mapPreview(token: string, mapping: CashierMapping): Promise<PreviewSummary> {
  const reply = ask({ op: 'map', token, mapping });
  return reply ? (await reply).preview! : inPlace().map(token, mapping);
}

/** A previewed file read again with the merchant's answer (ParseOptions.dateOrder). */
export async function reparsePreview(token: string, options: ParseOptions, mappings: Record<string, CashierMapping>): Promise<PreviewSummary> {
  const reply = ask({ op: 'reparse', token, options, mappings });
  return reply ? (await reply).preview! : inPlace().reparse(token, options, mappings);
}

export async function commitPreviews(tokens: string[], now: string, asOf: string): Promise<ImportOutcome[]> {
  const start = performance.now();
  const reply = ask({ op: 'commit', tokens, now, asOf });
  const outcomes = reply ? (await reply).outcomes ?? [] : await inPlace().commit(tokens, now, asOf);
  performance.measure('sg:import:confirm', { start });
  return outcomes;
}

export async function discardPreviews(tokens: string[]): Promise<void> {
  const reply = ask({ op: 'discard', tokens });
  if (reply) await reply;
  else inPlace().discard(tokens);
}
