// Reconciliation right after an import, on the rows the import already holds: the import read
// what was stored in its own transaction, so nothing is read back, and the matching runs while
// IndexedDB is still writing the file (issue 4 "Speed"). The findings are then stored exactly as
// runReconciliation (./reconcile.ts) stores them; a unit test holds the two to the same result.
import type { SettleGuardDb, Settings } from '../db';
import type { ReconcileResult, StoredFinding } from '../model';
import { reconcile } from '../reconcile/index';
import type { StoredRows } from './imports';
import type { ReconcileSummary } from './reconcile';

export function reconcileStoredRows(rows: StoredRows, settings: Settings, asOf: string): ReconcileResult {
  return reconcile({ ...rows, asOf, tolerances: settings.tolerances, extraHolidays: settings.extraHolidays });
}

/** Same rules as runReconciliation: a finding that comes back keeps the merchant's decision. */
export async function storeFindings(db: SettleGuardDb, result: ReconcileResult, now: string): Promise<ReconcileSummary> {
  return db.transaction('rw', db.findings, async () => {
    const previous = new Map((await db.findings.toArray()).map((f) => [f.id, f]));
    const next: StoredFinding[] = result.findings.map((f) => {
      const old = previous.get(f.id);
      previous.delete(f.id);
      return old
        ? { ...f, status: old.status, statusBy: old.statusBy, statusAt: old.statusAt, firstSeenAt: old.firstSeenAt }
        : { ...f, status: 'open', firstSeenAt: now };
    });
    // Findings the evidence no longer supports go away unless the merchant acted on them.
    const gone = [...previous.values()].filter((f) => f.status === 'open').map((f) => f.id);
    await db.findings.bulkDelete(gone);
    await db.findings.bulkPut(next);
    return { findings: next.length, open: next.filter((f) => f.status === 'open').length, issues: result.issues };
  });
}
