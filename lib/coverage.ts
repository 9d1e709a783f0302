// Coverage: what the extension has seen of each day (DESIGN.md "Coverage"). A capture adds its
// rows to the record of their (site, merchant, local day) and what the page stated about the
// query (共 N 条, 交易笔数/交易金额, a 合计 row, the query's date range) to the records of the
// days that query covers; a day is complete when the rows captured reach what the portal stated,
// or when Capture all pages walked every page of a query covering it. Pure: the capture service
// stores the records, the reconcile service turns them into ReconcileInput.coverage.
import type { CoverageDay, IsoDate, MoneyJson, PortalTransaction } from './model';
import type { PageFacts } from './portals/stated-totals';
import { Dec } from './money';

/** The page facts a capture message carries (lib/messaging.ts), read by lib/portals/page-meta.ts. */
export interface CaptureFacts extends PageFacts {
  /** Capture all pages walked every page of the query the page shows (its dateRange) */
  walkedAllPages?: boolean;
}

export interface CoverageStatement {
  count?: number;
  amount?: MoneyJson;
  /** where the portal said it: 'pager', 'summary', 'totals-row' (joined with '+'), or 'walk' */
  source: string;
  /** 'day' when the query was this one day; 'query' when it covered `query` */
  scope: 'day' | 'query';
}

/** One stored record of the `coverage` store (lib/db.ts), per (site, merchant, local day). */
export interface CoverageRecord {
  id: string;
  /** the origin the rows were captured on */
  site: string;
  /** undefined: rows without a merchant number, or a statement about every merchant of the site */
  merchantId?: string;
  /** the rows' local day, as the portal shows it */
  day: IsoDate;
  /** the rows captured that day: transaction id → its amount */
  rows: Record<string, MoneyJson>;
  /** the latest query that covered this day, with what the portal stated about it */
  query?: { from: IsoDate; to: IsoDate };
  stated?: CoverageStatement;
  /** Capture all pages walked every page of a query covering this day */
  walked?: boolean;
  complete: boolean | 'unknown';
  updatedAt: string;
}

export function coverageId(site: string, merchantId: string | undefined, day: IsoDate): string {
  return `${site}|${merchantId ?? ''}|${day}`;
}

// A statement about a longer query is not spread over more days than this (a year and a month).
const MAX_QUERY_DAYS = 400;

/** Every day from..to (inclusive), or null for a range that is inverted, malformed or too long. */
export function daysOf(range: { from: IsoDate; to: IsoDate }): IsoDate[] | null {
  const from = Date.parse(`${range.from}T00:00:00Z`),
    to = Date.parse(`${range.to}T00:00:00Z`);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return null;
  const n = Math.round((to - from) / 86_400_000) + 1;
  if (n > MAX_QUERY_DAYS) return null;
  return Array.from({ length: n }, (_, i) => new Date(from + i * 86_400_000).toISOString().slice(0, 10));
}

/**
 * The merchant a page's statement is about: the one the page names, else the one every row
 * names, else undefined (every merchant of the site: a chain's query over several 商户号).
 */
function statedMerchant(rows: readonly PortalTransaction[], facts: CaptureFacts): string | undefined {
  if (facts.merchantId) return facts.merchantId;
  const ids = new Set(rows.map((r) => r.merchantId));
  return ids.size === 1 ? [...ids][0] : undefined;
}

/**
 * Folds one capture into the site's records: rows into their days, the page's statement (and a
 * finished walk) onto the days of its query, then every touched record's verdict again. Returns
 * the records that changed; `siteRecords` are all stored records of `site`; `removedIds` are
 * stored readings the capture replaced.
 */
export function foldCapture(
  siteRecords: readonly CoverageRecord[],
  capture: { site: string; rows: readonly PortalTransaction[]; facts?: CaptureFacts; now: string; removedIds?: readonly string[] },
): CoverageRecord[] {
  const { site, rows, facts, now } = capture;
  const stored = new Map(siteRecords.map((r) => [r.id, r]));
  const byId = new Map(stored);
  const touched = new Map<string, CoverageRecord>();
  const edit = (merchantId: string | undefined, day: IsoDate): CoverageRecord => {
    const id = coverageId(site, merchantId, day);
    let rec = touched.get(id);
    if (!rec) {
      const old = byId.get(id);
      rec = old
        ? { ...old, rows: { ...old.rows } }
        : { id, site, ...(merchantId !== undefined ? { merchantId } : {}), day, rows: {}, complete: 'unknown', updatedAt: now };
      touched.set(id, rec);
      byId.set(id, rec);
    }
    return rec;
  };
  // readings the capture replaced (a row stored under an older id, or now read on another day or
  // merchant) leave the records they were counted in before the rows are counted again
  const removed = new Set(capture.removedIds ?? []);
  if (removed.size) {
    for (const rec of siteRecords) {
      if (!Object.keys(rec.rows).some((id) => removed.has(id))) continue;
      const e = edit(rec.merchantId, rec.day);
      for (const id of removed) delete e.rows[id];
    }
  }
  for (const row of rows) edit(row.merchantId, row.occurredAt.slice(0, 10)).rows[row.id] = row.amount;
  const range = facts?.dateRange;
  const days = range ? daysOf(range) : null;
  if (facts && range && days && (facts.stated || facts.walkedAllPages)) {
    const merchantId = statedMerchant(rows, facts);
    const stated = statement(facts, rows, range);
    for (const day of days) {
      const rec = edit(merchantId, day);
      rec.query = range;
      if (stated) rec.stated = stated;
      if (facts.walkedAllPages) rec.walked = true;
    }
  }
  const peers = [...byId.values()];
  const changed: CoverageRecord[] = [];
  for (const rec of touched.values()) {
    rec.complete = assess(rec, peers, (_id, amount) => amount);
    const old = stored.get(rec.id);
    if (!old || JSON.stringify({ ...old, updatedAt: '' }) !== JSON.stringify({ ...rec, updatedAt: '' })) changed.push({ ...rec, updatedAt: now });
  }
  return changed;
}

/** The page's statement as stored: its amount in the rows' currency when the page named none. */
function statement(facts: CaptureFacts, rows: readonly PortalTransaction[], range: { from: IsoDate; to: IsoDate }): CoverageStatement | undefined {
  const s = facts.stated;
  if (!s) return undefined;
  const currencies = new Set(rows.map((r) => r.amount.currency));
  const currency = s.amount?.currency ?? (currencies.size === 1 ? [...currencies][0] : undefined);
  return {
    ...(s.count !== undefined ? { count: s.count } : {}),
    // an amount whose currency nothing states is left out rather than guessed
    ...(s.amount && currency ? { amount: { amount: s.amount.value, currency } } : {}),
    source: s.source,
    scope: range.from === range.to ? 'day' : 'query',
  };
}

/**
 * A record's verdict: complete when a walk covered it or the rows of its query reach what the
 * portal stated (the count; without one, the amount as a signed or a sales-only total); partial
 * when fewer rows than stated were seen; else unknown. `live` gives a row's current amount, or
 * undefined for a row no longer stored.
 */
function assess(rec: CoverageRecord, peers: readonly CoverageRecord[], live: (id: string, stored: MoneyJson) => MoneyJson | undefined): boolean | 'unknown' {
  if (rec.walked) return true;
  const s = rec.stated;
  if (!s) return 'unknown';
  const q = rec.query ?? { from: rec.day, to: rec.day };
  const rows = new Map<string, MoneyJson>();
  for (const p of peers) {
    if (p.site !== rec.site || p.day < q.from || p.day > q.to) continue;
    if (rec.merchantId !== undefined && p.merchantId !== rec.merchantId) continue;
    for (const [id, m] of Object.entries(p.rows)) {
      const current = live(id, m);
      if (current) rows.set(id, current);
    }
  }
  if (s.count !== undefined) return rows.size >= s.count;
  if (!s.amount) return 'unknown';
  let signed = new Dec(0),
    sales = new Dec(0);
  for (const m of rows.values()) {
    if (m.currency !== s.amount.currency) continue;
    signed = signed.plus(m.amount);
    if (new Dec(m.amount).gt(0)) sales = sales.plus(m.amount);
  }
  const stated = new Dec(s.amount.amount);
  if (signed.eq(stated) || sales.eq(stated)) return true;
  return sales.lt(stated) ? false : 'unknown';
}

/**
 * ReconcileInput.coverage from the stored records and the stored rows: per (merchant, day) the
 * rows seen, and a verdict re-assessed on the rows as stored now (a deleted row no longer counts).
 * A statement about every merchant of a site (no 商户号 on the page) speaks for each merchant's
 * day it covers. Days no record speaks of are left out (reconcile infers them from the data).
 */
export function coverageDays(records: readonly CoverageRecord[], transactions: readonly PortalTransaction[]): CoverageDay[] {
  const liveById = new Map(transactions.map((t) => [t.id, t.amount]));
  const rowsSeen = new Map<string, number>();
  const key = (merchantId: string | undefined, day: IsoDate) => `${merchantId ?? ''}|${day}`;
  for (const t of transactions) {
    const k = key(t.merchantId, t.occurredAt.slice(0, 10));
    rowsSeen.set(k, (rowsSeen.get(k) ?? 0) + 1);
  }
  const verdicts = records.map((rec) => ({ rec, complete: assess(rec, records, (id) => liveById.get(id)) }));
  const days = new Map<string, { merchantId?: string; day: IsoDate }>();
  for (const { rec } of verdicts)
    days.set(key(rec.merchantId, rec.day), { ...(rec.merchantId !== undefined ? { merchantId: rec.merchantId } : {}), day: rec.day });
  const out: CoverageDay[] = [];
  for (const [k, { merchantId, day }] of days) {
    const speaking = verdicts.filter(({ rec }) => rec.day === day && (rec.merchantId === merchantId || rec.merchantId === undefined));
    const decided = speaking.find((v) => v.complete === true) ?? speaking.find((v) => v.complete === false) ?? speaking.find((v) => v.rec.stated);
    const complete = decided?.complete ?? 'unknown';
    const s = decided?.rec.stated;
    const q = decided?.rec.query;
    out.push({
      ...(merchantId !== undefined ? { merchantId } : {}),
      day,
      rowsSeen: rowsSeen.get(k) ?? 0,
      ...(s ? { stated: { ...(s.count !== undefined ? { count: s.count } : {}), ...(s.amount ? { amount: s.amount } : {}), source: s.source } } : {}),
      ...(q && (q.from !== day || q.to !== day) ? { query: q } : {}),
      complete,
    });
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : (a.merchantId ?? '').localeCompare(b.merchantId ?? '')));
}
