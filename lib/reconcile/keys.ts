// How ids from two sources are compared: the one id normaliser of the reconcile core. Every pass
// that compares terminal, merchant, batch, voucher, reference or order numbers goes through
// normaliseId, so an id is the same id in matching, duplicates, settlement and every rule.
//
// The rule (DOMAIN.md §1.1):
// - terminal (TID, 8 chars), merchant (MID, 15 digits), batch and voucher (6 digits) numbers are
//   fixed-width numbers padded with leading zeros; acquirers print them padded, cashier exports
//   and spreadsheets often drop the padding ('00012345' becomes 12345). Leading zeros are padding:
//   they are dropped (a number made only of zeros keeps one).
// - references (RRN, ISO 8583 field 37, 12 chars), order numbers, card last 4 / BIN, and a
//   reference of unknown kind (originalRef: the sale's RRN, voucher or order number) are compared
//   as printed: an RRN's leading zeros are part of it ('000000000001' is not '1'), and an order
//   number is whatever text the till chose.
// Both are trimmed and upper-cased (exports differ in case and stray spaces, never in meaning).

/** What an id names; decides whether leading zeros are padding. */
export type IdKind = 'terminal' | 'merchant' | 'batch' | 'voucher' | 'rrn' | 'order' | 'card' | 'reference';

const PADDED: Readonly<Record<IdKind, boolean>> = {
  terminal: true,
  merchant: true,
  batch: true,
  voucher: true,
  rrn: false,
  order: false,
  card: false,
  reference: false,
};

/** Leading zeros are padding for this kind of id (terminal, merchant, batch, voucher numbers). */
export function isPaddedKind(kind: IdKind): boolean {
  return PADDED[kind];
}

/** trim() then toUpperCase(). */
const trimUpper = (s: string): string => s.trim().toUpperCase();

/**
 * The form two sources' ids are compared in: trimmed, upper case, and for padded kinds without
 * leading zeros. '' for a missing id. A string already in that form (ASCII, no space or control,
 * no a–z, and for padded kinds no leading '0') is returned as it is, without a copy: most ids are.
 */
export function normaliseId(kind: IdKind, s: string | undefined): string {
  if (s === undefined || s.length === 0) return '';
  const padded = PADDED[kind];
  if (padded && s.charCodeAt(0) === 48) return stripPadding(trimUpper(s));
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c >= 127 || (c >= 97 && c <= 122)) return padded ? stripPadding(trimUpper(s)) : trimUpper(s);
  }
  return s;
}

/** '00012345' → '12345'; '0000' → '0'. */
function stripPadding(s: string): string {
  let i = 0;
  while (i < s.length - 1 && s.charCodeAt(i) === 48) i++;
  return i === 0 ? s : s.slice(i);
}

/** The same id for the comparisons of this kind (both present and equal once normalised). */
export function sameId(kind: IdKind, a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && normaliseId(kind, a) === normaliseId(kind, b);
}
