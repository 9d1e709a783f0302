// The portal rows as columns, read once per run (issue 13 item 6 "one reconcile core").
//
// makeContext builds one RowIndex over ctx.transactions (the rows after dedupe, in time-then-id
// order) and exposes it as ctx.rows: column[i] is a fact of ctx.transactions[i]. A pass reads
// the column instead of parsing the row's strings again, so every pass reads an amount, a time
// and an id the same way, and a million rows are parsed once, not once per pass.
//
// Money stays exact: a cents column holds whole cents (lib/money.ts centsOf: an integer of at
// most 2^50, exact in a double) or NaN — "not here in cents": the field is absent, in another
// currency than the row's amount, or not a whole number of cents (a third decimal, a huge
// amount). On NaN a reader takes the decimal path and reads the row's MoneyJson with Decimal.
//
// Columns are built reading the rows in the order they lie in memory (see memory-order.ts).
import { localDateTimeMs } from '../dates';
import { centsOf } from '../money';
import type { CardType, IsoDate, MoneyJson, PortalTransaction, TxnKind, TxnStatus } from '../model';
import { normaliseId } from './keys';
import { identityOrder, type InMemoryOrder } from './memory-order';
import { firstAtLeast } from './bounds';

/** Small integer codes of the enumerations, for the Uint8Array columns; 255 for a value outside them. */
export const KIND = {
  sale: 0,
  void: 1,
  refund: 2,
  reversal: 3,
  preauth: 4,
  preauth_completion: 5,
  preauth_completion_void: 6,
  fee: 7,
  adjustment: 8,
  chargeback: 9,
  payout: 10,
} as const satisfies Record<TxnKind, number>;
export const STATUS = { success: 0, failed: 1, pending: 2, voided: 3, reversed: 4, unknown: 5 } as const satisfies Record<TxnStatus, number>;
export const CARD = {
  debit: 0,
  credit: 1,
  semi_credit: 2,
  prepaid: 3,
  foreign: 4,
  qr_wechat: 5,
  qr_alipay: 6,
  qr_unionpay: 7,
  unknown: 8,
} as const satisfies Record<CardType, number>;
export const OTHER_CODE = 255;
/**
 * The kinds that cancel their original sale (a void, a reversal, a pre-authorisation
 * completion's void), written once; isCancellingCode tests a KIND code against them.
 */
export const CANCELLING_KINDS: readonly TxnKind[] = ['void', 'reversal', 'preauth_completion_void'];
const CANCELLING_CODE = (() => {
  const marks = new Uint8Array(256);
  for (const k of CANCELLING_KINDS) marks[KIND[k]] = 1;
  return marks;
})();
/** The row's KIND code is one of CANCELLING_KINDS. */
export function isCancellingCode(k: number): boolean {
  return CANCELLING_CODE[k] === 1;
}
/** The card types by code: CARD_TYPES[CARD[x]] = x (undefined for OTHER_CODE). */
export const CARD_TYPES: readonly CardType[] = (() => {
  const out: CardType[] = [];
  for (const [name, code] of Object.entries(CARD)) out[code] = name as CardType;
  return out;
})();

/** Bits of RowIndex.flags. */
export const FLAG = {
  /** settles the same day (settleCycle D0 or T0): fee-audit.ts isInstantSettled */
  instant: 1,
  /** the row shows a fee in its own currency (feeCents may still be NaN: not whole cents) */
  hasFee: 2,
  /** the row shows a net in its own currency (netCents may still be NaN: not whole cents) */
  hasNet: 4,
  /** the row lists extra fees (秒到费, service fees) */
  hasExtraFees: 8,
  /** the terminal or merchant id is not printed in normaliseId's form ('00012345', ' t1'): its column differs from the row's field */
  respelledId: 16,
  /** the row shows a card number's last digits (cardLast4 is not empty; the column is '' for a blank one too) */
  hasCard: 32,
} as const;

export interface RowIndex {
  /** the rows the columns describe: column[i] is a fact of rows[i] */
  readonly rows: readonly PortalTransaction[];
  readonly count: number;
  /** the same rows as their objects lie in memory, each with its index in `rows` (−1: not in it) */
  readonly memory: InMemoryOrder<PortalTransaction>;
  /** amount in whole cents, signed as shown; NaN: read amount with Decimal */
  readonly amountCents: Float64Array;
  /** fee in whole cents when in the amount's currency; NaN: absent, another currency or not whole cents */
  readonly feeCents: Float64Array;
  /** net in whole cents when in the amount's currency; NaN: absent, another currency or not whole cents */
  readonly netCents: Float64Array;
  /** occurredAt as seconds since 1970-01-01 read as UTC (lib/dates.ts localDateTimeMs / 1000); NaN when unreadable */
  readonly epochSeconds: Float64Array;
  /** occurredAt's first ten characters (fee-schedule.ts txnDate); rows of a day mostly share one string */
  readonly day: readonly IsoDate[];
  /** the amount's currency as its position in `currencies` (the currencies in the order met) */
  readonly currency: Int32Array;
  readonly currencies: readonly string[];
  readonly kind: Uint8Array;
  readonly status: Uint8Array;
  readonly cardType: Uint8Array;
  /** FLAG bits */
  readonly flags: Uint8Array;
  /** ids through keys.ts normaliseId; '' when the row has none */
  readonly terminalId: readonly string[];
  readonly merchantId: readonly string[];
  /**
   * terminalId and merchantId as small integers: their position in `terminals` / `merchants`
   * (the distinct normalised ids, '' among them, in the order met), so a pass keys a row by
   * terminal or merchant with a number instead of a string
   */
  readonly terminalCode: Int32Array;
  readonly terminals: readonly string[];
  readonly merchantCode: Int32Array;
  readonly merchants: readonly string[];
  readonly cardLast4: readonly string[];
  readonly orderNo: readonly string[];
  /** the row's id (its store key) */
  readonly id: readonly string[];
}

/** Cents of a MoneyJson in `currency`, NaN when absent, in another currency or not whole cents. */
function centsIn(m: MoneyJson | undefined, currency: string): number {
  if (m === undefined || m.currency !== currency) return NaN;
  return centsOf(m.amount) ?? NaN;
}

/** A table's codes by value, for codeOf (a Map lookup: the tables are objects for their types). */
const codes = (table: Record<string, number>): ReadonlyMap<string, number> => new Map(Object.entries(table));
const KIND_CODES = codes(KIND);
const STATUS_CODES = codes(STATUS);
const CARD_CODES = codes(CARD);

function codeOf(table: ReadonlyMap<string, number>, value: string): number {
  return table.get(value) ?? OTHER_CODE;
}

/** Strings numbered in the order met; a row mostly has the string of the row before it in memory (one comparison, no lookup). */
class Codes {
  readonly code: Int32Array;
  readonly values: string[] = [];
  private readonly at = new Map<string, number>();
  private last = -1;
  constructor(n: number) {
    this.code = new Int32Array(n);
  }
  of(s: string): number {
    if (this.last >= 0 && this.values[this.last] === s) return this.last;
    let c = this.at.get(s);
    if (c === undefined) {
      c = this.values.push(s) - 1;
      this.at.set(s, c);
    }
    return (this.last = c);
  }
}

/**
 * The columns of `rows`. `memory`: the same rows as they lie in memory with their index in
 * `rows` (the caller's input array); without it, `rows` itself.
 */
export function buildRowIndex(rows: readonly PortalTransaction[], memory: InMemoryOrder<PortalTransaction> = identityOrder(rows)): RowIndex {
  const n = rows.length;
  const amountCents = new Float64Array(n);
  const feeCents = new Float64Array(n);
  const netCents = new Float64Array(n);
  const epochSeconds = new Float64Array(n);
  const currencies = new Codes(n);
  const kind = new Uint8Array(n);
  const status = new Uint8Array(n);
  const cardType = new Uint8Array(n);
  const flags = new Uint8Array(n);
  const terminalId: string[] = new Array<string>(n);
  const merchantId: string[] = new Array<string>(n);
  const terminals = new Codes(n);
  const merchants = new Codes(n);
  const cardLast4: string[] = new Array<string>(n);
  const orderNo: string[] = new Array<string>(n);
  const id: string[] = new Array<string>(n);
  const day: IsoDate[] = new Array<IsoDate>(n);
  let lastDay = '';
  for (let q = 0; q < memory.rows.length; q++) {
    const i = memory.at[q]!;
    if (i < 0) continue;
    const t = memory.rows[q]!;
    const currency = t.amount.currency;
    currencies.code[i] = currencies.of(currency);
    // rows of a day mostly lie together in memory too: they share the string of the first
    const at = t.occurredAt;
    day[i] = lastDay.length === 10 && at.startsWith(lastDay) ? lastDay : (lastDay = at.slice(0, 10));
    amountCents[i] = centsOf(t.amount.amount) ?? NaN;
    feeCents[i] = centsIn(t.fee, currency);
    netCents[i] = centsIn(t.net, currency);
    epochSeconds[i] = localDateTimeMs(at) / 1000;
    kind[i] = codeOf(KIND_CODES, t.kind);
    status[i] = codeOf(STATUS_CODES, t.status);
    cardType[i] = codeOf(CARD_CODES, t.cardType);
    flags[i] =
      (t.settleCycle === 'D0' || t.settleCycle === 'T0' ? FLAG.instant : 0) |
      (t.fee !== undefined && t.fee.currency === currency ? FLAG.hasFee : 0) |
      (t.net !== undefined && t.net.currency === currency ? FLAG.hasNet : 0) |
      (t.extraFees !== undefined && t.extraFees.length > 0 ? FLAG.hasExtraFees : 0) |
      (t.cardLast4 ? FLAG.hasCard : 0);
    const term = normaliseId('terminal', t.terminalId);
    const merchant = normaliseId('merchant', t.merchantId);
    terminalId[i] = term;
    merchantId[i] = merchant;
    terminals.code[i] = terminals.of(term);
    merchants.code[i] = merchants.of(merchant);
    // normaliseId gives back the printed string itself when it is in normal form: mostly a pointer comparison
    if ((t.terminalId !== undefined && term !== t.terminalId) || (t.merchantId !== undefined && merchant !== t.merchantId)) flags[i]! |= FLAG.respelledId;
    cardLast4[i] = normaliseId('card', t.cardLast4);
    orderNo[i] = normaliseId('order', t.orderNo);
    id[i] = t.id;
  }
  return {
    rows,
    count: n,
    memory,
    amountCents,
    feeCents,
    netCents,
    epochSeconds,
    day,
    currency: currencies.code,
    currencies: currencies.values,
    kind,
    status,
    cardType,
    flags,
    terminalId,
    merchantId,
    terminalCode: terminals.code,
    terminals: terminals.values,
    merchantCode: merchants.code,
    merchants: merchants.values,
    cardLast4,
    orderNo,
    id,
  };
}

/**
 * The position of row `t` in `index.rows`, −1 when it is not there. Rows sorted by time (as
 * ctx.rows) are found by a binary search of the epoch seconds; any other order, or a time that
 * does not sort as its seconds (mixed shapes, an unreadable time), by a walk over the rows.
 */
export function positionOf(index: RowIndex, t: PortalTransaction): number {
  const sec = localDateTimeMs(t.occurredAt) / 1000;
  const { epochSeconds: es, rows } = index;
  if (!Number.isNaN(sec)) {
    for (let i = firstAtLeast(index.count, (k) => es[k]! >= sec); i < index.count && es[i] === sec; i++) if (rows[i] === t) return i;
  }
  return rows.indexOf(t);
}

/** The positions of the rows of one kind and status (by the kind and status columns), in row order. */
export function rowsOf(rows: Pick<RowIndex, 'kind' | 'status' | 'count'>, kind: number, status: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < rows.count; i++) if (rows.kind[i] === kind && rows.status[i] === status) out.push(i);
  return out;
}
