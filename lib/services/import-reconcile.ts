// Reconciliation right after an import, on the rows the import already holds: the import read
// what was stored in its own transaction, so nothing is read back, and the matching runs while
// IndexedDB is still writing the file (issue 4 "Speed"). The findings are then stored by the same
// storeFindings as runReconciliation (./reconcile.ts).
import type { Settings } from '../db';
import type { ReconcileResult } from '../model';
import { reconcile } from '../reconcile/index';
import type { StoredRows } from './imports';

export function reconcileStoredRows(rows: StoredRows, settings: Settings, asOf: string): ReconcileResult {
  return reconcile({ ...rows, asOf, tolerances: settings.tolerances, extraHolidays: settings.extraHolidays });
}
