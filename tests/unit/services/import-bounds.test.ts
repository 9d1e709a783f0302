// Issue 14 item 3: imports are bounded. A file past the limits is refused unread with an Issue
// naming the limit; a read that never returns gets its worker terminated and replaced after the
// timeout, and the next file imports; files read before it are not lost; nothing stored changes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SettleGuardDb } from '../../../lib/db';
import { ImportClient, type WorkerLike } from '../../../lib/services/import-client';
import { ImportSession } from '../../../lib/services/import-session';
import type { WorkerReply, WorkerRequest } from '../../../lib/services/import-worker';
import { IMPORT_LIMITS } from '../../../lib/statements/limits';
import { hugeRangeXlsx, zipBomb } from '../statements/hostile-files';

const NOW = '2026-03-20T00:00:00Z';
const AS_OF = '2026-03-20';
const demo = { name: 'bank-statement.csv', bytes: new Uint8Array(readFileSync(resolve(__dirname, '../../fixtures/demo/bank-statement.csv'))) };
const other = {
  name: 'march.csv',
  bytes: new TextEncoder().encode(['交易日期,摘要,收入金额,支出金额,余额', '2026-03-02,货款,1000.00,,5000.00', '2026-03-03,手续费,,6.00,4994.00'].join('\n')),
};
const hangs = { name: 'hangs.csv', bytes: new TextEncoder().encode('交易日期,金额\n2026-03-02,1.00') };

let db: SettleGuardDb;
beforeEach(() => {
  db = openDb(`bounds-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

/**
 * The import worker as a stand-in (the test seam: ImportClient's worker factory): the same
 * requests to the same ImportSession, except that reading `hangs.csv` never returns, as a parser
 * stuck in a loop would keep a real worker's thread. A terminated worker never answers again.
 */
function workers(): { create: () => WorkerLike; made: { terminated: boolean }[] } {
  const made: { terminated: boolean }[] = [];
  const create = (): WorkerLike => {
    const session = new ImportSession(() => db);
    const state = { terminated: false };
    made.push(state);
    const w: WorkerLike = {
      onmessage: null,
      terminate: () => {
        state.terminated = true;
      },
      postMessage: (req: WorkerRequest) => {
        const run = async (): Promise<WorkerReply> => {
          switch (req.op) {
            case 'preview':
              if (req.file.name === hangs.name) await new Promise(() => undefined);
              return { id: req.id, ok: true, preview: await session.preview(req.file, req.mappings) };
            case 'map':
              return { id: req.id, ok: true, preview: await session.map(req.token, req.mapping) };
            case 'reparse':
              return { id: req.id, ok: true, preview: await session.reparse(req.token, req.options, req.mappings) };
            case 'commit':
              return { id: req.id, ok: true, outcomes: await session.commit(req.tokens, req.now, req.asOf) };
            case 'discard':
              session.discard(req.tokens);
              return { id: req.id, ok: true };
            case 'cancel':
              session.cancel();
              return { id: req.id, ok: true };
          }
        };
        run().then(
          (reply) => {
            if (!state.terminated) w.onmessage?.({ data: reply });
          },
          (e: unknown) => {
            if (!state.terminated) w.onmessage?.({ data: { id: req.id, ok: false, message: String(e) } });
          },
        );
      },
    };
    return w;
  };
  return { create, made };
}

async function dump(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

describe('ImportClient: a read that never returns', () => {
  it('is stopped after the timeout, its worker terminated and replaced; the next file imports and the one before is kept', async () => {
    const { create, made } = workers();
    const client = new ImportClient(create, 300);
    const first = await client.previewFile(demo, {});
    expect(first.rowCount).toBe(17);

    const start = performance.now();
    const stuck = await client.previewFile(hangs, {});
    console.log(`[limits] stuck read stopped after ${(performance.now() - start).toFixed(0)} ms (timeout 300 ms)`);
    expect(stuck).toMatchObject({
      readable: false,
      rowCount: 0,
      result: { issues: [{ level: 'error', code: 'read_timeout', i18n: { key: 'import.limit.read_timeout', params: { file: 'hangs.csv', seconds: '0' } } }] },
    });
    expect(stuck.result.issues[0]!.message).toMatch(/^Reading "hangs\.csv" took longer than/);
    expect(made.map((w) => w.terminated)).toEqual([true]);

    const next = await client.previewFile(other, {});
    expect(next.rowCount).toBe(2);
    expect(made.map((w) => w.terminated)).toEqual([true, false]);

    // the first file lived in the terminated worker: it is read again there, and stored with the rest
    const outcomes = await client.commitPreviews([first.token, stuck.token, next.token], NOW, AS_OF);
    expect(outcomes.map((o) => [o.name, o.added, o.stored])).toEqual([
      ['bank-statement.csv', 17, true],
      ['march.csv', 2, true],
    ]);
    expect(await db.statementLines.count()).toBe(19);
  });

  it('a file previewed in the old worker keeps the merchant’s answer (date order) when read again in the new one', async () => {
    const { create } = workers();
    const client = new ImportClient(create, 300);
    const ambiguous = {
      name: 'gbp.csv',
      bytes: new TextEncoder().encode(['Date,Description,Amount,Currency', '03/04/2024,Payout,1234.56,GBP', '05/06/2024,Card fee,-12.30,GBP'].join('\n')),
    };
    const p = await client.previewFile(ambiguous, {});
    const dmy = await client.reparsePreview(p.token, { dateOrder: 'dmy' }, {});
    expect(dmy.token).toBe(p.token);
    await client.previewFile(hangs, {});
    await client.commitPreviews([dmy.token], NOW, AS_OF);
    expect((await db.statementLines.toArray()).map((l) => l.bookedOn).sort()).toEqual(['2024-04-03', '2024-06-05']);
  });
});

describe('hostile files through the import', () => {
  it('are refused before reading, and nothing already stored changes', async () => {
    const session = new ImportSession(() => db);
    const seeded = await session.preview(demo, {});
    await session.commit([seeded.token], NOW, AS_OF);
    const before = await dump();
    expect(before.statementLines).toHaveLength(17);

    const { create } = workers();
    const client = new ImportClient(create, 300);
    const previews = [];
    for (const file of [
      { name: 'range.xlsx', bytes: hugeRangeXlsx() },
      { name: 'bomb.xlsx', bytes: zipBomb(1024 ** 3) },
      { name: 'liar.xlsx', bytes: zipBomb(1024 ** 3, 1024) },
      hangs,
    ]) {
      const start = performance.now();
      const p = await client.previewFile(file, {});
      console.log(`[limits] ${file.name} refused in ${(performance.now() - start).toFixed(0)} ms: ${p.result.issues[0]?.code}`);
      expect(p.readable).toBe(false);
      previews.push(p);
    }
    expect(previews.map((p) => p.result.issues.map((i) => i.code))).toEqual([
      ['sheet_range_too_large'],
      ['decompressed_too_large'],
      ['decompressed_too_large'],
      ['read_timeout'],
    ]);
    const outcomes = await client.commitPreviews(
      previews.map((p) => p.token),
      NOW,
      AS_OF,
    );
    expect(outcomes.every((o) => !o.stored && o.added === 0)).toBe(true);
    expect(await dump()).toEqual(before);
  });

  it('a lowered limit passed to the session refuses a file the default lets through', async () => {
    const strict = new ImportSession(() => db, { ...IMPORT_LIMITS, rows: 10 });
    const p = await strict.preview(demo, {});
    expect(p).toMatchObject({
      readable: false,
      rowCount: 0,
      result: { issues: [{ code: 'too_many_rows', i18n: { params: { file: 'bank-statement.csv', limit: '10' } } }] },
    });
    expect(await strict.commit([p.token], NOW, AS_OF)).toMatchObject([{ stored: false, added: 0 }]);
    expect(await db.statementLines.count()).toBe(0);
  });
});
