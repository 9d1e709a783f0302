import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../lib/db';
import { tx, line } from './services/builders';

const name = `upgrade-${Math.random()}`;
afterEach(async () => { await Dexie.delete(name); });

describe('database versions', () => {
  it('v1 data survives the upgrade to the current schema (indexes dropped, records kept)', async () => {
    const v1 = new Dexie(name);
    v1.version(1).stores({
      transactions: 'id, occurredAt, portal, merchantId, settleDate, rrn', statementLines: 'id, bookedOn, accountId', cashier: 'id, occurredAt',
      contracts: 'id, effectiveFrom', findings: 'id, kind, status, *transactionIds', disputes: 'id, status, updatedAt', imports: 'id, importedAt', sites: 'id', settings: 'id',
    });
    const t = tx();
    const l = line();
    await v1.table('transactions').put(t);
    await v1.table('statementLines').put(l);
    v1.close();
    const db = openDb(name);
    expect(await db.transactions.get(t.id)).toEqual(t);
    expect(await db.statementLines.get(l.id)).toEqual(l);
    expect(db.verno).toBe(2);
    db.close();
  });
});
