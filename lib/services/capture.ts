// Storing rows the content script captured (DESIGN.md §1). Re-capturing a page adds nothing:
// ids are deterministic, and every batch is written in one transaction.
import { browser } from 'wxt/browser';
import type { SettleGuardDb } from '../db';
import type { PortalTransaction } from '../model';
import { sha256Hex } from './hash';
import { foldCapture, type CaptureFacts } from '../coverage';

export interface CaptureCounts {
  added: number;
  updated: number;
  known: number;
  /** coverage records written (lib/coverage.ts) */
  coverage?: number;
}

/** Where rows were captured and what the page stated, for coverage (DESIGN.md "Coverage"). */
export interface CaptureSource {
  /** the sender's origin */
  site: string;
  facts?: CaptureFacts;
  now: string;
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
  const hashed = await Promise.all(rows.map(withEvidenceHash));
  // one row per id within the batch (a fixed-column clone read twice must not count twice)
  const unique = [...new Map(hashed.map((r) => [r.id, r])).values()];
  return db.transaction('rw', [db.transactions, db.coverage], async () => {
    const existing = await db.transactions.bulkGet(unique.map((r) => r.id));
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
  const place = (t: PortalTransaction) => `${t.evidence.sha256}|${t.portal}|${originOf(t.evidence.url)}`;
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

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
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
