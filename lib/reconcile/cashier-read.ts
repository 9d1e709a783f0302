// Portal ↔ cashier matching, step 1: what the passes compare of each cashier record and portal
// row, read once into arrays (cashier-match.ts runs the passes on them).
import type { CashierRecord, MoneyJson, PortalTransaction } from '../model';
import { localDateTimeMs } from '../dates';
import { centsOf, absAmountKey } from '../money';
import type { InMemoryOrder } from './memory-order';
import type { RowIndex } from './row-index';
import { normaliseId } from './keys';
import { isCashierComparable, sideOf } from './cashier-passes';

/** amount keys below this are small integers (Smi) */
const SMALL_KEY = 2 ** 30;

/**
 * The amount bucket key: |amount| in whole cents as a number for the main currency (a small
 * integer key: no string per row), else the reference's `${absAmountKey}|${currency}` string.
 * Equal |amounts| always get the same key: the number is read from the canonical digits whenever
 * the amount as written is not plain cents ("12.300"). `row` is read only in those cases.
 */
function amountKey(mainCurrency: string | undefined, currency: string, cents: number, row: { amount: MoneyJson }): string | number {
  if (currency === mainCurrency) {
    const c = Number.isNaN(cents) ? centsOf(absAmountKey(row.amount)) : cents;
    if (c !== undefined && c < SMALL_KEY && c > -SMALL_KEY) return c < 0 ? -c : c;
  }
  return `${absAmountKey(row.amount)}|${currency}`;
}

/** The card and QR records (position i among them), what the passes compare of each. */
export interface Records {
  n: number;
  /** the first record's currency: amounts in it are keyed by whole cents */
  mainCurrency: string | undefined;
  /** every record's id, by position in the cashier array */
  recordId: string[];
  cs: CashierRecord[];
  /** position in the cashier array */
  csAt: number[];
  ms: Float64Array;
  term: string[];
  hasTerm: Uint8Array;
  /** '' = no last 4 */
  last4: unknown[];
  refund: Uint8Array;
  key: (string | number)[];
  /** normalised order number → positions */
  byOrder: Map<string, number | number[]>;
}

/** Records, read in memory order: card or QR, time, terminal, last 4, side, order number, currency and cents, id. */
export function readRecords(cashier: readonly CashierRecord[], mc: InMemoryOrder<CashierRecord>): Records {
  const nAll = cashier.length;
  const recordId: string[] = new Array<string>(nAll);
  const jCardQr = new Uint8Array(nAll);
  const jMs = new Float64Array(nAll);
  const jHasTerm = new Uint8Array(nAll);
  const jTerm: string[] = new Array<string>(nAll);
  const jLast4: unknown[] = new Array<unknown>(nAll);
  const jRefund = new Uint8Array(nAll);
  const jOrder: (string | undefined)[] = new Array<string | undefined>(nAll);
  const jCurrency: string[] = new Array<string>(nAll);
  const jCents = new Float64Array(nAll);
  for (let q = 0; q < mc.rows.length; q++) {
    const j = mc.at[q]!;
    if (j < 0) continue;
    const c = mc.rows[q]!;
    recordId[j] = c.id;
    if (c.tender !== 'card' && c.tender !== 'qr') continue;
    jCardQr[j] = 1;
    jMs[j] = localDateTimeMs(c.occurredAt);
    jHasTerm[j] = c.terminalId ? 1 : 0;
    jTerm[j] = normaliseId('terminal', c.terminalId);
    jLast4[j] = c.cardLast4 || '';
    jRefund[j] = sideOf(c.kind) === 'refund' ? 1 : 0;
    jOrder[j] = c.orderNo ? normaliseId('order', c.orderNo) : undefined;
    jCurrency[j] = c.amount.currency;
    jCents[j] = centsOf(c.amount.amount) ?? NaN;
  }
  // the card and QR records in cashier order; the first one's currency keys amounts as numbers
  const r: Records = {
    n: 0,
    mainCurrency: undefined,
    recordId,
    cs: [],
    csAt: [],
    ms: new Float64Array(nAll),
    term: [],
    hasTerm: new Uint8Array(nAll),
    last4: [],
    refund: new Uint8Array(nAll),
    key: [],
    byOrder: new Map(),
  };
  for (let j = 0; j < nAll; j++) {
    if (jCardQr[j] === 0) continue;
    const i = r.cs.length;
    const c = cashier[j]!;
    r.cs.push(c);
    r.csAt.push(j);
    r.mainCurrency ??= jCurrency[j];
    r.ms[i] = jMs[j]!;
    r.hasTerm[i] = jHasTerm[j]!;
    r.term.push(jTerm[j]!);
    r.last4.push(jLast4[j]);
    r.refund[i] = jRefund[j]!;
    r.key.push(amountKey(r.mainCurrency, jCurrency[j]!, jCents[j]!, c));
    const k = jOrder[j];
    if (k === undefined) continue;
    const l = r.byOrder.get(k);
    if (l === undefined) r.byOrder.set(k, i);
    else if (typeof l === 'number') r.byOrder.set(k, [l, i]);
    else l.push(i);
  }
  r.n = r.cs.length;
  return r;
}

/** The comparable rows by rank (successful first, each part by time then id), what the passes compare of each. */
export interface Rows {
  n: number;
  /** every row's id, by position in txns */
  rowIdAt: string[];
  /** rank → position in txns */
  at: number[];
  ms: Float64Array;
  failed: Uint8Array;
  refund: Uint8Array;
  hasTerm: Uint8Array;
  term: string[];
  last4: unknown[];
  order: (string | undefined)[];
  key: (string | number)[];
}

/**
 * Rows, read in memory order like the records, then ranked: a failed attempt never takes the
 * record of its successful retry. Time, normalised terminal and cents come from the run's row
 * index (`index`, over `txns`); the id, order number and card digits from the rows themselves.
 */
export function readRows(txns: readonly PortalTransaction[], index: RowIndex, inTimeOrder: boolean, recs: Records): Rows {
  const mt = index.memory;
  const nTxns = txns.length;
  const rowIdAt: string[] = new Array<string>(nTxns);
  const iComparable = new Uint8Array(nTxns);
  const iMs = new Float64Array(nTxns);
  const iFailed = new Uint8Array(nTxns);
  const iRefund = new Uint8Array(nTxns);
  const iHasTerm = new Uint8Array(nTxns);
  const iTerm: string[] = new Array<string>(nTxns);
  const iLast4: unknown[] = new Array<unknown>(nTxns);
  const iOrder: (string | undefined)[] = new Array<string | undefined>(nTxns);
  const iCurrency: string[] = new Array<string>(nTxns);
  const iCents = new Float64Array(nTxns);
  for (let q = 0; q < mt.rows.length; q++) {
    const i = mt.at[q]!;
    if (i < 0) continue;
    const t = mt.rows[q]!;
    rowIdAt[i] = t.id;
    if (!isCashierComparable(t)) continue;
    iComparable[i] = 1;
    // whole ms (localDateTimeMs) as the index's seconds: rounding undoes the division exactly
    iMs[i] = Math.round(index.epochSeconds[i]! * 1000);
    iFailed[i] = t.status !== 'success' ? 1 : 0;
    iRefund[i] = sideOf(t.kind) === 'refund' ? 1 : 0;
    iHasTerm[i] = t.terminalId ? 1 : 0;
    iTerm[i] = index.terminalId[i]!;
    iLast4[i] = t.cardLast4 || '';
    iOrder[i] = t.orderNo ? normaliseId('order', t.orderNo) : undefined;
    iCurrency[i] = t.amount.currency;
    iCents[i] = index.amountCents[i]!;
  }
  const psAt: number[] = [];
  for (let i = 0; i < nTxns; i++) if (iComparable[i] === 1) psAt.push(i);
  const kFailed = new Uint8Array(psAt.length);
  for (let k = 0; k < psAt.length; k++) kFailed[k] = iFailed[psAt[k]!]!;
  const orderedK = successFirstOrder(psAt, txns, kFailed, inTimeOrder);
  const np = orderedK.length;
  const rows: Rows = {
    n: np,
    rowIdAt,
    at: new Array<number>(np),
    ms: new Float64Array(np),
    failed: new Uint8Array(np),
    refund: new Uint8Array(np),
    hasTerm: new Uint8Array(np),
    term: new Array<string>(np),
    last4: new Array<unknown>(np),
    order: new Array<string | undefined>(np),
    key: new Array<string | number>(np),
  };
  for (let r = 0; r < np; r++) {
    const i = psAt[orderedK[r]!]!;
    rows.at[r] = i;
    rows.ms[r] = iMs[i]!;
    rows.failed[r] = iFailed[i]!;
    rows.refund[r] = iRefund[i]!;
    rows.hasTerm[r] = iHasTerm[i]!;
    rows.term[r] = iTerm[i]!;
    rows.last4[r] = iLast4[i];
    rows.order[r] = iOrder[i];
    // only the amount passes look a row up by amount, and only among records (whose first one
    // set the main currency)
    rows.key[r] = recs.n > 0 ? amountKey(recs.mainCurrency, iCurrency[i]!, iCents[i]!, txns[i]!) : 0;
  }
  return rows;
}

/**
 * The reference's order (not success, occurredAt, id) on positions: the comparable rows are
 * txns[psAt[k]]; returns the k in that order. reconcile() passes rows already in (occurredAt, id)
 * order (`inTimeOrder`, then not checked again): a stable split into successful rows and the
 * rest gives the order in linear time. Anything else is sorted.
 */
function successFirstOrder(psAt: readonly number[], txns: readonly PortalTransaction[], failed: Uint8Array, inTimeOrder: boolean): number[] {
  const n = psAt.length;
  let ordered = true;
  for (let k = inTimeOrder ? n : 1; k < n && ordered; k++) {
    const a = txns[psAt[k - 1]!]!;
    const b = txns[psAt[k]!]!;
    ordered = a.occurredAt < b.occurredAt || (a.occurredAt === b.occurredAt && a.id < b.id);
  }
  const out: number[] = [];
  if (!ordered) {
    return psAt
      .map((_, k) => k)
      .sort((x, y) => {
        const a = txns[psAt[x]!]!;
        const b = txns[psAt[y]!]!;
        return failed[x]! - failed[y]! || (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : 1);
      });
  }
  for (let k = 0; k < n; k++) if (failed[k] === 0) out.push(k);
  for (let k = 0; k < n; k++) if (failed[k] === 1) out.push(k);
  return out;
}
