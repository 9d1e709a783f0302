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
    115, 108, 58,
    HEX[(a >>> 28) & 15]!, HEX[(a >>> 24) & 15]!, HEX[(a >>> 20) & 15]!, HEX[(a >>> 16) & 15]!,
    HEX[(a >>> 12) & 15]!, HEX[(a >>> 8) & 15]!, HEX[(a >>> 4) & 15]!, HEX[a & 15]!,
    HEX[(b >>> 28) & 15]!, HEX[(b >>> 24) & 15]!, HEX[(b >>> 20) & 15]!, HEX[(b >>> 16) & 15]!,
    HEX[(b >>> 12) & 15]!, HEX[(b >>> 8) & 15]!, HEX[(b >>> 4) & 15]!, HEX[b & 15]!,
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
  return (p.reference ?? p.description) === text && p.amount.amount === amount && p.bookedOn === bookedOn && (p.accountId ?? '') === account && p.amount.currency === currency;
}

export class StatementLineIds {
  private readonly counter = new OccurrenceCounter();
  // The keys seen so far and how often, as an open-addressing hash table over flat arrays: one
  // key per line of a large import, and a Map of objects would be most of the memory and GC of
  // reading it. Slot i is table[2i] = 1 + the key's index (0: empty) and table[2i+1] = its hash,
  // side by side so that a probe reads one cache line; key k's parts are read from keys[k], the
  // object its first occurrence was given as (one reference per key rather than five: every store
  // of a young object into the old array is a remembered-set entry the next scavenge walks), its
  // count is counts[k]. Both are sized for `expectedLines` up front: an array grown by push leaves
  // each smaller copy behind as garbage, in the old generation once it is large.
  private table: Int32Array;
  private readonly keys: IdParts[];
  private counts: Int32Array;
  /** keys so far */
  private size = 0;

  /** `expectedLines`: how many ids will be asked for, if known, so the table need not grow on the way. */
  constructor(expectedLines = 0) {
    let slots = 256;
    while (slots < expectedLines * 2) slots *= 2;
    this.table = new Int32Array(2 * slots);
    this.keys = new Array<IdParts>(Math.max(0, expectedLines));
    this.counts = new Int32Array(Math.max(16, expectedLines));
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
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    const keys = this.keys;
    let i = hash & mask;
    let occurrence = 0;
    for (;;) {
      const slot = table[2 * i]!;
      if (slot === 0) {
        const k = this.size++;
        table[2 * i] = k + 1;
        table[2 * i + 1] = hash;
        if (k < keys.length) keys[k] = parts;
        else keys.push(parts);
        if (k === this.counts.length) {
          const counts = new Int32Array(2 * k);
          counts.set(this.counts);
          this.counts = counts;
        }
        this.counts[k] = 1;
        if ((k + 1) * 4 > table.length) this.grow();
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

  /** Twice the slots, every key placed again by its stored hash. */
  private grow(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    const mask = (table.length >> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      const slot = old[j]!;
      if (slot === 0) continue;
      const hash = old[j + 1]!;
      let i = hash & mask;
      while (table[2 * i] !== 0) i = (i + 1) & mask;
      table[2 * i] = slot;
      table[2 * i + 1] = hash;
    }
    this.table = table;
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
