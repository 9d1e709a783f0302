// String-level fast paths for the amounts of large statement files. Both are exact and give what
// the Decimal path (lib/money.ts parseAmount/toPlain, Dec arithmetic) gives: they only answer for
// text of one simple shape and say "not mine" for everything else, which then takes the Decimal
// path. tests/unit/statements/plain-decimal.test.ts proves them equal to it (fast-check).

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * `text` itself when it already is the MoneyJson amount string that parseAmount + toPlain would
 * give for it: an optional '-', an integer part without leading zeros, '.', exactly two digits,
 * and not a negative zero ("-0.00" is written "0.00"). Else null. Most cells of a large export are
 * of this shape; returning the cell avoids building the same string again.
 */
export function canonicalAmount(text: string): string | null {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const intStart = i;
  // at least one integer digit, '.', two digits
  if (n - intStart < 4 || text.charCodeAt(n - 3) !== 46 || !isDigit(text.charCodeAt(n - 2)) || !isDigit(text.charCodeAt(n - 1))) return null;
  const intEnd = n - 3;
  if (text.charCodeAt(intStart) === 48) {
    if (intEnd - intStart !== 1) return null; // leading zero
    // "-0.00" is not canonical; "-0.05" is
    if (intStart === 1 && text.charCodeAt(n - 2) === 48 && text.charCodeAt(n - 1) === 48) return null;
    return text;
  }
  for (i = intStart; i < intEnd; i++) if (!isDigit(text.charCodeAt(i))) return null;
  return text;
}

/**
 * The amount in integer cents when `text` is an optional '-', 1–13 digits, '.' and exactly two
 * digits ("-12.50", "0012.00"); else NaN. At most 15 digits keep every sum of two such values far
 * inside Number.MAX_SAFE_INTEGER, so adding and comparing cents is exact. "-0.00" gives -0, which
 * compares equal to 0 as the Decimal zero does.
 */
export function plainCents(text: string): number {
  const n = text.length;
  const negative = text.charCodeAt(0) === 45;
  const intStart = negative ? 1 : 0;
  const intEnd = n - 3;
  if (intEnd <= intStart || intEnd - intStart > 13 || text.charCodeAt(intEnd) !== 46) return NaN;
  let v = 0;
  for (let i = intStart; i < intEnd; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return NaN;
    v = v * 10 + (c - 48);
  }
  const d1 = text.charCodeAt(n - 2);
  const d2 = text.charCodeAt(n - 1);
  if (!isDigit(d1) || !isDigit(d2)) return NaN;
  v = v * 100 + (d1 - 48) * 10 + (d2 - 48);
  return negative ? -v : v;
}
