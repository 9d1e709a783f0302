import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../lib/db';
import { tx, line } from './services/builders';
import { LATEST_SCHEMA } from '../../lib/statements/support/backup-records';

const name = `upgrade-${Math.random()}`;
afterEach(async () => {
  await Dexie.delete(name);
});

describe('database versions', () => {
  it('v1 data survives the upgrade to the current schema (indexes dropped, records kept)', async () => {
    const v1 = new Dexie(name);
    v1.version(1).stores({
      transactions: 'id, occurredAt, portal, merchantId, settleDate, rrn',
      statementLines: 'id, bookedOn, accountId',
      cashier: 'id, occurredAt',
      contracts: 'id, effectiveFrom',
      findings: 'id, kind, status, *transactionIds',
      disputes: 'id, status, updatedAt',
      imports: 'id, importedAt',
      sites: 'id',
      settings: 'id',
    });
    const t = tx();
    const l = line();
    await v1.table('transactions').put(t);
    await v1.table('statementLines').put(l);
    v1.close();
    const db = openDb(name);
    expect(await db.transactions.get(t.id)).toEqual(t);
    expect(await db.statementLines.get(l.id)).toEqual(l);
    expect(db.verno).toBe(LATEST_SCHEMA);
    db.close();
  });

  it('v2 data survives the upgrade to v3, which adds the coverage store (records kept, coverage empty and usable)', async () => {
    const v2 = new Dexie(name);
    v2.version(1).stores({
      transactions: 'id, occurredAt, portal, merchantId, settleDate, rrn',
      statementLines: 'id, bookedOn, accountId',
      cashier: 'id, occurredAt',
      contracts: 'id, effectiveFrom',
      findings: 'id, kind, status, *transactionIds',
      disputes: 'id, status, updatedAt',
      imports: 'id, importedAt',
      sites: 'id',
      settings: 'id',
    });
    v2.version(2).stores({ transactions: 'id', statementLines: 'id', cashier: 'id' });
    const t = tx();
    await v2.table('transactions').put(t);
    await v2.table('sites').put({ id: 'https://m.example', enabled: true, addedAt: '2026-01-01T00:00:00Z' });
    v2.close();
    const db = openDb(name);
    expect(db.verno).toBe(LATEST_SCHEMA);
    expect(await db.transactions.get(t.id)).toEqual(t);
    expect(await db.sites.get('https://m.example')).toMatchObject({ enabled: true });
    expect(await db.coverage.count()).toBe(0);
    await db.coverage.put({
      id: 'https://m.example||2026-03-02',
      site: 'https://m.example',
      day: '2026-03-02',
      rows: {},
      complete: 'unknown',
      updatedAt: '2026-03-03T00:00:00Z',
    });
    expect((await db.coverage.where('site').equals('https://m.example').toArray()).map((r) => r.day)).toEqual(['2026-03-02']);
    db.close();
  });

  it('v3 data survives the upgrade to v4, whose evidence-hash index finds the rows stored before it', async () => {
    const v3 = new Dexie(name);
    v3.version(1).stores({
      transactions: 'id, occurredAt, portal, merchantId, settleDate, rrn',
      statementLines: 'id, bookedOn, accountId',
      cashier: 'id, occurredAt',
      contracts: 'id, effectiveFrom',
      findings: 'id, kind, status, *transactionIds',
      disputes: 'id, status, updatedAt',
      imports: 'id, importedAt',
      sites: 'id',
      settings: 'id',
    });
    v3.version(2).stores({ transactions: 'id', statementLines: 'id', cashier: 'id' });
    v3.version(3).stores({ coverage: 'id, site' });
    const t = { ...tx(), evidence: { ...tx().evidence, sha256: 'ab'.repeat(32) } };
    await v3.table('transactions').put(t);
    v3.close();
    const db = openDb(name);
    expect(db.verno).toBe(LATEST_SCHEMA);
    expect(await db.transactions.where('evidence.sha256').equals(t.evidence.sha256).primaryKeys()).toEqual([t.id]);
    db.close();
  });

  it('v4 data survives the upgrade to v5, which adds the unchecked store (empty and usable)', async () => {
    const v4 = new Dexie(name);
    v4.version(1).stores({
      transactions: 'id, occurredAt, portal, merchantId, settleDate, rrn',
      statementLines: 'id, bookedOn, accountId',
      cashier: 'id, occurredAt',
      contracts: 'id, effectiveFrom',
      findings: 'id, kind, status, *transactionIds',
      disputes: 'id, status, updatedAt',
      imports: 'id, importedAt',
      sites: 'id',
      settings: 'id',
    });
    v4.version(2).stores({ transactions: 'id', statementLines: 'id', cashier: 'id' });
    v4.version(3).stores({ coverage: 'id, site' });
    v4.version(4).stores({ transactions: 'id, evidence.sha256' });
    const t = tx();
    await v4.table('transactions').put(t);
    v4.close();
    const db = openDb(name);
    expect(db.verno).toBe(LATEST_SCHEMA);
    expect(await db.transactions.get(t.id)).toEqual(t);
    expect(await db.unchecked.count()).toBe(0);
    await db.unchecked.put({
      id: 'partial_capture||2026-03-02|',
      reason: 'partial_capture',
      days: ['2026-03-02'],
      hint: { key: 'unchecked.partial_capture', params: { days: '2026-03-02' } },
    });
    expect((await db.unchecked.toArray()).map((u) => u.days)).toEqual([['2026-03-02']]);
    db.close();
  });
});
