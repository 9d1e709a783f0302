// The reference for lib/reconcile/memo-merchant.ts: the rule as first written, one substring test
// per MID and memo (memoMerchantReader indexes the MIDs instead; memo-merchant.test.ts compares).
import { normaliseId } from '../../../../lib/reconcile/keys';

const LABELLED_DIGITS = /(?:商户号?|MID|merchant(?:\s*(?:no\.?|id|number))?)\s*[:：#]?\s*\.{0,3}\s*(\d{4,20})/gi;

export function memoMerchantByScan(text: string, mids: readonly string[]): string | undefined {
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
