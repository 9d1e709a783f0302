// One import in progress: the parsed files wait here between preview and confirm, so only their
// summaries (format, accounts, counts, issues) travel to the page. In the extension this lives
// in the import worker; in unit tests, in place.
import type { SettleGuardDb } from '../db';
import type { Issue, StatementParseResult } from '../model';
import { checkImportLimits, IMPORT_LIMITS, type ImportLimits } from '../statements/limits';
import type { CashierMapping } from '../statements/cashier';
import type { ParseOptions } from '../statements/index';
import { beginImport, previewImport, previewWithMapping, previewWithOptions, type ImportOutcome, type ImportPreview } from './imports';
import { reconcileStoredRows } from './import-reconcile';
import { restoreBackup } from './backup';
import { runReconciliation, storeFindings } from './reconcile';
import { loadSettings } from './settings';

/** What the page shows of a parsed file: everything but the rows themselves. */
export interface PreviewSummary extends Omit<ImportPreview, 'file' | 'result'> {
  token: string;
  result: Omit<StatementParseResult, 'lines' | 'transactions' | 'cashier' | 'contracts' | 'backup'>;
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

export class ImportSession {
  private readonly previews = new Map<string, ImportPreview>();
  private next = 0;

  constructor(
    private readonly db: () => SettleGuardDb,
    private readonly limits: ImportLimits = IMPORT_LIMITS,
  ) {}

  async preview(file: { name: string; bytes: Uint8Array }, mappings: Record<string, CashierMapping>): Promise<PreviewSummary> {
    const start = performance.now();
    // sizes first (bytes, a ZIP's inflated parts, a sheet's declared range, lines): a file past
    // them is refused unread, with the limit named, and nothing of it is ever stored
    const overLimit = checkImportLimits(file, this.limits);
    if (overLimit) return this.keep(refusedPreview(file, overLimit));
    const preview = await previewImport(file, mappings);
    performance.measure('sg:import:parse', { start });
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
  async commit(tokens: string[], now: string, asOf: string): Promise<ImportOutcome[]> {
    const start = performance.now();
    const db = this.db();
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
    const outcomes: ImportOutcome[] = [];
    try {
      for (const [i, p] of previews.entries()) {
        // a backup restores every store in its own transaction and reconciles after it (./backup.ts)
        if (p.result.backup) {
          outcomes.push(await restoreBackup(db, p, now, asOf));
          continue;
        }
        const begun = performance.now();
        const pending = await beginImport(db, p, now, { rows: i === last });
        if (!pending.rows || !settings) {
          outcomes.push(await pending.done);
          continue;
        }
        const issued = performance.now();
        performance.measure('sg:import:issue', { start: begun });
        const result = reconcileStoredRows(pending.rows, await settings, asOf);
        performance.measure('sg:import:reconcile', { start: issued });
        outcomes.push(await pending.done);
        performance.measure('sg:import:store', { start: begun });
        const stored = performance.now();
        await storeFindings(db, result, now, pending.rows);
        performance.measure('sg:import:findings', { start: stored });
      }
    } catch (error) {
      // a file that failed stored nothing; the files stored before it are still reconciled
      if (outcomes.some((o) => o.stored)) await runReconciliation(db, asOf, now);
      throw error;
    }
    performance.measure('sg:import:commit', { start });
    return outcomes;
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
