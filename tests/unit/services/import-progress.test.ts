// Issue 15 item 9: a big import shows how far it is and can be cancelled. The session reports the
// file's lines before reading, its rows after, rows written while storing (every 1,000), the file
// stored, then the findings check; through the worker protocol the same reports reach the page.
// Cancelling a read stops the worker: nothing is stored, and the next file is read by a new worker.
// (Cancelling a store aborts its IndexedDB transaction with the worker: tests/e2e/your-data.spec.ts,
// in Chromium, where the transaction really dies with the worker.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SettleGuardDb } from '../../../lib/db';
import { ImportClient, type WorkerLike } from '../../../lib/services/import-client';
import { countLines, ImportCancelled, type ImportProgress, ImportSession } from '../../../lib/services/import-session';
import type { WorkerReply, WorkerRequest } from '../../../lib/services/import-worker';
import { bigStatement } from '../../support/big-statement';

const NOW = '2026-03-20T00:00:00Z';
const AS_OF = '2026-03-20';

let db: SettleGuardDb;
beforeEach(() => {
  db = openDb(`progress-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

const phases = (ps: ImportProgress[]) => ps.map((p) => (p.phase === 'storing' ? `storing ${p.stored}/${p.total}` : p.phase));

describe('ImportSession progress', () => {
  it('counts lines of text, not of a workbook', () => {
    expect(countLines(new TextEncoder().encode('a\nb\nc'))).toBe(3);
    expect(countLines(new TextEncoder().encode('a\r\nb\r\n'))).toBe(2);
    expect(countLines(new Uint8Array([0x50, 0x4b, 3, 4, 0x0a]))).toBe(0);
  });

  it('reports lines, rows read, rows written every 1,000, stored, then the findings check', async () => {
    const session = new ImportSession(() => db);
    const seen: ImportProgress[] = [];
    const preview = await session.preview(bigStatement(2500), {}, (p) => seen.push(p));
    expect(seen).toEqual([
      { phase: 'reading', file: 'big-2500.csv', lines: 2502, bytes: expect.any(Number) },
      { phase: 'read', file: 'big-2500.csv', rows: 2500 },
    ]);
    seen.length = 0;
    const [outcome] = await session.commit([preview.token], NOW, AS_OF, (p) => seen.push(p));
    expect(outcome!.added).toBe(2500);
    expect(phases(seen)).toEqual(['storing 0/2500', 'storing 1000/2500', 'storing 2000/2500', 'stored', 'checking']);
    expect(seen[3]).toEqual({ phase: 'stored', file: 'big-2500.csv', added: 2500 });
  });
});

/** The worker protocol in process: progress messages as the real worker posts them; `hangs.csv` never finishes reading. */
function workers() {
  const made: { terminated: boolean }[] = [];
  const create = (): WorkerLike => {
    const session = new ImportSession(() => db);
    const state = { terminated: false };
    made.push(state);
    const post = (reply: WorkerReply) => {
      if (!state.terminated) w.onmessage?.({ data: reply });
    };
    const w: WorkerLike = {
      onmessage: null,
      terminate: () => {
        state.terminated = true;
      },
      postMessage: (req: WorkerRequest) => {
        const progress = (p: ImportProgress) => post({ id: req.id, progress: p });
        const run = async (): Promise<WorkerReply> => {
          if (req.op === 'preview') {
            if (req.file.name === 'hangs.csv') {
              progress({ phase: 'reading', file: req.file.name, lines: 2, bytes: req.file.bytes.length });
              await new Promise(() => undefined);
            }
            return { id: req.id, ok: true, preview: await session.preview(req.file, req.mappings, progress) };
          }
          if (req.op === 'commit') return { id: req.id, ok: true, outcomes: await session.commit(req.tokens, req.now, req.asOf, progress) };
          if (req.op === 'cancel') session.cancel();
          return { id: req.id, ok: true };
        };
        run().then(post, (e: unknown) =>
          post({ id: req.id, ok: false, message: String(e), ...(e instanceof ImportCancelled ? { cancelled: { stored: e.stored } } : {}) }),
        );
      },
    };
    return w;
  };
  return { create, made };
}

/** Every store's records, to compare before and after. */
async function dump(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

describe('ImportSession cancel while storing', () => {
  it('a file cancelled mid-way leaves every store as it was (the rows it wrote are taken back)', async () => {
    const session = new ImportSession(() => db);
    const first = await session.preview(bigStatement(5), {});
    await session.commit([first.token], NOW, AS_OF);
    const before = await dump();
    const preview = await session.preview(bigStatement(2500), {});
    const seen: string[] = [];
    const committing = session.commit([preview.token], NOW, AS_OF, (p) => {
      seen.push(p.phase);
      if (p.phase === 'storing' && p.stored === 1000) session.cancel();
    });
    await expect(committing).rejects.toEqual(new ImportCancelled([]));
    expect(seen).not.toContain('stored');
    expect(await dump()).toEqual(before);
  });

  it('a file imported before and cancelled on its second import keeps its earlier record and rows', async () => {
    const session = new ImportSession(() => db);
    const first = await session.preview(bigStatement(20), {});
    await session.commit([first.token], NOW, AS_OF);
    const before = await dump();
    const again = await session.preview(bigStatement(20), {});
    const committing = session.commit([again.token], '2026-03-22T00:00:00Z', AS_OF, (p) => {
      if (p.phase === 'storing') session.cancel();
    });
    await expect(committing).rejects.toEqual(new ImportCancelled([]));
    expect((await db.imports.toArray()).map((r) => r.importedAt)).toEqual([NOW]);
    expect(await db.statementLines.toArray()).toEqual(before.statementLines);
  });

  it('files of the same confirm stored before the cancel stay and are named; the one in hand and those after are not stored', async () => {
    const session = new ImportSession(() => db);
    const small = await session.preview({ ...bigStatement(3), name: 'small.csv' }, {});
    const big = await session.preview(bigStatement(2500), {});
    const after = await session.preview({ ...bigStatement(7), name: 'after.csv' }, {});
    const committing = session.commit([small.token, big.token, after.token], NOW, AS_OF, (p) => {
      if (p.phase === 'storing' && p.stored === 1000) session.cancel();
    });
    await expect(committing).rejects.toEqual(new ImportCancelled(['small.csv']));
    expect(await db.statementLines.count()).toBe(3);
    expect((await db.imports.toArray()).map((r) => r.name)).toEqual(['small.csv']);
  });
});

describe('ImportClient progress and cancel', () => {
  it('passes the worker’s progress to the page while a request runs', async () => {
    const { create } = workers();
    const client = new ImportClient(create);
    const seen: ImportProgress[] = [];
    const preview = await client.previewFile(bigStatement(1200), {}, (p) => seen.push(p));
    expect(phases(seen)).toEqual(['reading', 'read']);
    seen.length = 0;
    await client.commitPreviews([preview.token], NOW, AS_OF, (p) => seen.push(p));
    expect(phases(seen)).toEqual(['storing 0/1200', 'storing 1000/1200', 'stored', 'checking']);
  });

  it('cancel during a read stops the worker, stores nothing, and the next file is read by a new worker', async () => {
    const { create, made } = workers();
    const client = new ImportClient(create);
    const seen: ImportProgress[] = [];
    const reading = client.previewFile({ name: 'hangs.csv', bytes: new TextEncoder().encode('a\nb') }, {}, (p) => seen.push(p));
    await expect.poll(() => seen.length).toBe(1);
    client.cancel();
    await expect(reading).rejects.toBeInstanceOf(ImportCancelled);
    expect(made.map((m) => m.terminated)).toEqual([true]);
    expect(await db.statementLines.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
    const next = await client.previewFile(bigStatement(10), {});
    await client.commitPreviews([next.token], NOW, AS_OF);
    expect(made.length).toBe(2);
    expect(await db.statementLines.count()).toBe(10);
  });

  it('cancel while storing asks the worker (not stopping it): the file is taken back and the worker keeps serving', async () => {
    const { create, made } = workers();
    const client = new ImportClient(create);
    const preview = await client.previewFile(bigStatement(2500), {});
    const committing = client.commitPreviews([preview.token], NOW, AS_OF, (p) => {
      if (p.phase === 'storing' && p.stored === 1000) client.cancel();
    });
    await expect(committing).rejects.toEqual(new ImportCancelled([]));
    expect(made.map((m) => m.terminated)).toEqual([false]);
    expect(await db.statementLines.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
  });
});
