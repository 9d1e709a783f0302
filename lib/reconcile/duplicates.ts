// Duplicate swipes (DOMAIN.md D1): the same card, terminal and amount twice within minutes under
// different reference numbers. The cashier export decides: fewer cashier sales of that amount
// in the window than portal sales means money taken twice (overcharge, strict 5-minute window);
// without cashier data for that day it is only a possible duplicate (suspect, 60-minute window).
import { localDateTimeMs, secondsBetween } from '../dates';
import { absAmountKey, amountOf, centsOf, isDecimalString, isPositive } from '../money';
import type { CashierRecord, PortalTransaction } from '../model';
import type { RuleContext } from './context';
import { txnDate } from './fee-schedule';
import { normaliseId, sameId } from './keys';
import { indicesWhere } from './memory-order';
import { FLAG, KIND, STATUS, type RowIndex } from './row-index';
import { radixOrder } from './order';
import { firstAtLeast } from './bounds';

export interface DuplicateCluster {
  /** the earliest sale of the cluster, presumed genuine */
  original: PortalTransaction;
  /** later sales judged to be duplicates, each with its severity */
  duplicates: { txn: PortalTransaction; severity: 'overcharge' | 'suspect'; secondsApart: number }[];
  cashier: CashierRecord[];
  /** true when a cashier export covers the day (the severity then rests on it) */
  cashierCovered: boolean;
  portalCount: number;
}

/**
 * A key equal for equal |amount| and currency: whole cents as a number in `mainCurrency`
 * (canonical digits when written otherwise), else the absAmountKey string. `cents`: the amount's
 * cents when already read (the row index), NaN when not whole cents or not read.
 */
function amountBucket(m: PortalTransaction['amount'], mainCurrency: string | undefined, cents = NaN): string | number {
  if (m.currency === mainCurrency) {
    const c = Number.isNaN(cents) ? (centsOf(m.amount) ?? centsOf(absAmountKey(m))) : cents;
    if (c !== undefined) return c < 0 ? -c : c;
  }
  return `${absAmountKey(m)}|${m.currency}`;
}

/** One swipe's identity: merchant, terminal, card, BIN, |amount| and currency, ids normalised (keys.ts). */
export function duplicateKey(t: PortalTransaction): string {
  return `${normaliseId('merchant', t.merchantId)}|${normaliseId('terminal', t.terminalId)}|${normaliseId('card', t.cardLast4)}|${normaliseId('card', t.cardBin)}|${absAmountKey(t.amount)}|${t.amount.currency}`;
}

export function isCandidate(t: PortalTransaction): boolean {
  return (t.kind === 'sale' || t.kind === 'preauth_completion') && t.status === 'success' && !!t.cardLast4 && isPositive(t.amount);
}

/** Two rows that are one transaction seen twice, not two swipes (same rrn, or same batch + voucher). */
function sameReference(a: PortalTransaction, b: PortalTransaction): boolean {
  if (sameId('rrn', a.rrn, b.rrn)) return true;
  if (sameId('voucher', a.voucherNo, b.voucherNo) && normaliseId('batch', a.batchNo) === normaliseId('batch', b.batchNo)) return true;
  return false;
}

/** The loose window: swipes further apart than this are never one cluster. */
export function duplicateWindow(ctx: RuleContext): number {
  return Math.max(ctx.tolerances.duplicateWindowSeconds, ctx.tolerances.possibleDuplicateWindowSeconds);
}

export function findDuplicates(ctx: RuleContext): DuplicateCluster[] {
  const loose = duplicateWindow(ctx);
  const rows = ctx.transactions;
  const mainCurrency = rows[0]?.amount.currency;
  const clusters = clusterSwipes(swipeGroups(ctx.rows, mainCurrency), loose);
  // cashier card/QR sales by amount and currency, in time order, for the clusters' amounts only:
  // a cluster looks at its bucket only
  const wanted = new Set(clusters.map((c) => amountBucket(c[0]!.amount, mainCurrency)));
  const cashierSales = new Map<string | number, SameAmountSales>();
  // the card and QR sales of those buckets, found in memory order (see memory-order.ts), then in time order
  const wantedSales = indicesWhere(ctx.inMemoryOrder().cashier, ctx.cashier.length, (c) => {
    if (c.kind !== 'sale' || (c.tender !== 'card' && c.tender !== 'qr')) return false;
    // a malformed amount throws here whether or not a cluster wants its bucket (as absAmountKey did for every record)
    if (wanted.size === 0) {
      if (!isDecimalString(c.amount.amount)) absAmountKey(c.amount);
      return false;
    }
    return wanted.has(amountBucket(c.amount, mainCurrency));
  });
  for (const i of wantedSales) {
    const c = ctx.cashier[i]!;
    const k = amountBucket(c.amount, mainCurrency);
    const l = cashierSales.get(k);
    if (l) l.records.push(c);
    else cashierSales.set(k, { records: [c], ms: undefined });
  }
  const out: DuplicateCluster[] = [];
  const w = ctx.tolerances.cashierMatchSeconds;
  for (const cluster of clusters) {
    const sales = cashierSales.get(amountBucket(cluster[0]!.amount, mainCurrency)) ?? NO_SALES;
    const c = judge(cluster, ctx, () => salesNear(sales, localDateTimeMs(cluster[0]!.occurredAt), localDateTimeMs(cluster[cluster.length - 1]!.occurredAt), w));
    if (c) out.push(c);
  }
  return out;
}

/**
 * The candidate rows (isCandidate) grouped by duplicateKey, groups of two or more rows in the
 * order of their first row, each in row order: the groups of one map over duplicateKey(t).
 * Read from the row index's columns: a candidate is found by its kind, status, card and amount
 * columns, and bucketed by |amount| (amountBucket): whole cents in the main currency sorted as
 * numbers (a stable radix sort keeps each bucket's rows in order), any other amount by its key
 * string. Within a bucket every row has the same |amount| and currency, so rows are one swipe
 * when their merchant, terminal and card columns and their normalised BIN agree; the BIN, not
 * in the index, is read only for rows that agree on the rest.
 */
function swipeGroups(index: RowIndex, mainCurrency: string | undefined): PortalTransaction[][] {
  const { rows, count, kind, status, amountCents, currency, flags } = index;
  const main = mainCurrency === undefined ? -1 : index.currencies.indexOf(mainCurrency);
  const at: number[] = [];
  const cents: number[] = [];
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < count; i++) {
    if ((kind[i] !== KIND.sale && kind[i] !== KIND.preauth_completion) || status[i] !== STATUS.success) continue;
    const a = amountCents[i]!;
    // NaN: not whole cents, read on the row (isPositive, amountBucket)
    if (a <= 0) continue;
    if ((flags[i]! & FLAG.hasCard) === 0) continue;
    if (!Number.isNaN(a) && currency[i] === main) {
      at.push(i);
      cents.push(a);
      continue;
    }
    const t = rows[i]!;
    if (!isCandidate(t)) continue;
    const k = amountBucket(t.amount, mainCurrency);
    if (typeof k === 'number') {
      at.push(i);
      cents.push(k);
    } else {
      const l = byKey.get(k);
      if (l) l.push(i);
      else byKey.set(k, [i]);
    }
  }
  const groups: number[][] = [];
  // buckets of whole cents: positions pushed rising, kept rising by the stable sort
  const order = radixOrder(Float64Array.from(cents));
  const bucket: number[] = [];
  for (let j = 0; j < order.length; ) {
    const c = cents[order[j]!]!;
    bucket.length = 0;
    for (; j < order.length && cents[order[j]!] === c; j++) bucket.push(at[order[j]!]!);
    if (bucket.length > 1) groupBucket(index, bucket, groups);
  }
  for (const l of byKey.values()) if (l.length > 1) groupBucket(index, l, groups);
  groups.sort((a, b) => a[0]! - b[0]!);
  return groups.map((g) => g.map((i) => rows[i]!));
}

/**
 * One amount bucket's rows (positions, rising) split into swipes (duplicateKey within the
 * bucket); the swipes of two or more rows are added to `out`, each rising.
 */
function groupBucket(index: RowIndex, bucket: readonly number[], out: number[][]): void {
  const { merchantId, terminalId, cardLast4 } = index;
  // by merchant, terminal and card: pairwise in a small bucket, by a key string in a large one
  const same: number[][] = [];
  if (bucket.length <= 16) {
    for (const i of bucket) {
      const g = same.find((x) => cardLast4[x[0]!] === cardLast4[i] && terminalId[x[0]!] === terminalId[i] && merchantId[x[0]!] === merchantId[i]);
      if (g) g.push(i);
      else same.push([i]);
    }
  } else {
    const byKey = new Map<string, number[]>();
    for (const i of bucket) {
      // each id after its length: no two different triples give one key
      const k = `${merchantId[i]!.length}:${merchantId[i]}${terminalId[i]!.length}:${terminalId[i]}${cardLast4[i]}`;
      const g = byKey.get(k);
      if (g) g.push(i);
      else byKey.set(k, [i]);
    }
    for (const g of byKey.values()) same.push(g);
  }
  for (const g of same) {
    if (g.length < 2) continue;
    // then by BIN
    const byBin: { bin: string; rows: number[] }[] = [];
    for (const i of g) {
      const bin = normaliseId('card', index.rows[i]!.cardBin);
      const b = byBin.find((x) => x.bin === bin);
      if (b) b.rows.push(i);
      else byBin.push({ bin, rows: [i] });
    }
    for (const b of byBin) if (b.rows.length > 1) out.push(b.rows);
  }
}

/**
 * Each group (one card, terminal and amount, in time order) cut into clusters of swipes at most
 * `loose` seconds apart; a row with the same reference as the one before is the same
 * transaction seen twice and is skipped. Clusters of two or more, in group order.
 */
export function clusterSwipes(groups: readonly PortalTransaction[][], loose: number): PortalTransaction[][] {
  const clusters: PortalTransaction[][] = [];
  for (const list of groups) {
    if (list.length < 2) continue; // already sorted by time (context sorts transactions)
    let cluster: PortalTransaction[] = [list[0]!];
    const flush = () => {
      if (cluster.length >= 2) clusters.push(cluster);
    };
    for (let i = 1; i < list.length; i++) {
      const t = list[i]!;
      const prev = cluster[cluster.length - 1]!;
      if (sameReference(prev, t)) continue;
      if (secondsBetween(prev.occurredAt, t.occurredAt) <= loose) cluster.push(t);
      else {
        flush();
        cluster = [t];
      }
    }
    flush();
  }
  return clusters;
}

/** A bucket's cashier sales in time order, and their times in ms once a cluster asks (null: not rising, or one unreadable). */
interface SameAmountSales {
  records: CashierRecord[];
  ms: Float64Array | null | undefined;
}
const NO_SALES: SameAmountSales = { records: [], ms: null };

/**
 * The bucket's records that can be within `w` seconds of the cluster [firstMs, lastMs], in
 * bucket order: those whose time lies in [firstMs − (w+1) s, lastMs + (w+1) s], found by binary
 * search when the bucket's times rise (judge's exact test then decides; a record outside the
 * range fails it), else every record. At a million rows an amount bucket holds thousands of
 * sales, and filtering all of them per cluster made the duplicate pass grow with n².
 */
function salesNear(sales: SameAmountSales, firstMs: number, lastMs: number, w: number): readonly CashierRecord[] {
  const recs = sales.records;
  if (recs.length < 16 || !Number.isFinite(firstMs) || !Number.isFinite(lastMs)) return recs;
  if (sales.ms === undefined) {
    const ms = new Float64Array(recs.length);
    let rising = true;
    for (let i = 0; i < recs.length && rising; i++) {
      ms[i] = localDateTimeMs(recs[i]!.occurredAt);
      rising = Number.isFinite(ms[i]!) && (i === 0 || ms[i]! >= ms[i - 1]!);
    }
    sales.ms = rising ? ms : null;
  }
  const ms = sales.ms;
  if (!ms) return recs;
  const from = firstMs - (w + 1) * 1000;
  const to = lastMs + (w + 1) * 1000;
  const lo = firstAtLeast(ms.length, (i) => ms[i]! >= from);
  let end = lo;
  while (end < ms.length && ms[end]! <= to) end++;
  return recs.slice(lo, end);
}

/**
 * A cluster's verdict. `salesNear()`: the cashier's card/QR sales of the cluster's |amount| that
 * may lie within the match window of it (any superset of those: the window is tested here),
 * asked only when a cashier export covers the day. Where a
 * cashier export covers the day, as many swipes as it shows sales are genuine; the rest are
 * duplicates, overcharges within the strict window, suspect beyond it or without cover.
 */
export function judge(cluster: PortalTransaction[], ctx: RuleContext, salesNear: () => readonly CashierRecord[]): DuplicateCluster | undefined {
  const strict = ctx.tolerances.duplicateWindowSeconds;
  const loose = duplicateWindow(ctx);
  const first = cluster[0]!;
  const last = cluster[cluster.length - 1]!;
  const cur = first.amount.currency;
  const covered = ctx.cashierCovers(txnDate(first), first.terminalId, cur) || ctx.cashierCovers(txnDate(last), first.terminalId, cur);
  const w = ctx.tolerances.cashierMatchSeconds;
  const amount = amountOf(first.amount);
  const matching = covered
    ? salesNear().filter((c) => {
        if (!amountOf(c.amount).abs().equals(amount) || c.amount.currency !== first.amount.currency) return false;
        if (c.terminalId && first.terminalId && !sameId('terminal', c.terminalId, first.terminalId)) return false;
        if (c.cardLast4 && first.cardLast4 && c.cardLast4 !== first.cardLast4) return false;
        return secondsBetween(first.occurredAt, c.occurredAt) >= -w && secondsBetween(last.occurredAt, c.occurredAt) <= w;
      })
    : [];
  const genuine = covered ? Math.max(matching.length, 1) : 1;
  if (genuine >= cluster.length) return undefined;
  const dups = cluster.slice(genuine);
  const duplicates: DuplicateCluster['duplicates'] = [];
  for (const d of dups) {
    const idx = cluster.indexOf(d);
    const prev = cluster[idx - 1]!;
    const gap = secondsBetween(prev.occurredAt, d.occurredAt);
    if (gap > loose) continue;
    const severity = covered && gap <= strict ? 'overcharge' : 'suspect';
    duplicates.push({ txn: d, severity, secondsApart: gap });
  }
  if (duplicates.length === 0) return undefined;
  return { original: first, duplicates, cashier: matching, cashierCovered: covered, portalCount: cluster.length };
}
