// Storing rows the content script captured (DESIGN.md §1). Re-capturing a page adds nothing:
// ids are deterministic, and every batch is written in one transaction.
import { browser } from 'wxt/browser';
import type { SettleGuardDb } from '../db';
import type { PortalTransaction } from '../model';
import { sha256Hex } from './hash';
import { foldCapture, type CaptureFacts } from '../coverage';
import { originOfUrl, siteOfUrl, siteRowId } from '../sites';

export interface CaptureCounts {
  added: number;
  updated: number;
  known: number;
  /** coverage records written (lib/coverage.ts) */
  coverage?: number;
  /** rows of the batch not stored, each with its index in the batch and why (issue 14 item 2) */
  refused?: RefusedRow[];
}

export interface RefusedRow {
  /** 0-based index in the batch as sent */
  index: number;
  /** other_origin: read on a page of another origin than the sender's */
  code: 'other_origin';
  message: string;
}

/** Where rows were captured and what the page stated, for coverage (DESIGN.md "Coverage"). */
export interface CaptureSource {
  /** the sender's origin */
  site: string;
  /**
   * The sender's site (lib/sites.ts siteOfUrl): with it, a row read on another origin than the
   * sender's is refused, and a row whose id another site's row holds is stored under its id on
   * this site (placeOnSite): another site's page never overwrites this one's evidence.
   */
  rowSite?: string;
  facts?: CaptureFacts;
  now: string;
}

/** The rows of a batch the sender may store, with their index in the batch; the others go to `refused`. */
export function rowsOfSender(rows: readonly PortalTransaction[], source: CaptureSource | undefined, refused: RefusedRow[]): [PortalTransaction, number][] {
  const entries = rows.map((row, index): [PortalTransaction, number] => [row, index]);
  if (!source?.rowSite) return entries;
  return entries.filter(([row, index]) => {
    if (originOfUrl(row.evidence.url) === source.site) return true;
    refused.push({
      index,
      code: 'other_origin',
      message: `row ${index + 1} was read on ${row.evidence.url.slice(0, 200)}, not on the sender's ${source.site}`,
    });
    return false;
  });
}

/**
 * Inside the writing transaction: where will each row be stored, and what is stored there now. A
 * row's id (DESIGN.md §3 recipe) holds only what the row shows, so that the acquirer's 对账单
 * imported later finds it; a page of another site showing the same reference (issue 14: an
 * off-screen table on another origin) would replace our row. So a row whose id a row of another
 * site holds is kept under its id on this site (lib/sites.ts siteRowId), beside it: nothing is
 * lost and nothing overwritten. Rows read from files (no site) are a site's to update.
 */
export async function placeOnSite(
  db: SettleGuardDb,
  rows: readonly PortalTransaction[],
  rowSite: string | undefined,
): Promise<{ rows: PortalTransaction[]; existing: (PortalTransaction | undefined)[] }> {
  const existing = await db.transactions.bulkGet(rows.map((r) => r.id));
  if (rowSite === undefined) return { rows: [...rows], existing };
  const elsewhere = (t: PortalTransaction | undefined) => {
    const site = t ? siteOfUrl(t.evidence.url) : null;
    return site !== null && site !== rowSite;
  };
  const moved = rows.flatMap((_row, i) => (elsewhere(existing[i]) ? [i] : []));
  if (moved.length === 0) return { rows: [...rows], existing };
  const placed = [...rows];
  for (const i of moved) placed[i] = { ...rows[i]!, id: siteRowId(rowSite, rows[i]!.id) };
  const there = await db.transactions.bulkGet(moved.map((i) => placed[i]!.id));
  moved.forEach((i, k) => {
    existing[i] = there[k];
  });
  return { rows: placed, existing };
}

/** Evidence hash: hex SHA-256 of JSON.stringify of the cells in column order (DESIGN.md §3). */
export async function withEvidenceHash(row: PortalTransaction): Promise<PortalTransaction> {
  if (row.evidence.sha256) return row;
  const sha256 = await sha256Hex(JSON.stringify(row.evidence.cells));
  return { ...row, evidence: { ...row.evidence, sha256 } };
}

/**
 * Stores a batch of captured rows; with `source`, the site's coverage records follow in the same
 * transaction (the rows and what was seen of their days never disagree).
 */
export async function storeCapturedRows(db: SettleGuardDb, rows: PortalTransaction[], source?: CaptureSource): Promise<CaptureCounts> {
  const refused: RefusedRow[] = [];
  const hashed = await Promise.all(rowsOfSender(rows, source, refused).map(([row]) => withEvidenceHash(row)));
  // one row per id within the batch (a fixed-column clone read twice must not count twice)
  const batch = [...new Map(hashed.map((r) => [r.id, r])).values()];
  const outcome = await db.transaction('rw', [db.transactions, db.coverage], async () => {
    const { rows: unique, existing } = await placeOnSite(db, batch, source?.rowSite);
    const toPut: PortalTransaction[] = [];
    let added = 0,
      updated = 0,
      known = 0;
    unique.forEach((row, i) => {
      const old = existing[i];
      if (!old) {
        added++;
        toPut.push(row);
        return;
      }
      // Same id, different cells: the portal changed the row (e.g. its status became 已撤销).
      // Keep the newest reading; the evidence records when it was seen.
      if (old.evidence.sha256 !== row.evidence.sha256) {
        updated++;
        toPut.push(row);
        return;
      }
      known++;
    });
    const replaced = await readingsReplaced(db, unique, existing);
    added -= replaced.length;
    updated += replaced.length;
    if (replaced.length) await db.transactions.bulkDelete(replaced);
    if (toPut.length) await db.transactions.bulkPut(toPut);
    if (!source) return { added, updated, known };
    return { added, updated, known, coverage: await storeCoverage(db, source, unique, existing, replaced) };
  });
  return refused.length ? { ...outcome, refused } : outcome;
}

/**
 * Folds stored rows into the site's coverage records (lib/coverage.ts); call it inside the
 * transaction that stores the rows, with `db.coverage` in its scope. `existing` are the readings
 * stored before under the rows' ids, `replaced` the ids of older readings the rows replace.
 */
export async function storeCoverage(
  db: SettleGuardDb,
  source: CaptureSource,
  rows: readonly PortalTransaction[],
  existing: readonly (PortalTransaction | undefined)[],
  replaced: readonly string[] = [],
): Promise<number> {
  const siteRecords = await db.coverage.where('site').equals(source.site).toArray();
  // a row now read on another day or merchant leaves the coverage record it was counted in
  const moved = rows
    .filter((row, i) => {
      const old = existing[i];
      return old !== undefined && (old.occurredAt.slice(0, 10) !== row.occurredAt.slice(0, 10) || old.merchantId !== row.merchantId);
    })
    .map((r) => r.id);
  const changed = foldCapture(siteRecords, { site: source.site, rows, facts: source.facts, now: source.now, removedIds: [...replaced, ...moved] });
  if (changed.length) await db.coverage.bulkPut(changed);
  return changed.length;
}

/**
 * The stored ids that new rows of the batch replace: the same row read again under a new id. An
 * id follows what was read of a row (DESIGN.md §3 id recipe), so a better reading — a reference
 * the reader now places from its values — gives the same row a new id. A stored row with the same
 * evidence (hash of the same cell texts), portal and origin, whose id this batch does not hold,
 * is that row's old reading. Identical twin rows (two swipes shown alike) are replaced one for
 * one, never both by one.
 */
async function readingsReplaced(
  db: SettleGuardDb,
  batch: readonly PortalTransaction[],
  existing: readonly (PortalTransaction | undefined)[],
): Promise<string[]> {
  const fresh = batch.filter((_, i) => !existing[i]);
  if (fresh.length === 0) return [];
  const inBatch = new Set(batch.map((r) => r.id));
  const place = (t: PortalTransaction) => `${t.evidence.sha256}|${t.portal}|${originOfUrl(t.evidence.url) ?? t.evidence.url}`;
  const candidates = new Map<string, string[]>();
  const stored = await db.transactions
    .where('evidence.sha256')
    .anyOf([...new Set(fresh.map((r) => r.evidence.sha256))])
    .toArray();
  for (const old of stored) {
    if (inBatch.has(old.id)) continue;
    const key = place(old);
    candidates.set(key, [...(candidates.get(key) ?? []), old.id]);
  }
  const replaced: string[] = [];
  for (const row of fresh) {
    const id = candidates.get(place(row))?.shift();
    if (id !== undefined) replaced.push(id);
  }
  return replaced;
}

/**
 * What a page of a site showed that SettleGuard could not read (issue 12 "Bad input"): tables that
 * look like transactions but gave no rows, with the columns nothing placed. Kept per site in the
 * session store (it describes the pages open now, not the merchant's data), the latest page's
 * report replacing the one before; the popup shows it with "Teach columns".
 */
export interface UnreadTablesReport {
  url: string;
  seenAt: string;
  tables: { unplaced: string[] }[];
}

/** The part of browser.storage.StorageArea used here (tests pass an in-memory one). */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** The session store: what pages showed lasts as long as the browser session, not in IndexedDB. */
export function sessionArea(): KeyValueArea {
  return browser.storage.session;
}

const unreadKey = (origin: string): string => `unreadTables:${origin}`;

export async function recordUnreadTables(area: KeyValueArea, origin: string, report: UnreadTablesReport): Promise<void> {
  if (report.tables.length === 0) await area.remove(unreadKey(origin));
  else await area.set({ [unreadKey(origin)]: report });
}

export async function unreadTablesOf(area: KeyValueArea, origin: string): Promise<UnreadTablesReport | null> {
  const v = (await area.get(unreadKey(origin)))[unreadKey(origin)] as UnreadTablesReport | undefined;
  return v && Array.isArray(v.tables) && v.tables.length ? v : null;
}
