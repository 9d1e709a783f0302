// The full backup and its restore (DESIGN.md "SettleGuard JSON"; issue 14 item 6). The backup is
// every store of the database but the derived ones, enumerated from the database itself so a
// store added later is written without anyone remembering to; a meta-test fails when such a store
// is not also read back (BACKUP_STORES) or listed as derived. Restoring goes through the import
// path (preview first): the file's records, checked by lib/statements/settleguard.ts, are written
// by id in ONE transaction across the stores, so a restore is all or nothing and restoring twice
// adds nothing; reconciliation then runs again and keeps the merchant's decisions (finding ids are
// deterministic).
import { getDb, type SettleGuardDb } from '../db';
import { DERIVED_STORES } from '../statements/support/backup-records';
import { SETTLEGUARD_JSON_VERSION } from '../statements/settleguard';
import type { ImportOutcome, ImportPreview } from './imports';
import { runReconciliation } from './reconcile';

const isDerived = (store: string) => (DERIVED_STORES as readonly string[]).includes(store);

/** The stores a backup writes: every table of the database but the derived ones. */
export function storesBackedUp(db: SettleGuardDb): string[] {
  return db.tables.map((t) => t.name).filter((name) => !isDerived(name));
}

/**
 * `{ "settleguard": 1, "schema": <db version>, "exportedAt", <store>: [records…], … }`: the
 * envelope the importer has always read, each store a list of its records as stored, read in one
 * transaction so the stores agree with each other.
 */
export async function exportBackup(db: SettleGuardDb = getDb(), now: string = new Date().toISOString()): Promise<string> {
  await db.open();
  const stores = storesBackedUp(db);
  const tables = stores.map((s) => db.table(s));
  const records = await db.transaction('r', tables, () => Promise.all(tables.map((t) => t.toArray())));
  const doc: Record<string, unknown> = { settleguard: SETTLEGUARD_JSON_VERSION, schema: db.verno, exportedAt: now };
  stores.forEach((s, i) => {
    doc[s] = records[i];
  });
  return JSON.stringify(doc, null, 2);
}

/**
 * Restores a previewed backup: every checked record put by id (settings replaced), in one
 * transaction over all its stores; then reconciliation re-runs over what is stored. A record the
 * reader refused is not in `backup` (its issue is in the outcome); nothing is half-written.
 */
export async function restoreBackup(db: SettleGuardDb, preview: ImportPreview, now: string, asOf: string): Promise<ImportOutcome> {
  const { result } = preview;
  const backup = result.backup ?? {};
  const stores = Object.keys(backup).filter((s) => backup[s]!.length > 0);
  const rows = stores.reduce((n, s) => n + backup[s]!.length, 0);
  const base = {
    name: preview.name,
    format: result.format,
    encoding: result.encoding,
    issues: result.issues,
    rows,
    contracts: backup['contracts']?.length ?? 0,
  };
  if (rows === 0) return { ...base, added: 0, known: 0, stored: false };
  let known = 0;
  await db.transaction(
    'rw',
    stores.map((s) => db.table(s)),
    async () => {
      for (const store of stores) {
        const table = db.table(store);
        const records = backup[store]!;
        known += (
          await table
            .where(':id')
            .anyOf(records.map((r) => r.id))
            .primaryKeys()
        ).length;
        await table.bulkPut(records);
      }
    },
  );
  await runReconciliation(db, asOf, now);
  return { ...base, added: rows - known, known, stored: true };
}
