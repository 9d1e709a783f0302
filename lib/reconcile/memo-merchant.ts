// Which merchant number a bank credit's memo names (DESIGN.md "Coverage": a credit's memo naming
// a MID binds it to that MID). Banks write the full 商户号 ("结算 商户号898310054110001") or its
// last digits after a label ("商户0001", "MID ...0002"); a tail two known MIDs share names neither.
// A MID's leading zeros are padding (keys.ts): a memo may print it with or without them.
import { normaliseId } from './keys';

const LABELLED_DIGITS = /(?:商户号?|MID|merchant(?:\s*(?:no\.?|id|number))?)\s*[:：#]?\s*\.{0,3}\s*(\d{4,20})/gi;

/**
 * The known merchant number this memo names, or undefined (names none, or is ambiguous).
 * `mids`: the merchant numbers of the portal rows, normalised as the rows carry them.
 */
export function memoMerchant(text: string, mids: readonly string[]): string | undefined {
  if (mids.length === 0 || !/\d{4}/.test(text)) return undefined;
  const bare = mids.map((m) => normaliseId('merchant', m));
  const full = mids.filter((_, i) => bare[i]!.length >= 6 && text.includes(bare[i]!));
  if (full.length === 1) return full[0];
  if (full.length > 1) return undefined;
  const named = new Set<string>();
  for (const m of text.matchAll(LABELLED_DIGITS)) {
    const digits = m[1]!;
    const hits = mids.filter((_, i) => bare[i]!.endsWith(digits));
    if (hits.length === 1) named.add(hits[0]!);
    else if (hits.length > 1) return undefined;
  }
  return named.size === 1 ? [...named][0] : undefined;
}
