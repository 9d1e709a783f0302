// Getting files in (DESIGN.md "Getting data in"): parse → preview → store in one transaction.
// Re-importing a file, or a file whose period overlaps one already imported, adds nothing:
// every record id is deterministic, so known ids are counted, not written again.
import Dexie, { type Table } from 'dexie';
import type { ImportRecord, SettleGuardDb } from '../db';
import type { Issue, StatementParseResult } from '../model';
import { parseStatement } from '../statements/index';
import { headerSetKey, parseCashierWithMapping, readCashierHeaders, type CashierMapping } from '../statements/cashier';
import { sha256Hex } from './hash';
import { withEvidenceHash } from './capture';

export interface ImportPreview {
  file: { name: string; bytes: Uint8Array };
  name: string;
  sha256: string;
  size: number;
  result: StatementParseResult;
  /** rows that would be stored: bank lines + acquirer rows + cashier rows + contracts */
  rowCount: number;
  /** false when nothing in the file could be read: then nothing will be stored */
  readable: boolean;
  /** a cashier export whose columns SettleGuard does not know: the merchant maps them once */
  needsMapping?: { headers: string[]; key: string };
}

export interface ImportOutcome {
  name: string;
  format: string;
  encoding: string;
  rows: number;
  added: number;
  known: number;
  contracts: number;
  issues: Issue[];
  stored: boolean;
}

/**
 * Parses a file for the preview. A cashier export with unknown columns is read with the mapping
 * the merchant gave for the same set of headers before, if any; else the preview asks for one.
 */
export async function previewImport(file: { name: string; bytes: Uint8Array }, cashierMappings: Record<string, CashierMapping> = {}): Promise<ImportPreview> {
  const [parsed, sha256] = await Promise.all([parseStatement(file), sha256Hex(file.bytes)]);
  let result = parsed;
  let needsMapping: ImportPreview['needsMapping'];
  const mappingIssue = parsed.issues.find((i) => i.code === 'cashier_mapping_needed');
  if (mappingIssue) {
    const headers = readCashierHeaders(file) ?? [];
    const key = headerSetKey(headers);
    const known = cashierMappings[key];
    if (known) result = parseCashierWithMapping(file, known);
    else needsMapping = { headers, key };
  }
  return { ...summarise(file, result), sha256, needsMapping };
}

/** Reads a cashier export with the columns the merchant mapped. */
export async function previewWithMapping(preview: ImportPreview, mapping: CashierMapping): Promise<ImportPreview> {
  return { ...summarise(preview.file, parseCashierWithMapping(preview.file, mapping)), sha256: preview.sha256 };
}

function summarise(file: { name: string; bytes: Uint8Array }, result: StatementParseResult): Omit<ImportPreview, 'sha256'> {
  const rowCount = result.lines.length + (result.transactions?.length ?? 0) + (result.cashier?.length ?? 0)
    + (result.contracts?.length ?? 0);
  const readable = rowCount > 0 || !result.issues.some((i) => i.level === 'error');
  return { file, name: file.name, size: file.bytes.length, result, rowCount, readable };
}

/** Stores a previewed file. All writes happen in one transaction: all or nothing. */
export async function commitImport(db: SettleGuardDb, preview: ImportPreview, now: string): Promise<ImportOutcome> {
  const { result } = preview;
  const base = { name: preview.name, format: result.format, encoding: result.encoding, issues: result.issues };
  if (!preview.readable || preview.rowCount === 0) {
    return { ...base, rows: 0, added: 0, known: 0, contracts: 0, stored: false };
  }
  const transactions = await Promise.all((result.transactions ?? []).map(withEvidenceHash));
  const lines = result.lines;
  const cashier = result.cashier ?? [];
  const contracts = result.contracts ?? [];
  return db.transaction('rw', [db.statementLines, db.transactions, db.cashier, db.contracts, db.imports], async () => {
    let added = 0, known = 0;
    // Dexie's EntityTable is Table<T, string, InsertType>; records here always carry their id.
    // Adds what is new and counts what was known, without reading first: an id already stored
    // fails its add (ConstraintError), which Dexie reports per item and we count as known.
    const putNew = async <T extends { id: string }, I>(table: Table<T, string, I>, items: (T & I)[]) => {
      if (!items.length) return;
      const unique = [...new Map(items.map((x) => [x.id, x])).values()];
      let failed = 0;
      try {
        await table.bulkAdd(unique);
      } catch (e) {
        if (!(e instanceof Dexie.BulkError) || e.failures.some((f) => f.name !== 'ConstraintError')) throw e;
        failed = e.failures.length;
      }
      added += unique.length - failed;
      known += failed;
    };
    await putNew(db.statementLines, lines);
    await putNew(db.transactions, transactions);
    await putNew(db.cashier, cashier);
    // A contract re-imported with the same id replaces the stored one: the merchant edited it.
    if (contracts.length) await db.contracts.bulkPut(contracts);
    const record: ImportRecord = {
      id: preview.sha256,
      name: preview.name,
      sha256: preview.sha256,
      format: result.format,
      encoding: result.encoding,
      kind: result.format === 'settleguard' ? 'settleguard' : result.kind,
      importedAt: now,
      counts: { rows: preview.rowCount, added, known, contracts: contracts.length },
      issues: result.issues,
    };
    await db.imports.put(record);
    return { ...base, rows: preview.rowCount, added, known, contracts: contracts.length, stored: true };
  });
}
