// What the options page does with the data: one place, so the page stays UI only.
import { getDb, type Settings } from '../db';
import type { Contract, FindingStatus } from '../model';
import type { ListedFinding } from '../store-summary';
import type { ImportOutcome } from './imports';
import { commitPreviews, discardPreviews, ImportCancelled, mapPreview, previewFile, reparsePreview } from './import-client';
import type { OnProgress, PreviewSummary } from './import-session';
import type { CashierMapping } from '../statements/cashier';
import type { ParseOptions } from '../statements/index';
import { runReconciliation } from './reconcile';
import { notifyPortalTabs, todayIso } from './notify';
import { setFindingStatus, summarizeFindings, type FindingSummary } from './findings';
import { loadSettings, saveSettings } from './settings';
import { applyEvent, escalationDraft, evidencePackZip, listDisputes, type DisputeView } from './disputes';
import type { DisputeEvent } from '../disputes/tracker';
import type { DisputeDraft } from '../disputes/render';
import type { ImportRecord } from '../db';
import { validateContract } from '../statements/settleguard';
import { type Checklist, loadChecklist } from './onboarding';
import { listFindings, storedCounts } from './dashboard';
import { cancelDispute, deleteDispute, restoreDispute, type DisputeSnapshot } from './dispute-lifecycle';
import type { MerchantDetails } from '../db';
import type { FieldProblem } from '../i18n/issues';

export interface OptionsData {
  settings: Settings;
  findings: ListedFinding[];
  summary: FindingSummary;
  contracts: Contract[];
  imports: ImportRecord[];
  counts: { transactions: number; statementLines: number; cashier: number };
  disputes: DisputeView[];
  today: string;
  /** the first-run checklist (lib/services/onboarding.ts) */
  checklist: Checklist;
}

export async function loadOptionsData(): Promise<OptionsData> {
  const db = getDb();
  // no row store is read: the findings tab loads evidence and charts when asked (lib/services/dashboard.ts)
  const [settings, findings, contracts, imports, counts] = await Promise.all([
    loadSettings(db),
    // the last reconciliation's list with the decisions since: not every finding with its row ids
    listFindings(db),
    db.contracts.orderBy('effectiveFrom').toArray(),
    db.imports.orderBy('importedAt').reverse().toArray(),
    storedCounts(db),
  ]);
  const today = todayIso();
  const [disputes, checklist] = await Promise.all([listDisputes(db, today), loadChecklist(db)]);
  const order = { overcharge: 0, suspect: 1, info: 2 };
  findings.sort((a, b) => order[a.severity] - order[b.severity] || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  return {
    settings,
    findings,
    summary: summarizeFindings(findings),
    contracts,
    imports,
    counts,
    disputes,
    today,
    checklist,
  };
}

export async function previewFiles(files: { name: string; bytes: Uint8Array }[], onProgress?: OnProgress): Promise<PreviewSummary[]> {
  const mappings = (await loadSettings(getDb())).cashierMappings ?? {};
  // one after another, in the import worker: the page stays responsive while a large file is read
  const out: PreviewSummary[] = [];
  for (const f of files) out.push(await previewFile(f, mappings as Record<string, CashierMapping>, onProgress));
  return out;
}

/** The merchant mapped a cashier export's columns: remember it for this header set, read the file with it. */
export async function mapCashierColumns(preview: PreviewSummary, mapping: CashierMapping): Promise<PreviewSummary> {
  const db = getDb();
  const settings = await loadSettings(db);
  if (preview.needsMapping) await saveSettings(db, { cashierMappings: { ...settings.cashierMappings, [preview.needsMapping.key]: mapping } });
  return mapPreview(preview.token, mapping);
}

/** The merchant answered the preview's question (day-first or month-first dates): read the file again with it. */
export async function reparseImport(preview: PreviewSummary, options: ParseOptions): Promise<PreviewSummary> {
  const mappings = (await loadSettings(getDb())).cashierMappings ?? {};
  return reparsePreview(preview.token, options, mappings as Record<string, CashierMapping>);
}

/** Stores every readable file, re-runs reconciliation once, and refreshes open portal tabs. */
export async function commitFiles(previews: PreviewSummary[], onProgress?: OnProgress): Promise<ImportOutcome[]> {
  const now = new Date();
  try {
    const outcomes = await commitPreviews(
      previews.map((p) => p.token),
      now.toISOString(),
      todayIso(now),
      onProgress,
    );
    if (outcomes.some((o) => o.stored)) await notifyPortalTabs();
    return outcomes;
  } catch (e) {
    // a cancel undid the file in hand and checked what is stored again: the portal's highlights follow
    if (e instanceof ImportCancelled) await notifyPortalTabs();
    throw e;
  }
}

export function discardFiles(previews: PreviewSummary[]): Promise<void> {
  return discardPreviews(previews.map((p) => p.token));
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

/** The full backup: SettleGuard JSON, the same format the importer reads (DESIGN.md); lib/services/backup.ts. */
export { exportBackup } from './backup';

export async function clearAllData(): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
  await notifyPortalTabs();
}

/** Saves a contract the merchant edited, if it validates; then re-checks everything against it. */
export async function saveContract(contract: Contract): Promise<{ ok: true } | { ok: false; problems: FieldProblem[] }> {
  const { contract: valid, problems } = validateContract(stripEmpty(contract), 0);
  if (!valid) return { ok: false, problems };
  const db = getDb();
  await db.contracts.put(valid);
  const now = new Date();
  await runReconciliation(db, todayIso(now), now.toISOString());
  await notifyPortalTabs();
  return { ok: true };
}

export async function deleteContract(id: string): Promise<void> {
  const db = getDb();
  await db.contracts.delete(id);
  const now = new Date();
  await runReconciliation(db, todayIso(now), now.toISOString());
  await notifyPortalTabs();
}

export function newContract(settings: Settings, now = new Date()): Contract {
  return {
    id: `contract:${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
    label: '',
    merchantId: settings.merchant.merchantId,
    currency: settings.defaultCurrency,
    effectiveFrom: todayIso(now),
    settleCycle: 'T1',
    calendar: settings.defaultCurrency === 'CNY' ? 'CN' : 'weekdays',
    rules: [{ cardType: 'any', percent: '' }],
    periodicFees: [],
  };
}

/** Empty optional fields from the form are absent, not "" (the validator reads "" as a bad value). */
function stripEmpty(c: Contract): Contract {
  const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== undefined)) as T;
  return { ...clean(c), rules: c.rules.map(clean), periodicFees: c.periodicFees.map(clean) };
}

export async function applyDisputeEvent(id: string, event: DisputeEvent): Promise<string | null> {
  const res = await applyEvent(getDb(), id, event, new Date().toISOString());
  if (res.ok) await notifyPortalTabs();
  return res.ok ? null : res.error.message;
}

export async function disputeEscalation(id: string): Promise<DisputeDraft | null> {
  return escalationDraft(getDb(), id, todayIso());
}

export async function disputeEvidencePack(id: string): Promise<{ name: string; bytes: Uint8Array } | null> {
  return evidencePackZip(getDb(), id, new Date().toISOString());
}

/** The merchant's details for letters, from the welcome checklist or a letter that lacked them. */
export async function saveMerchantDetails(merchant: MerchantDetails): Promise<void> {
  const db = getDb();
  const settings = await loadSettings(db);
  await saveSettings(db, { merchant: { ...settings.merchant, ...merchant } });
}

/** Cancels a dispute; a snapshot to undo it with, or what was wrong. */
export async function cancelDisputeNow(id: string): Promise<DisputeSnapshot | string> {
  const res = await cancelDispute(getDb(), id, new Date().toISOString());
  if (!res.ok) return res.error.message;
  await notifyPortalTabs();
  return res.snapshot;
}

export async function deleteDisputeNow(id: string): Promise<DisputeSnapshot | null> {
  const snapshot = await deleteDispute(getDb(), id, new Date().toISOString());
  if (snapshot) await notifyPortalTabs();
  return snapshot;
}

export async function restoreDisputeNow(snapshot: DisputeSnapshot): Promise<void> {
  await restoreDispute(getDb(), snapshot);
  await notifyPortalTabs();
}
