// The StatementLine id rule of DESIGN.md §3, shared by every statement parser: deterministic from
// content — account + bookedOn + amount + reference (or description) + occurrence index — so that
// importing an overlapping file adds nothing, while two identical lines in one file (two equal
// coffees on one day) stay two lines.
import { Hash64, OccurrenceCounter, stableId } from '../ids';
import type { IsoDate, MoneyJson } from '../model';

const SEP = '\u001f';

/** One id key seen so far and how often; `next` chains keys whose 53-bit hash collides. */
interface Seen {
  account: string;
  bookedOn: string;
  amount: string;
  currency: string;
  text: string;
  count: number;
  next: Seen | undefined;
}

export class StatementLineIds {
  private readonly counter = new OccurrenceCounter();
  private readonly seen = new Map<number, Seen>();
  private readonly hash = new Hash64();

  /** `reference` must already be free of placeholders (NONREF, '-', all zeros): see isPlaceholderReference. */
  next(parts: { accountId?: string; bookedOn: IsoDate; amount: MoneyJson; reference?: string; description: string }): string {
    const account = parts.accountId ?? '';
    const { bookedOn } = parts;
    const { amount, currency } = parts.amount;
    const text = parts.reference ?? parts.description;
    if (account.includes(SEP) || bookedOn.includes(SEP) || amount.includes(SEP) || currency.includes(SEP) || text.includes(SEP)) {
      // The general rule, which escapes the separator inside parts. Keys with a separator inside
      // never equal one without (they join to more separators), so the two counters never overlap.
      const key = [account, bookedOn, amount, currency, text];
      const occurrence = this.counter.next(key.join(SEP));
      return stableId('sl', [...key, occurrence]);
    }
    // The same id as the rule above, stableId('sl', [...key, occurrence]), hashed in pieces:
    // stableId's input is the parts joined by SEP, so the hash state after the key both counts the
    // occurrence (with the parts compared on a hash hit) and continues into the id.
    const h = this.hash.reset().update(account).update(SEP).update(bookedOn).update(SEP).update(amount).update(SEP).update(currency).update(SEP).update(text);
    const slot = (h.h1 >>> 0) * 0x200000 + ((h.h2 >>> 0) & 0x1fffff);
    const first = this.seen.get(slot);
    let entry = first;
    while (entry && !(entry.text === text && entry.amount === amount && entry.bookedOn === bookedOn && entry.account === account && entry.currency === currency)) entry = entry.next;
    let occurrence = 0;
    if (entry) occurrence = entry.count++;
    else this.seen.set(slot, { account, bookedOn, amount, currency, text, count: 1, next: first });
    return `sl:${h.update(SEP).update(String(occurrence)).digest()}`;
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
