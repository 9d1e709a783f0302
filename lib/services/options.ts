// What the options page does with the data: one place, so the page stays UI only.
import { getDb, type Settings } from '../db';
import type { Contract, FindingStatus, StoredFinding } from '../model';
import { commitImport, previewImport, type ImportOutcome, type ImportPreview } from './imports';
import { runReconciliation } from './reconcile';
import { notifyPortalTabs, todayIso } from './notify';
import { setFindingStatus, summarizeFindings, type FindingSummary } from './findings';
import { loadSettings, saveSettings } from './settings';
import type { ImportRecord } from '../db';

export interface OptionsData {
  settings: Settings;
  findings: StoredFinding[];
  summary: FindingSummary;
  contracts: Contract[];
  imports: ImportRecord[];
  counts: { transactions: number; statementLines: number; cashier: number };
}

export async function loadOptionsData(): Promise<OptionsData> {
  const db = getDb();
  const [settings, findings, contracts, imports, transactions, statementLines, cashier] = await Promise.all([
    loadSettings(db), db.findings.toArray(), db.contracts.orderBy('effectiveFrom').toArray(),
    db.imports.orderBy('importedAt').reverse().toArray(), db.transactions.count(), db.statementLines.count(), db.cashier.count(),
  ]);
  const order = { overcharge: 0, suspect: 1, info: 2 };
  findings.sort((a, b) => order[a.severity] - order[b.severity] || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  return { settings, findings, summary: summarizeFindings(findings), contracts, imports, counts: { transactions, statementLines, cashier } };
}

export async function previewFiles(files: { name: string; bytes: Uint8Array }[]): Promise<ImportPreview[]> {
  return Promise.all(files.map(previewImport));
}

/** Stores every readable file, then re-runs reconciliation once and refreshes open portal tabs. */
export async function commitFiles(previews: ImportPreview[]): Promise<ImportOutcome[]> {
  const db = getDb();
  const now = new Date();
  const outcomes: ImportOutcome[] = [];
  for (const p of previews) outcomes.push(await commitImport(db, p, now.toISOString()));
  if (outcomes.some((o) => o.stored)) {
    await runReconciliation(db, todayIso(now), now.toISOString());
    await notifyPortalTabs();
  }
  return outcomes;
}

export async function changeFindingStatus(id: string, status: FindingStatus): Promise<void> {
  await setFindingStatus(getDb(), id, status, 'merchant', new Date().toISOString());
  await notifyPortalTabs();
}

export async function updateSettings(patch: Partial<Settings>): Promise<void> {
  const db = getDb();
  await saveSettings(db, patch);
  const now = new Date();
  await runReconciliation(db, todayIso(now), now.toISOString());
  await notifyPortalTabs();
}

/** The full backup: SettleGuard JSON, the same format the importer reads (DESIGN.md). */
export async function exportBackup(): Promise<string> {
  const db = getDb();
  const [contracts, transactions, statementLines, cashier, findings, disputes, settings] = await Promise.all([
    db.contracts.toArray(), db.transactions.toArray(), db.statementLines.toArray(), db.cashier.toArray(),
    db.findings.toArray(), db.disputes.toArray(), loadSettings(db),
  ]);
  return JSON.stringify({ settleguard: 1, exportedAt: new Date().toISOString(), contracts, transactions, statementLines, cashier, findings, disputes, settings }, null, 2);
}

export async function clearAllData(): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.tables, async () => { await Promise.all(db.tables.map((t) => t.clear())); });
  await notifyPortalTabs();
}
