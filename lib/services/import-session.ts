// One import in progress: the parsed files wait here between preview and confirm, so only their
// summaries (format, accounts, counts, issues) travel to the page. In the extension this lives
// in the import worker; in unit tests, in place.
import type { SettleGuardDb } from '../db';
import type { StatementParseResult } from '../model';
import type { CashierMapping } from '../statements/cashier';
import { commitImport, previewImport, previewWithMapping, type ImportOutcome, type ImportPreview } from './imports';
import { runReconciliation } from './reconcile';

/** What the page shows of a parsed file: everything but the rows themselves. */
export interface PreviewSummary extends Omit<ImportPreview, 'file' | 'result'> {
  token: string;
  result: Omit<StatementParseResult, 'lines' | 'transactions' | 'cashier' | 'contracts'>;
}

export function summaryOf(token: string, p: ImportPreview): PreviewSummary {
  const { file: _file, result, ...rest } = p;
  const { lines: _l, transactions: _t, cashier: _c, contracts: _k, ...shown } = result;
  return { ...rest, token, result: shown };
}

export class ImportSession {
  private readonly previews = new Map<string, ImportPreview>();
  private next = 0;

  constructor(private readonly db: () => SettleGuardDb) {}

  async preview(file: { name: string; bytes: Uint8Array }, mappings: Record<string, CashierMapping>): Promise<PreviewSummary> {
    const start = performance.now();
    const preview = await previewImport(file, mappings);
    performance.measure('sg:import:parse', { start });
    return this.keep(preview);
  }

  async map(token: string, mapping: CashierMapping): Promise<PreviewSummary> {
    const p = this.previews.get(token);
    if (!p) throw new Error('that file is no longer waiting to be imported: choose it again');
    this.previews.delete(token);
    return this.keep(await previewWithMapping(p, mapping));
  }

  /** Stores the files (each in one transaction), then re-runs reconciliation once. */
  async commit(tokens: string[], now: string, asOf: string): Promise<ImportOutcome[]> {
    const db = this.db();
    const outcomes: ImportOutcome[] = [];
    for (const token of tokens) {
      const p = this.previews.get(token);
      if (!p) continue;
      this.previews.delete(token);
      const start = performance.now();
      outcomes.push(await commitImport(db, p, now));
      performance.measure('sg:import:store', { start });
    }
    const start = performance.now();
    if (outcomes.some((o) => o.stored)) await runReconciliation(db, asOf, now);
    performance.measure('sg:import:reconcile', { start });
    return outcomes;
  }

  discard(tokens: string[]): void {
    for (const t of tokens) this.previews.delete(t);
  }

  private keep(p: ImportPreview): PreviewSummary {
    const token = `${p.sha256}:${this.next++}`;
    this.previews.set(token, p);
    return summaryOf(token, p);
  }
}
