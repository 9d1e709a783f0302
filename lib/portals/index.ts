// Reading the transaction tables of a portal page (DESIGN.md §3 "Portal tables"). Pure: takes a
// Document and returns data; the content script sends the rows to the background and marks each
// row's `element` (the primary <tr>, never a fixed-column clone) with data-sg-row.
import type { CapturedTable } from '../model';
import { OccurrenceCounter } from '../ids';
import { readPageMeta } from './page-meta';
import { sniffColumns } from './sniff';
import { TABLE_READERS } from './registry';
import { buildTable, isTransactionTable, mapColumns, type MappedColumn, type ReadOptions } from './transactions';
import type { RawTable, TableReader } from './types';

export type { ReadOptions } from './transactions';
export type { PageMeta } from './page-meta';
export { readPageMeta } from './page-meta';
export { TABLE_READERS } from './registry';

export interface FoundTable {
  adapter: string;
  raw: RawTable;
  columns: MappedColumn[];
}

/**
 * The transaction tables of a page, in document order, each read by the first registered family
 * that recognises it. A family claims its whole root (an `.el-table` with its header, body and
 * fixed-column tables), so its inner <table>s are never read a second time as plain tables.
 */
export function findTransactionTables(doc: ParentNode): FoundTable[] {
  const claimed: Element[] = [];
  const found: FoundTable[] = [];
  const fallback: TableReader | undefined = TABLE_READERS[TABLE_READERS.length - 1];
  for (const reader of TABLE_READERS) {
    for (const root of reader.detect(doc)) {
      if (claimed.some((c) => c === root || c.contains(root))) continue;
      // a family's root is its own even when it turns out not to hold transactions
      if (reader !== fallback) claimed.push(root);
      const raw = reader.read(root);
      if (!raw) continue;
      let columns = mapColumns(raw.headers);
      // unknown headers: recognise the columns by their values (needs a few rows to be sure)
      if (!isTransactionTable(columns) && raw.rows.length >= 2) columns = sniffColumns(raw, columns);
      if (!isTransactionTable(columns)) continue;
      if (reader === fallback) claimed.push(root);
      found.push({ adapter: reader.id, raw, columns });
    }
  }
  return found.sort((a, b) => (a.raw.root.compareDocumentPosition(b.raw.root) & 4 ? -1 : 1));
}

/**
 * DESIGN.md §3: every transaction table on the page with its rows. `now` is the capture instant
 * (ISO), stored as evidence.capturedAt. `options` carries what the portal profile and the
 * merchant's settings know (portal id, currency, default currency).
 */
export function readPortalTables(doc: Document, url: string, now: string, options: ReadOptions = {}): CapturedTable[] {
  const found = findTransactionTables(doc);
  const meta = readPageMeta(doc, { exclude: found.map((f) => f.raw.root) });
  const occurrences = new OccurrenceCounter();
  return found.map((f) => buildTable(f.raw, f.columns, { adapter: f.adapter, url, now, meta, options, occurrences }));
}

/** The roots the content script should watch for changes (paging, sorting, lazy rows). */
export function findTableRoots(doc: ParentNode): { adapter: string; root: Element }[] {
  return findTransactionTables(doc).map((f) => ({ adapter: f.adapter, root: f.raw.root }));
}
