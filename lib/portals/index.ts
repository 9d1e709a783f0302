// Reading the transaction tables of a portal page (DESIGN.md §3 "Portal tables"). Pure: takes a
// Document and returns data; the content script sends the rows to the background and marks each
// row's `element` (the primary <tr>, never a fixed-column clone) with data-sg-row.
import type { CapturedColumn, CapturedTable } from '../model';
import { OccurrenceCounter } from '../ids';
import { readPageMeta } from './page-meta';
import { inferColumns } from './sniff';
import { TABLE_READERS } from './registry';
import {
  applyColumnMap,
  buildTable,
  buildTableSteps,
  capturedColumns,
  columnKey,
  isTransactionTable,
  mapColumns,
  type MappedColumn,
  type ReadOptions,
} from './transactions';
import { profileForUrl } from './profiles';
import type { RawTable, TableReader } from './types';
import type { ColumnRole } from './columns';

export type { ReadOptions } from './transactions';
export type { PageMeta } from './page-meta';
export { readPageMeta } from './page-meta';
export { TABLE_READERS } from './registry';
export { PORTAL_PROFILES, builtInMatchPatterns, matchesPattern, profileForUrl, type PortalProfile } from './profiles';
export { TEACHABLE_FIELDS, type TeachableField } from './columns';
export { PLACE_THRESHOLD, confidenceLevel } from './sniff';

// What any family's table root looks like: a page with none of these holds no table to read,
// and the content script stops there without reading anything (issue 3 "nothing runs on pages
// without a transaction table").
const ANY_TABLE =
  'table, [role=grid], [role=treegrid], [role=table], .ag-root-wrapper, .ag-root, .layui-table-view, .vxe-table, .datagrid, .el-table, .ant-table';

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
 * A table that looks like transactions but gave no rows (issue 12 "Bad input"): its columns as
 * far as they were understood, and the data columns nothing placed, so that the overlay can put
 * Teach columns after it and name them.
 */
export interface UnreadTable {
  adapter: string;
  root: Element;
  columns: CapturedColumn[];
  /** headers (or `#n`) of the data columns neither their header nor their values placed */
  unplaced: string[];
}

interface Reading {
  reader: TableReader;
  root: Element;
  raw: RawTable | null;
  columns: MappedColumn[];
  isTransactions: boolean;
}

function readRoot(reader: TableReader, root: Element, columnMap: ReadOptions['columnMap']): Reading {
  const raw = reader.read(root);
  if (!raw) return { reader, root, raw, columns: [], isTransactions: false };
  // headers first, then the merchant's taught columns, then what the values say about the rest;
  // not for a layout table around other tables: its cells hold whole tables, too long to sample
  const byHeaders = applyColumnMap(mapColumns(raw.headers), columnMap);
  const layout = !isTransactionTable(byHeaders) && root.querySelector(ANY_TABLE) !== null;
  const columns = layout ? byHeaders : inferColumns(raw, byHeaders);
  return { reader, root, raw, columns, isTransactions: isTransactionTable(columns) };
}

const ID_ROLES = new Set<string>(['kind', 'status', 'card', 'cardType', 'rrn', 'voucherNo', 'terminalId', 'authCode', 'orderNo']);

/**
 * A table worth telling the merchant about: rows, at least three columns, some the reader could
 * not place, and either a time next to money or two columns only transactions have (a 公告 list
 * or a settlement summary is neither).
 */
function looksLikeTransactions(r: Reading): boolean {
  if (!r.raw || r.raw.rows.length === 0 || r.columns.length < 3) return false;
  const roles = new Set(r.columns.map((c) => c.role));
  if (!r.columns.some((c) => c.role === null && c.info.role !== 'action' && c.info.role !== 'index')) return false;
  const moneyRoles: (ColumnRole | null | undefined)[] = ['amount', 'fee', 'net'];
  const money = r.columns.some((c) => moneyRoles.includes(c.role) || (c.role === null && moneyRoles.includes(c.guess)));
  return (roles.has('occurredAt') && money) || [...roles].filter((x) => x !== null && ID_ROLES.has(x)).length >= 2;
}

const overlaps = (a: Element, b: Element): boolean => a === b || a.contains(b) || b.contains(a);

/**
 * One pass over the page: the transaction tables, in document order, each read by the first
 * registered family that reads rows from it, and the tables that look like transactions but gave
 * none. A family claims its whole root (an `.el-table` with its header, body and fixed-column
 * tables), so its inner <table>s are never read a second time — but only once it read rows: a
 * family whose markers are there while its rows live elsewhere (a newer AG Grid) leaves the root
 * to the next readers (ARIA grid, then plain tables), and is used only if none of them reads it.
 * Roots in `skip` (and inside them) are not looked at.
 */
export function scanTables(
  doc: ParentNode,
  columnMap?: ReadOptions['columnMap'],
  skip: readonly Element[] = [],
): { found: FoundTable[]; unread: UnreadTable[] } {
  const claimed: Element[] = [];
  const found: FoundTable[] = [];
  const deferred: Reading[] = [];
  const unread: Reading[] = [];
  const fallback: TableReader | undefined = TABLE_READERS[TABLE_READERS.length - 1];
  // a skipped root's layout tables are skipped too: their cells hold the whole table's text
  const isClaimed = (root: Element) => claimed.some((c) => c === root || c.contains(root)) || skip.some((c) => overlaps(c, root));
  for (const reader of TABLE_READERS) {
    for (const root of reader.detect(doc, skip.length ? [...skip, ...claimed] : claimed)) {
      if (isClaimed(root)) continue;
      const r = readRoot(reader, root, columnMap);
      if (!r.raw || r.raw.rows.length === 0) {
        deferred.push(r);
        continue;
      }
      if (r.isTransactions) {
        found.push({ adapter: reader.id, raw: r.raw, columns: r.columns });
        claimed.push(root);
        continue;
      }
      // a family's root is its own even when it turns out not to hold transactions
      if (reader !== fallback) claimed.push(root);
      if (looksLikeTransactions(r)) unread.push(r);
    }
  }
  // a root that gave no rows: an empty transaction table (a query with no results) when nothing
  // inside or around it was read; families come first, so an empty .el-table wins over its <table>s
  for (const r of deferred) {
    if (!r.raw || !r.isTransactions || [...claimed, ...skip].some((c) => overlaps(c, r.root))) continue;
    found.push({ adapter: r.reader.id, raw: r.raw, columns: r.columns });
    claimed.push(r.root);
  }
  const roots = [...skip, ...found.map((f) => f.raw.root)];
  return {
    found: found.sort((a, b) => (a.raw.root.compareDocumentPosition(b.raw.root) & 4 ? -1 : 1)),
    unread: unread
      .filter((r) => !roots.some((root) => overlaps(root, r.root)))
      .map((r) => {
        const columns = capturedColumns(r.columns);
        return {
          adapter: r.reader.id,
          root: r.root,
          columns,
          unplaced: r.columns.flatMap((c, i) => (c.role === null && c.info.role !== 'action' && c.info.role !== 'index' ? [columnKey(c, i)] : [])),
        };
      }),
  };
}

/** The transaction tables of a page, in document order (see scanTables). */
export function findTransactionTables(doc: ParentNode, columnMap?: ReadOptions['columnMap']): FoundTable[] {
  return scanTables(doc, columnMap).found;
}

/**
 * The tables of a page that look like transactions but gave no rows, leaving out the tables the
 * caller already read (`read`: their roots), so that the content script, which has just read the
 * page, does not read those again.
 */
export function findUnreadTables(doc: ParentNode, read: readonly Element[], options: ReadOptions = {}): UnreadTable[] {
  if (!mayHoldTables(doc)) return [];
  return scanTables(doc, options.columnMap, read).unread;
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
export async function readPortalTablesChunked(
  doc: Document,
  url: string,
  now: string,
  options: ReadOptions = {},
  chunk: ChunkOptions = {},
): Promise<PortalTable[]> {
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
  // finding the tables of a long page (a cold first read of 5,000 Element rows: ~45 ms) is a task
  // of its own: the first slice of rows waits for the next one
  if (budget > 0 && clock() - since >= budget) {
    await yieldNow();
    since = clock();
    if (chunk.signal?.aborted) return [];
  }
  const occurrences = new OccurrenceCounter();
  const tables: PortalTable[] = [];
  for (const f of found) {
    const steps = buildTableSteps(f.raw, f.columns, { adapter: f.adapter, url, now, meta, options: opts, occurrences }, slice);
    for (;;) {
      const r = steps.next();
      if (r.done) {
        tables.push({ ...r.value, root: f.raw.root });
        break;
      }
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
