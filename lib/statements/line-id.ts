// The StatementLine id rule of DESIGN.md §3, shared by every statement parser: deterministic from
// content — account + bookedOn + amount + reference (or description) + occurrence index — so that
// importing an overlapping file adds nothing, while two identical lines in one file (two equal
// coffees on one day) stay two lines.
import { OccurrenceCounter, stableId } from '../ids';
import type { IsoDate, MoneyJson } from '../model';

const SEP = '\u001f';
const SEP_CODE = 0x1f;

// lib/ids.ts hash64 (64-bit FNV-1a over UTF-16 code units, two 32-bit halves), fed piece by piece:
// a large import hashes one key per line, and joining the parts first would build a string per line.
let h1 = 0;
let h2 = 0;
/** a part hashed since the reset held the separator */
let sawSep = false;
function hashReset(): void {
  h1 = 0x811c9dc5 | 0;
  h2 = 0xcbf29ce4 | 0;
  sawSep = false;
}
function hashCode(c: number): void {
  h1 = Math.imul(h1 ^ c, 0x01000193);
  h2 = Math.imul(h2 ^ c ^ (h1 >>> 13), 0x01000193);
}
function hashText(text: string): void {
  let a = h1;
  let b = h2;
  let sep = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === SEP_CODE) sep = true;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c ^ (a >>> 13), 0x01000193);
  }
  h1 = a;
  h2 = b;
  if (sep) sawSep = true;
}

const HEX = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];
/** `sl:` and hash64's 16 hex digits, built as one flat string (no toString/padStart/concatenation per line). */
function slId(a: number, b: number): string {
  return String.fromCharCode(
    115,
    108,
    58,
    HEX[(a >>> 28) & 15]!,
    HEX[(a >>> 24) & 15]!,
    HEX[(a >>> 20) & 15]!,
    HEX[(a >>> 16) & 15]!,
    HEX[(a >>> 12) & 15]!,
    HEX[(a >>> 8) & 15]!,
    HEX[(a >>> 4) & 15]!,
    HEX[a & 15]!,
    HEX[(b >>> 28) & 15]!,
    HEX[(b >>> 24) & 15]!,
    HEX[(b >>> 20) & 15]!,
    HEX[(b >>> 16) & 15]!,
    HEX[(b >>> 12) & 15]!,
    HEX[(b >>> 8) & 15]!,
    HEX[(b >>> 4) & 15]!,
    HEX[b & 15]!,
  );
}

/** What a StatementLine id is made of (DESIGN.md §3); a StatementLine is one. */
export interface IdParts {
  accountId?: string;
  bookedOn: IsoDate;
  amount: MoneyJson;
  reference?: string;
  description: string;
}

function sameKey(p: IdParts, account: string, bookedOn: string, amount: string, currency: string, text: string): boolean {
  return (
    (p.reference ?? p.description) === text &&
    p.amount.amount === amount &&
    p.bookedOn === bookedOn &&
    (p.accountId ?? '') === account &&
    p.amount.currency === currency
  );
}

export class StatementLineIds {
  private readonly counter = new OccurrenceCounter();
  // The keys seen so far and how often, as open-addressing hash tables over flat arrays: one key
  // per line of a large import, and a Map of objects would be most of the memory and GC of reading
  // it. Slot i of a table is [2i] = 1 + the key's index (0: empty) and [2i+1] = its hash, side by
  // side so that a probe reads one cache line; key k's parts are read from keys[k], the object its
  // first occurrence was given as (one reference per key rather than five: every store of a young
  // object into the old array is a remembered-set entry the next scavenge walks), its count is
  // counts[k] and its hash hashes[k]. All are sized for `expectedLines` up front: an array grown by
  // push leaves each smaller copy behind as garbage, in the old generation once it is large.
  //
  // Two keys are only equal when their dates are, and most files list their lines in runs of one
  // date. While no date has come back after its run, only the current run's keys can equal a new
  // one, and they are found in `run`, a small table that stays in cache (slots of earlier runs'
  // keys, index below runStart, count as empty); a table of every key would be a cache miss per
  // line. The first date that comes back switches to `table`, every key in one table, for good.
  private run: Int32Array = new Int32Array(2 * 64);
  private runDate: string | null = null;
  private runStart = 0;
  private readonly closedDates = new Set<string>();
  private table: Int32Array | null = null;
  private readonly keys: IdParts[];
  private counts: Int32Array;
  private hashes: Int32Array;
  /** keys so far */
  private size = 0;
  private readonly expectedLines: number;

  /** `expectedLines`: how many ids will be asked for, if known, so that nothing need grow on the way. */
  constructor(expectedLines = 0) {
    this.expectedLines = Math.max(0, expectedLines);
    this.keys = new Array<IdParts>(this.expectedLines);
    this.counts = new Int32Array(Math.max(16, this.expectedLines));
    this.hashes = new Int32Array(this.counts.length);
  }

  /**
   * `reference` must already be free of placeholders (NONREF, '-', all zeros): see isPlaceholderReference.
   * The first `parts` of each key is kept to compare later keys with, so it must not change while
   * ids are being asked for: pass the StatementLine itself (whose fields are the key) or a fresh object.
   */
  next(parts: IdParts): string {
    const account = parts.accountId ?? '';
    const { bookedOn } = parts;
    const { amount, currency } = parts.amount;
    const text = parts.reference ?? parts.description;
    // stableId('sl', [...key, occurrence]) hashed in pieces: stableId's input is the parts joined
    // by SEP, so the hash state after the key both counts the occurrence (with the parts compared
    // on a hash hit) and continues into the id — unless a part holds SEP itself (seen while hashing).
    hashReset();
    hashText(account);
    hashCode(SEP_CODE);
    hashText(bookedOn);
    hashCode(SEP_CODE);
    hashText(amount);
    hashCode(SEP_CODE);
    hashText(currency);
    hashCode(SEP_CODE);
    hashText(text);
    if (sawSep) {
      // The general rule, which escapes the separator inside parts. Keys with a separator inside
      // never equal one without (they join to more separators), so the two counters never overlap.
      const key = [account, bookedOn, amount, currency, text];
      const occurrence = this.counter.next(key.join(SEP));
      return stableId('sl', [...key, occurrence]);
    }
    const hash = h2 ^ h1;
    if (this.table === null && bookedOn !== this.runDate) {
      if (this.runDate !== null) this.closedDates.add(this.runDate);
      if (this.closedDates.has(bookedOn)) this.toOneTable();
      else {
        this.runDate = bookedOn;
        this.runStart = this.size;
      }
    }
    const table = this.table ?? this.run;
    // in `run`, a slot whose key is of an earlier run (slot - 1 < runStart) is as good as empty
    const free = this.table === null ? this.runStart : 0;
    const mask = (table.length >> 1) - 1;
    const keys = this.keys;
    let i = hash & mask;
    let occurrence = 0;
    for (;;) {
      const slot = table[2 * i]!;
      if (slot <= free) {
        const k = this.add(parts, hash);
        table[2 * i] = k + 1;
        table[2 * i + 1] = hash;
        if ((k + 1 - free) * 4 > table.length) this.grow();
        break;
      }
      const k = slot - 1;
      if (table[2 * i + 1] === hash && sameKey(keys[k]!, account, bookedOn, amount, currency, text)) {
        occurrence = this.counts[k]!;
        this.counts[k] = occurrence + 1;
        break;
      }
      i = (i + 1) & mask;
    }
    hashCode(SEP_CODE);
    if (occurrence < 10) hashCode(48 + occurrence);
    else hashText(String(occurrence));
    return slId(h1, h2);
  }

  /** A new key, seen once: its index. */
  private add(parts: IdParts, hash: number): number {
    const k = this.size++;
    if (k < this.keys.length) this.keys[k] = parts;
    else this.keys.push(parts);
    if (k === this.counts.length) {
      const counts = new Int32Array(2 * k);
      counts.set(this.counts);
      this.counts = counts;
      const hashes = new Int32Array(2 * k);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.counts[k] = 1;
    this.hashes[k] = hash;
    return k;
  }

  /** Twice the slots of the table in use, its keys placed again by their stored hashes. */
  private grow(): void {
    if (this.table === null) this.run = this.place(this.run.length * 2, this.runStart);
    else this.table = this.place(this.table.length * 2, 0);
  }

  /** The keys from index `from` on (all different) in a new table of `length` / 2 slots. */
  private place(length: number, from: number): Int32Array {
    const table = new Int32Array(length);
    const mask = (length >> 1) - 1;
    for (let k = from; k < this.size; k++) {
      const hash = this.hashes[k]!;
      let i = hash & mask;
      while (table[2 * i] !== 0) i = (i + 1) & mask;
      table[2 * i] = k + 1;
      table[2 * i + 1] = hash;
    }
    return table;
  }

  /** From runs to one table of every key. */
  private toOneTable(): void {
    let slots = 256;
    while (slots < Math.max(this.expectedLines, this.size + 1) * 2) slots *= 2;
    this.table = this.place(2 * slots, 0);
    this.run = new Int32Array(0);
  }
}

/**
 * References that identify nothing: SWIFT's NONREF, dashes and slashes that exports put in empty
 * cells, and runs of zeros (ABC's 日志号 "0000000000" on interest rows). Using one as a key would
 * merge unrelated lines, so they are dropped (DESIGN.md §3: "never a placeholder like NONREF").
 */
export function isPlaceholderReference(ref: string): boolean {
  const s = ref.trim();
  // none of the placeholders below has a digit other than 0: most real references stop here
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 49 && c <= 57) return false;
  }
  return s === '' || /^nonref$/i.test(s) || /^[-—/\\*.x]+$/i.test(s) || /^0+$/.test(s) || /^(n\/?a|none|null)$/i.test(s);
}

// One StatementLineIds kept alive with a key in it, so that V8 keeps its hidden class and the code
// optimised for it from one import to the next (see csv.ts, KEPT_FOR_THEIR_HIDDEN_CLASSES).
export const KEPT_FOR_ITS_HIDDEN_CLASS = new StatementLineIds(0);
KEPT_FOR_ITS_HIDDEN_CLASS.next({ bookedOn: '2024-01-01', amount: { amount: '0.00', currency: 'XXX' }, description: '' });
