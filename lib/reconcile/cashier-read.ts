// Portal ↔ cashier matching, step 1: what the passes compare of each cashier record and portal
// row, as columns by position (cashier-match.ts runs the passes on them). The rows' come from
// the run's row index (time, ids, cents, currency, kind, status); each record object is read
// once, in the order the objects lie in memory (see memory-order.ts).
import { localDateTimeMs } from '../dates';
import { absAmountKey, centsOf } from '../money';
import type { CashierRecord, MoneyJson, PortalTransaction } from '../model';
import { RECORD_SIDE, recordSideOf } from './cashier-passes';
import { normaliseId } from './keys';
import type { InMemoryOrder } from './memory-order';
import { KIND, STATUS, type RowIndex } from './row-index';
import { idHash, keyAll, stringIndex, type KeyedIds, type StringIndex } from './id-order';

/**
 * Amount keys are numbers: |amount| in whole cents for the main currency (the first card or QR
 * record's), below this; an amount written otherwise (another currency, not whole cents, huge)
 * gets TEXT_KEY + n for its text `${absAmountKey}|${currency}`. Equal keys ⇔ equal |amount| and
 * currency, as the reference's text keys.
 */
const TEXT_KEY = 2 ** 40;

function amountKey(recs: Pick<Records, 'mainCurrency' | 'textKeys'>, amount: MoneyJson, cents: number, add: boolean): number {
  if (amount.currency === recs.mainCurrency) {
    // "12.300" is 1230 cents too: read from the canonical digits when not plain cents
    const c = Number.isNaN(cents) ? centsOf(absAmountKey(amount)) : cents;
    if (c !== undefined && c < TEXT_KEY && c > -TEXT_KEY) return c < 0 ? -c : c;
  }
  const text = `${absAmountKey(amount)}|${amount.currency}`;
  let k = recs.textKeys.get(text);
  if (k === undefined && add) recs.textKeys.set(text, (k = TEXT_KEY + recs.textKeys.size));
  return k ?? -1;
}

/** The cashier records by position in the cashier array: what the passes compare. */
export interface Records {
  n: number;
  /** ids, and their idHash (id-order.ts; the repeated-id check) */
  id: string[];
  idHash: Int32Array;
  /** RECORD_SIDE: only card and QR records take part */
  side: Uint8Array;
  /** occurredAt in ms (lib/dates.ts localDateTimeMs); NaN when unreadable */
  ms: Float64Array;
  /** normalised ids, '' = none (cashier-passes.ts matchIds) */
  term: string[];
  last4: string[];
  /** amount key (see TEXT_KEY) */
  key: Float64Array;
  mainCurrency: string | undefined;
  textKeys: Map<string, number>;
  /** normalised order numbers ('' = none) and their positions by order number */
  order: string[];
  byOrder: StringIndex;
}

export function readRecords(cashier: readonly CashierRecord[], mc: InMemoryOrder<CashierRecord>): Records {
  const n = cashier.length;
  const r: Omit<Records, 'byOrder'> = {
    n,
    id: new Array<string>(n),
    idHash: new Int32Array(n),
    side: new Uint8Array(n),
    ms: new Float64Array(n),
    term: new Array<string>(n).fill(''),
    last4: new Array<string>(n).fill(''),
    key: new Float64Array(n),
    mainCurrency: undefined,
    textKeys: new Map(),
    order: new Array<string>(n).fill(''),
  };
  const orderHash = new Int32Array(n);
  for (let q = 0; q < mc.rows.length; q++) {
    const j = mc.at[q]!;
    if (j < 0) continue;
    const c = mc.rows[q]!;
    r.id[j] = c.id;
    r.idHash[j] = idHash(c.id);
    const side = recordSideOf(c);
    if (side === RECORD_SIDE.none) continue;
    r.side[j] = side;
    r.ms[j] = localDateTimeMs(c.occurredAt);
    r.term[j] = normaliseId('terminal', c.terminalId);
    r.last4[j] = normaliseId('card', c.cardLast4);
    r.mainCurrency ??= c.amount.currency;
    r.key[j] = amountKey(r, c.amount, centsOf(c.amount.amount) ?? NaN, true);
    const order = normaliseId('order', c.orderNo);
    r.order[j] = order;
    if (order !== '') orderHash[j] = idHash(order);
  }
  return { ...r, byOrder: stringIndex(r.order, orderHash) };
}

/** The portal rows by position in txns: what the passes compare. */
export interface Rows {
  n: number;
  /** ids and their sort keys (id-order.ts) */
  id: KeyedIds;
  /** RECORD_SIDE of a row that can match a record (isCashierComparable); none for the rest */
  side: Uint8Array;
  failed: Uint8Array;
  /** occurredAt in ms; NaN when unreadable */
  ms: Float64Array;
  /** the row index's normalised ids, '' = none */
  term: readonly string[];
  last4: readonly string[];
  /** normalised order number, '' = none */
  order: readonly string[];
  /** amount key (see TEXT_KEY); −1 when no record has the amount */
  key: Float64Array;
  /** the comparable rows with an order number, and those the amount passes look up */
  withOrder: Int32Array;
  byAmount: Int32Array;
  /**
   * rank in (occurredAt, id) order among the comparable rows of one success status, the order
   * the reference takes rows in; undefined when that is the position order (txns in time order)
   */
  rank: Int32Array | undefined;
}

/**
 * Rows, from the row index's columns: a row object is read only when its amount is not whole
 * cents in the main currency (its key is then the amount's text).
 */
export function readRows(txns: readonly PortalTransaction[], index: RowIndex, inTimeOrder: boolean, recs: Records): Rows {
  const n = txns.length;
  const side = new Uint8Array(n);
  const failed = new Uint8Array(n);
  const ms = new Float64Array(n);
  const key = new Float64Array(n);
  const withOrder: number[] = [];
  const byAmount: number[] = [];
  // locals, not property reads, in a loop that runs once per reconcile (mostly unoptimised)
  const { kind, status, epochSeconds, amountCents, currency, orderNo } = index;
  const main = recs.mainCurrency === undefined ? -1 : index.currencies.indexOf(recs.mainCurrency);
  const { sale, preauth_completion, refund } = KIND;
  const { success, pending } = STATUS;
  for (let i = 0; i < n; i++) {
    const k = kind[i]!;
    const st = status[i]!;
    // isCashierComparable on the codes
    if ((k !== sale && k !== preauth_completion && k !== refund) || st === pending) continue;
    side[i] = k === refund ? RECORD_SIDE.refund : RECORD_SIDE.sale;
    failed[i] = st !== success ? 1 : 0;
    // whole ms (localDateTimeMs) as the index's seconds: rounding undoes the division exactly
    const at = Math.round(epochSeconds[i]! * 1000);
    ms[i] = at;
    // only the amount passes look a row up by amount, among records (whose first one set the main currency)
    const c = amountCents[i]!;
    const amountKeyOf =
      recs.n === 0 ? -1 : currency[i] === main && c < TEXT_KEY && c > -TEXT_KEY ? (c < 0 ? -c : c) : amountKey(recs, txns[i]!.amount, c, false);
    key[i] = amountKeyOf;
    if (orderNo[i] !== '') withOrder.push(i);
    if (amountKeyOf >= 0 && Number.isFinite(at)) byAmount.push(i);
  }
  return {
    n,
    id: keyAll(index.id),
    side,
    failed,
    ms,
    term: index.terminalId,
    last4: index.cardLast4,
    order: index.orderNo,
    key,
    withOrder: new Int32Array(withOrder),
    byAmount: new Int32Array(byAmount),
    rank: inTimeOrder ? undefined : timeRank(txns, side),
  };
}

/**
 * The comparable rows' ranks in the reference's order (not success, occurredAt, id); undefined
 * when they are in position order already (each success status's rows then rank by position).
 */
function timeRank(txns: readonly PortalTransaction[], side: Uint8Array): Int32Array | undefined {
  const at: number[] = [];
  for (let i = 0; i < txns.length; i++) if (side[i] !== RECORD_SIDE.none) at.push(i);
  let ordered = true;
  for (let k = 1; k < at.length && ordered; k++) {
    const a = txns[at[k - 1]!]!;
    const b = txns[at[k]!]!;
    ordered = a.occurredAt < b.occurredAt || (a.occurredAt === b.occurredAt && a.id < b.id);
  }
  if (ordered) return undefined;
  const failed = (t: PortalTransaction) => (t.status !== 'success' ? 1 : 0);
  const sorted = at.slice().sort((x, y) => {
    const a = txns[x]!;
    const b = txns[y]!;
    return failed(a) - failed(b) || (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : 1);
  });
  const rank = new Int32Array(txns.length);
  for (let r = 0; r < sorted.length; r++) rank[sorted[r]!] = r;
  return rank;
}
