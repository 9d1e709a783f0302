// The options page's side of import-worker.ts: one worker, requests matched by id. Where workers
// are not available (unit tests), the same ImportSession runs in place.
//
// Reading a file is bounded (issue 14 item 3): lib/statements/limits.ts refuses oversized files
// before any parser runs, and a read that still takes longer than READ_TIMEOUT_MS (a parser that
// loops) gets the worker terminated and replaced, and the file a clear error: the next file is read
// by the new worker at once. The files already read in the old worker are read again there when
// next used, from the bytes kept here, so nothing the merchant chose is lost with it.
import { getDb } from '../db';
import { limitIssue } from '../statements/limits';
import type { CashierMapping } from '../statements/cashier';
import type { ParseOptions } from '../statements/index';
import type { ImportOutcome } from './imports';
import { ImportCancelled, ImportSession, type OnProgress, type PreviewSummary } from './import-session';

export { ImportCancelled };
import type { WorkerReply, WorkerRequest } from './import-worker';

/**
 * How long one file may take to read: 120 s. Reading the largest file the limits let in (a 64 MiB
 * CSV, ~700,000 lines) takes ~6 s on this project's 2-core test machine (~9 µs a line); twenty
 * times that leaves room for a slow laptop and for SheetJS, while a stuck read ends in two minutes.
 * Storing (commit) has no timeout: its rows are bounded by the same limits, and stopping it
 * would only abort its transaction.
 */
export const READ_TIMEOUT_MS = 120_000;

/** What the client needs of a worker; a real Worker, or a stand-in in tests. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((e: { data: WorkerReply }) => void) | null;
}

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
type Ok = Extract<WorkerReply, { ok: true }>;
type File = { name: string; bytes: Uint8Array };

/** How to read a file again in a new worker: its bytes and every answer the merchant gave. */
interface Kept {
  file: File;
  mappings: Record<string, CashierMapping>;
  options?: ParseOptions;
  mapping?: CashierMapping;
  /** the worker generation `token` belongs to */
  generation: number;
  token: string;
}

class TimedOut extends Error {}

export class ImportClient {
  private worker: WorkerLike | null = null;
  private generation = 0;
  private nextId = 0;
  private readonly pending = new Map<
    number,
    { resolve: (r: Ok) => void; reject: (e: Error) => void; timer?: ReturnType<typeof setTimeout>; onProgress?: OnProgress }
  >();
  /** the page's token → the worker's, and how to read it again */
  private readonly kept = new Map<string, Kept>();
  private local: ImportSession | null = null;
  /** commits in progress in the worker: a cancel then asks the worker instead of stopping it */
  private committing = 0;

  constructor(
    private readonly createWorker: (() => WorkerLike) | null,
    private readonly readTimeoutMs = READ_TIMEOUT_MS,
  ) {}

  /** Starts the worker ahead of the first file (its bundle loads, its database opens). */
  warm(): void {
    this.getWorker();
  }

  async previewFile(file: File, mappings: Record<string, CashierMapping>, onProgress?: OnProgress): Promise<PreviewSummary> {
    if (!this.createWorker) return this.inPlace().preview(file, mappings, onProgress);
    const generation = this.generation;
    try {
      const preview = (await this.ask({ op: 'preview', file, mappings }, true, onProgress)).preview!;
      // the page's own token: a new worker numbers its tokens from 0 again
      const token = `${generation}/${preview.token}`;
      this.kept.set(token, { file, mappings, generation, token: preview.token });
      return { ...preview, token };
    } catch (e) {
      if (e instanceof TimedOut) return this.timedOut(file);
      throw e;
    }
  }

  async mapPreview(token: string, mapping: CashierMapping): Promise<PreviewSummary> {
    if (!this.createWorker) return this.inPlace().map(token, mapping);
    const k = await this.current(token);
    const reply = await this.ask({ op: 'map', token: k.token, mapping }, true);
    return this.renamed(token, k, reply.preview!, { mapping });
  }

  /** A previewed file read again with the merchant's answer (ParseOptions.dateOrder). */
  async reparsePreview(token: string, options: ParseOptions, mappings: Record<string, CashierMapping>): Promise<PreviewSummary> {
    if (!this.createWorker) return this.inPlace().reparse(token, options, mappings);
    const k = await this.current(token);
    const reply = await this.ask({ op: 'reparse', token: k.token, options, mappings }, true);
    return this.renamed(token, k, reply.preview!, { options: { ...k.options, ...options }, mappings });
  }

  async commitPreviews(tokens: string[], now: string, asOf: string, onProgress?: OnProgress): Promise<ImportOutcome[]> {
    if (!this.createWorker) return this.inPlace().commit(tokens, now, asOf, onProgress);
    const inWorker: string[] = [];
    for (const t of tokens) {
      if (!this.kept.has(t)) continue; // refused (timed out) or already stored
      inWorker.push((await this.current(t)).token);
      this.kept.delete(t);
    }
    this.committing++;
    try {
      return (await this.ask({ op: 'commit', tokens: inWorker, now, asOf }, false, onProgress)).outcomes ?? [];
    } finally {
      this.committing--;
    }
  }

  /**
   * Stops what the import is doing. Storing: the worker is told (ImportSession.cancel), undoes the
   * file it is storing and answers the commit with ImportCancelled — stopping the worker would not
   * stop IndexedDB, which finishes a committing transaction anyway. Reading: the worker is stopped
   * (a parser runs in one synchronous pass and reading stores nothing); the files kept for
   * confirming are read again by the next worker when used.
   */
  cancel(): void {
    if (!this.createWorker) {
      this.local?.cancel();
      return;
    }
    if (!this.worker) return;
    if (this.committing) void this.ask({ op: 'cancel' }, false).catch(() => undefined);
    else this.restart(() => new ImportCancelled());
  }

  async discardPreviews(tokens: string[]): Promise<void> {
    if (!this.createWorker) {
      this.inPlace().discard(tokens);
      return;
    }
    const inWorker = tokens.flatMap((t) => {
      const k = this.kept.get(t);
      this.kept.delete(t);
      return k && k.generation === this.generation ? [k.token] : [];
    });
    await this.ask({ op: 'discard', tokens: inWorker }, false);
  }

  private inPlace(): ImportSession {
    this.local ??= new ImportSession(getDb);
    return this.local;
  }

  private getWorker(): WorkerLike | null {
    if (!this.createWorker) return null;
    if (!this.worker) {
      const w = this.createWorker();
      w.onmessage = (e) => {
        const reply = e.data;
        const p = this.pending.get(reply.id);
        if (!p) return;
        if ('progress' in reply) return p.onProgress?.(reply.progress);
        this.pending.delete(reply.id);
        clearTimeout(p.timer);
        if (reply.ok) p.resolve(reply);
        else p.reject(reply.cancelled ? new ImportCancelled(reply.cancelled.stored) : new Error(reply.message));
      };
      this.worker = w;
    }
    return this.worker;
  }

  private ask(req: Request, timed: boolean, onProgress?: OnProgress): Promise<Ok> {
    const w = this.getWorker()!;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = timed ? setTimeout(() => this.replaceWorker(id), this.readTimeoutMs) : undefined;
      this.pending.set(id, { resolve, reject, timer, onProgress });
      w.postMessage({ ...req, id } as WorkerRequest);
    });
  }

  /** The read `id` took too long: that worker is stopped, whatever else it was doing fails, a new one takes over. */
  private replaceWorker(id: number): void {
    this.restart((other) => (other === id ? new TimedOut() : new Error('the import worker was restarted while this was running: try again')));
  }

  /** Stops the worker; every request still running fails with `why(its id)`; a new worker takes the next. */
  private restart(why: (id: number) => Error): void {
    this.worker?.terminate();
    this.worker = null;
    this.generation++;
    const pending = [...this.pending];
    this.pending.clear();
    for (const [other, p] of pending) {
      clearTimeout(p.timer);
      p.reject(why(other));
    }
  }

  /** A refused read as a preview: no rows, one error naming the file and the limit; nothing to store. */
  private timedOut(file: File): PreviewSummary {
    const seconds = String(Math.round(this.readTimeoutMs / 1000));
    const issue = limitIssue('read_timeout', file.name, { seconds });
    return {
      token: `timeout:${this.nextId++}`,
      name: file.name,
      size: file.bytes.length,
      sha256: '',
      rowCount: 0,
      readable: false,
      result: { format: 'unknown', encoding: 'binary', accounts: [], kind: 'bank', issues: [issue] },
    };
  }

  /** The worker token of a kept file, reading the file again (with the merchant's answers) if its worker was replaced. */
  private async current(token: string): Promise<Kept> {
    const k = this.kept.get(token);
    if (!k) throw new Error('that file is no longer waiting to be imported: choose it again');
    if (k.generation === this.generation) return k;
    const generation = this.generation;
    let p = (await this.ask({ op: 'preview', file: k.file, mappings: k.mappings }, true)).preview!;
    if (k.options) p = (await this.ask({ op: 'reparse', token: p.token, options: k.options, mappings: k.mappings }, true)).preview!;
    if (k.mapping) p = (await this.ask({ op: 'map', token: p.token, mapping: k.mapping }, true)).preview!;
    const again = { ...k, generation, token: p.token };
    this.kept.set(token, again);
    return again;
  }

  /** The page keeps its token; the worker's new one is remembered with the answer just given. */
  private renamed(token: string, k: Kept, preview: PreviewSummary, answer: Partial<Kept>): PreviewSummary {
    this.kept.set(token, { ...k, ...answer, token: preview.token });
    return { ...preview, token };
  }
}

const client = new ImportClient(
  typeof Worker === 'undefined' ? null : () => new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike,
);

// The worker loads its bundle (every parser) and opens the database once the options page is idle,
// so the first file chosen is read at once.
if (typeof window !== 'undefined' && typeof Worker !== 'undefined') {
  const warm = () => client.warm();
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm, 500);
}

export async function previewFile(file: File, mappings: Record<string, CashierMapping>, onProgress?: OnProgress): Promise<PreviewSummary> {
  const start = performance.now();
  const preview = await client.previewFile(file, mappings, onProgress);
  performance.measure('sg:import:preview', { start });
  return preview;
}

export function mapPreview(token: string, mapping: CashierMapping): Promise<PreviewSummary> {
  return client.mapPreview(token, mapping);
}

/** A previewed file read again with the merchant's answer (ParseOptions.dateOrder). */
export function reparsePreview(token: string, options: ParseOptions, mappings: Record<string, CashierMapping>): Promise<PreviewSummary> {
  return client.reparsePreview(token, options, mappings);
}

export async function commitPreviews(tokens: string[], now: string, asOf: string, onProgress?: OnProgress): Promise<ImportOutcome[]> {
  const start = performance.now();
  const outcomes = await client.commitPreviews(tokens, now, asOf, onProgress);
  performance.measure('sg:import:confirm', { start });
  return outcomes;
}

export function discardPreviews(tokens: string[]): Promise<void> {
  return client.discardPreviews(tokens);
}

/** Stops the import being read or stored (ImportClient.cancel). */
export function cancelImport(): void {
  client.cancel();
}
