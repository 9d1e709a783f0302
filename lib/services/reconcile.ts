// Re-running reconciliation over everything stored and keeping the merchant's decisions:
// finding ids are deterministic, so a finding that comes back keeps its status (DESIGN.md §3).
import type { SettleGuardDb } from '../db';
import type { Issue, ReconcileResult, StoredFinding, Unchecked } from '../model';
import { reconcile } from '../reconcile/index';
import { loadSettings } from './settings';
import { coverageDays } from '../coverage';
import { findingFacts, summarizeStore, type SummaryRows } from '../store-summary';

export interface ReconcileSummary {
  findings: number;
  open: number;
  issues: Issue[];
  /** what could not be checked (DESIGN.md "Coverage"), also stored in db.unchecked for the popup and dashboard */
  unchecked: Unchecked[];
}

export async function runReconciliation(db: SettleGuardDb, asOf: string, now: string): Promise<ReconcileSummary> {
  const [transactions, statementLines, cashier, contracts, settings, coverageRecords] = await Promise.all([
    db.transactions.toArray(),
    db.statementLines.toArray(),
    db.cashier.toArray(),
    db.contracts.toArray(),
    loadSettings(db),
    db.coverage.toArray(),
  ]);
  const result = reconcile({
    transactions,
    statementLines,
    cashier,
    contracts,
    asOf,
    tolerances: settings.tolerances,
    extraHolidays: settings.extraHolidays,
    coverage: coverageDays(coverageRecords, transactions),
  });
  return storeFindings(db, result, now, { transactions, statementLines });
}

/**
 * Store a reconciliation's findings, keeping the merchant's decisions: a finding that comes back
 * keeps its status; findings the evidence no longer supports go away unless the merchant acted on
 * them (a dismissed or disputed finding is a record of a decision and is kept).
 */
export async function storeFindings(db: SettleGuardDb, result: ReconcileResult, now: string, rows?: SummaryRows): Promise<ReconcileSummary> {
  // with the rows at hand: each finding's first row and sites, and the popup's and dashboard's summary
  const facts = rows ? findingFacts(result.findings, rows) : undefined;
  const summary = rows ? summarizeStore(result, rows, now) : undefined;
  return db.transaction('rw', db.findings, db.unchecked, db.summaries, async () => {
    const previous = new Map((await db.findings.toArray()).map((f) => [f.id, f]));
    const next: StoredFinding[] = result.findings.map((f) => {
      const old = previous.get(f.id);
      previous.delete(f.id);
      const known = facts?.get(f.id) ?? old?.facts;
      const withFacts = known ? { ...f, facts: known } : f;
      return old
        ? { ...withFacts, status: old.status, statusBy: old.statusBy, statusAt: old.statusAt, firstSeenAt: old.firstSeenAt }
        : { ...withFacts, status: 'open', firstSeenAt: now };
    });
    if (summary) await db.summaries.put(summary);
    const gone = [...previous.values()].filter((f) => f.status === 'open').map((f) => f.id);
    await db.findings.bulkDelete(gone);
    await db.findings.bulkPut(next);
    // what could not be checked is a fact of this run only: replaced whole
    const unchecked = result.unchecked ?? [];
    await db.unchecked.clear();
    await db.unchecked.bulkPut(unchecked.map((u) => ({ ...u, id: `${u.reason}|${u.merchantId ?? ''}|${u.days.join(',')}|${u.hint.params.after ?? ''}` })));
    return { findings: next.length, open: next.filter((f) => f.status === 'open').length, issues: result.issues, unchecked };
  });
}
