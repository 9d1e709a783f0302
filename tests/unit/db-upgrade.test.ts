// Issue 14 item 8: a database written by the first schema, and by each version since, opens under
// the current one with every record kept or migrated and every index the services query usable.
// The data is the demo month (tests/fixtures/backups), written as each version stored it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../lib/db';
import { migrateDisputeV1, type DisputeV1 } from '../../lib/migrations';
import type { StoredFinding } from '../../lib/model';
import { LATEST_SCHEMA } from '../../lib/statements/support/backup-records';
import { listDisputes } from '../../lib/services/disputes';
import { runReconciliation } from '../../lib/services/reconcile';

type Rec = { id: string; [k: string]: unknown };
const fixture = (name: string) => JSON.parse(readFileSync(resolve(__dirname, '../fixtures/backups', name), 'utf8')) as Record<string, Rec[] | Rec>;
const FIRST = fixture('schema1-first-export.json');
const FULL = fixture('schema6-full.json');

/** The stores each version declared, as it was committed (git log -p -- lib/db.ts). */
const SCHEMAS: Record<number, Record<string, string>> = {
  // 32ea3da: disputes indexed by createdAt (ca3c790 edited version 1 in place to updatedAt)
  1: {
    transactions: 'id, occurredAt, portal, merchantId, settleDate, rrn',
    statementLines: 'id, bookedOn, accountId',
    cashier: 'id, occurredAt',
    contracts: 'id, effectiveFrom',
    findings: 'id, kind, status, *transactionIds',
    disputes: 'id, status, createdAt',
    imports: 'id, importedAt',
    sites: 'id',
    settings: 'id',
  },
  2: { transactions: 'id', statementLines: 'id', cashier: 'id' },
  3: { coverage: 'id, site' },
  4: { transactions: 'id, evidence.sha256' },
  5: { unchecked: 'id' },
  6: { disputes: 'id, status, updatedAt' },
  7: { summaries: 'id' },
};

/** What a database of `version` held: the first schema's records at v1, the stores it had since. */
function dataOf(version: number): Record<string, Rec[]> {
  const src = version === 1 ? FIRST : FULL;
  const list = (store: string) => (src[store] ? (Array.isArray(src[store]) ? src[store] : [src[store]]) : []) as Rec[];
  const data: Record<string, Rec[]> = {};
  for (const store of ['transactions', 'statementLines', 'cashier', 'contracts', 'findings', 'disputes', 'settings']) data[store] = list(store);
  data['imports'] = FULL['imports'] as Rec[];
  data['sites'] = FULL['sites'] as Rec[];
  if (version >= 3) data['coverage'] = FULL['coverage'] as Rec[];
  return data;
}

const name = `upgrade-all-${Math.random()}`;
afterEach(async () => {
  await Dexie.delete(name);
});

const sortById = (rows: Rec[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

/** What the current schema holds after the upgrade: the first schema's disputes as tracker records (v6), the rest as written. */
function upgraded(version: number, data: Record<string, Rec[]>): Record<string, Rec[]> {
  const findings = new Map((data['findings'] as unknown as StoredFinding[]).map((f) => [f.id, f]));
  if (version !== 1) return data;
  return { ...data, disputes: data['disputes']!.map((d) => migrateDisputeV1(d as unknown as DisputeV1, findings, 'CNY') as unknown as Rec) };
}

describe.each([1, 2, 3, 4, 5, 6, 7])('a database written by schema %i', (version) => {
  it(`opens under schema ${LATEST_SCHEMA} with every record kept or migrated, and its indexes answer`, async () => {
    const old = new Dexie(name);
    for (let v = 1; v <= version; v++) old.version(v).stores(SCHEMAS[v]!);
    const data = dataOf(version);
    await old.transaction('rw', old.tables, async () => {
      for (const [store, rows] of Object.entries(data)) await old.table(store).bulkPut(rows);
    });
    old.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA);
    const now = upgraded(version, data);
    for (const [store, rows] of Object.entries(now)) expect(sortById(await db.table(store).toArray()), store).toEqual(sortById(rows));
    if (version === 1) expect((await db.disputes.toArray()).every((d) => Array.isArray(d.events) && d.claimed.currency === 'CNY')).toBe(true);

    // the indexes the services query, on the records written before they existed
    const t = now['transactions']![0] as unknown as { id: string; evidence: { sha256: string } };
    expect(await db.transactions.where('evidence.sha256').equals(t.evidence.sha256).primaryKeys()).toContain(t.id);
    const f = now['findings']!.find((x) => (x['transactionIds'] as string[]).length > 0)!;
    expect(
      await db.findings
        .where('transactionIds')
        .anyOf((f['transactionIds'] as string[]).slice(0, 1))
        .primaryKeys(),
    ).toContain(f.id);
    expect((await db.disputes.orderBy('updatedAt').primaryKeys()).sort()).toEqual(now['disputes']!.map((d) => d.id).sort());
    if (version >= 3) expect(await db.coverage.where('site').equals('http://127.0.0.1:8080').count()).toBe(data['coverage']!.length);

    // and the services read it: the disputes tab, a reconciliation that keeps the decisions
    expect((await listDisputes(db, '2026-03-25')).length).toBe(data['disputes']!.length);
    await runReconciliation(db, '2026-03-25', '2026-03-25T08:00:00.000Z');
    // the merchant's decisions stay with the findings the run makes again
    const decisions = now['findings']!.filter((x) => x['status'] !== 'open');
    expect(decisions.length).toBeGreaterThan(0);
    for (const decided of decisions) {
      expect(await db.findings.get(decided.id), decided.id).toMatchObject({ status: decided['status'] });
    }
    db.close();
  });
});
