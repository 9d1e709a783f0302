// Reconciliation right after an import, on the rows the import already holds: the import read
// what was stored in its own transaction, so nothing is read back, and the matching runs while
// IndexedDB is still writing the file (issue 4 "Speed"). The findings are then stored by the same
// storeFindings as runReconciliation (./reconcile.ts).
import type { Settings } from '../db';
import { coverageDays, type CoverageRecord } from '../coverage';
import type { ReconcileResult } from '../model';
import { reconcile } from '../reconcile/index';
import type { StoredRows } from './imports';

export function reconcileStoredRows(rows: StoredRows & { coverage?: readonly CoverageRecord[] }, settings: Settings, asOf: string): ReconcileResult {
  const { coverage, ...stored } = rows;
  return reconcile({
    ...stored,
    asOf,
    tolerances: settings.tolerances,
    extraHolidays: settings.extraHolidays,
    // what pages showed of each day, as a full run reads it (./reconcile.ts), so both find the same
    ...(coverage ? { coverage: coverageDays([...coverage], rows.transactions) } : {}),
  });
}
