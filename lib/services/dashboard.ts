// What the findings dashboard reads and writes beyond the findings themselves (issue 15 item 5):
// the evidence of one finding when it is opened, decisions on many findings at once, and the
// charts' data from the summary the last reconciliation left (lib/store-summary.ts), so opening
// the tab reads no row store (issue 15 "Speed": interactive within 500 ms with 20,000 bank lines).
import { getDb, type SettleGuardDb } from '../db';
import { notifyPortalTabs } from './notify';
import type { FindingStatus, PortalTransaction, StatementLine, StoredFinding } from '../model';
import { listed, type FindingList, type ListedFinding, type SettlementWeek } from '../store-summary';
import type { RatePoint } from '../trends';
import type { TerminalHealthView } from '../reconcile/terminal-stats';

export interface FindingEvidence {
  transactions: Record<string, PortalTransaction>;
  statementLines: Record<string, StatementLine>;
}

/** The rows and bank lines behind one finding (listed findings carry no row ids: read it whole). */
export async function findingEvidence(db: SettleGuardDb, listedFinding: Pick<StoredFinding, 'id'>): Promise<FindingEvidence> {
  const f = await db.findings.get(listedFinding.id);
  if (!f) return { transactions: {}, statementLines: {} };
  const [txs, lines] = await Promise.all([db.transactions.bulkGet(f.transactionIds), db.statementLines.bulkGet(f.statementLineIds)]);
  return {
    transactions: Object.fromEntries(txs.filter((x) => x !== undefined).map((x) => [x.id, x])),
    statementLines: Object.fromEntries(lines.filter((x) => x !== undefined).map((x) => [x.id, x])),
  };
}

/** One decision on many findings, in one transaction, each recorded with who and when. */
export async function setFindingStatuses(db: SettleGuardDb, ids: readonly string[], status: FindingStatus, by: string, at: string): Promise<number> {
  return db.transaction('rw', db.findings, async () => {
    const found = (await db.findings.bulkGet([...ids])).filter((f) => f !== undefined);
    await db.findings.bulkPut(found.map((f) => ({ ...f, status, statusBy: by, statusAt: at })));
    return found.length;
  });
}

/**
 * Rows per store as the last reconciliation counted them (lib/store-summary.ts): IndexedDB's
 * count() walks every key, ~0.6 s for 100,000 rows in Chromium. Counted only before any ran.
 */
export async function storedCounts(db: SettleGuardDb): Promise<{ transactions: number; statementLines: number; cashier: number }> {
  const summary = await db.summaries.get('main');
  if (summary?.rows) return summary.rows;
  const [transactions, statementLines, cashier] = await Promise.all([db.transactions.count(), db.statementLines.count(), db.cashier.count()]);
  return { transactions, statementLines, cashier };
}

/**
 * Every finding as the dashboard lists it: the last reconciliation's list (one record) with the
 * merchant's decisions since laid over it (the decided findings, through the status index: few).
 * Before any list was written, every finding is read.
 */
export async function listFindings(db: SettleGuardDb): Promise<ListedFinding[]> {
  const [list, decided] = await Promise.all([
    db.table<FindingList, string>('summaries').get('findings'),
    db.findings.where('status').anyOf(['dismissed', 'disputed', 'resolved']).toArray(),
  ]);
  if (!list) return (await db.findings.toArray()).map(listed);
  const decidedById = new Map(decided.map((f) => [f.id, f]));
  const out: ListedFinding[] = list.items.map((item) => {
    const now = decidedById.get(item.id);
    decidedById.delete(item.id);
    return now ? listed(now) : { ...item, status: 'open' };
  });
  // decisions kept from earlier runs whose evidence this run no longer raised
  for (const f of decidedById.values()) out.push(listed(f));
  return out;
}

export interface ChartsData {
  rates: RatePoint[];
  terminals: TerminalHealthView[];
  settlements: SettlementWeek[];
  /** when the summary was written; undefined before the first reconciliation */
  at?: string;
}

export async function loadCharts(db: SettleGuardDb): Promise<ChartsData> {
  const s = await db.summaries.get('main');
  return s ? { rates: s.rates, terminals: s.terminals, settlements: s.settlements, at: s.at } : { rates: [], terminals: [], settlements: [] };
}

/** The merchant's decision on the findings selected in the dashboard; open portal pages follow. */
export async function decideFindings(ids: string[], status: FindingStatus): Promise<void> {
  await setFindingStatuses(getDb(), ids, status, 'merchant', new Date().toISOString());
  await notifyPortalTabs();
}
