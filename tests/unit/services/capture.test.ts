import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SettleGuardDb } from '../../../lib/db';
import { storeCapturedRows } from '../../../lib/services/capture';
import { sha256Hex } from '../../../lib/services/hash';
import { tx } from './builders';

let db: SettleGuardDb;
beforeEach(() => { db = openDb(`test-${Math.random()}`); });
afterEach(async () => { await db.delete(); });

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
});
