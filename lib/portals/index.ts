// Reading the transaction tables of a portal page (DESIGN.md §3 "Portal tables"). Pure: takes a
// Document and returns data; the content script sends the rows to the background and marks each
// row's `element` (the primary <tr>, never a fixed-column clone) with data-sg-row.
import type { CapturedTable } from '../model';
import { OccurrenceCounter } from '../ids';
import { readPageMeta } from './page-meta';
import { sniffColumns } from './sniff';
import { TABLE_READERS } from './registry';
import { applyColumnMap, buildTable, buildTableSteps, isTransactionTable, mapColumns, type MappedColumn, type ReadOptions } from './transactions';
import { profileForUrl } from './profiles';
import type { RawTable, TableReader } from './types';

export type { ReadOptions } from './transactions';
export type { PageMeta } from './page-meta';
export { readPageMeta } from './page-meta';
export { TABLE_READERS } from './registry';
export { PORTAL_PROFILES, builtInMatchPatterns, matchesPattern, profileForUrl, type PortalProfile } from './profiles';
export { TEACHABLE_FIELDS, type TeachableField } from './columns';

// What any family's table root looks like: a page with none of these holds no table to read,
// and the content script stops there without reading anything (issue 3 "nothing runs on pages
// without a transaction table").
const ANY_TABLE = 'table, [role=grid], [role=treegrid], [role=table], .ag-root-wrapper, .ag-root, .layui-table-view, .vxe-table, .datagrid, .el-table, .ant-table';

/** Cheap check before any reading: does the page hold anything a family could read? */
export function mayHoldTables(doc: ParentNode): boolean {
  return doc.querySelector(ANY_TABLE) !== null;
}

/** A captured table with the element the family recognised (where the overlay puts its table tools). */
export interface PortalTable extends CapturedTable {
  root: Element;
}

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
export function findTransactionTables(doc: ParentNode, columnMap?: ReadOptions['columnMap']): FoundTable[] {
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
      let columns = applyColumnMap(mapColumns(raw.headers), columnMap);
      // unknown headers: recognise the columns by their values (needs a few rows to be sure)
      if (!isTransactionTable(columns) && raw.rows.length >= 2) columns = applyColumnMap(sniffColumns(raw, columns), columnMap);
      if (!isTransactionTable(columns)) continue;
      if (reader === fallback) claimed.push(root);
      found.push({ adapter: reader.id, raw, columns });
    }
  }
  return found.sort((a, b) => (a.raw.root.compareDocumentPosition(b.raw.root) & 4 ? -1 : 1));
}

/**
 * What the portal profile for `url` adds to the caller's options: the portal id, its currency,
 * and its column hints under the merchant's own taught columns. The caller's values win.
 */
export function resolveReadOptions(url: string, options: ReadOptions = {}): ReadOptions {
  const profile = profileForUrl(url);
  if (!profile) return options;
  const hints = Object.keys(profile.columnHints).length ? profile.columnHints : undefined;
  const columnMap = hints || options.columnMap ? { ...hints, ...options.columnMap } : undefined;
  return {
    ...options,
    portal: options.portal ?? profile.id,
    currency: options.currency ?? profile.currency,
    ...(columnMap ? { columnMap } : {}),
  };
}

/**
 * DESIGN.md §3: every transaction table on the page with its rows. `now` is the capture instant
 * (ISO), stored as evidence.capturedAt. `options` carries what the merchant's settings know
 * (default currency, taught columns); the portal profile matching `url` adds its id, currency
 * and column hints.
 */
export function readPortalTables(doc: Document, url: string, now: string, options: ReadOptions = {}): PortalTable[] {
  const opts = resolveReadOptions(url, options);
  const found = findTransactionTables(doc, opts.columnMap);
  const meta = readPageMeta(doc, { exclude: found.map((f) => f.raw.root) });
  const occurrences = new OccurrenceCounter();
  return found.map((f) => ({ ...buildTable(f.raw, f.columns, { adapter: f.adapter, url, now, meta, options: opts, occurrences }), root: f.raw.root }));
}

export interface ChunkOptions {
  /** rows between two looks at the clock */
  sliceRows?: number;
  /** give the main thread back once this much time went by since the last yield (ms); 0 = every slice */
  budgetMs?: number;
  /** the clock for budgetMs (performance.now in the page) */
  clock?: () => number;
  /** gives the main thread back; default: scheduler.yield when present, else a macrotask */
  yieldNow?: () => Promise<void>;
  /** stop early (the page went away, the merchant pressed Stop) */
  signal?: AbortSignal;
}

/** Yields to the event loop: scheduler.yield() where the browser has it, else a 0 ms timeout. */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * readPortalTables in slices (issue 3 "Chunk the work"): the same tables and rows, but every
 * `sliceRows` rows the main thread is given back, so reading 5,000 rows never makes one long
 * task. Detection reads only headers (cell texts are read as rows are built). Returns [] at once
 * on a page that holds no table at all.
 */
export async function readPortalTablesChunked(doc: Document, url: string, now: string, options: ReadOptions = {}, chunk: ChunkOptions = {}): Promise<PortalTable[]> {
  if (!mayHoldTables(doc)) return [];
  const slice = Math.max(1, chunk.sliceRows ?? 20);
  const yieldNow = chunk.yieldNow ?? yieldToMain;
  const clock = chunk.clock ?? (() => (globalThis.performance ? globalThis.performance.now() : Date.now()));
  const budget = chunk.budgetMs ?? 0;
  let since = clock();
  const opts = resolveReadOptions(url, options);
  const found = findTransactionTables(doc, opts.columnMap);
  if (found.length === 0) return [];
  const meta = readPageMeta(doc, { exclude: found.map((f) => f.raw.root) });
  const occurrences = new OccurrenceCounter();
  const tables: PortalTable[] = [];
  for (const f of found) {
    const steps = buildTableSteps(f.raw, f.columns, { adapter: f.adapter, url, now, meta, options: opts, occurrences }, slice);
    for (;;) {
      const r = steps.next();
      if (r.done) { tables.push({ ...r.value, root: f.raw.root }); break; }
      // a long task is what the merchant feels: yield once the budget is spent, not on every slice
      if (budget > 0 && clock() - since < budget) continue;
      await yieldNow();
      since = clock();
      if (chunk.signal?.aborted) return tables;
    }
  }
  return tables;
}

/** The roots the content script should watch for changes (paging, sorting, lazy rows). */
export function findTableRoots(doc: ParentNode, options: ReadOptions = {}): { adapter: string; root: Element }[] {
  return findTransactionTables(doc, options.columnMap).map((f) => ({ adapter: f.adapter, root: f.raw.root }));
}
