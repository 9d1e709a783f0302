// Which merchant number a bank credit's memo names (DESIGN.md "Coverage": a credit's memo naming
// a MID binds it to that MID). Banks write the full 商户号 ("结算 商户号898310054110001") or its
// last digits after a label ("商户0001", "MID ...0002"); a tail two known MIDs share names neither.
// A MID's leading zeros are padding (keys.ts): a memo may print it with or without them.
//
// The settlement review asks this of every credit, and a chain of stores has hundreds of MIDs:
// memoMerchantReader prepares the MIDs once, so a memo is read in time proportional to its
// length, not to the number of MIDs (at 1M rows, 500 MIDs × 600k memos were 300M substring tests).
import { normaliseId } from './keys';

const LABELLED_DIGITS = /(?:商户号?|MID|merchant(?:\s*(?:no\.?|id|number))?)\s*[:：#]?\s*\.{0,3}\s*(\d{4,20})/gi;
/** what LABELLED_DIGITS needs somewhere in a memo (tested first: most memos have no label, and matchAll copies its regex per call) */
const LABEL = /商户|mid|merchant/i;
/** A full MID is recognised from this many characters on (shorter ones only after a label). */
const FULL_FROM = 6;

/**
 * The known merchant number a memo names, or undefined (names none, or is ambiguous).
 * `mids`: the merchant numbers of the portal rows, normalised as the rows carry them.
 */
export function memoMerchant(text: string, mids: readonly string[]): string | undefined {
  return memoMerchantReader(mids)(text);
}

/** memoMerchant(text, mids) for many memos and the same `mids`. */
export function memoMerchantReader(mids: readonly string[]): (text: string) => string | undefined {
  const bare = mids.map((m) => normaliseId('merchant', m));
  // full MIDs (in `mids` order) by their first FULL_FROM characters: a memo contains one only
  // where those characters start
  const byHead = new Map<string, number[]>();
  const headChars = new Set<string>();
  bare.forEach((b, i) => {
    if (b.length < FULL_FROM) return;
    const head = b.slice(0, FULL_FROM);
    const list = byHead.get(head);
    if (list) list.push(i);
    else byHead.set(head, [i]);
    headChars.add(b[0]!);
  });
  // a chain's MIDs mostly start alike ('8983…'): each first character is looked for with indexOf
  const firstChars = [...headChars];
  // MIDs (in `mids` order) by each of their endings of 4 characters or more: what a label's digits may be
  const byTail = new Map<string, number[]>();
  bare.forEach((b, i) => {
    for (let k = 4; k <= b.length; k++) {
      const tail = b.slice(b.length - k);
      const list = byTail.get(tail);
      if (list) list.push(i);
      else byTail.set(tail, [i]);
    }
  });
  // no Set per memo: the one MID found so far and whether a second one was (the reader runs on
  // every held credit, ~100k memos at 100k rows)
  return (text) => {
    if (mids.length === 0 || !/\d{4}/.test(text)) return undefined;
    // every place a full MID's head starts (in any order: the answer is the one MID met, or none when two are)
    let full = -1;
    for (const first of firstChars)
      for (let at = text.indexOf(first); at >= 0 && at + FULL_FROM <= text.length; at = text.indexOf(first, at + 1)) {
        const heads = byHead.get(text.slice(at, at + FULL_FROM));
        if (heads === undefined) continue;
        for (const i of heads) {
          if (i === full || !text.startsWith(bare[i]!, at)) continue;
          // two MIDs named in full: ambiguous
          if (full >= 0) return undefined;
          full = i;
        }
      }
    if (full >= 0) return mids[full];
    if (!LABEL.test(text)) return undefined;
    let named: string | undefined;
    for (const m of text.matchAll(LABELLED_DIGITS)) {
      const hits = byTail.get(m[1]!);
      if (hits === undefined) continue;
      if (hits.length > 1) return undefined;
      const mid = mids[hits[0]!]!;
      // two labels naming two MIDs: ambiguous
      if (named !== undefined && named !== mid) return undefined;
      named = mid;
    }
    return named;
  };
}
