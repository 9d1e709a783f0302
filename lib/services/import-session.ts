// One import in progress: the parsed files wait here between preview and confirm, so only their
// summaries (format, accounts, counts, issues) travel to the page. In the extension this lives
// in the import worker; in unit tests, in place.
import type { ImportRecord, SettleGuardDb } from '../db';
import type { Issue, StatementParseResult } from '../model';
import { makeIssue } from '../i18n/issues';
import { checkImportLimits, IMPORT_LIMITS, type ImportLimits } from '../statements/limits';
import type { CashierMapping } from '../statements/cashier';
import type { ParseOptions } from '../statements/index';
import { beginImport, type PendingImport, previewImport, previewWithMapping, previewWithOptions, type ImportOutcome, type ImportPreview } from './imports';
import { reconcileStoredRows } from './import-reconcile';
import { restoreBackup } from './backup';
import { isQuotaExceeded } from './quota';
import { runReconciliation, storeFindings } from './reconcile';
import { loadSettings } from './settings';

/** What the page shows of a parsed file: everything but the rows themselves. */
export interface PreviewSummary extends Omit<ImportPreview, 'file' | 'result'> {
  token: string;
  result: Omit<StatementParseResult, 'lines' | 'transactions' | 'cashier' | 'contracts' | 'backup'>;
}

/**
 * What the import is doing, for the page's progress bar (issue 15 item 9). Parsers read a file in
 * one synchronous pass, so reading reports the file's size in lines before and its rows after;
 * storing reports rows written as IndexedDB answers; a file is 'stored' once its one transaction
 * has committed — until then cancelling leaves nothing of it.
 */
export type ImportProgress =
  | { phase: 'reading'; file: string; lines: number; bytes: number }
  | { phase: 'read'; file: string; rows: number }
  | { phase: 'storing'; file: string; stored: number; total: number }
  | { phase: 'stored'; file: string; added: number }
  | { phase: 'checking' };
export type OnProgress = (p: ImportProgress) => void;

/**
 * The merchant cancelled (issue 15 item 9): the worker was stopped, and with it the transaction of
 * the file it was storing, so nothing of that file is stored. `stored` names the files of the same
 * confirm whose transactions had already committed: those stay (and are reconciled).
 */
export class ImportCancelled extends Error {
  constructor(readonly stored: string[] = []) {
    super('the import was cancelled');
    this.name = 'ImportCancelled';
  }
}

/** Lines in a text file (0 for a ZIP-based workbook, whose size is told in bytes instead). */
export function countLines(bytes: Uint8Array): number {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 0; // 'PK': XLSX
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) n++;
  return bytes.length && bytes[bytes.length - 1] !== 0x0a ? n + 1 : n;
}

export function summaryOf(token: string, p: ImportPreview): PreviewSummary {
  const { file: _file, result, ...rest } = p;
  const { lines: _l, transactions: _t, cashier: _c, contracts: _k, backup: _b, ...shown } = result;
  return { ...rest, token, result: shown };
}

/** A file refused before reading: no rows, the one issue that says why. */
export function refusedPreview(file: { name: string; bytes: Uint8Array }, issue: Issue): ImportPreview {
  return {
    file: { name: file.name, bytes: new Uint8Array(0) },
    name: file.name,
    size: file.bytes.length,
    sha256: '',
    result: { format: 'unknown', encoding: 'binary', accounts: [], kind: 'bank', lines: [], issues: [issue] },
    rowCount: 0,
    readable: false,
  };
}

/** Rethrows `e` unless it is the browser refusing a write for lack of storage space. */
function ignoreQuota(e: unknown): void {
  if (!isQuotaExceeded(e)) throw e;
}

/** A file not stored because the storage quota is full (issue 14 item 7): nothing of it was written. */
function storageFull(p: ImportPreview): ImportOutcome {
  const issue = makeIssue('error', 'import.storageFull', { file: p.name }, { code: 'storage_full' });
  const { format, encoding, issues } = p.result;
  return { name: p.name, format, encoding, rows: 0, added: 0, known: 0, contracts: 0, issues: [issue, ...issues], stored: false };
}

export class ImportSession {
  private readonly previews = new Map<string, ImportPreview>();
  /** set by cancel() while commit() runs */
  private cancelled = false;
  private next = 0;

  constructor(
    private readonly db: () => SettleGuardDb,
    private readonly limits: ImportLimits = IMPORT_LIMITS,
  ) {}

  async preview(file: { name: string; bytes: Uint8Array }, mappings: Record<string, CashierMapping>, onProgress?: OnProgress): Promise<PreviewSummary> {
    const start = performance.now();
    onProgress?.({ phase: 'reading', file: file.name, lines: countLines(file.bytes), bytes: file.bytes.length });
    // sizes first (bytes, a ZIP's inflated parts, a sheet's declared range, lines): a file past
    // them is refused unread, with the limit named, and nothing of it is ever stored
    const overLimit = checkImportLimits(file, this.limits);
    if (overLimit) return this.keep(refusedPreview(file, overLimit));
    const preview = await previewImport(file, mappings);
    performance.measure('sg:import:parse', { start });
    onProgress?.({ phase: 'read', file: file.name, rows: preview.rowCount });
    return this.keep(preview);
  }

  /** The file of `token` read again with the merchant's answer (e.g. dateOrder); it replaces the old preview. */
  async reparse(token: string, options: ParseOptions, mappings: Record<string, CashierMapping>): Promise<PreviewSummary> {
    const p = this.previews.get(token);
    if (!p) throw new Error('that file is no longer waiting to be imported: choose it again');
    this.previews.delete(token);
    return this.keep(await previewWithOptions(p, options, mappings));
  }

  async map(token: string, mapping: CashierMapping): Promise<PreviewSummary> {
    const p = this.previews.get(token);
    if (!p) throw new Error('that file is no longer waiting to be imported: choose it again');
    this.previews.delete(token);
    return this.keep(await previewWithMapping(p, mapping));
  }

  /**
   * Stores the files (each in one transaction), then re-runs reconciliation once. The last file's
   * transaction also reads everything stored, so reconciliation runs on rows in hand while
   * IndexedDB is still writing that file; its findings are stored once the file is.
   */
  async commit(tokens: string[], now: string, asOf: string, onProgress?: OnProgress): Promise<ImportOutcome[]> {
    const start = performance.now();
    const db = this.db();
    this.cancelled = false;
    const previews: ImportPreview[] = [];
    for (const token of tokens) {
      const p = this.previews.get(token);
      if (!p) continue;
      this.previews.delete(token);
      previews.push(p);
    }
    const last = previews.findLastIndex((p) => p.readable && p.rowCount > 0);
    // read alongside the first writes: settings only matter once the last file's rows are in hand
    const settings = last >= 0 ? loadSettings(db) : undefined;
    settings?.catch(() => undefined);
    // what pages showed of each day (DESIGN.md "Coverage"), so the import's findings are those a full run gives
    const coverage = last >= 0 ? db.coverage.toArray() : undefined;
    coverage?.catch(() => undefined);
    const outcomes: ImportOutcome[] = [];
    try {
      for (const [i, p] of previews.entries()) {
        if (this.cancelled) break;
        // a backup restores every store in its own transaction and reconciles after it (./backup.ts)
        const storing = (stored: number) => onProgress?.({ phase: 'storing', file: p.name, stored, total: p.rowCount });
        const stored = (o: ImportOutcome) => {
          if (o.stored) onProgress?.({ phase: 'stored', file: p.name, added: o.added });
          return o;
        };
        storing(0);
        if (p.result.backup) {
          outcomes.push(stored(await restoreBackup(db, p, now, asOf)));
          continue;
        }
        const begun = performance.now();
        // the file's earlier import record, if any, is what a cancel puts back
        const previous = await db.imports.get(p.sha256);
        const pending = await beginImport(db, p, now, { rows: i === last, onStored: storing });
        if (!pending.rows || !settings || !coverage) {
          const outcome = await pending.done;
          if (this.cancelled) {
            await undoImport(db, p, pending, previous);
            break;
          }
          outcomes.push(stored(outcome));
          continue;
        }
        const issued = performance.now();
        performance.measure('sg:import:issue', { start: begun });
        const basis = { ...pending.rows, coverage: await coverage };
        const result = reconcileStoredRows(basis, await settings, asOf);
        performance.measure('sg:import:reconcile', { start: issued });
        const outcome = await pending.done;
        if (this.cancelled) {
          await undoImport(db, p, pending, previous);
          break;
        }
        outcomes.push(stored(outcome));
        performance.measure('sg:import:store', { start: begun });
        onProgress?.({ phase: 'checking' });
        const findingsStart = performance.now();
        // written only if no capture or other import changed the rows meanwhile (else reconciled again)
        await storeFindings(db, result, now, basis, asOf);
        performance.measure('sg:import:findings', { start: findingsStart });
        if (this.cancelled) {
          await undoImport(db, p, pending, previous);
          outcomes.pop();
        }
      }
    } catch (error) {
      // a file that failed stored nothing (its one transaction aborted); the files stored before
      // it are still reconciled, if there is room left to store their findings
      if (outcomes.some((o) => o.stored)) await runReconciliation(db, asOf, now).catch((e: unknown) => ignoreQuota(e));
      ignoreQuota(error);
      // the browser's storage is full: this file and those after it are not stored, each says why
      for (const p of previews.slice(outcomes.length)) outcomes.push(storageFull(p));
      return outcomes;
    }
    if (this.cancelled) {
      // what is stored now is what was before plus the files stored before the cancel: check that
      await runReconciliation(db, asOf, now);
      throw new ImportCancelled(outcomes.filter((o) => o.stored).map((o) => o.name));
    }
    performance.measure('sg:import:commit', { start });
    return outcomes;
  }

  /**
   * The merchant cancelled while files are stored. IndexedDB cannot take back a transaction once
   * it is committing (and Chromium finishes it even when the worker is stopped), so the file being
   * stored is undone once its transaction has committed: the rows it added and its import record
   * are deleted, the files after it are not started, and reconciliation runs over what is left.
   */
  cancel(): void {
    this.cancelled = true;
  }

  discard(tokens: string[]): void {
    for (const t of tokens) this.previews.delete(t);
  }

  private keep(p: ImportPreview): PreviewSummary {
    const token = `${p.sha256 || 'refused'}:${this.next++}`;
    this.previews.set(token, p);
    return summaryOf(token, p);
  }
}

/** Takes a stored file back: the rows it added deleted and its import record as it was before, in one transaction. */
async function undoImport(db: SettleGuardDb, preview: ImportPreview, pending: PendingImport, previous: ImportRecord | undefined): Promise<void> {
  const added = pending.added ?? { statementLines: [], transactions: [], cashier: [] };
  await db.transaction('rw', [db.statementLines, db.transactions, db.cashier, db.imports], async () => {
    await db.statementLines.bulkDelete(added.statementLines);
    await db.transactions.bulkDelete(added.transactions);
    await db.cashier.bulkDelete(added.cashier);
    if (previous) await db.imports.put(previous);
    else await db.imports.delete(preview.sha256);
  });
}
