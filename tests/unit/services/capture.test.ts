import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SettleGuardDb } from '../../../lib/db';
import { storeCapturedRows } from '../../../lib/services/capture';
import { sha256Hex } from '../../../lib/services/hash';
import { tx } from './builders';

let db: SettleGuardDb;
beforeEach(() => {
  db = openDb(`test-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('storeCapturedRows', () => {
  it('stores new rows with the SHA-256 of their cells', async () => {
    const row = tx();
    expect(await storeCapturedRows(db, [row])).toEqual({ added: 1, updated: 0, known: 0 });
    const stored = await db.transactions.get(row.id);
    expect(stored?.evidence.sha256).toBe(await sha256Hex(JSON.stringify(row.evidence.cells)));
    expect(stored?.evidence.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('re-capturing the same rows adds nothing', async () => {
    const rows = [tx(), tx()];
    await storeCapturedRows(db, rows);
    expect(await storeCapturedRows(db, rows)).toEqual({ added: 0, updated: 0, known: 2 });
    expect(await db.transactions.count()).toBe(2);
  });

  it('a row read twice in one batch (a fixed-column clone) is stored once', async () => {
    const row = tx();
    expect(await storeCapturedRows(db, [row, { ...row }])).toEqual({ added: 1, updated: 0, known: 0 });
  });

  it('a row whose cells changed (status became 已撤销) is updated, not duplicated', async () => {
    const row = tx();
    await storeCapturedRows(db, [row]);
    const changed = { ...row, status: 'voided' as const, evidence: { ...row.evidence, cells: { ...row.evidence.cells, 交易状态: '已撤销' }, sha256: '' } };
    expect(await storeCapturedRows(db, [changed])).toEqual({ added: 0, updated: 1, known: 0 });
    expect((await db.transactions.get(row.id))?.status).toBe('voided');
    expect(await db.transactions.count()).toBe(1);
  });

  it('a row read under a new id (a reference now placed from its values) replaces its old reading', async () => {
    const old = tx();
    await storeCapturedRows(db, [old]);
    const better = { ...old, id: `${old.id}-rrn`, rrn: '409912345678', evidence: { ...old.evidence, sha256: '' } };
    expect(await storeCapturedRows(db, [better])).toEqual({ added: 0, updated: 1, known: 0 });
    expect((await db.transactions.toArray()).map((t) => t.id)).toEqual([better.id]);
  });

  it('identical twin rows are replaced one for one, and a row of another site is never replaced', async () => {
    const a = tx();
    const twin = { ...a, id: `${a.id}-2` };
    const elsewhere = { ...a, id: `${a.id}-other`, evidence: { ...a.evidence, url: 'https://other.example/list' } };
    await storeCapturedRows(db, [a, twin, elsewhere]);
    const reread = { ...a, id: `${a.id}-new`, evidence: { ...a.evidence, sha256: '' } };
    expect(await storeCapturedRows(db, [reread])).toEqual({ added: 0, updated: 1, known: 0 });
    const ids = (await db.transactions.toArray()).map((t) => t.id).sort();
    expect(ids).toHaveLength(3);
    expect(ids).toContain(reread.id);
    expect(ids).toContain(elsewhere.id);
  });
});
