// Re-running reconciliation over everything stored and keeping the merchant's decisions:
// finding ids are deterministic, so a finding that comes back keeps its status (DESIGN.md §3).
import type { SettleGuardDb } from '../db';
import type { Contract, Issue, ReconcileResult, StoredFinding, Unchecked } from '../model';
import { reconcile } from '../reconcile/index';
import { loadSettings } from './settings';
import { coverageDays, type CoverageRecord } from '../coverage';
import { figureGroups, findingFacts, listItem, summarizeStore, type FindingList, type SummaryRows } from '../store-summary';

export interface ReconcileSummary {
  findings: number;
  open: number;
  issues: Issue[];
  /** what could not be checked (DESIGN.md "Coverage"), also stored in db.unchecked for the popup and dashboard */
  unchecked: Unchecked[];
}

/**
 * What reconciliation reads and writes, in one readwrite transaction: the findings stored are
 * always those of the rows stored when they are written. A capture or an import committing while
 * a run reads would otherwise leave findings of a snapshot no longer true (issue 14: the import
 * worker and the background overlapping); IndexedDB queues overlapping writers behind this one.
 */
function reconcileScope(db: SettleGuardDb) {
  return [db.transactions, db.statementLines, db.cashier, db.contracts, db.settings, db.coverage, db.findings, db.unchecked, db.summaries];
}

export async function runReconciliation(db: SettleGuardDb, asOf: string, now: string): Promise<ReconcileSummary> {
  return db.transaction('rw', reconcileScope(db), () => reconcileInTransaction(db, asOf, now));
}

/** Reads everything, reconciles and stores the findings; call inside a transaction of reconcileScope. */
async function reconcileInTransaction(db: SettleGuardDb, asOf: string, now: string): Promise<ReconcileSummary> {
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
  return writeFindings(db, result, now, { transactions, statementLines, cashier });
}

/**
 * Stores findings computed from rows read earlier, keeping the merchant's decisions (writeFindings).
 * An import passes the rows it read in its own transaction (issue 4 "Speed": reconciling while
 * IndexedDB writes the file) and `asOf`: then they are written only if those rows are still what
 * is stored, checked in the transaction that writes them; when a capture, another import or a
 * contract changed the rows or coverage meanwhile, reconciliation runs again inside it instead.
 */
export async function storeFindings(
  db: SettleGuardDb,
  result: ReconcileResult,
  now: string,
  rows?: SummaryRows | StoredRowsBasis,
  asOf?: string,
): Promise<ReconcileSummary> {
  if (asOf === undefined || !rows || !isBasis(rows)) return writeFindings(db, result, now, rows);
  return db.transaction('rw', reconcileScope(db), async () => {
    if (await stillStored(db, rows)) return writeFindings(db, result, now, rows);
    return reconcileInTransaction(db, asOf, now);
  });
}

const isBasis = (rows: SummaryRows | StoredRowsBasis): rows is StoredRowsBasis => 'cashier' in rows && 'contracts' in rows && 'coverage' in rows;

/** The rows an import's reconciliation read (lib/services/imports.ts StoredRows). */
export type StoredRowsBasis = SummaryRows & { cashier: readonly { id: string }[]; contracts: readonly Contract[]; coverage: readonly CoverageRecord[] };

/**
 * True when what is stored is what `rows` holds: the same row ids with the same evidence (keys
 * and the evidence-hash index only, no row read whole), as many bank lines and cashier records
 * (never edited, only added or cleared), the same contracts and coverage.
 */
async function stillStored(db: SettleGuardDb, rows: StoredRowsBasis): Promise<boolean> {
  const [lines, cashier, coverage, contracts] = await Promise.all([
    db.statementLines.count(),
    db.cashier.count(),
    db.coverage.toArray(),
    db.contracts.toArray(),
  ]);
  if (lines !== rows.statementLines.length || cashier !== rows.cashier.length) return false;
  if (JSON.stringify(contracts) !== JSON.stringify(rows.contracts) || JSON.stringify(coverage) !== JSON.stringify(rows.coverage)) return false;
  const evidence = new Map<string, string>();
  await db.transactions.orderBy('evidence.sha256').eachKey((sha, cursor) => {
    evidence.set(String(cursor.primaryKey), String(sha));
  });
  return evidence.size === rows.transactions.length && rows.transactions.every((t) => evidence.get(t.id) === t.evidence.sha256);
}

/**
 * Store a reconciliation's findings, keeping the merchant's decisions: a finding that comes back
 * keeps its status; findings the evidence no longer supports go away unless the merchant acted on
 * them (a dismissed or disputed finding is a record of a decision and is kept).
 */
async function writeFindings(db: SettleGuardDb, result: ReconcileResult, now: string, rows?: SummaryRows): Promise<ReconcileSummary> {
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
    if (summary && facts) {
      // the popup's sums: every finding of this run, whatever the merchant decided (the popup takes
      // decisions off: lib/popup-figures.ts), and the decisions kept that this run did not count
      const uncountedIds = [...previous.values()].filter((f) => f.status !== 'open').map((f) => f.id);
      await db.summaries.put({
        ...summary,
        figures: figureGroups(next, facts),
        uncountedIds,
      });
      await db.table<FindingList, string>('summaries').put({ id: 'findings', at: now, items: next.map(listItem) });
    }
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
